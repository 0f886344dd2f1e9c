/**
 * Checks and normalises an insured person before anything is stored: the national identifier
 * against its jurisdiction's scheme (which must identify a person), the IBAN with ibantools, the
 * birth date as a real past date. Refusals name the field and the rule, never the value.
 */
import { validateIban } from '../../../adapters/_shared/bank-identifiers.ts';
import type { InsuredPerson } from '../../../schemas/privacy.ts';
import { GatewayError } from '../../core/errors.ts';
import type { IdentifierScheme, JurisdictionAdapter } from '../../ports/index.ts';
import type { AdapterRegistry } from '../adapters/registry.ts';

export interface FieldProblem {
  path: string;
  message: string;
  code: string;
}

export interface CheckedIdentifier {
  jurisdiction: JurisdictionAdapter;
  scheme: IdentifierScheme;
  normalized: string;
}

function personInvalid(problems: FieldProblem[]): GatewayError {
  return new GatewayError('person_invalid', 'Some personal data was rejected.', {
    details: { errors: problems },
  });
}

/** The adapter that owns an identifier scheme id (`<cc>-<name>`), and the scheme. */
function findScheme(registry: AdapterRegistry, schemeId: string) {
  for (const adapter of registry.list()) {
    const scheme = adapter.identifiers.find((item) => item.id === schemeId);
    if (scheme) return { adapter, scheme };
  }
  return undefined;
}

/** The identifier checked against its scheme, or the problem with it. */
function identifierProblem(
  registry: AdapterRegistry,
  identifier: { scheme: string; value: string },
  path: string,
): CheckedIdentifier | FieldProblem {
  const found = findScheme(registry, identifier.scheme);
  if (found?.scheme.kind !== 'person') {
    return {
      path: `${path}.scheme`,
      code: 'identifier_scheme_unknown',
      message: 'not a personal identifier scheme of an enabled jurisdiction',
    };
  }
  const result = found.scheme.validate(identifier.value);
  if (!result.valid) {
    return { path: `${path}.value`, code: `identifier_${result.rule}`, message: result.message };
  }
  return { jurisdiction: found.adapter, scheme: found.scheme, normalized: result.normalized };
}

export function checkNationalIdentifier(
  registry: AdapterRegistry,
  identifier: { scheme: string; value: string },
  path: string,
): CheckedIdentifier {
  const checked = identifierProblem(registry, identifier, path);
  if ('path' in checked) throw personInvalid([checked]);
  return checked;
}

function isRealPastDate(text: string, now: Date): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return (
    !Number.isNaN(date.getTime()) &&
    date.toISOString().slice(0, 10) === text &&
    date.getTime() <= now.getTime() &&
    date.getUTCFullYear() >= 1880
  );
}

/**
 * The person with normalised identifiers; throws `person_invalid` listing every bad field. Only
 * the parts present are checked (a person known from a consent has only an identifier).
 */
export function checkInsuredPerson<
  Person extends Partial<InsuredPerson> & Pick<InsuredPerson, 'nationalIdentifier'>,
>(
  registry: AdapterRegistry,
  person: Person,
  now: Date,
  path = 'insuredPerson',
): { person: Person; identifier: CheckedIdentifier } {
  const at = (field: string) => (path ? `${path}.${field}` : field);
  const problems: FieldProblem[] = [];
  const identifier = identifierProblem(registry, person.nationalIdentifier, at('nationalIdentifier'));
  if ('path' in identifier) problems.push(identifier);
  if (person.birthDate !== undefined && !isRealPastDate(person.birthDate, now)) {
    problems.push({ path: at('birthDate'), code: 'date_invalid', message: 'not a past calendar date' });
  }
  let bankAccount = person.bankAccount;
  if (bankAccount?.iban !== undefined) {
    const country = bankAccount.iban.replace(/\s+/g, '').slice(0, 2).toUpperCase();
    const iban = validateIban(bankAccount.iban, country);
    if (iban.valid) bankAccount = { ...bankAccount, iban: iban.normalized };
    else problems.push({ path: at('bankAccount.iban'), code: `iban_${iban.rule}`, message: iban.message });
  }
  if (problems.length > 0 || 'path' in identifier) throw personInvalid(problems);
  return {
    person: {
      ...person,
      nationalIdentifier: { scheme: identifier.scheme.id, value: identifier.normalized },
      ...(bankAccount ? { bankAccount } : {}),
    },
    identifier,
  };
}

/** Refuses a date a person's request or consent cannot carry: one after `now`. */
export function assertNotFuture(date: Date, now: Date, path: string, message: string): void {
  if (date.getTime() > now.getTime()) {
    throw new GatewayError('validation_failed', message, {
      details: { errors: [{ path, message: 'after the current time', code: 'date_invalid' }] },
    });
  }
}

/** What the pseudonyms of a person are computed from: scheme and normalised identifier. */
export function pseudonymInput(identifier: { scheme: string; value: string }): string {
  return `${identifier.scheme}:${identifier.value}`;
}
