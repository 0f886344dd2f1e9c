import { describe, expect, it } from 'vitest';
import { countryCode } from './countries.ts';

describe('countryCode', () => {
  it.each([
    ['Iran', 'IR'],
    ['Russia', 'RU'],
    ['Russian Federation', 'RU'],
    ['Korea, North', 'KP'],
    ['Korea, South', 'KR'],
    ['Burma', 'MM'],
    ['Congo, Democratic Republic of the', 'CD'],
    ['Democratic Republic of the Congo', 'CD'],
    ['Congo, Republic of the', 'CG'],
    ['Palestinian', 'PS'],
    ['Region: Crimea', 'UA'],
    ['Region: Gaza', 'PS'],
    ['Iran (Islamic Republic of)', 'IR'],
    ['Syrian Arab Republic', 'SY'],
    ['Syria', 'SY'],
    ['Cote d Ivoire', 'CI'],
    ['Bahamas, The', 'BS'],
    ['Viet Nam', 'VN'],
    ['Germany', 'DE'],
    ['China', 'CN'],
    ['Tehran, Iran', 'IR'],
    ['Culiacan, Sinaloa, Mexico', 'MX'],
    ['Gaza (Palestinian Authority)', 'PS'],
    ['Iraq.', 'IQ'],
    ['RU', 'RU'],
  ])('%s → %s', (name, code) => {
    expect(countryCode(name)).toBe(code);
  });

  it.each([['USSR'], ['former Soviet Union'], ['undetermined'], ['-0-'], ['00'], [''], ['Sinaloa'], ['ZZ']])(
    '%s names no current country',
    (name) => {
      expect(countryCode(name)).toBeUndefined();
    },
  );

  it('reads undefined as no country', () => {
    expect(countryCode(undefined)).toBeUndefined();
  });
});
