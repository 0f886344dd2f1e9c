/**
 * What of an insured person is screened: the name (Latin, and in its own script when given),
 * birth date, the countries the person is tied to, and the national identifier — all in memory
 * only; the screening record keeps none of it.
 */
import { extractIBAN } from 'ibantools';
import type { InsuredPerson } from '../../schemas/privacy.ts';
import type { ScreeningQuery } from '../services/screening/matching/index.ts';

export function personQuery(person: InsuredPerson): ScreeningQuery {
  const countries = new Set<string>();
  if (person.address?.country) countries.add(person.address.country);
  const iban = person.bankAccount?.iban ? extractIBAN(person.bankAccount.iban) : undefined;
  if (iban?.valid && iban.countryCode) countries.add(iban.countryCode);
  const schemeCountry = person.nationalIdentifier.scheme.slice(0, 2).toUpperCase();
  if (/^[A-Z]{2}$/.test(schemeCountry)) countries.add(schemeCountry);
  return {
    name: `${person.name.given} ${person.name.family}`,
    ...(person.name.original ? { originalName: person.name.original } : {}),
    type: 'person',
    birthDate: person.birthDate,
    countries: [...countries],
    identifiers: [{ number: person.nationalIdentifier.value, type: person.nationalIdentifier.scheme }],
  };
}
