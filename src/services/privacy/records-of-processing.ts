/**
 * GDPR Art. 30 records of processing, generated from the adapters' declarations: one record per
 * partner jurisdiction and processing purpose, as JSON for `GET /v1/privacy/records-of-processing`
 * and as Markdown for `docs/records-of-processing.md` (written by `npm run docs:records`).
 *
 * Nothing here is typed in by hand per country: a change to an adapter's privacy policy changes
 * the records, and the committed Markdown is checked against the generator by a test.
 */
import type { z } from 'zod';
import type { RecordsOfProcessing as RecordsOfProcessingSchema } from '../../../schemas/privacy.ts';
import {
  DATA_CATEGORIES,
  type DataCategory,
  type JurisdictionAdapter,
  PROCESSING_PURPOSES,
  type ProcessingPurpose,
  RECIPIENTS,
  type Recipient,
  SPECIAL_CATEGORIES,
} from '../../ports/index.ts';
import type { AdapterRegistry } from '../adapters/registry.ts';
import { exportedByPartner, exporterFor } from './legal-basis.ts';
import { amlRetentionYearsFor, retentionYearsFor } from './retention-rules.ts';

export type RecordsOfProcessing = z.infer<typeof RecordsOfProcessingSchema>;
export type ProcessingRecord = RecordsOfProcessing['records'][number];

/**
 * What the gateway stores for every purpose, whatever it discloses: the insured person's
 * national identifier, name and birth date (the data subject record) and the transfer itself.
 */
export const STORED_BASE_CATEGORIES: readonly DataCategory[] = [
  'national_identifier',
  'name',
  'birth_date',
  'transaction',
];

/** What the gateway does to protect the data, the same for every record (Art. 30(1)(g)). */
export const SECURITY_MEASURES: readonly string[] = [
  'Field-level AES-256-GCM envelope encryption at rest, one data key per person, keys wrapped by a key-encryption key (KMS-ready provider)',
  'Keyed pseudonyms (HMAC-SHA-256, a key per domain) instead of national identifiers in working tables',
  'Crypto-shredding on erasure and at the end of retention',
  'Signed partner APIs (RFC 9421 / detached JWS) over TLS',
  'Minimisation per purpose and recipient before any byte leaves',
  'Audit trail with pseudonyms only',
  'Redaction of personal data from logs and error responses',
];

interface Parties {
  home: string;
  partner: string;
}

/** A country's name as it reads inside a sentence: "the Netherlands", "the Republic of Korea". */
export function inSentence(name: string): string {
  return /^(the |The )/.test(name) || !/Republic|Kingdom|United|Netherlands|Federation|Philippines/.test(name)
    ? name
    : `the ${name}`;
}

const DESCRIPTIONS: Readonly<Record<ProcessingPurpose, (parties: Parties) => string>> = {
  contribution_collection: ({ home, partner }) =>
    `Collecting social-security contributions paid in ${partner} and crediting them to the insured person's account with the home fund in ${home}.`,
  benefit_payment: ({ home, partner }) =>
    `Paying pensions and other benefits from the home fund in ${home} to people who live in ${partner}.`,
  aml_screening: ({ home, partner }) =>
    `Screening the payer and the beneficiary of every transfer between ${home} and ${partner} against sanctions lists and anti-money-laundering rules before money moves.`,
  life_certificate: ({ partner }) =>
    `Confirming with the partner agency in ${partner} that a person receiving a benefit is alive, so that benefits stop after death.`,
  statistics: ({ home, partner }) =>
    `Counting and totalling the transfers between ${home} and ${partner} for reports to the social-security agencies.`,
};

const DATA_SUBJECTS: Readonly<Record<ProcessingPurpose, (parties: Parties) => string>> = {
  contribution_collection: ({ partner }) =>
    `Insured persons who pay social-security contributions in ${partner} to the home fund`,
  benefit_payment: ({ partner }) =>
    `People living in ${partner} who receive a benefit from the home fund (pensioners, survivors, orphans)`,
  aml_screening: () => 'Payers and beneficiaries of transfers in the corridor',
  life_certificate: ({ partner }) => `People living in ${partner} who receive a benefit from the home fund`,
  statistics: () => 'Insured persons and beneficiaries in the corridor, counted in aggregate',
};

/** Categories in the order of DATA_CATEGORIES, without duplicates. */
function ordered(categories: Iterable<DataCategory>): DataCategory[] {
  const set = new Set(categories);
  return DATA_CATEGORIES.filter((category) => set.has(category));
}

/** The stable machine value of a recipient: `partner_agency:DE`, `settlement_rail:sepa-credit-transfer`. */
export function recipientId(recipient: Recipient, partner: JurisdictionAdapter): string {
  return recipient === 'partner_agency'
    ? `partner_agency:${partner.identity.code}`
    : `settlement_rail:${partner.settlement.rail}`;
}

function transferBasis(
  exporter: JurisdictionAdapter,
  disclosed: readonly DataCategory[],
): ProcessingRecord['thirdCountryTransfer'] {
  const { regime, outboundTransfer } = exporter.privacy;
  if (disclosed.length === 0) {
    return {
      regime,
      mechanism: 'not_applicable',
      article: 'not applicable',
      reference: `No personal data is disclosed to any recipient for this purpose, so none leaves ${inSentence(exporter.identity.name)}.`,
    };
  }
  return {
    regime,
    mechanism: outboundTransfer.mechanism,
    article: outboundTransfer.article,
    reference: outboundTransfer.reference,
  };
}

function processingRecord(
  home: JurisdictionAdapter,
  partner: JurisdictionAdapter,
  purpose: ProcessingPurpose,
): ProcessingRecord {
  const parties = { home: inSentence(home.identity.name), partner: inSentence(partner.identity.name) };
  // What may be sent is the partner adapter's declaration: the projection applied to every
  // outbound message of the corridor (anything not listed is stripped).
  const disclosures = partner.privacy.disclosures[purpose];
  const recipients = RECIPIENTS.map((recipient) => ({
    recipient: recipientId(recipient, partner),
    categories: ordered(disclosures?.[recipient] ?? []),
  })).filter((recipient) => recipient.categories.length > 0);
  const disclosed = ordered(recipients.flatMap((recipient) => recipient.categories));
  // Categories processed: the union of what is disclosed to any recipient and what the gateway
  // stores for every purpose (STORED_BASE_CATEGORIES). Kept simple and on the safe side: a
  // category is listed when the purpose may touch it, not only when a given transfer carries it.
  const categories = ordered([...disclosed, ...STORED_BASE_CATEGORIES]);
  const exporter = exporterFor(home, partner, purpose);
  const consent = exporter.privacy.consent?.[purpose];
  return {
    jurisdiction: partner.identity.code,
    purpose,
    description: DESCRIPTIONS[purpose](parties),
    dataSubjects: DATA_SUBJECTS[purpose](parties),
    categories,
    specialCategories: categories.filter((category) => SPECIAL_CATEGORIES.includes(category)),
    recipients,
    thirdCountryTransfer: transferBasis(exporter, disclosed),
    consent: consent ? { kind: consent.kind, textVersion: consent.textVersion } : null,
    // Retention of the partner jurisdiction, whose people the record is about, with the AML floor.
    retention: categories.map((category) => ({
      category,
      years: retentionYearsFor(partner, home, category),
    })),
    amlRetentionYears: amlRetentionYearsFor(partner, home),
    securityMeasures: [...SECURITY_MEASURES],
  };
}

export interface RecordsOfProcessingOptions {
  now: Date;
  /** The controller's name; defaults to the operator of the gateway for the home fund. */
  controllerName?: string;
}

export function defaultControllerName(home: JurisdictionAdapter): string {
  return `Operator of the Pontis gateway for the home social-security fund of ${inSentence(home.identity.name)}`;
}

/**
 * The records of every partner adapter (not the home) × every purpose, sorted by jurisdiction code
 * and then in the order of PROCESSING_PURPOSES.
 */
export function recordsOfProcessing(
  registry: AdapterRegistry,
  options: RecordsOfProcessingOptions,
): RecordsOfProcessing {
  const { home } = registry;
  const partners = registry
    .list()
    .filter((adapter) => adapter.identity.code !== home.identity.code)
    .sort((a, b) => compare(a.identity.code, b.identity.code));
  return {
    object: 'records_of_processing',
    generatedAt: options.now.toISOString(),
    controller: {
      jurisdiction: home.identity.code,
      name: options.controllerName ?? defaultControllerName(home),
    },
    records: partners.flatMap((partner) =>
      PROCESSING_PURPOSES.map((purpose) => processingRecord(home, partner, purpose)),
    ),
  };
}

/** Names of the registry's jurisdictions by code, for the Markdown. */
export function jurisdictionNames(registry: AdapterRegistry): Record<string, string> {
  return Object.fromEntries(registry.list().map((adapter) => [adapter.identity.code, adapter.identity.name]));
}

// ---------------------------------------------------------------------------------------------
// Markdown

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const RAIL_NAMES: Readonly<Record<string, string>> = {
  'sepa-credit-transfer': 'SEPA credit transfer',
  'cross-border-credit-transfer': 'cross-border credit transfer',
  cnaps: 'CNAPS',
  sic: 'SIC',
  zengin: 'Zengin',
  'bok-wire': 'BOK-Wire+',
  lynx: 'Lynx',
  'book-transfer': 'book transfer',
};

const CONSENT_NAMES: Readonly<Record<string, string>> = {
  gdpr_consent: 'consent (GDPR Art. 6(1)(a))',
  pipl_separate_consent: 'separate consent (PIPL Art. 39)',
};

const PURPOSE_TITLES: Readonly<Record<ProcessingPurpose, string>> = {
  contribution_collection: 'Contribution collection',
  benefit_payment: 'Benefit payment',
  aml_screening: 'AML screening',
  life_certificate: 'Life certificate',
  statistics: 'Statistics',
};

function humanise(value: string): string {
  return value.replaceAll('_', ' ');
}

function cell(text: string): string {
  return text
    .replaceAll('\\', '\\\\')
    .replaceAll('|', '\\|')
    .replace(/\s*\n\s*/g, ' ');
}

function list(values: readonly string[]): string {
  return values.length === 0 ? 'none' : values.map(humanise).join(', ');
}

function purposeOrder(purpose: string): number {
  return (PROCESSING_PURPOSES as readonly string[]).indexOf(purpose);
}

interface Names {
  /** "Canada (CA)", for headings. */
  title(code: string): string;
  /** "the Netherlands", inside a sentence. */
  sentence(code: string): string;
}

function recipientText(recipient: string, names: Names): string {
  const [kind, value = ''] = recipient.split(':', 2);
  if (kind === 'partner_agency') return `partner agency of ${names.sentence(value)}`;
  if (kind === 'settlement_rail') return `settlement banks on the ${RAIL_NAMES[value] ?? value} rail`;
  return recipient;
}

/** The legal basis, said from the exporter's side. */
function basisText(record: ProcessingRecord, controller: string, names: Names): string {
  const basis = record.thirdCountryTransfer;
  if (basis.mechanism === 'not_applicable') return `none needed (${basis.regime}): ${basis.reference}`;
  const purpose = record.purpose as ProcessingPurpose;
  const exporter = exportedByPartner(purpose) ? record.jurisdiction : controller;
  return `from ${names.sentence(exporter)} under ${basis.article} (${basis.regime}, \`${basis.mechanism}\`): ${basis.reference}`;
}

function recordTable(record: ProcessingRecord, controller: string, names: Names): string[] {
  const special = record.specialCategories;
  const rows: [string, string][] = [
    ['Purpose', `\`${record.purpose}\`: ${record.description}`],
    ['Data subjects', record.dataSubjects],
    ['Categories of personal data', list(record.categories)],
    [
      'Special categories',
      special.length === 0 ? 'none' : `${list(special)} (GDPR Art. 9, PIPL Art. 28 sensitive information)`,
    ],
    [
      'Recipients',
      record.recipients.length === 0
        ? 'none: nothing is disclosed'
        : record.recipients
            .map((item) => `${recipientText(item.recipient, names)}: ${list(item.categories)}`)
            .join('; '),
    ],
    ['Third-country transfer', basisText(record, controller, names)],
    [
      'Consent',
      record.consent
        ? `${CONSENT_NAMES[record.consent.kind] ?? humanise(record.consent.kind)}, text version \`${record.consent.textVersion}\``
        : 'not required',
    ],
    [
      'Retention, years after the end of the relationship',
      record.retention.map((item) => `${humanise(item.category)} ${item.years}`).join(', ') || 'none',
    ],
    ['AML retention', `${record.amlRetentionYears} years after the end of the relationship`],
  ];
  return ['| | |', '|---|---|', ...rows.map(([label, value]) => `| ${label} | ${cell(value)} |`)];
}

/**
 * The records as a Markdown document for a data-protection officer. Deterministic: no generation
 * time, jurisdictions sorted by code, purposes in the order of PROCESSING_PURPOSES. `jurisdictions`
 * gives the jurisdictions' names by code (see `jurisdictionNames`); a code stands for itself
 * otherwise.
 */
export function recordsOfProcessingMarkdown(
  records: RecordsOfProcessing,
  jurisdictions: Readonly<Record<string, string>> = {},
): string {
  const names: Names = {
    title: (code) => (jurisdictions[code] ? `${jurisdictions[code]} (${code})` : code),
    sentence: (code) => {
      const known = jurisdictions[code];
      return known ? inSentence(known) : code;
    },
  };
  const controller = records.controller.jurisdiction;
  const sorted = [...records.records].sort(
    (a, b) => compare(a.jurisdiction, b.jurisdiction) || purposeOrder(a.purpose) - purposeOrder(b.purpose),
  );
  const partners = [...new Set(sorted.map((record) => record.jurisdiction))];
  const measures = [...new Set(sorted.flatMap((record) => record.securityMeasures))];
  const lines: string[] = [
    '# Records of processing activities (GDPR Art. 30)',
    '',
    "> Generated by `npm run docs:records` from the adapters' declarations; do not edit. The same",
    '> records are served as JSON at `GET /v1/privacy/records-of-processing`.',
    '',
    '## Controller',
    '',
    '| | |',
    '|---|---|',
    `| Name | ${cell(records.controller.name)} |`,
    `| Jurisdiction | ${cell(names.title(controller))} |`,
    `| Partner jurisdictions | ${cell(partners.map((code) => names.title(code)).join(', ') || 'none')} |`,
    '',
    '## How these records are derived',
    '',
    '- One record per partner jurisdiction and processing purpose.',
    "- **Categories**: what the purpose may disclose to any recipient (the partner adapter's",
    '  `privacy.disclosures`), plus what the gateway stores for every purpose: national identifier,',
    '  name, birth date and the transaction. Special categories are those of GDPR Art. 9 and PIPL',
    '  Art. 28 (benefit and health information).',
    "- **Recipients**: the partner agency and the settlement banks of the partner's rail, each with",
    '  the categories it may receive; anything else is stripped before a byte leaves.',
    '- **Third-country transfer**: the basis of the side that exports the data. Contributions flow',
    "  from the partner to the home fund (the partner's basis); benefits, life certificates and",
    '  statistics flow from the home to the partner, and AML screening is done at home (the',
    "  home's basis). A purpose that discloses nothing makes no transfer.",
    "- **Consent**: the exporter's declared consent for the purpose, with its text version.",
    "- **Retention**: the partner jurisdiction's retention per category; AML records are kept for",
    '  the AML retention period even when erasure is requested (processing is restricted instead).',
    '',
    '## Technical and organisational security measures',
    '',
    ...measures.map((measure) => `- ${measure}`),
  ];
  for (const partner of partners) {
    const own = sorted.filter((record) => record.jurisdiction === partner);
    lines.push('', `## ${names.title(partner)}`);
    const bases = new Map<string, { text: string; purposes: string[] }>();
    for (const record of own) {
      if (record.thirdCountryTransfer.mechanism === 'not_applicable') continue;
      const text = basisText(record, controller, names);
      const entry = bases.get(text) ?? { text, purposes: [] };
      entry.purposes.push(`\`${record.purpose}\``);
      bases.set(text, entry);
    }
    if (bases.size > 0) {
      lines.push('', 'Legal bases of the transfers in this corridor:', '');
      for (const { text, purposes } of bases.values()) lines.push(`- ${purposes.join(', ')}: ${text}`);
    }
    for (const record of own) {
      const title = PURPOSE_TITLES[record.purpose as ProcessingPurpose] ?? humanise(record.purpose);
      lines.push('', `### ${names.title(partner)}: ${title}`, '', ...recordTable(record, controller, names));
    }
  }
  lines.push('');
  return lines.join('\n');
}
