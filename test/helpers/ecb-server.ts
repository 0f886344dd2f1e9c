/**
 * A fake ECB for tests of code that downloads the reference rates: msw handlers for `ecbUrls()`.
 *
 *   const server = setupServer(...ecbHandlers({ daily: day, fail: { historyZip: 'http_500' } }));
 *
 * The daily XML is built from an `EcbDay` in the exact gesmes format the ECB publishes, the
 * 90-day XML from the last 90 calendar days of the history, and the history zip (fflate) from
 * CSV text (by default the real shared history file, else a one-day sample).
 */
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { type HttpHandler, HttpResponse, http } from 'msw';
import { type EcbDay, parseEcbCsv } from '../../src/services/fx/ecb/ecb-rates.ts';
import { ECB_BASE_URL, ecbUrls } from '../../src/services/fx/ecb/urls.ts';
import { sharedFile } from './shared-data.ts';

export const ECB_HISTORY_FILE = 'fx/ecb/eurofxref-hist.csv';

/** A real day (2026-04-13, a subset of the currencies), used when nothing else is given. */
export const SAMPLE_ECB_DAY: EcbDay = {
  date: '2026-04-13',
  rates: { USD: '1.1684', JPY: '186.75', GBP: '0.87058', CHF: '0.9242', CNY: '7.9827' },
};

/** How a URL of the fake ECB fails. */
export type EcbFailure =
  /** HTTP 500 with a short text body. */
  | 'http_500'
  /** HTTP 404. */
  | 'http_404'
  /** A network error (`HttpResponse.error()`): fetch rejects. */
  | 'network_error'
  /** HTTP 200 with the first half of the body only. */
  | 'truncated'
  /** HTTP 200 with a body that is not an ECB file (an HTML error page). */
  | 'malformed';

export type EcbEndpoint = 'daily' | 'last90Days' | 'historyZip';

export interface EcbHandlerOptions {
  /** Base URL (default `ECB_BASE_URL`). */
  base?: string;
  /** The day served as `eurofxref-daily.xml` (default: the last day of the history). */
  daily?: EcbDay;
  /** History CSV text zipped as `eurofxref-hist.zip` (default: the shared file, else a sample). */
  historyCsv?: string;
  /** Days served as `eurofxref-hist-90d.xml` (default: the last 90 calendar days of the history). */
  last90Days?: EcbDay[];
  /** Make a URL fail. */
  fail?: Partial<Record<EcbEndpoint, EcbFailure>>;
}

/** Text of the shared history CSV, or undefined when the shared data is absent. */
export function loadSharedEcbHistory(): string | undefined {
  const file = sharedFile(ECB_HISTORY_FILE);
  return file === undefined ? undefined : readFileSync(file, 'utf8');
}

function dayCube(day: EcbDay, indent: string): string {
  const rates = Object.entries(day.rates)
    .map(([currency, rate]) => `${indent}\t<Cube currency='${currency}' rate='${rate}'/>\n`)
    .join('');
  return `${indent}<Cube time='${day.date}'>\n${rates}${indent}</Cube>\n`;
}

/** The gesmes XML of several days (newest first, as the ECB orders them), as in the 90-day file. */
export function formatEcbXml(days: readonly EcbDay[]): string {
  const sorted = [...days].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">\n' +
    '\t<gesmes:subject>Reference rates</gesmes:subject>\n' +
    '\t<gesmes:Sender>\n' +
    '\t\t<gesmes:name>European Central Bank</gesmes:name>\n' +
    '\t</gesmes:Sender>\n' +
    '\t<Cube>\n' +
    sorted.map((day) => dayCube(day, '\t\t')).join('') +
    '\t</Cube>\n' +
    '</gesmes:Envelope>'
  );
}

/** `eurofxref-daily.xml` for one day, in the exact format the ECB publishes. */
export function formatEcbDailyXml(day: EcbDay): string {
  return formatEcbXml([day]);
}

/** A history CSV of the given days with the given currency columns (N/A where a day has no rate). */
export function formatEcbCsv(days: readonly EcbDay[], currencies?: readonly string[]): string {
  const columns = currencies ?? [...new Set(days.flatMap((day) => Object.keys(day.rates)))];
  const sorted = [...days].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const lines = [`Date,${columns.join(',')},`];
  for (const day of sorted) {
    lines.push(`${day.date},${columns.map((c) => day.rates[c] ?? 'N/A').join(',')},`);
  }
  return `${lines.join('\n')}\n`;
}

/** `eurofxref-hist.zip`: one entry `eurofxref-hist.csv`. */
export function zipEcbHistory(csv: string): Uint8Array {
  return zipSync({ 'eurofxref-hist.csv': new TextEncoder().encode(csv) });
}

function daysBefore(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) - days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

function respond(
  failure: EcbFailure | undefined,
  body: () => Uint8Array | string,
  contentType: string,
): Response {
  switch (failure) {
    case 'http_500':
      return new HttpResponse('Internal Server Error', { status: 500 });
    case 'http_404':
      return new HttpResponse('Not Found', { status: 404 });
    case 'network_error':
      return HttpResponse.error();
    case 'malformed':
      return new HttpResponse('<html><body>Service temporarily unavailable</body></html>', {
        status: 200,
        headers: { 'Content-Type': 'text/html' },
      });
    default: {
      const content = body();
      const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
      const served = failure === 'truncated' ? bytes.slice(0, Math.floor(bytes.length / 2)) : bytes;
      return new HttpResponse(served as Uint8Array<ArrayBuffer>, {
        status: 200,
        headers: { 'Content-Type': contentType, 'Content-Length': String(served.length) },
      });
    }
  }
}

/** msw handlers serving the ECB files under `options.base`. Bodies are built lazily, once. */
export function ecbHandlers(options: EcbHandlerOptions = {}): HttpHandler[] {
  const urls = ecbUrls(options.base ?? ECB_BASE_URL);
  const fail = options.fail ?? {};
  let csv: string | undefined;
  let history: EcbDay[] | undefined;
  const historyCsv = (): string => {
    csv ??= options.historyCsv ?? loadSharedEcbHistory() ?? formatEcbCsv([SAMPLE_ECB_DAY]);
    return csv;
  };
  const historyDays = (): EcbDay[] => {
    history ??= parseEcbCsv(historyCsv(), { today: '9999-12-31' }).days;
    return history;
  };
  const lastDay = (): EcbDay => options.daily ?? historyDays().at(-1) ?? SAMPLE_ECB_DAY;
  const last90 = (): EcbDay[] => {
    if (options.last90Days) return options.last90Days;
    const days = historyDays();
    const last = days.at(-1);
    if (!last) return [SAMPLE_ECB_DAY];
    const from = daysBefore(last.date, 90);
    return days.filter((day) => day.date > from);
  };
  let zip: Uint8Array | undefined;
  return [
    http.get(urls.daily, () => respond(fail.daily, () => formatEcbDailyXml(lastDay()), 'text/xml')),
    http.get(urls.last90Days, () => respond(fail.last90Days, () => formatEcbXml(last90()), 'text/xml')),
    http.get(urls.historyZip, () =>
      respond(
        fail.historyZip,
        () => {
          zip ??= zipEcbHistory(historyCsv());
          return zip;
        },
        'application/zip',
      ),
    ),
  ];
}
