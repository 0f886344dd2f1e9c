/**
 * The suspicious-activity report as one self-contained, printable HTML page. Every value taken
 * from the report is escaped (names on sanctions lists, officers' reasons and references are
 * text from outside); the page loads nothing — no scripts, images, fonts or style sheets, a meta
 * CSP forbids them — and prints on A4 with repeated table headers.
 */
import type { CaseParty, SuspiciousActivityReport } from '../../../schemas/compliance.ts';
import { EXPORT_DOCUMENT_CSP, escapeHtml } from '../privacy/export-document.ts';

type Cell = string | number | null | undefined;

const text = (value: Cell): string =>
  value === null || value === undefined || value === '' ? '—' : escapeHtml(String(value));

function fields(rows: [string, Cell][]): string {
  const items = rows.map(
    ([label, value]) => `<div class="row"><dt>${escapeHtml(label)}</dt><dd>${text(value)}</dd></div>`,
  );
  return `<dl class="fields">\n${items.join('\n')}\n</dl>`;
}

/** A table; `raw` rows are HTML already escaped by the caller. */
function table(headers: string[], rows: Cell[][], raw = false): string {
  if (rows.length === 0) return '<p class="none">None.</p>';
  const head = headers.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join('');
  const body = rows
    .map(
      (row) => `<tr>${row.map((cell) => `<td>${raw ? String(cell ?? '') : text(cell)}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<div class="table"><table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

/** The disclosed fields of a person as label/value lines (`address.lines[0]`, …). */
export function personLines(value: unknown, prefix = ''): [string, string][] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((item, index) => personLines(item, `${prefix}[${index}]`));
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([key]) => prefix !== '' || (key !== 'dataSubjectId' && key !== 'disclosedCategories'))
      .flatMap(([key, item]) => personLines(item, prefix === '' ? key : `${prefix}.${key}`));
  }
  return [[prefix, String(value)]];
}

function explanation(hit: CaseParty['screening']['hits'][number], queryTokens: string[] | null): string {
  const token = (position: number | null) =>
    position === null
      ? '—'
      : queryTokens?.[position] !== undefined
        ? `${queryTokens[position]} (#${position})`
        : `#${position}`;
  const tokens = hit.explanation.tokens.map(
    (item) =>
      `<li>${text(item.listToken)} ↔ ${text(token(item.queryToken))}: ${text(item.score)} (${text(item.how)})</li>`,
  );
  const extra = hit.explanation.extraQueryTokens.map(
    (position) => `<li>unmatched query token ${text(token(position))}</li>`,
  );
  const qualifiers = hit.explanation.qualifiers.map(
    (item) => `<li>${text(item.qualifier)} ${text(item.effect)}: ${text(item.detail)}</li>`,
  );
  return [
    `<span class="small">name ${text(hit.explanation.nameScore)} (${text(hit.explanation.matchedNameKind)})</span>`,
    `<ul class="list compact">${[...tokens, ...extra, ...qualifiers].join('')}</ul>`,
  ].join('');
}

function partySection(party: CaseParty, index: number): string {
  const { screening } = party;
  const who = party.person
    ? fields([
        ['Data subject', party.person.dataSubjectId],
        ['Disclosed categories', party.person.disclosedCategories.join(', ')],
        ...personLines(party.person),
      ])
    : party.institution
      ? fields([
          ['Partner agency', party.institution.partnerId],
          ['Jurisdiction', party.institution.jurisdiction],
          ['Name', party.institution.name],
        ])
      : '';
  const hits = screening.hits.map((hit) => [
    text(hit.entityId),
    `${text(hit.name)}<span class="small">${text(hit.type)}</span>`,
    text(hit.matchedName),
    text(hit.score),
    explanation(hit, party.queryTokens),
    text(hit.suppressionId),
  ]);
  const missing = screening.listVersions
    .filter((version) => version.missing)
    .map((version) => version.source);
  return [
    `<h3>Party ${index + 1}: ${text(screening.partyRole)} (${text(screening.partyType)})</h3>`,
    fields([
      ['Party key', screening.partyKey],
      ['Outcome', screening.outcome],
      ['Top score', screening.topScore],
      ['Thresholds', `review ${screening.thresholds.review}, block ${screening.thresholds.block}`],
      ['Lists without a version', missing.join(', ')],
      ['Screened at', screening.createdAt],
      ['Screening result', screening.id],
      ['Query tokens', party.queryTokens?.join(' ') ?? null],
    ]),
    who,
    table(['Entry', 'Listed name', 'Matched name', 'Score', 'Explanation', 'Suppression'], hits, true),
  ].join('\n');
}

function transferSection(report: SuspiciousActivityReport): string {
  const t = report.transfer;
  if (!t) return '<h2>Transfer</h2>\n<p class="none">No transfer: a continuous-screening alert.</p>';
  return `<h2>Transfer</h2>\n${fields([
    ['Id', t.id],
    ['State', t.state],
    ['Purpose', t.purpose],
    ['Partner jurisdiction', t.partnerJurisdiction],
    ['Corridor', `${t.sourceJurisdiction} → ${t.targetJurisdiction}`],
    ['Amount sent', `${t.sourceAmount} ${t.sourceCurrency}`],
    ['Amount received', `${t.targetAmount} ${t.targetCurrency}`],
    ['Fee', `${t.totalFee} ${t.sourceCurrency}`],
    ['Rate', t.appliedRate],
    ['Reference', t.reference],
    ['Reserve journal', `${t.ledger.journalId} (${t.ledger.phase})`],
    ['Created', t.createdAt],
  ])}`;
}

function amlSection(report: SuspiciousActivityReport): string {
  const aml = report.aml;
  if (!aml) return '<h2>AML decision</h2>\n<p class="none">No AML decision recorded.</p>';
  return [
    '<h2>AML decision</h2>',
    fields([
      ['Decision', aml.decision],
      ['Score', aml.score],
      [
        'Rule set',
        aml.ruleSetId
          ? `${aml.ruleSetId} (version ${aml.ruleSetVersion})`
          : `version ${aml.ruleSetVersion} (adapter defaults)`,
      ],
      ['Decided at', aml.decidedAt],
    ]),
    table(
      ['Code', 'Rule', 'Score', 'Action', 'Details'],
      aml.reasons.map((reason) => [
        reason.code,
        reason.rule,
        reason.score,
        reason.action,
        JSON.stringify(reason.details),
      ]),
    ),
  ].join('\n');
}

const STYLE = `
@page { size: A4; margin: 16mm 14mm 18mm; }
html { font-size: 15px; color: #000; background: #fff; }
body { margin: 0 auto; max-width: 60rem; padding: 1.25rem; font-family: "Segoe UI", "Noto Sans", "Helvetica Neue", Arial, sans-serif; line-height: 1.5; }
h1 { font-size: 1.6rem; margin: 0 0 0.75rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.75rem; padding-top: 0.5rem; border-top: 3px solid #000; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 0.5rem; break-after: avoid; }
.notice { font-weight: 700; border: 2px solid #000; padding: 0.5rem 0.75rem; }
dl.fields { margin: 0 0 1rem; }
dl.fields .row { display: grid; grid-template-columns: minmax(9rem, 14rem) 1fr; gap: 0.2rem 1rem; padding: 0.3rem 0; border-bottom: 1px solid #767676; break-inside: avoid; }
dt, dd { margin: 0; overflow-wrap: anywhere; }
dt { font-weight: 600; }
.small { display: block; font-size: 0.85rem; color: #333; }
.list.compact { margin: 0.25rem 0 0; padding-left: 1.1rem; }
.none { color: #333; font-style: italic; }
.table { overflow-x: auto; margin: 0.5rem 0 1rem; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 1px solid #000; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #e8e8e8; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
footer { margin-top: 2rem; padding-top: 0.75rem; border-top: 3px solid #000; font-size: 0.9rem; }
@media print {
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  .table { overflow: visible; }
  th { background: none; }
}
`;

export function renderSarDocument(report: SuspiciousActivityReport): string {
  const c = report.case;
  const sections = [
    `<h2>Reporting entity</h2>\n${fields([
      ['Name', report.reportingEntity.name],
      ['Jurisdiction', report.reportingEntity.jurisdiction],
      ['Generated at', report.generatedAt],
      ['Generated by', report.generatedBy],
    ])}`,
    `<h2>Case</h2>\n${fields([
      ['Id', c.id],
      ['Kind', c.kind],
      ['Status', c.status],
      ['Priority', c.priority],
      ['Opened', c.openedAt],
      ['Hold expires', c.holdExpiresAt],
      ['Escalated', c.escalatedAt],
      ['Data subject', c.subjectId],
      ['Screening run', c.runId],
    ])}`,
    transferSection(report),
    `<h2>Parties and hits</h2>\n${report.parties.length === 0 ? '<p class="none">No screening result recorded.</p>' : report.parties.map(partySection).join('\n')}`,
    amlSection(report),
    `<h2>List and rule versions</h2>\n${table(
      ['List', 'Version', 'SHA-256', 'Imported'],
      report.listVersions.map((version) => [
        version.source,
        version.versionId,
        version.sha256,
        version.importedAt,
      ]),
    )}\n${fields([['AML rule-set version', report.ruleSetVersion]])}`,
    `<h2>Officer decisions</h2>\n${table(
      ['When', 'Officer', 'Decision', 'Reason'],
      report.decisions.map((decision) => [
        decision.at,
        decision.actor,
        decision.action.replace('_', ' '),
        decision.reason,
      ]),
    )}`,
    `<h2>Timeline</h2>\n${table(
      ['When', 'Actor', 'Action', 'Object', 'From', 'To'],
      report.timeline.map((event) => [
        event.at,
        event.actor,
        event.action,
        `${event.subjectType} ${event.subjectId}`,
        event.fromState,
        event.toState,
      ]),
    )}`,
  ].map((section) => `<section>\n${section}\n</section>`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${EXPORT_DOCUMENT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Suspicious activity report – case ${text(c.id)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Suspicious activity report</h1>
<p class="notice">Confidential. Do not disclose to the customer or the partner agency that this report exists (tipping-off, FATF Recommendation 21).</p>
</header>
<main>
${sections.join('\n')}
</main>
<footer>
<p>Case ${text(c.id)} · generated ${text(report.generatedAt)} by ${text(report.generatedBy)} · Pontis gateway</p>
</footer>
</body>
</html>
`;
}
