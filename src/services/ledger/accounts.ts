/** Ledger account naming: `<kind>:<currency>` or `<kind>:<jurisdiction>:<currency>`. */

export const ACCOUNT_KINDS = ['collection', 'fund', 'fx_position', 'fees', 'in_transit', 'payable'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export interface AccountRef {
  readonly kind: AccountKind;
  readonly currency: string;
  /** Set for accounts held per jurisdiction: collection, fund, payable. */
  readonly jurisdiction?: string;
}

export function accountId(ref: AccountRef): string {
  return ref.jurisdiction ? `${ref.kind}:${ref.jurisdiction}:${ref.currency}` : `${ref.kind}:${ref.currency}`;
}
