import { describe, expect, it } from 'vitest';
import type { SuspiciousActivityReport } from '../../../schemas/compliance.ts';
import { personLines, renderSarDocument } from './sar-document.ts';

const HOSTILE = {
  script: '<script>alert(1)</script>',
  attribute: '"><img src=x onerror=alert(1)>',
  frame: '</td><iframe src="https://evil.example/x"></iframe>',
  style: '</style><link rel="stylesheet" href="https://evil.example/s.css">',
  entity: 'Tom & Jerry\'s "Ltd"',
};

function report(): SuspiciousActivityReport {
  return {
    object: 'suspicious_activity_report',
    generatedAt: '2026-11-23T10:00:00.000Z',
    generatedBy: 'demo-compliance-officer',
    reportingEntity: { name: HOSTILE.entity, jurisdiction: 'CN' },
    case: {
      id: 'case_01KAT2Y8N0D4R9W2G6B3C5M7QX',
      kind: 'transfer_hold',
      status: 'rejected',
      priority: 'normal',
      openedAt: '2026-11-23T09:00:00.000Z',
      holdExpiresAt: '2026-11-26T09:00:00.000Z',
      escalatedAt: null,
      subjectId: 'ds_01KAT2Y8N0D4R9W2G6B3C5M7QX',
      runId: null,
    },
    transfer: {
      id: 'tr_01KAT2Y8N0D4R9W2G6B3C5M7QX',
      object: 'transfer',
      state: 'rejected',
      quoteId: 'qt_01KAT2Y8N0D4R9W2G6B3C5M7QX',
      purpose: 'contribution',
      partnerJurisdiction: 'DE',
      sourceJurisdiction: 'DE',
      targetJurisdiction: 'CN',
      sourceCurrency: 'EUR',
      targetCurrency: 'CNY',
      sourceAmount: '250.00',
      targetAmount: '2040.21',
      totalFee: '1.50',
      appliedRate: '8.1903',
      reference: HOSTILE.attribute,
      insuredPerson: null,
      legalBases: [],
      ledger: { journalId: 'jn_01KAT2Y8N0D4R9W2G6B3C5M7QX', phase: 'voided' },
      createdAt: '2026-11-23T09:00:00.000Z',
      updatedAt: '2026-11-23T10:00:00.000Z',
    },
    parties: [
      {
        screening: {
          id: 'scr_01KAT2Y8N0D4R9W2G6B3C5M7QX',
          partyRole: 'payer',
          partyType: 'person',
          partyKey: 'ds_01KAT2Y8N0D4R9W2G6B3C5M7QX',
          outcome: 'review',
          topScore: 0.88,
          thresholds: { review: 0.82, block: 0.95 },
          listVersions: [{ source: 'un', versionId: null, missing: true }],
          hits: [
            {
              entityId: 'ofac:36',
              source: 'ofac',
              entryId: '36',
              type: 'person',
              name: HOSTILE.script,
              matchedName: HOSTILE.style,
              score: 0.88,
              explanation: {
                matchedNameKind: 'aka',
                tokens: [{ listToken: HOSTILE.frame, queryToken: 0, score: 0.9, how: 'fuzzy' }],
                extraQueryTokens: [1],
                nameScore: 0.9,
                qualifiers: [{ qualifier: 'birth_date', effect: -0.05, detail: HOSTILE.attribute }],
              },
            },
          ],
          createdAt: '2026-11-23T09:00:00.000Z',
        },
        person: {
          dataSubjectId: 'ds_01KAT2Y8N0D4R9W2G6B3C5M7QX',
          disclosedCategories: ['address', 'name'],
          name: { given: HOSTILE.frame, family: HOSTILE.script },
          address: { lines: [HOSTILE.style], city: 'Berlin', country: 'DE' },
        },
        institution: null,
        queryTokens: ['<b>mei</b>', 'lindqvist'],
      },
    ],
    aml: {
      id: 'amd_01KAT2Y8N0D4R9W2G6B3C5M7QX',
      decision: 'review',
      score: 60,
      reasons: [
        {
          code: 'SANCTIONS_MATCH_REVIEW',
          rule: 'sanctions',
          score: 60,
          action: 'review',
          details: { note: HOSTILE.script },
        },
      ],
      ruleSetId: null,
      ruleSetVersion: 0,
      listVersions: [],
      decidedAt: '2026-11-23T09:00:00.000Z',
    },
    listVersions: [
      {
        source: 'ofac',
        versionId: 'slv_01KAT2Y8N0D4R9W2G6B3C5M7QX',
        sha256: 'ab'.repeat(32),
        importedAt: '2026-11-22T09:00:00.000Z',
      },
    ],
    ruleSetVersion: 0,
    decisions: [
      {
        action: 'rejected',
        actor: 'demo-compliance-officer',
        at: '2026-11-23T10:00:00.000Z',
        reason: HOSTILE.attribute,
      },
    ],
    timeline: [
      {
        id: 'ev_01KAT2Y8N0D4R9W2G6B3C5M7QX',
        at: '2026-11-23T10:00:00.000Z',
        actor: 'demo-compliance-officer',
        action: 'compliance_case.rejected',
        subjectType: 'compliance_case',
        subjectId: 'case_01KAT2Y8N0D4R9W2G6B3C5M7QX',
        fromState: 'open',
        toState: 'rejected',
      },
    ],
  };
}

/** Every tag of the page (escaped text has no `<`, so these are the page's own). */
const tags = (html: string) => [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)\b([^>]*)>/g)];

describe('the printable suspicious-activity report', () => {
  const html = renderSarDocument(report());

  it('escapes every hostile value: no tag, attribute or style of theirs survives', () => {
    const names = new Set(tags(html).map((match) => match[1]?.toLowerCase()));
    for (const forbidden of ['script', 'img', 'iframe', 'link', 'b'])
      expect(names, forbidden).not.toContain(forbidden);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Tom &amp; Jerry&#39;s &quot;Ltd&quot;');
    // The one style element is the page's own, and it is closed once.
    expect(html.match(/<\/style>/g)).toHaveLength(1);
  });

  it('loads nothing: a CSP that forbids everything but its own inline style, no src or href', () => {
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">`,
    );
    for (const match of tags(html)) expect(match[2] ?? '', match[0]).not.toMatch(/\b(src|href|action)\s*=/i);
    const style = /<style>([\s\S]*)<\/style>/.exec(html)?.[1] ?? '';
    expect(style).not.toMatch(/url\(|@import/);
    expect(style).toContain('@media print');
  });

  it('carries the evidence: hits with explanations, reasons, versions, decisions, timeline', () => {
    for (const expected of [
      'ofac:36',
      'SANCTIONS_MATCH_REVIEW',
      'slv_01KAT2Y8N0D4R9W2G6B3C5M7QX',
      'compliance_case.rejected',
      '&lt;b&gt;mei&lt;/b&gt; (#0)',
      'unmatched query token lindqvist (#1)',
      'Lists without a version',
      'tipping-off',
    ]) {
      expect(html).toContain(expected);
    }
  });
});

describe('person lines', () => {
  it('flatten the disclosed fields, leaving out the id and the category list', () => {
    expect(
      personLines({
        dataSubjectId: 'ds_x',
        disclosedCategories: ['name'],
        name: { given: 'Mei', family: 'Lindqvist' },
        address: { lines: ['A 1', 'B 2'], city: 'Berlin' },
      }),
    ).toEqual([
      ['name.given', 'Mei'],
      ['name.family', 'Lindqvist'],
      ['address.lines[0]', 'A 1'],
      ['address.lines[1]', 'B 2'],
      ['address.city', 'Berlin'],
    ]);
  });
});
