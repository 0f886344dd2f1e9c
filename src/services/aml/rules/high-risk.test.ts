import { describe, expect, it } from 'vitest';
import { EUR_DEFAULTS, facts } from '../../../../test/helpers/aml-facts.ts';
import { highRiskReasons } from './high-risk.ts';

describe('high-risk jurisdictions', () => {
  it('gives HIGH_RISK_CALL_FOR_ACTION for a person living in Iran', () => {
    const reasons = highRiskReasons(EUR_DEFAULTS, facts({ countries: [{ code: 'IR', source: 'address' }] }));
    expect(reasons).toEqual([
      {
        code: 'HIGH_RISK_CALL_FOR_ACTION',
        rule: 'high_risk_jurisdiction',
        score: 100,
        action: 'review',
        details: { countries: 'IR', sources: 'address', list: 'call_for_action', listedSince: '2020-02-21' },
      },
    ]);
  });

  it('applies a grey listing from the day of its statement and not on the day of the removal', () => {
    // Croatia: listed on 23 June 2023, removed on 13 June 2025.
    const croatia = (date: string) =>
      highRiskReasons(EUR_DEFAULTS, facts({ date, countries: [{ code: 'HR', source: 'iban' }] }));
    expect(croatia('2023-06-22')).toEqual([]);
    expect(croatia('2023-06-23').map((item) => item.code)).toEqual(['HIGH_RISK_INCREASED_MONITORING']);
    expect(croatia('2025-06-12').map((item) => item.code)).toEqual(['HIGH_RISK_INCREASED_MONITORING']);
    expect(croatia('2025-06-13')).toEqual([]);
    // Kuwait: listed on 13 February 2026.
    const kuwait = (date: string) =>
      highRiskReasons(EUR_DEFAULTS, facts({ date, countries: [{ code: 'KW', source: 'address' }] }));
    expect(kuwait('2026-02-12')).toEqual([]);
    expect(kuwait('2026-02-13')[0]?.details).toMatchObject({
      list: 'increased_monitoring',
      listedSince: '2026-02-13',
    });
  });

  it('gives one reason per list, naming every listed country and where it came from', () => {
    const reasons = highRiskReasons(
      EUR_DEFAULTS,
      facts({
        countries: [
          { code: 'DE', source: 'identifier' },
          { code: 'VN', source: 'address' },
          { code: 'YE', source: 'iban' },
          { code: 'KP', source: 'address' },
        ],
      }),
    );
    expect(reasons.map((item) => [item.code, item.details.countries, item.details.sources])).toEqual([
      ['HIGH_RISK_CALL_FOR_ACTION', 'KP', 'address'],
      ['HIGH_RISK_INCREASED_MONITORING', 'VN,YE', 'address,iban'],
    ]);
    expect(reasons[1]?.action).toBe('score');
  });
});
