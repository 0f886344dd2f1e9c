import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cnAdapter } from '../../../adapters/cn/index.ts';
import { deAdapter } from '../../../adapters/de/index.ts';
import { adapterDefinitions } from '../../../adapters/index.ts';
import { RecordsOfProcessing as RecordsOfProcessingSchema } from '../../../schemas/privacy.ts';
import {
  generateRecordsOfProcessingMarkdown,
  RECORDS_OF_PROCESSING_DOC,
} from '../../../scripts/records-of-processing.ts';
import {
  type DataCategory,
  defineJurisdictionAdapter,
  PROCESSING_PURPOSES,
  RECIPIENTS,
  SPECIAL_CATEGORIES,
} from '../../ports/index.ts';
import { createAdapterRegistry } from '../adapters/registry.ts';
import { exporterFor } from './legal-basis.ts';
import {
  jurisdictionNames,
  recordsOfProcessing,
  recordsOfProcessingMarkdown,
  STORED_BASE_CATEGORIES,
} from './records-of-processing.ts';
import { amlRetentionYearsFor, retentionYearsFor } from './retention-rules.ts';

const now = new Date('2026-11-23T10:15:00.000Z');
// As the test gateway builds it: the example adapter included.
const registry = createAdapterRegistry(adapterDefinitions, { home: 'CN', includeExamples: true });
const production = createAdapterRegistry(adapterDefinitions, { home: 'CN', includeExamples: false });
const partners = registry.list().filter((adapter) => adapter !== registry.home);

describe('records of processing (JSON)', () => {
  const records = recordsOfProcessing(registry, { now });

  it('parses with the wire schema', () => {
    expect(RecordsOfProcessingSchema.parse(records)).toEqual(records);
    expect(RecordsOfProcessingSchema.parse(recordsOfProcessing(production, { now }))).toBeTruthy();
    expect(records.object).toBe('records_of_processing');
    expect(records.generatedAt).toBe('2026-11-23T10:15:00.000Z');
    expect(records.controller.jurisdiction).toBe('CN');
    expect(recordsOfProcessing(registry, { now, controllerName: 'Fund' }).controller.name).toBe('Fund');
  });

  it('has one record per partner adapter and purpose, and none for the home', () => {
    expect(partners.map((adapter) => adapter.identity.code)).toContain('XR');
    const keys = records.records.map((record) => `${record.jurisdiction}/${record.purpose}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(
      partners
        .flatMap((adapter) => PROCESSING_PURPOSES.map((purpose) => `${adapter.identity.code}/${purpose}`))
        .sort(),
    );
    expect(records.records.some((record) => record.jurisdiction === 'CN')).toBe(false);
  });

  it('lists only categories the adapter allows for the purpose, plus the stored base set', () => {
    for (const record of records.records) {
      const adapter = registry.require(record.jurisdiction);
      const disclosures = adapter.privacy.disclosures[record.purpose];
      const allowed = new Set<string>([
        ...(disclosures?.partner_agency ?? []),
        ...(disclosures?.settlement_rail ?? []),
        ...STORED_BASE_CATEGORIES,
      ]);
      for (const category of record.categories)
        expect(allowed, `${record.jurisdiction}/${category}`).toContain(category);
      for (const category of STORED_BASE_CATEGORIES) expect(record.categories).toContain(category);
      for (const { recipient, categories } of record.recipients) {
        const [kind] = recipient.split(':');
        const permitted =
          kind === 'partner_agency' ? disclosures?.partner_agency : disclosures?.settlement_rail;
        expect(permitted).toEqual(expect.arrayContaining(categories));
        expect(categories.length).toBeGreaterThan(0);
        expect(record.categories).toEqual(expect.arrayContaining(categories));
      }
    }
  });

  it('names recipients with stable machine values', () => {
    const de = records.records.find(
      (record) => record.jurisdiction === 'DE' && record.purpose === 'benefit_payment',
    );
    expect(de?.recipients.map((item) => item.recipient)).toEqual([
      'partner_agency:DE',
      'settlement_rail:sepa-credit-transfer',
    ]);
    const jp = records.records.find(
      (record) => record.jurisdiction === 'JP' && record.purpose === 'life_certificate',
    );
    expect(jp?.recipients).toEqual([
      {
        recipient: 'partner_agency:JP',
        categories: ['national_identifier', 'name', 'birth_date', 'address'],
      },
    ]);
    for (const record of records.records) {
      for (const { recipient } of record.recipients) {
        expect(RECIPIENTS.some((kind) => recipient.startsWith(`${kind}:`))).toBe(true);
      }
    }
  });

  it('flags special categories: benefit information of a benefit payment', () => {
    for (const record of records.records) {
      expect(record.specialCategories).toEqual(
        record.categories.filter((category) => SPECIAL_CATEGORIES.includes(category as DataCategory)),
      );
    }
    const benefits = records.records.filter(
      (record) => record.purpose === 'benefit_payment' && record.jurisdiction !== 'XR',
    );
    expect(benefits).toHaveLength(partners.length - 1);
    for (const record of benefits) expect(record.specialCategories).toEqual(['benefit_information']);
  });

  it("takes the transfer basis and consent from the purpose's exporter", () => {
    for (const record of records.records) {
      const partnerAdapter = registry.require(record.jurisdiction);
      const partner = partnerAdapter.privacy;
      const exporter = exporterFor(registry.home, partnerAdapter, record.purpose).privacy;
      const basis = record.thirdCountryTransfer;
      expect(basis.regime).toBe(exporter.regime);
      if (record.recipients.length === 0) expect(basis.mechanism).toBe('not_applicable');
      else expect(basis).toEqual({ regime: exporter.regime, ...exporter.outboundTransfer });
      expect(record.consent).toEqual(exporter.consent?.[record.purpose] ?? null);
      expect(record.retention.map((item) => item.category)).toEqual(record.categories);
      for (const { category, years } of record.retention) {
        // The partner's years, with the AML floor for what an AML record needs.
        expect(years).toBe(retentionYearsFor(partnerAdapter, registry.home, category as DataCategory));
        expect(years).toBeGreaterThanOrEqual(partner.retentionYears[category as DataCategory]);
      }
      expect(record.amlRetentionYears).toBe(amlRetentionYearsFor(partnerAdapter, registry.home));
      expect(record.securityMeasures.length).toBeGreaterThan(0);
    }
    const de = (purpose: string) =>
      records.records.find((record) => record.jurisdiction === 'DE' && record.purpose === purpose);
    expect(de('contribution_collection')?.thirdCountryTransfer).toMatchObject({
      regime: 'GDPR',
      mechanism: 'gdpr_public_authority_instrument',
      article: 'GDPR Art. 46(2)(a)',
    });
    expect(de('benefit_payment')?.thirdCountryTransfer).toMatchObject({
      regime: 'PIPL',
      mechanism: 'pipl_contract_necessity',
    });
    expect(de('aml_screening')?.thirdCountryTransfer.regime).toBe('PIPL');
    expect(de('statistics')?.thirdCountryTransfer).toMatchObject({
      regime: 'PIPL',
      mechanism: 'not_applicable',
    });
  });

  it('shows the consent CN declares for the purposes it exports', () => {
    const cnConsent = { kind: 'pipl_separate_consent', textVersion: 'cn-cross-border-2026-01' };
    for (const partner of partners) {
      const find = (purpose: string) =>
        records.records.find(
          (record) => record.jurisdiction === partner.identity.code && record.purpose === purpose,
        );
      expect(find('benefit_payment')?.consent).toEqual(cnConsent);
      expect(find('life_certificate')?.consent).toEqual(cnConsent);
      expect(find('aml_screening')?.consent).toBeNull();
      expect(find('statistics')?.consent).toBeNull();
    }
  });

  it('follows a partner that discloses less', () => {
    const narrow = defineJurisdictionAdapter({
      ...deAdapter,
      build(options) {
        const policies = deAdapter.build(options);
        return {
          ...policies,
          privacy: {
            ...policies.privacy,
            disclosures: {
              ...policies.privacy.disclosures,
              benefit_payment: {
                partner_agency: ['national_identifier', 'health_information'],
                settlement_rail: [],
              },
              life_certificate: { partner_agency: ['national_identifier'], settlement_rail: [] },
            },
          },
        };
      },
    });
    const small = createAdapterRegistry([cnAdapter, narrow], { home: 'CN' });
    const result = recordsOfProcessing(small, { now });
    const life = result.records.find((record) => record.purpose === 'life_certificate');
    expect(life?.categories).toEqual(['national_identifier', 'name', 'birth_date', 'transaction']);
    expect(life?.recipients).toEqual([
      { recipient: 'partner_agency:DE', categories: ['national_identifier'] },
    ]);
    const benefit = result.records.find((record) => record.purpose === 'benefit_payment');
    expect(benefit?.categories).not.toContain('bank_account');
    expect(benefit?.specialCategories).toEqual(['health_information']);
    expect(benefit?.recipients.map((item) => item.recipient)).toEqual(['partner_agency:DE']);
  });
});

describe('records of processing (Markdown)', () => {
  const records = recordsOfProcessing(production, { now });
  const names = jurisdictionNames(production);
  const markdown = recordsOfProcessingMarkdown(records, names);

  it('is deterministic: no generation time, same output whatever the clock or the order', () => {
    expect(markdown).not.toContain(records.generatedAt);
    expect(markdown).not.toContain('2026-11-23');
    const later = recordsOfProcessing(production, { now: new Date('2030-01-01T00:00:00Z') });
    expect(recordsOfProcessingMarkdown(later, names)).toBe(markdown);
    const shuffled = { ...records, records: [...records.records].reverse() };
    expect(recordsOfProcessingMarkdown(shuffled, names)).toBe(markdown);
  });

  it('has a section per partner jurisdiction and a table per purpose', () => {
    expect(markdown).toMatch(/^# Records of processing activities \(GDPR Art\. 30\)\n/);
    expect(markdown).toContain(
      "Generated by `npm run docs:records` from the adapters' declarations; do not edit",
    );
    expect(markdown).toContain('do not edit');
    for (const partner of production.list().filter((adapter) => adapter !== production.home)) {
      expect(markdown).toContain(`\n## ${partner.identity.name} (${partner.identity.code})\n`);
      expect(
        markdown.match(new RegExp(`\\n### ${partner.identity.name} \\(${partner.identity.code}\\): `, 'g')),
      ).toHaveLength(PROCESSING_PURPOSES.length);
    }
    expect(markdown).not.toContain('XR');
    expect(markdown).toContain('partner agency of Germany: national identifier, name, bank account');
    expect(markdown).toContain('settlement banks on the SEPA credit transfer rail');
    expect(markdown).toContain('GDPR Art. 46(2)(a)');
    expect(markdown).toContain('separate consent (PIPL Art. 39), text version `cn-cross-border-2026-01`');
    expect(markdown).toContain('benefit information (GDPR Art. 9');
  });

  it('escapes table cells', () => {
    const odd = recordsOfProcessing(production, { now, controllerName: 'Fund | Operator' });
    expect(recordsOfProcessingMarkdown(odd, names)).toContain('| Name | Fund \\| Operator |');
  });

  it('is the committed docs/records-of-processing.md', () => {
    const committed = readFileSync(RECORDS_OF_PROCESSING_DOC, 'utf8');
    expect(
      committed === generateRecordsOfProcessingMarkdown(),
      'docs/records-of-processing.md is stale: run `npm run docs:records` and commit the result',
    ).toBe(true);
    expect(generateRecordsOfProcessingMarkdown()).toBe(markdown);
  });
});
