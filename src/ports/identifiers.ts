/** Identifier schemes a jurisdiction validates (national insurance numbers and the like). */

export type IdentifierCheck =
  | { readonly valid: true; readonly normalized: string }
  | {
      readonly valid: false;
      readonly rule: 'format' | 'checksum' | 'date' | 'range';
      readonly message: string;
    };

export interface IdentifierScheme {
  /** Stable id, `<cc>-<name>`, e.g. `cn-resident-identity-number`. */
  readonly id: string;
  readonly name: string;
  /** The value identifies a natural person: never logged or echoed, kept pseudonymised. */
  readonly personal: boolean;
  validate(value: string): IdentifierCheck;
  /** Synthetic examples, used by the conformance suite; never real people's numbers. */
  readonly examples: { readonly valid: readonly string[]; readonly invalid: readonly string[] };
}
