import { describe, expect, it } from 'vitest';
import { INSURED_PERSON_LANGUAGES, SubjectExport } from '../../../schemas/privacy.ts';
import { documentLanguage, EXPORT_DOCUMENT_CSP, renderExportDocument } from './export-document.ts';
import { LABELS, type Language } from './export-labels.ts';

const fixture: SubjectExport = SubjectExport.parse({
  object: 'subject_export',
  generatedAt: '2026-11-23T10:15:00.000Z',
  dataSubjectId: 'ds_01KAT2Y8N0D4R9W2G6B3C5M7QX',
  jurisdiction: 'DE',
  controller: { name: 'Pontis Gateway Operator', jurisdiction: 'CN' },
  person: {
    nationalIdentifier: { scheme: 'de-rentenversicherungsnummer', value: '65170839J003' },
    name: { given: 'Wei', family: 'Zhang', original: '张伟' },
    birthDate: '1956-03-14',
    address: {
      lines: ['Hauptstraße 5 & 7', 'c/o "Haus Sonne"'],
      postalCode: '10115',
      city: 'Berlin',
      country: 'DE',
    },
    contact: { email: 'wei.zhang@example.org', phone: '+4930123456' },
    bankAccount: { iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' },
    benefit: { type: 'old_age_pension', period: '2026-10' },
    health: { incapacityPercent: 60 },
    preferredLanguage: 'de',
  },
  heldCategories: ['national_identifier', 'name', 'birth_date', 'bank_account', 'health_information'],
  transfers: [
    {
      id: 'tr_01KAT30000000000000000001',
      purpose: 'benefit_payment',
      state: 'settled',
      partnerJurisdiction: 'DE',
      sourceAmount: '9500.00',
      sourceCurrency: 'CNY',
      targetAmount: '1187.50',
      targetCurrency: 'EUR',
      createdAt: '2026-10-28T08:00:00.000Z',
      legalBases: [
        {
          from: 'CN',
          to: 'DE',
          regime: 'PIPL',
          mechanism: 'pipl_contract_necessity',
          article: 'PIPL Art. 38(1)(3)',
          reference: 'China–Germany social security agreement',
        },
      ],
    },
    {
      id: 'tr_01KAT30000000000000000002',
      purpose: 'contribution_collection',
      state: 'some_future_state',
      partnerJurisdiction: 'DE',
      sourceAmount: '250.00',
      sourceCurrency: 'EUR',
      targetAmount: '1999.00',
      targetCurrency: 'CNY',
      createdAt: '2026-09-01T12:30:00.000Z',
      legalBases: [],
    },
  ],
  consents: [
    {
      id: 'cs_01',
      object: 'consent',
      purpose: 'life_certificate',
      kind: 'pipl_separate_consent',
      textVersion: 'cn-cross-border-2026-01',
      givenAt: '2026-01-15T09:00:00.000Z',
      channel: 'paper_form',
      recordedBy: 'usr_1',
      withdrawnAt: null,
      withdrawalChannel: null,
    },
    {
      id: 'cs_02',
      object: 'consent',
      purpose: 'statistics',
      kind: 'gdpr_consent',
      textVersion: 'eu-stats-2025-07',
      givenAt: '2025-07-01T09:00:00.000Z',
      channel: 'online',
      recordedBy: 'usr_1',
      withdrawnAt: '2026-02-03T10:00:00.000Z',
      withdrawalChannel: 'online',
    },
  ],
  disclosures: [
    {
      jurisdiction: 'DE',
      recipient: 'partner_agency',
      purpose: 'benefit_payment',
      categories: ['national_identifier', 'name', 'birth_date'],
    },
    {
      jurisdiction: 'DE',
      recipient: 'settlement_rail',
      purpose: 'benefit_payment',
      categories: ['bank_account'],
    },
  ],
  retention: [
    { category: 'name', years: 10 },
    { category: 'health_information', years: 1 },
    { category: 'contact', years: 0 },
  ],
  amlRetentionYears: 5,
  relationshipEndedAt: null,
  restriction: { since: '2026-11-01T00:00:00.000Z', ground: 'AML retention (EU AMLR Art. 77)', until: null },
  complaint: {
    authority: 'Berliner Beauftragte für Datenschutz und Informationsfreiheit',
    url: 'https://www.datenschutz-berlin.de/',
    article: 'GDPR Art. 77',
  },
});

/** Independent of the module's own escaping, on purpose. */
function escaped(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** The HTML of the n-th `<section>` (1-based). */
function section(html: string, n: number): string {
  const sections = html.split('<section>').slice(1);
  return (sections[n - 1] ?? '').split('</section>')[0] ?? '';
}

function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (value === null || typeof value !== 'object') throw new Error(`${path}: not a string`);
  return Object.entries(value).flatMap(([key, child]) => leaves(child, path === '' ? key : `${path}.${key}`));
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('renderExportDocument', () => {
  it('writes German with English beside it, each with its lang attribute', () => {
    const html = renderExportDocument(fixture, 'de');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="de">');
    for (const key of Object.keys(LABELS.en.headings) as (keyof typeof LABELS.en.headings)[]) {
      expect(html).toContain(LABELS.de.headings[key]);
      expect(html).toContain(LABELS.en.headings[key]);
    }
    expect(html).toContain(`<span lang="de">1. ${LABELS.de.headings.controller}</span>`);
    expect(html).toContain(`<span lang="en" class="en">1. ${LABELS.en.headings.controller}</span>`);
    expect(html).toContain(`<p lang="de" class="t">${LABELS.de.rights.intro}</p>`);
    expect(html).toContain(`<p lang="en" class="t en">${LABELS.en.rights.intro}</p>`);
    // Every paragraph says which language it is in.
    for (const tag of html.match(/<p\b[^>]*>/g) ?? []) expect(tag).toMatch(/ lang="(de|en)"/);
    expect(html.match(/lang="(\w+)"/g)?.every((attr) => attr === 'lang="de"' || attr === 'lang="en"')).toBe(
      true,
    );
    // Said once when both languages read the same.
    expect(html).toContain('<dd><span lang="de">China</span></dd>');
    expect(html).not.toContain('<span lang="en" class="en">China</span>');
  });

  it('shows every personal value, escaped, with readable formats', () => {
    const html = renderExportDocument(fixture, 'de');
    const person = fixture.person;
    if (person === null) throw new Error('fixture has a person');
    const values = [
      fixture.controller.name,
      fixture.dataSubjectId,
      person.nationalIdentifier.scheme,
      person.nationalIdentifier.value,
      person.name.given,
      person.name.family,
      '张伟',
      person.birthDate,
      ...(person.address?.lines ?? []),
      '10115 Berlin',
      'wei.zhang@example.org',
      '+4930123456',
      'DE89 3704 0044 0532 0130 00',
      'COBADEFFXXX',
      '2026-10',
      'cn-cross-border-2026-01',
      'eu-stats-2025-07',
      'tr_01KAT30000000000000000001',
      'PIPL Art. 38(1)(3)',
      'AML retention (EU AMLR Art. 77)',
      fixture.complaint.authority,
      fixture.complaint.url,
      fixture.complaint.article,
    ];
    for (const value of values) expect(html, value).toContain(escaped(value));
    expect(html).toContain('Hauptstraße 5 &amp; 7');
    expect(html).toContain('c/o &quot;Haus Sonne&quot;');
    expect(html).not.toContain('DE89370400440532013000');
    // Amounts as given, with their currency.
    for (const amount of ['9500.00&nbsp;CNY', '1187.50&nbsp;EUR', '250.00&nbsp;EUR', '1999.00&nbsp;CNY']) {
      expect(html).toContain(amount);
    }
    // Dates: the date part of timestamps, never the timestamp.
    for (const day of ['2026-11-23', '2026-10-28', '2026-09-01', '2026-01-15', '2026-02-03', '2026-11-01']) {
      expect(html).toContain(day);
    }
    expect(html).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    // Codes translated in both languages; an unknown state is shown as its code.
    expect(html).toContain(LABELS.de.benefitTypes.old_age_pension);
    expect(html).toContain(LABELS.en.benefitTypes.old_age_pension);
    expect(html).toContain(LABELS.de.transferStates.settled);
    expect(html).toContain('some_future_state');
    expect(html).toContain(LABELS.de.purposes.life_certificate);
    expect(html).toContain(LABELS.de.consentKinds.pipl_separate_consent);
    expect(html).toContain(LABELS.de.recipients.settlement_rail);
    expect(html).toContain(LABELS.en.recipients.partner_agency);
    expect(html).toContain(LABELS.de.categories.health_information);
    expect(html).toContain(LABELS.de.person.healthNote);
    expect(html).toContain(LABELS.de.languageNames.de);
    expect(html).toContain('Deutschland');
    expect(html).toContain('Germany');
    // Retention: 10 years, 1 year, at the end; AML 5 years; ongoing relationship; open restriction.
    expect(html).toContain('10 Jahre nach dem Ende der Geschäftsbeziehung');
    expect(html).toContain('1 Jahr nach dem Ende der Geschäftsbeziehung');
    expect(html).toContain('1 year after the relationship ends');
    expect(html).toContain(LABELS.de.retention.atEnd);
    expect(html).toContain('noch 5 Jahre nach dem Ende');
    expect(html).toContain('for 5 years after the relationship ends');
    expect(html).toContain(LABELS.de.retention.ongoing);
    expect(html).toContain(LABELS.de.restriction.untilOpen);
    expect(html).toContain(LABELS.de.consents.notWithdrawn);
  });

  it('writes Chinese with English beside it', () => {
    const html = renderExportDocument(fixture, 'zh');
    expect(html).toContain('<html lang="zh">');
    expect(html).toContain(`<span lang="zh">2. ${LABELS.zh.headings.personal}</span>`);
    expect(html).toContain(`<span lang="en" class="en">2. ${LABELS.en.headings.personal}</span>`);
    expect(html).toContain(LABELS.zh.purposes.benefit_payment);
    expect(html).toContain('张伟');
    expect(html).toContain('德国');
    expect(html).toContain('关系结束后 10 年');
  });

  it('writes English alone when the language is English', () => {
    const html = renderExportDocument(fixture, 'en');
    expect(html).toContain('<html lang="en">');
    expect(html.match(/lang="(\w+)"/g)?.every((attr) => attr === 'lang="en"')).toBe(true);
    expect(html).not.toContain('class="en"');
    expect(html).not.toContain(LABELS.en.englishBelow);
    expect(html.split(LABELS.en.headings.personal)).toHaveLength(2);
    expect(html).toContain('10 years after the relationship ends');
  });

  it('renders every language', () => {
    for (const language of INSURED_PERSON_LANGUAGES) {
      const html = renderExportDocument(fixture, language);
      expect(html).toContain(`<html lang="${language}">`);
      expect(html).toContain(LABELS[language].headings.rights);
      expect(html).toContain(LABELS.en.headings.rights);
    }
  });

  it('escapes markup, quotes and ampersands in personal data', () => {
    const hostile = SubjectExport.parse({
      ...fixture,
      controller: { name: 'Operator <img src=x onerror=alert(1)>', jurisdiction: 'CN' },
      person: {
        ...fixture.person,
        name: { given: '<script>alert(1)</script>', family: `O'Brien & "Sons"` },
      },
      restriction: { since: '2026-11-01T00:00:00.000Z', ground: '</dd><script>x()</script>', until: null },
      complaint: { authority: 'A & B', url: 'javascript:alert(1)', article: '"><b>' },
    });
    for (const language of ['de', 'en'] as const) {
      const html = renderExportDocument(hostile, language);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<img/i);
      expect(html).not.toContain('<b>');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('O&#39;Brien &amp; &quot;Sons&quot;');
      expect(html).toContain('Operator &lt;img src=x onerror=alert(1)&gt;');
      expect(html).toContain('A &amp; B');
      // Not a link: only http(s) URLs become one.
      expect(html).not.toContain('<a ');
      expect(html).toContain('javascript:alert(1)');
    }
  });

  it('says the data has been destroyed when the person is null, and lists no fields', () => {
    const destroyed = SubjectExport.parse({ ...fixture, person: null, heldCategories: [] });
    const html = renderExportDocument(destroyed, 'de');
    const personal = section(html, 2);
    expect(personal).toContain(LABELS.de.person.destroyed);
    expect(personal).toContain(LABELS.en.person.destroyed);
    expect(personal).not.toContain('<dl');
    for (const labels of [LABELS.de, LABELS.en]) {
      for (const label of [
        labels.person.givenName,
        labels.person.familyName,
        labels.person.identifierScheme,
        labels.person.iban,
        labels.person.health,
        labels.person.preferredLanguage,
      ]) {
        expect(html).not.toContain(label);
      }
    }
    for (const value of ['Zhang', '65170839J003', '1956-03-14', 'DE89', 'wei.zhang@example.org']) {
      expect(html).not.toContain(value);
    }
    const english = renderExportDocument(destroyed, 'en');
    expect(english).toContain(LABELS.en.person.destroyed);
  });

  it('loads nothing: no scripts, no src attributes, a strict CSP; the complaint URL is only a link', () => {
    for (const language of ['de', 'zh', 'en'] as const) {
      const html = renderExportDocument(fixture, language);
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${EXPORT_DOCUMENT_CSP}">`);
      expect(EXPORT_DOCUMENT_CSP.startsWith("default-src 'none'; style-src 'unsafe-inline'")).toBe(true);
      expect(html).not.toMatch(/\ssrc\s*=/i);
      expect(html).not.toMatch(/<(script|img|link|iframe|object|embed|video|audio|source|base|form)\b/i);
      expect(html).not.toMatch(/url\(|@import/i);
      expect(html).toContain('<a href="https://www.datenschutz-berlin.de/" rel="noreferrer"');
      const withoutLinks = html.replace(/<a\b[^>]*>[^<]*<\/a>/g, '');
      expect(withoutLinks).not.toMatch(/https?:\/\//i);
    }
  });

  it('is large and printable: base font ≥ 16px, print ≥ 12pt, A4', () => {
    const html = renderExportDocument(fixture, 'de');
    expect(html).toContain('html { font-size: 18px;');
    expect(html).toContain('@page { size: A4;');
    expect(html).toMatch(/@media print \{\s*html \{ font-size: 13pt; \}/);
  });
});

describe('label dictionaries', () => {
  const english = new Map(leaves(LABELS.en));

  it.each(INSURED_PERSON_LANGUAGES.map((language) => [language]))(
    '%s is complete, with the same placeholders',
    (language: Language) => {
      const entries = leaves(LABELS[language]);
      expect(entries.map(([path]) => path).sort()).toEqual([...english.keys()].sort());
      for (const [path, text] of entries) {
        expect(text.trim(), `${language}.${path}`).not.toBe('');
        expect(placeholders(text), `${language}.${path}`).toEqual(placeholders(english.get(path) ?? ''));
      }
    },
  );

  it('translates every non-English language (no English left in place of a sentence)', () => {
    for (const language of INSURED_PERSON_LANGUAGES.filter((l) => l !== 'en')) {
      expect(LABELS[language].intro).not.toBe(LABELS.en.intro);
      expect(LABELS[language].person.destroyed).not.toBe(LABELS.en.person.destroyed);
      expect(LABELS[language].retention.aml).not.toBe(LABELS.en.retention.aml);
    }
  });
});

describe('documentLanguage', () => {
  it('takes the preferred language when supported', () => {
    expect(documentLanguage('ja', ['de', 'en'])).toBe('ja');
    expect(documentLanguage('en', ['de', 'en'])).toBe('en');
    expect(documentLanguage('zh-CN', ['en'])).toBe('zh');
  });

  it('else the first supported language of the jurisdiction that is not English', () => {
    expect(documentLanguage(undefined, ['de', 'fr', 'it', 'en'])).toBe('de');
    expect(documentLanguage(undefined, ['en', 'fr'])).toBe('fr');
    expect(documentLanguage('pt', ['zh-CN', 'en'])).toBe('zh');
    expect(documentLanguage(undefined, ['rm', 'it'])).toBe('it');
  });

  it('else English', () => {
    expect(documentLanguage(undefined, ['en'])).toBe('en');
    expect(documentLanguage('es', ['es', 'ca'])).toBe('en');
    expect(documentLanguage(undefined, [])).toBe('en');
  });
});
