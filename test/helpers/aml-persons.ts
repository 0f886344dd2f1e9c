/**
 * Distinct synthetic persons for AML tests: each serial (0–99) gives its own valid German pension
 * insurance number and its own valid German IBAN, so that persons share an account only when a
 * test says so. Never real people.
 */
import { composeIBAN } from 'ibantools';
import { rentenversicherungsnummerCheckDigit } from '../../adapters/de/rentenversicherungsnummer.ts';
import type { InsuredPerson } from '../../schemas/privacy.ts';
import { germanPerson } from './persons.ts';

export function deNumber(serial: number): string {
  const first11 = `65170839J${String(serial).padStart(2, '0')}`;
  return `${first11}${rentenversicherungsnummerCheckDigit(first11)}`;
}

export function deIban(serial: number): string {
  const iban = composeIBAN({ countryCode: 'DE', bban: `37040044${String(serial).padStart(10, '0')}` });
  if (!iban) throw new Error(`no IBAN for ${serial}`);
  return iban;
}

export function amlPerson(serial: number, change: Partial<InsuredPerson> = {}): InsuredPerson {
  return germanPerson({
    nationalIdentifier: { scheme: 'de-rentenversicherungsnummer', value: deNumber(serial) },
    bankAccount: { iban: deIban(serial) },
    ...change,
  });
}
