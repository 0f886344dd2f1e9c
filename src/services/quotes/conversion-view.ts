/** The wire form of the conversion a quote prices and a transfer carries. */
import { formatMinorUnits } from '../../core/money.ts';

export interface ConversionRow {
  purpose: 'contribution' | 'benefit';
  partnerJurisdiction: string;
  sourceJurisdiction: string;
  targetJurisdiction: string;
  sourceCurrency: string;
  targetCurrency: string;
  sourceAmountMinor: bigint;
  targetAmountMinor: bigint;
}

export function conversionView(row: ConversionRow) {
  return {
    purpose: row.purpose,
    partnerJurisdiction: row.partnerJurisdiction,
    sourceJurisdiction: row.sourceJurisdiction,
    targetJurisdiction: row.targetJurisdiction,
    sourceCurrency: row.sourceCurrency,
    targetCurrency: row.targetCurrency,
    sourceAmount: formatMinorUnits(row.sourceAmountMinor, row.sourceCurrency),
    targetAmount: formatMinorUnits(row.targetAmountMinor, row.targetCurrency),
  };
}
