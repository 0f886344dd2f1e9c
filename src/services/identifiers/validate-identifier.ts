/**
 * Checks an identifier against one of a jurisdiction's schemes, for a partner who wants to know
 * before sending it. The answer says valid, or which rule failed; it never contains the value,
 * and nothing here stores or logs it.
 */
import { GatewayError } from '../../core/errors.ts';
import type { IdentifierRule, JurisdictionAdapter } from '../../ports/index.ts';

export interface IdentifierValidationResult {
  object: 'identifier_validation';
  scheme: string;
  valid: boolean;
  rule?: IdentifierRule;
  message?: string;
}

export function validateIdentifier(
  adapter: JurisdictionAdapter,
  schemeId: string,
  value: string,
): IdentifierValidationResult {
  const scheme = adapter.identifiers.find((item) => item.id === schemeId);
  if (!scheme) {
    throw new GatewayError(
      'identifier_scheme_unknown',
      `${adapter.identity.code} has no identifier scheme with this id.`,
      { details: { schemes: adapter.identifiers.map((item) => item.id) } },
    );
  }
  const result = scheme.validate(value);
  return result.valid
    ? { object: 'identifier_validation', scheme: scheme.id, valid: true }
    : {
        object: 'identifier_validation',
        scheme: scheme.id,
        valid: false,
        rule: result.rule,
        message: result.message,
      };
}
