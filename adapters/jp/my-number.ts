/**
 * Japanese Individual Number (個人番号, "My Number", マイナンバー): 11 digits and a check digit.
 *
 * Check digit (Ordinance of the Ministry of Internal Affairs and Communications on the
 * Individual Number, 行政手続における特定の個人を識別するための番号の利用等に関する法律の規定による
 * 通知カード及び個人番号カード並びに情報提供ネットワークシステムによる特定個人情報の提供等に関する
 * 省令, Article 5): with P_n the n-th digit from the right of the 11 digits before the check
 * digit (n = 1 … 11) and Q_n = n + 1 for 1 ≤ n ≤ 6, n − 5 for 7 ≤ n ≤ 11, let
 * r = (Σ P_n × Q_n) mod 11; the check digit is 0 when r ≤ 1, otherwise 11 − r.
 *
 * Because r = 0 and r = 1 both give 0, this check does not detect every single-digit error.
 */
import type { IdentifierCheck, IdentifierScheme } from '../../src/ports/index.ts';

/** The check digit of the first 11 digits. */
export function myNumberCheckDigit(first11: string): string {
  let sum = 0;
  for (let n = 1; n <= 11; n += 1) {
    const digit = Number(first11[11 - n]);
    const weight = n <= 6 ? n + 1 : n - 5;
    sum += digit * weight;
  }
  const remainder = sum % 11;
  return String(remainder <= 1 ? 0 : 11 - remainder);
}

export function validateMyNumber(value: string): IdentifierCheck {
  const compact = value.replace(/[\s./-]/g, '');
  if (!/^[0-9]{12}$/.test(compact)) {
    return { valid: false, rule: 'format', message: 'expected 12 digits' };
  }
  if (myNumberCheckDigit(compact.slice(0, 11)) !== compact[11]) {
    return { valid: false, rule: 'checksum', message: 'the check digit does not match' };
  }
  return { valid: true, normalized: compact };
}

export const jpMyNumber: IdentifierScheme = {
  id: 'jp-my-number',
  name: 'Individual Number (個人番号, マイナンバー)',
  personal: true,
  kind: 'person',
  validate: validateMyNumber,
  examples: {
    valid: ['123456789018', '1234 5678 9018', '000000000000'],
    invalid: ['123456789010', '12345678901', '1234567890188', 'ABCDEFGHIJKL', ''],
  },
};
