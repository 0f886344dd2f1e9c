import { describe, expect, it } from 'vitest';
import { EUR_DEFAULTS, facts } from '../../../../test/helpers/aml-facts.ts';
import type { AmlFacts } from '../facts.ts';
import { sanctionsReasons } from './sanctions.ts';

const screened = (party: Partial<AmlFacts['screening'][number]>) =>
  facts({
    screening: [
      { role: 'payer', type: 'person', outcome: 'clear', topScore: 0, resultId: 'scr_1', ...party },
    ],
  });

describe('sanctions reasons', () => {
  it('holds from exactly the review threshold and blocks from exactly the block threshold (0.82 / 0.93)', () => {
    expect(sanctionsReasons(EUR_DEFAULTS, screened({ topScore: 0.819 }))).toEqual([]);
    expect(sanctionsReasons(EUR_DEFAULTS, screened({ topScore: 0.82 }))).toEqual([
      {
        code: 'SANCTIONS_MATCH_REVIEW',
        rule: 'sanctions',
        score: 50,
        action: 'review',
        details: { party: 'payer', partyType: 'person', resultId: 'scr_1', topScore: 0.82, threshold: 0.82 },
      },
    ]);
    const [block] = sanctionsReasons(EUR_DEFAULTS, screened({ topScore: 0.93 }));
    expect(block).toMatchObject({ code: 'SANCTIONS_MATCH_BLOCK', action: 'review', score: 100 });
  });

  it('holds when a required list was unavailable, whatever the score', () => {
    const reasons = sanctionsReasons(EUR_DEFAULTS, screened({ outcome: 'unavailable', topScore: 0.9 }));
    expect(reasons.map((item) => [item.code, item.action])).toEqual([
      ['SANCTIONS_LIST_UNAVAILABLE', 'review'],
      ['SANCTIONS_MATCH_REVIEW', 'review'],
    ]);
  });
});
