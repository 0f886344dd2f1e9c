/** Identifier schemes a jurisdiction validates (national insurance numbers and the like). */

/** Which rule a value failed: its shape, its check digits, an embedded date, a range or a country. */
export const IDENTIFIER_RULES = ['format', 'checksum', 'date', 'range', 'country'] as const;
export type IdentifierRule = (typeof IDENTIFIER_RULES)[number];

export type IdentifierCheck =
  | { readonly valid: true; readonly normalized: string }
  | {
      readonly valid: false;
      readonly rule: IdentifierRule;
      readonly message: string;
    };

export interface IdentifierScheme {
  /** Stable id, `<cc>-<name>`, e.g. `cn-resident-identity-number`. */
  readonly id: string;
  readonly name: string;
  /** The value identifies a natural person: never logged or echoed, kept pseudonymised. */
  readonly personal: boolean;
  /** What the scheme identifies: a person, a bank account, a bank, a payment reference. */
  readonly kind: 'person' | 'account' | 'bank' | 'reference';
  validate(value: string): IdentifierCheck;
  /** Synthetic examples, used by the conformance suite; never real people's numbers. */
  readonly examples: { readonly valid: readonly string[]; readonly invalid: readonly string[] };
}
