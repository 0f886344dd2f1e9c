/**
 * The readable access document (GDPR Art. 15, PIPL Art. 45): the machine-readable `SubjectExport`
 * as one self-contained, printable HTML5 page, in the person's language with English beside it.
 *
 * Written for elderly readers who may not read the local language well: large type, high
 * contrast, one fact per line, dates as YYYY-MM-DD. Every text element carries its `lang`; the
 * English line sits under the chosen language's line, smaller and dark grey.
 *
 * Everything taken from `data` is personal data and is escaped; the page loads nothing (no
 * scripts, images, fonts or style sheets; a meta CSP forbids them), and the only link is the
 * supervisory authority's website, and only when it is an http(s) URL.
 */

import { INSURED_PERSON_LANGUAGES, type SubjectExport } from '../../../schemas/privacy.ts';
import type { TransferState } from '../../core/transfer-states.ts';
import type { DataCategory, Recipient } from '../../ports/privacy.ts';
import { LABELS, type Labels, type Language } from './export-labels.ts';

export type { Language } from './export-labels.ts';

/** The meta Content-Security-Policy of the document: nothing may load, only the inline style. */
export const EXPORT_DOCUMENT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

export function isDocumentLanguage(value: string): value is Language {
  return (INSURED_PERSON_LANGUAGES as readonly string[]).includes(value);
}

/** The supported language of a BCP 47 tag by its primary subtag (`zh-CN` → `zh`), if any. */
function supportedLanguage(tag: string): Language | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return isDocumentLanguage(primary) ? primary : undefined;
}

/**
 * The language of the document besides English: the person's preferred language when supported,
 * else the first supported language of the jurisdiction that is not English, else English.
 */
export function documentLanguage(
  preferred: string | undefined,
  jurisdictionLanguages: readonly string[],
): Language {
  const chosen = preferred === undefined ? undefined : supportedLanguage(preferred);
  if (chosen !== undefined) return chosen;
  for (const tag of jurisdictionLanguages) {
    const language = supportedLanguage(tag);
    if (language !== undefined && language !== 'en') return language;
  }
  return 'en';
}

// --- text helpers -------------------------------------------------------------------------------

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML, safe in element content and in double-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** The date part (YYYY-MM-DD) of an ISO date or timestamp; anything else as given. */
function isoDay(value: string): string {
  return /^(\d{4}-\d{2}-\d{2})/.exec(value)?.[1] ?? value;
}

/** An IBAN in groups of four, as printed on bank cards and statements. */
function groupIban(iban: string): string {
  const compact = iban.replace(/\s+/g, '').toUpperCase();
  return compact.replace(/(.{4})(?=.)/g, '$1 ');
}

/** Where the page may link to: an absolute http(s) URL, nothing else (no `javascript:`). */
function linkTarget(url: string): string | undefined {
  const trimmed = url.trim();
  if (!/^https?:\/\//i.test(trimmed)) return undefined;
  try {
    const parsed = new URL(trimmed);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function has<K extends string>(table: Readonly<Record<K, string>>, key: string): key is K {
  return Object.hasOwn(table, key);
}

/** Fills `{name}` placeholders of an (escaped) template with HTML. */
function fill(template: string, values: Readonly<Record<string, string>> = {}): string {
  return escapeHtml(template).replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

type Pick = (labels: Labels) => string;
type Values = (labels: Labels) => Readonly<Record<string, string>>;

/** Writes the document in one language with English beside it (or English alone). */
class Writer {
  readonly labels: Labels;
  readonly english: Labels;
  readonly bilingual: boolean;

  constructor(readonly language: Language) {
    this.labels = LABELS[language];
    this.english = LABELS.en;
    this.bilingual = language !== 'en';
  }

  /**
   * A phrase: the language's line, then English as a smaller grey line (display: block); once
   * when both read the same ("Name", "Status").
   */
  text(pick: Pick, values?: Values): string {
    const own = fill(pick(this.labels), values?.(this.labels));
    const english = fill(pick(this.english), values?.(this.english));
    const first = `<span lang="${this.language}">${own}</span>`;
    if (!this.bilingual || english === own) return first;
    return `${first}<span lang="en" class="en">${english}</span>`;
  }

  /** A short label on one line: the language's, a slash, English. */
  inline(pick: Pick): string {
    const own = fill(pick(this.labels));
    const english = fill(pick(this.english));
    const first = `<span lang="${this.language}">${own}</span>`;
    if (!this.bilingual || english === own) return first;
    return `${first} / <span lang="en">${english}</span>`;
  }

  /** A paragraph, then its English paragraph. */
  para(pick: Pick, values?: Values, className?: string): string {
    const cls = className === undefined ? '' : ` ${className}`;
    const own = fill(pick(this.labels), values?.(this.labels));
    const english = fill(pick(this.english), values?.(this.english));
    const first = `<p lang="${this.language}" class="t${cls}">${own}</p>`;
    if (!this.bilingual || english === own) return first;
    return `${first}<p lang="en" class="t en${cls}">${english}</p>`;
  }

  /** A translated code (category, purpose, state, …), or the code itself when it is unknown. */
  code<K extends string>(table: (labels: Labels) => Readonly<Record<K, string>>, code: string): string {
    if (!has(table(this.english), code)) return value(code);
    return this.text((labels) => table(labels)[code as K]);
  }

  /** A country name from its ISO 3166-1 code, in this language and in English. */
  country(code: string): string {
    const own = regionName(this.language, code);
    const english = regionName('en', code);
    if (own === undefined || english === undefined) return value(code);
    const first = `<span lang="${this.language}">${escapeHtml(own)}</span>`;
    if (!this.bilingual || english === own) return first;
    return `${first}<span lang="en" class="en">${escapeHtml(english)}</span>`;
  }

  years(labels: Labels, years: number): string {
    return fill(years === 1 ? labels.retention.yearOne : labels.retention.yearOther, { n: String(years) });
  }

  heading(number: number, pick: Pick): string {
    return `<h2>${this.text((labels) => `${number}. ${pick(labels)}`)}</h2>`;
  }

  /** A row of a field list: label, value (HTML). */
  field(pick: Pick, html: string): string {
    return `<div class="row"><dt>${this.text(pick)}</dt><dd>${html}</dd></div>`;
  }

  table(headers: readonly Pick[], rows: readonly (readonly string[])[]): string {
    const head = headers.map((pick) => `<th scope="col">${this.text(pick)}</th>`).join('');
    const body = rows.map((cells) => `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('');
    return `<div class="table"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
  }
}

/** A value from the data: escaped, and never machine-translated by a browser. */
function value(text: string, className = 'v'): string {
  return `<span class="${className}" translate="no">${escapeHtml(text)}</span>`;
}

function regionName(language: Language, code: string): string | undefined {
  if (!/^[A-Z]{2}$/.test(code)) return undefined;
  try {
    const name = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' }).of(code);
    return name === undefined || name === code ? undefined : name;
  } catch {
    return undefined;
  }
}

// --- sections -----------------------------------------------------------------------------------

function controllerSection(w: Writer, data: SubjectExport): string {
  return [
    w.heading(1, (l) => l.headings.controller),
    w.para((l) => l.controller.intro),
    '<dl class="fields">',
    w.field((l) => l.controller.name, value(data.controller.name)),
    w.field((l) => l.controller.jurisdiction, w.country(data.controller.jurisdiction)),
    w.field((l) => l.controller.documentDate, value(isoDay(data.generatedAt))),
    w.field((l) => l.controller.reference, value(data.dataSubjectId, 'v code')),
    '</dl>',
  ].join('\n');
}

function personSection(w: Writer, data: SubjectExport): string {
  const parts = [w.heading(2, (l) => l.headings.personal)];
  const person = data.person;
  if (person === null) {
    parts.push(w.para((l) => l.person.destroyed, undefined, 'notice'));
  } else {
    parts.push(w.para((l) => l.person.intro));
    const rows: string[] = [];
    const id = person.nationalIdentifier;
    rows.push(w.field((l) => l.person.nationalIdentifier, value(id.value, 'v code')));
    rows.push(w.field((l) => l.person.identifierScheme, value(id.scheme)));
    rows.push(w.field((l) => l.person.givenName, value(person.name.given)));
    rows.push(w.field((l) => l.person.familyName, value(person.name.family)));
    if (person.name.original !== undefined) {
      rows.push(w.field((l) => l.person.originalName, value(person.name.original)));
    }
    rows.push(w.field((l) => l.person.birthDate, value(person.birthDate)));
    if (person.address !== undefined) {
      const address = person.address;
      const town = [address.postalCode, address.city].filter((part) => part !== undefined).join(' ');
      const lines = [...address.lines.map((line) => value(line)), value(town), w.country(address.country)];
      rows.push(
        w.field((l) => l.person.address, lines.map((line) => `<span class="line">${line}</span>`).join('')),
      );
    }
    if (person.contact?.email !== undefined) {
      rows.push(w.field((l) => l.person.email, value(person.contact.email)));
    }
    if (person.contact?.phone !== undefined) {
      rows.push(w.field((l) => l.person.phone, value(person.contact.phone, 'v code')));
    }
    const bank = person.bankAccount;
    if (bank?.iban !== undefined)
      rows.push(w.field((l) => l.person.iban, value(groupIban(bank.iban), 'v code')));
    if (bank?.accountNumber !== undefined) {
      rows.push(w.field((l) => l.person.accountNumber, value(bank.accountNumber, 'v code')));
    }
    if (bank?.bic !== undefined) rows.push(w.field((l) => l.person.bic, value(bank.bic, 'v code')));
    if (person.benefit !== undefined) {
      rows.push(
        w.field(
          (l) => l.person.benefit,
          w.code((l) => l.benefitTypes, person.benefit.type),
        ),
      );
      if (person.benefit.period !== undefined) {
        rows.push(w.field((l) => l.person.benefitPeriod, value(person.benefit.period)));
      }
    }
    if (person.health !== undefined) {
      const percent = new Intl.NumberFormat(w.language, { style: 'percent' }).format(
        person.health.incapacityPercent / 100,
      );
      const note = `<div class="note">${w.para((l) => l.person.healthNote)}</div>`;
      rows.push(w.field((l) => l.person.health, `${value(percent)}${note}`));
    }
    if (person.preferredLanguage !== undefined) {
      const preferred = person.preferredLanguage;
      rows.push(
        w.field(
          (l) => l.person.preferredLanguage,
          w.text((l) => l.languageNames[preferred]),
        ),
      );
    }
    parts.push('<dl class="fields">', ...rows, '</dl>');
  }
  if (data.heldCategories.length > 0) {
    parts.push(`<h3>${w.text((l) => l.person.heldCategories)}</h3>`);
    const items = data.heldCategories.map((category) => `<li>${w.code((l) => l.categories, category)}</li>`);
    parts.push(`<ul class="list">${items.join('')}</ul>`);
  }
  return parts.join('\n');
}

function transfersSection(w: Writer, data: SubjectExport): string {
  const parts = [w.heading(3, (l) => l.headings.transfers)];
  if (data.transfers.length === 0) {
    parts.push(w.para((l) => l.transfers.none));
    return parts.join('\n');
  }
  parts.push(w.para((l) => l.transfers.intro));
  const rows = data.transfers.map((transfer) => {
    const reference = `<span class="small">${w.inline((l) => l.transfers.reference)}: ${value(transfer.id, 'code')}</span>`;
    const bases =
      transfer.legalBases.length === 0
        ? '—'
        : transfer.legalBases
            .map(
              (basis) =>
                `<span class="line">${value(`${basis.from} → ${basis.to}`, 'v code')}: ${value(basis.article)}</span>`,
            )
            .join('');
    return [
      `${value(isoDay(transfer.createdAt))}${reference}`,
      w.code((l) => l.purposes, transfer.purpose),
      amount(transfer.sourceAmount, transfer.sourceCurrency),
      amount(transfer.targetAmount, transfer.targetCurrency),
      w.code<TransferState>((l) => l.transferStates, transfer.state),
      bases,
    ];
  });
  parts.push(
    w.table(
      [
        (l) => l.transfers.date,
        (l) => l.transfers.purpose,
        (l) => l.transfers.sent,
        (l) => l.transfers.received,
        (l) => l.transfers.state,
        (l) => l.transfers.legalBasis,
      ],
      rows,
    ),
  );
  return parts.join('\n');
}

function amount(text: string, currency: string): string {
  return `<span class="v amount" translate="no">${escapeHtml(text)}&nbsp;${escapeHtml(currency)}</span>`;
}

function consentsSection(w: Writer, data: SubjectExport): string {
  const parts = [w.heading(4, (l) => l.headings.consents)];
  if (data.consents.length === 0) {
    parts.push(w.para((l) => l.consents.none));
    return parts.join('\n');
  }
  parts.push(w.para((l) => l.consents.intro));
  const rows = data.consents.map((consent) => [
    w.code((l) => l.purposes, consent.purpose),
    w.code((l) => l.consentKinds, consent.kind),
    value(consent.textVersion, 'v code'),
    value(isoDay(consent.givenAt)),
    consent.withdrawnAt === null
      ? w.text((l) => l.consents.notWithdrawn)
      : value(isoDay(consent.withdrawnAt)),
  ]);
  parts.push(
    w.table(
      [
        (l) => l.consents.purpose,
        (l) => l.consents.kind,
        (l) => l.consents.textVersion,
        (l) => l.consents.given,
        (l) => l.consents.withdrawn,
      ],
      rows,
    ),
  );
  return parts.join('\n');
}

function disclosuresSection(w: Writer, data: SubjectExport): string {
  const parts = [w.heading(5, (l) => l.headings.recipients)];
  const disclosures = data.disclosures.filter((disclosure) => disclosure.categories.length > 0);
  if (disclosures.length === 0) {
    parts.push(w.para((l) => l.disclosures.none));
    return parts.join('\n');
  }
  parts.push(w.para((l) => l.disclosures.intro));
  const rows = disclosures.map((disclosure) => [
    w.country(disclosure.jurisdiction),
    w.code<Recipient>((l) => l.recipients, disclosure.recipient),
    w.code((l) => l.purposes, disclosure.purpose),
    `<ul class="list compact">${disclosure.categories
      .map((category) => `<li>${w.code<DataCategory>((l) => l.categories, category)}</li>`)
      .join('')}</ul>`,
  ]);
  parts.push(
    w.table(
      [
        (l) => l.disclosures.country,
        (l) => l.disclosures.recipient,
        (l) => l.disclosures.purpose,
        (l) => l.disclosures.categories,
      ],
      rows,
    ),
  );
  return parts.join('\n');
}

function retentionSection(w: Writer, data: SubjectExport): string {
  const parts = [w.heading(6, (l) => l.headings.retention)];
  if (data.retention.length === 0) {
    parts.push(w.para((l) => l.retention.none));
  } else {
    parts.push(w.para((l) => l.retention.intro));
    const rows = data.retention.map((entry) => [
      w.code<DataCategory>((l) => l.categories, entry.category),
      entry.years === 0
        ? w.text((l) => l.retention.atEnd)
        : w.text(
            (l) => l.retention.afterEnd,
            (l) => ({ years: w.years(l, entry.years) }),
          ),
    ]);
    parts.push(w.table([(l) => l.retention.category, (l) => l.retention.period], rows));
  }
  parts.push(
    w.para(
      (l) => l.retention.aml,
      (l) => ({ years: w.years(l, data.amlRetentionYears) }),
    ),
  );
  const ended = data.relationshipEndedAt;
  parts.push(
    ended === null
      ? w.para((l) => l.retention.ongoing)
      : w.para(
          (l) => l.retention.ended,
          () => ({ date: escapeHtml(isoDay(ended)) }),
        ),
  );
  return parts.join('\n');
}

function restrictionSection(w: Writer, data: SubjectExport): string {
  const parts = [w.heading(7, (l) => l.headings.restriction)];
  const restriction = data.restriction;
  if (restriction === null) {
    parts.push(w.para((l) => l.restriction.none));
    return parts.join('\n');
  }
  parts.push(w.para((l) => l.restriction.intro, undefined, 'notice'));
  parts.push(
    '<dl class="fields">',
    w.field((l) => l.restriction.since, value(isoDay(restriction.since))),
    w.field((l) => l.restriction.ground, value(restriction.ground)),
    w.field(
      (l) => l.restriction.until,
      restriction.until === null ? w.text((l) => l.restriction.untilOpen) : value(isoDay(restriction.until)),
    ),
    '</dl>',
  );
  return parts.join('\n');
}

function rightsSection(w: Writer, data: SubjectExport): string {
  const rights: readonly Pick[] = [
    (l) => l.rights.access,
    (l) => l.rights.rectification,
    (l) => l.rights.erasure,
    (l) => l.rights.restriction,
    (l) => l.rights.objection,
    (l) => l.rights.withdrawal,
    (l) => l.rights.copy,
  ];
  const target = linkTarget(data.complaint.url);
  const website =
    target === undefined
      ? value(data.complaint.url)
      : `<a href="${escapeHtml(target)}" rel="noreferrer" translate="no">${escapeHtml(data.complaint.url)}</a>`;
  return [
    w.heading(8, (l) => l.headings.rights),
    w.para((l) => l.rights.intro),
    `<ul class="list rights">${rights.map((pick) => `<li>${w.text(pick)}</li>`).join('')}</ul>`,
    w.para((l) => l.rights.howToAsk),
    w.para((l) => l.rights.complaintIntro),
    '<dl class="fields">',
    w.field((l) => l.rights.authority, value(data.complaint.authority)),
    w.field((l) => l.rights.website, website),
    w.field((l) => l.rights.article, value(data.complaint.article)),
    '</dl>',
  ].join('\n');
}

// --- the page -----------------------------------------------------------------------------------

const LATIN_FONTS = '"Segoe UI", "Noto Sans", "Helvetica Neue", Arial, sans-serif';

const STYLE = `
@page { size: A4; margin: 18mm 16mm 20mm; }
html { font-size: 18px; color: #000; background: #fff; }
body { margin: 0 auto; max-width: 48rem; padding: 1.5rem 1.25rem 3rem; font-family: ${LATIN_FONTS}; line-height: 1.6; }
:lang(zh) { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
:lang(ja) { font-family: "Noto Sans CJK JP", "Source Han Sans JP", "Hiragino Sans", "Yu Gothic", Meiryo, sans-serif; }
:lang(ko) { font-family: "Noto Sans CJK KR", "Source Han Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", sans-serif; }
:lang(en) { font-family: ${LATIN_FONTS}; }
h1 { font-size: 1.8rem; line-height: 1.3; margin: 0 0 1.25rem; }
h2 { font-size: 1.4rem; line-height: 1.35; margin: 2.5rem 0 1rem; padding-top: 0.75rem; border-top: 3px solid #000; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; break-after: avoid; }
h1 .en, h2 .en, h3 .en { font-weight: 600; }
.en { display: block; font-size: 0.9em; color: #333; }
p.t { margin: 0 0 0.9rem; }
p.t + p.en { margin-top: -0.6rem; }
.notice { font-weight: 700; }
p.en.notice { font-weight: 600; }
.v { font-weight: 700; overflow-wrap: anywhere; }
.code { font-family: ui-monospace, "DejaVu Sans Mono", Consolas, monospace; letter-spacing: 0.02em; }
.line { display: block; }
.small { display: block; font-size: 0.85rem; color: #333; }
dl.fields { margin: 0 0 1.25rem; }
dl.fields .row { display: grid; grid-template-columns: minmax(9rem, 15rem) 1fr; gap: 0.25rem 1.25rem; padding: 0.6rem 0; border-bottom: 1px solid #767676; break-inside: avoid; }
dt { margin: 0; }
dd { margin: 0; }
.note { margin-top: 0.5rem; padding: 0.5rem 0 0.1rem 0.8rem; border-left: 4px solid #000; }
.note p.t { margin-bottom: 0.4rem; }
.list { margin: 0.25rem 0 1.25rem; padding-left: 1.5rem; }
.list li { margin-bottom: 0.5rem; }
.list.compact { margin: 0; padding-left: 1.1rem; }
.list.compact li { margin-bottom: 0.3rem; }
.table { overflow-x: auto; margin: 0.5rem 0 1.25rem; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 1px solid #000; padding: 0.5rem 0.6rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #e8e8e8; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.amount { white-space: nowrap; }
a { color: #0b3d91; text-decoration: underline; overflow-wrap: anywhere; }
footer { margin-top: 2.5rem; padding-top: 1rem; border-top: 3px solid #000; }
@media (max-width: 40rem) { dl.fields .row { grid-template-columns: 1fr; } }
@media print {
  html { font-size: 13pt; }
  body { max-width: none; padding: 0; }
  h2 { margin-top: 1.6rem; }
  .table { overflow: visible; }
  th { background: none; }
  a { color: #000; }
}
`;

/**
 * The access document: one self-contained HTML5 page, in `language` with English beside every
 * text (English alone when `language` is 'en'). An unsupported language falls back to English.
 */
export function renderExportDocument(data: SubjectExport, language: Language): string {
  const w = new Writer(isDocumentLanguage(language) ? language : 'en');
  const title = w.bilingual ? `${w.labels.title} – ${w.english.title}` : w.english.title;
  const header = [
    `<h1>${w.text((l) => l.title)}</h1>`,
    w.para((l) => l.intro),
    ...(w.bilingual ? [w.para((l) => l.englishBelow)] : []),
    w.para((l) => l.dateFormat),
  ];
  const sections = [
    controllerSection,
    personSection,
    transfersSection,
    consentsSection,
    disclosuresSection,
    retentionSection,
    restrictionSection,
    rightsSection,
  ].map((section) => `<section>\n${section(w, data)}\n</section>`);
  return `<!DOCTYPE html>
<html lang="${w.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${EXPORT_DOCUMENT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
${header.join('\n')}
</header>
<main>
${sections.join('\n')}
</main>
<footer>
${w.para((l) => l.keepSafe)}
</footer>
</body>
</html>
`;
}
