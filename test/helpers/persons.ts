/**
 * Synthetic insured persons for tests: valid identifiers from the adapters' own examples, made-up
 * names and addresses. Never real people.
 */
import type { InsuredPerson } from '../../schemas/privacy.ts';

/** A person known to the German agency, living in Berlin, paid into a German account. */
export function germanPerson(overrides: Partial<InsuredPerson> = {}): InsuredPerson {
  return {
    nationalIdentifier: { scheme: 'de-rentenversicherungsnummer', value: '65170839J003' },
    name: { given: 'Mei', family: 'Lindqvist-Wang', original: '王美' },
    birthDate: '1939-08-17',
    address: { lines: ['Friedrichstraße 12'], postalCode: '10117', city: 'Berlin', country: 'DE' },
    contact: { email: 'mei.lw@example.org', phone: '+4930555123' },
    bankAccount: { iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX' },
    benefit: { type: 'old_age_pension', period: '2026-11' },
    health: { incapacityPercent: 40 },
    preferredLanguage: 'de',
    ...overrides,
  };
}

/** A person identified by their Chinese resident identity number. */
export function chinesePerson(overrides: Partial<InsuredPerson> = {}): InsuredPerson {
  return {
    nationalIdentifier: { scheme: 'cn-resident-identity-number', value: '11010519491231002X' },
    name: { given: 'Jian', family: 'Liu', original: '刘建' },
    birthDate: '1949-12-31',
    bankAccount: { iban: 'DE44 5001 0517 5407 3249 31' },
    preferredLanguage: 'zh',
    ...overrides,
  };
}
