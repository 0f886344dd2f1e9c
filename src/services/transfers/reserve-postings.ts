/**
 * The reserve journal of a transfer (signed minor units, debit positive):
 *
 *   contribution  source currency: Dr collection:<partner> S, Cr fees F, Cr fx_position (S − F)
 *                 target currency: Dr fx_position T,           Cr fund:<home> T
 *   benefit       source currency: Dr fund:<home> S,           Cr fees F, Cr fx_position (S − F)
 *                 target currency: Dr fx_position T,           Cr payable:<partner> T
 *
 * Each currency balances on its own; the FX position accounts carry the conversion.
 */
import type { PostingInput } from '../ledger/ledger.ts';

export interface ReserveInput {
  purpose: 'contribution' | 'benefit';
  homeJurisdiction: string;
  partnerJurisdiction: string;
  sourceCurrency: string;
  targetCurrency: string;
  sourceAmountMinor: bigint;
  targetAmountMinor: bigint;
  feeMinor: bigint;
}

export function reservePostings(input: ReserveInput): PostingInput[] {
  const { sourceCurrency: sc, targetCurrency: tc } = input;
  const funding =
    input.purpose === 'contribution'
      ? { kind: 'collection' as const, currency: sc, jurisdiction: input.partnerJurisdiction }
      : { kind: 'fund' as const, currency: sc, jurisdiction: input.homeJurisdiction };
  const owed =
    input.purpose === 'contribution'
      ? { kind: 'fund' as const, currency: tc, jurisdiction: input.homeJurisdiction }
      : { kind: 'payable' as const, currency: tc, jurisdiction: input.partnerJurisdiction };
  return [
    { account: funding, amountMinor: input.sourceAmountMinor },
    { account: { kind: 'fees', currency: sc }, amountMinor: -input.feeMinor },
    {
      account: { kind: 'fx_position', currency: sc },
      amountMinor: -(input.sourceAmountMinor - input.feeMinor),
    },
    { account: { kind: 'fx_position', currency: tc }, amountMinor: input.targetAmountMinor },
    { account: owed, amountMinor: -input.targetAmountMinor },
  ];
}
