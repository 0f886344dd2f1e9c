import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountId } from '../ledger/accounts.ts';
import { normalisePostings } from '../ledger/ledger.ts';
import { reservePostings } from './reserve-postings.ts';

describe('reservePostings', () => {
  it('books a contribution from the collection account to the home fund', () => {
    const lines = reservePostings({
      purpose: 'contribution',
      homeJurisdiction: 'CN',
      partnerJurisdiction: 'DE',
      sourceCurrency: 'EUR',
      targetCurrency: 'CNY',
      sourceAmountMinor: 25_000n,
      targetAmountMinor: 203_014n,
      feeMinor: 213n,
    });
    expect(lines.map((line) => [accountId(line.account), line.amountMinor])).toEqual([
      ['collection:DE:EUR', 25_000n],
      ['fees:EUR', -213n],
      ['fx_position:EUR', -24_787n],
      ['fx_position:CNY', 203_014n],
      ['fund:CN:CNY', -203_014n],
    ]);
  });

  it('books a benefit from the home fund to the payable account abroad', () => {
    const lines = reservePostings({
      purpose: 'benefit',
      homeJurisdiction: 'CN',
      partnerJurisdiction: 'DE',
      sourceCurrency: 'CNY',
      targetCurrency: 'EUR',
      sourceAmountMinor: 500_000n,
      targetAmountMinor: 60_680n,
      feeMinor: 0n,
    });
    const ids = normalisePostings(lines).map((line) => accountId(line.account));
    expect(ids).toEqual(['fund:CN:CNY', 'fx_position:CNY', 'fx_position:EUR', 'payable:DE:EUR']);
  });

  it('property: balances per currency for any amounts, same currency included', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('contribution', 'benefit') as fc.Arbitrary<'contribution' | 'benefit'>,
        fc.bigInt({ min: 1n, max: 10n ** 15n }),
        fc.bigInt({ min: 1n, max: 10n ** 15n }),
        fc.bigInt({ min: 0n, max: 10n ** 6n }),
        fc.boolean(),
        (purpose, source, target, fee, sameCurrency) => {
          const lines = reservePostings({
            purpose,
            homeJurisdiction: 'CN',
            partnerJurisdiction: 'XR',
            sourceCurrency: 'EUR',
            targetCurrency: sameCurrency ? 'EUR' : 'CNY',
            sourceAmountMinor: source + fee,
            targetAmountMinor: target,
            feeMinor: fee,
          });
          const sums = new Map<string, bigint>();
          for (const line of lines)
            sums.set(line.account.currency, (sums.get(line.account.currency) ?? 0n) + line.amountMinor);
          for (const sum of sums.values()) expect(sum).toBe(0n);
          expect(() => normalisePostings(lines)).not.toThrow();
        },
      ),
    );
  });
});
