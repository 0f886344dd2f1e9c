/**
 * Strict parsers for the ECB euro foreign exchange reference rates.
 *
 * Supported inputs: the history CSV (`eurofxref-hist.csv`), its zipped form (`eurofxref-hist.zip`)
 * and the gesmes XML files (`eurofxref-daily.xml`, `eurofxref-hist-90d.xml`, `eurofxref-hist.xml`).
 *
 * A file loads completely or not at all: any defect rejects the whole file with
 * `GatewayError('fx_file_invalid')`, whose `details` carry `line` (1-based, as an editor shows it),
 * `column` (the currency code, or 'Date') where known, and a stable snake_case `reason`.
 *
 * Rates stay the decimal strings exactly as published; no floating point is used anywhere.
 * Runs on Node and on Cloudflare Workers (Web APIs only, no `node:` imports).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { GatewayError } from '../../../core/errors.ts';

/** One day of reference rates: currency → units of the currency per 1 EUR, as published. */
export type EcbDay = { date: string; rates: Record<string, string> };

export type EcbRateSet = {
  format: 'csv' | 'xml';
  /** Ascending by date. */
  days: EcbDay[];
  /** Every currency column of the file (CSV) or every currency quoted (XML), sorted. */
  currencies: string[];
  firstDate: string;
  lastDate: string;
  /** Number of rates over all days (N/A cells not counted). */
  rateCount: number;
};

export type EcbParseOptions = {
  /** The caller's current date (ISO `YYYY-MM-DD`); rates dated after it are rejected. */
  today: string;
};

export type EcbFileOptions = EcbParseOptions & {
  /** File name, for messages only; the format is sniffed from the content. */
  name?: string;
};

export type EcbRejectReason =
  | 'empty_file'
  | 'header_invalid'
  | 'duplicate_currency'
  | 'column_count'
  | 'date_invalid'
  | 'date_in_future'
  | 'duplicate_date'
  | 'rate_malformed'
  | 'rate_not_positive'
  | 'no_rates'
  | 'xml_invalid'
  | 'zip_invalid'
  | 'encoding_invalid';

/** Largest uncompressed CSV accepted from a zip (the real history is about 1.5 MB). */
const MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;

const CURRENCY_RE = /^[A-Z]{3}$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A positive-looking decimal: digits, optionally a point and more digits. No sign, no exponent. */
const DECIMAL_RE = /^\d+(?:\.\d+)?$/;
/** A signed decimal, only used to tell "negative" from "malformed" in messages. */
const NEGATIVE_RE = /^-\d+(?:\.\d+)?$/;
const NON_ZERO_DIGIT_RE = /[1-9]/;
const NOT_AVAILABLE = 'N/A';

type RejectDetails = { line?: number; column?: string; reason: EcbRejectReason };

function reject(message: string, details: RejectDetails): GatewayError {
  const where =
    details.line !== undefined
      ? details.column !== undefined
        ? `line ${details.line}, column ${details.column}: `
        : `line ${details.line}: `
      : '';
  const clean: Record<string, unknown> = { reason: details.reason };
  if (details.line !== undefined) clean.line = details.line;
  if (details.column !== undefined) clean.column = details.column;
  return new GatewayError('fx_file_invalid', `ECB rate file rejected: ${where}${message}`, {
    details: clean,
  });
}

/** Header cells are echoed in messages; keep them short and printable. */
function shown(cell: string): string {
  const printable = cell.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 16 ? `${printable.slice(0, 16)}…` : printable;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `YYYY-MM-DD` naming a day that exists in the proleptic Gregorian calendar. */
export function isIsoDate(value: string): boolean {
  const match = DATE_RE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const max = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day <= max;
}

function checkToday(options: EcbParseOptions): string {
  if (!isIsoDate(options?.today)) {
    throw new RangeError(`options.today must be an ISO date (YYYY-MM-DD), got ${String(options?.today)}`);
  }
  return options.today;
}

function checkDate(date: string, today: string, line: number | undefined): void {
  if (!isIsoDate(date)) {
    throw reject(`"${shown(date)}" is not a valid date (YYYY-MM-DD)`, {
      line,
      column: 'Date',
      reason: 'date_invalid',
    });
  }
  if (date > today) {
    throw reject(`${date} is a date in the future (today is ${today})`, {
      line,
      column: 'Date',
      reason: 'date_in_future',
    });
  }
}

/** Validates one published rate (not N/A) as a positive decimal string; returns it unchanged. */
function checkRate(value: string, line: number | undefined, currency: string): string {
  if (DECIMAL_RE.test(value)) {
    if (!NON_ZERO_DIGIT_RE.test(value)) {
      throw reject(`rate ${value} is not positive`, { line, column: currency, reason: 'rate_not_positive' });
    }
    return value;
  }
  if (NEGATIVE_RE.test(value)) {
    throw reject(`rate ${value} is not positive`, { line, column: currency, reason: 'rate_not_positive' });
  }
  const what = value === '' ? 'empty rate cell' : `"${shown(value)}" is not a decimal rate`;
  throw reject(what, { line, column: currency, reason: 'rate_malformed' });
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function finish(format: 'csv' | 'xml', days: EcbDay[], currencies: string[], rateCount: number): EcbRateSet {
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const first = days[0];
  const last = days[days.length - 1];
  if (!first || !last) throw reject('the file has no data rows', { reason: 'empty_file' });
  return {
    format,
    days,
    currencies: [...currencies].sort(),
    firstDate: first.date,
    lastDate: last.date,
    rateCount,
  };
}

// --- CSV ----------------------------------------------------------------------------------------

/** Parses `eurofxref-hist.csv` (or any CSV of the same shape). */
export function parseEcbCsv(text: string, options: EcbParseOptions): EcbRateSet {
  const today = checkToday(options);
  const source = stripBom(text);
  if (source.trim() === '') throw reject('the file is empty', { reason: 'empty_file' });

  const lines = source.split('\n');
  // Trailing empty lines (the final newline) are tolerated; nothing else is.
  let end = lines.length;
  while (end > 0 && (lines[end - 1] === '' || lines[end - 1] === '\r')) end--;

  const headerLine = stripCr(lines[0] ?? '');
  const header = headerLine.split(',');
  if (header[0] !== 'Date') {
    throw reject(`the first header cell must be "Date", found "${shown(header[0] ?? '')}"`, {
      line: 1,
      column: 'Date',
      reason: 'header_invalid',
    });
  }
  const trailingEmpty = header.length > 1 && header[header.length - 1] === '';
  const currencyEnd = trailingEmpty ? header.length - 1 : header.length;
  const currencies: string[] = [];
  const seen = new Set<string>();
  for (let i = 1; i < currencyEnd; i++) {
    const cell = header[i] ?? '';
    if (!CURRENCY_RE.test(cell)) {
      throw reject(`header cell ${i + 1} "${shown(cell)}" is not a three-letter currency code`, {
        line: 1,
        column: shown(cell),
        reason: 'header_invalid',
      });
    }
    if (seen.has(cell)) {
      throw reject(`currency ${cell} appears twice in the header`, {
        line: 1,
        column: cell,
        reason: 'duplicate_currency',
      });
    }
    seen.add(cell);
    currencies.push(cell);
  }
  if (currencies.length === 0) {
    throw reject('the header names no currency', { line: 1, reason: 'header_invalid' });
  }

  const days: EcbDay[] = [];
  const dates = new Set<string>();
  let rateCount = 0;
  for (let index = 1; index < end; index++) {
    const lineNo = index + 1;
    const cells = stripCr(lines[index] ?? '').split(',');
    if (cells.length !== header.length) {
      throw reject(`expected ${header.length} cells as in the header, found ${cells.length}`, {
        line: lineNo,
        reason: 'column_count',
      });
    }
    if (trailingEmpty && cells[cells.length - 1] !== '') {
      throw reject('a cell after the last currency column', { line: lineNo, reason: 'column_count' });
    }
    const date = cells[0] ?? '';
    checkDate(date, today, lineNo);
    if (dates.has(date)) {
      throw reject(`date ${date} appears twice`, { line: lineNo, column: 'Date', reason: 'duplicate_date' });
    }
    dates.add(date);
    const rates: Record<string, string> = {};
    let count = 0;
    for (let c = 0; c < currencies.length; c++) {
      const value = cells[c + 1] ?? '';
      if (value === NOT_AVAILABLE) continue;
      const currency = currencies[c] as string;
      rates[currency] = checkRate(value, lineNo, currency);
      count++;
    }
    if (count === 0) {
      throw reject(`no rate at all on ${date}`, { line: lineNo, reason: 'no_rates' });
    }
    rateCount += count;
    days.push({ date, rates });
  }
  if (days.length === 0) throw reject('the file has no data rows', { line: 2, reason: 'empty_file' });
  return finish('csv', days, currencies, rateCount);
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

// --- XML ----------------------------------------------------------------------------------------

const GESMES_NS = 'http://www.gesmes.org/xml/2002-08-01';
const EUROFXREF_NS = 'http://www.ecb.int/vocabulary/2002-08-01/eurofxref';

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseAttributeValue: false,
  parseTagValue: false,
  removeNSPrefix: false,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (tagName, _jpath, _leaf, isAttribute) => !isAttribute && tagName === 'Cube',
});

type XmlNode = Record<string, unknown>;

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Finds the line of the n-th `<Cube time=…>` element (0-based), and optionally of the
 * `<Cube currency=…>` element (by its index within the day). Only called on the error path.
 */
function xmlLine(text: string, dayIndex: number, rateIndex?: number): number | undefined {
  const timeRe = /<Cube\s[^>]*\btime\s*=/g;
  let match: RegExpExecArray | null = null;
  for (let i = 0; i <= dayIndex; i++) {
    match = timeRe.exec(text);
    if (!match) return undefined;
  }
  if (!match) return undefined;
  if (rateIndex === undefined) return lineAt(text, match.index);
  const rateRe = /<Cube\s[^>]*\bcurrency\s*=/g;
  rateRe.lastIndex = match.index;
  let rate: RegExpExecArray | null = null;
  for (let i = 0; i <= rateIndex; i++) {
    rate = rateRe.exec(text);
    if (!rate) return undefined;
  }
  return rate ? lineAt(text, rate.index) : undefined;
}

function xmlInvalid(message: string, line?: number): GatewayError {
  return reject(message, { line, reason: 'xml_invalid' });
}

function onlyKeys(node: XmlNode, allowed: readonly string[]): string | undefined {
  for (const key of Object.keys(node)) {
    if (!allowed.includes(key)) return key;
  }
  return undefined;
}

/** Parses the gesmes XML files: daily, last 90 days and full history. */
export function parseEcbXml(text: string, options: EcbParseOptions): EcbRateSet {
  const today = checkToday(options);
  const untrimmed = stripBom(text);
  if (untrimmed.trim() === '') throw reject('the file is empty', { reason: 'empty_file' });
  // Leading whitespace before the XML declaration is tolerated; lines still count from the file.
  const source = untrimmed.trimStart();
  const skipped = lineAt(untrimmed, untrimmed.length - source.length) - 1;
  if (skipped === 0) return parseXmlDocument(source, today);
  try {
    return parseXmlDocument(source, today);
  } catch (error) {
    const line = error instanceof GatewayError ? error.details?.line : undefined;
    throw typeof line === 'number' ? withLine(error, line + skipped) : error;
  }
}

function parseXmlDocument(source: string, today: string): EcbRateSet {
  if (/<!DOCTYPE/i.test(source)) {
    throw xmlInvalid('a DOCTYPE is not allowed', lineAt(source, source.search(/<!DOCTYPE/i)));
  }
  const valid = XMLValidator.validate(source);
  if (valid !== true) {
    throw xmlInvalid(`not well-formed XML (${valid.err.msg})`, valid.err.line);
  }
  let doc: unknown;
  try {
    doc = xmlParser.parse(source);
  } catch (cause) {
    throw xmlInvalid(`not well-formed XML (${cause instanceof Error ? cause.message : 'parse error'})`);
  }
  if (!isNode(doc)) throw xmlInvalid('not a gesmes envelope');
  const roots = Object.keys(doc);
  const envelope = doc['gesmes:Envelope'];
  if (roots.length !== 1 || !isNode(envelope)) {
    throw xmlInvalid(`the root element must be gesmes:Envelope, found ${shown(roots.join(', '))}`, 1);
  }
  if (envelope['@_xmlns:gesmes'] !== GESMES_NS || envelope['@_xmlns'] !== EUROFXREF_NS) {
    throw xmlInvalid('the envelope does not declare the gesmes and eurofxref namespaces');
  }
  const outer = envelope.Cube;
  if (!Array.isArray(outer) || outer.length !== 1 || !(isNode(outer[0]) || outer[0] === '')) {
    throw xmlInvalid('the envelope must contain exactly one Cube element');
  }
  if (outer[0] === '') throw reject('the file has no dated Cube element', { reason: 'empty_file' });
  const outerCube = outer[0] as XmlNode;
  const stray = onlyKeys(outerCube, ['Cube']);
  if (stray !== undefined) throw xmlInvalid(`unexpected ${shown(stray)} in the outer Cube`);
  const dayCubes = outerCube.Cube;
  if (!Array.isArray(dayCubes) || dayCubes.length === 0) {
    throw reject('the file has no dated Cube element', { reason: 'empty_file' });
  }

  const days: EcbDay[] = [];
  const dates = new Set<string>();
  const currencies = new Set<string>();
  let rateCount = 0;
  for (let d = 0; d < dayCubes.length; d++) {
    const dayCube = dayCubes[d];
    if (!isNode(dayCube) || typeof dayCube['@_time'] !== 'string') {
      throw xmlInvalid('a Cube without a time attribute inside the outer Cube');
    }
    const date = dayCube['@_time'];
    const dayStray = onlyKeys(dayCube, ['@_time', 'Cube']);
    if (dayStray !== undefined) {
      throw xmlInvalid(`unexpected ${shown(dayStray)} in Cube time='${shown(date)}'`, xmlLine(source, d));
    }
    try {
      checkDate(date, today, undefined);
    } catch (error) {
      throw withLine(error, xmlLine(source, d));
    }
    if (dates.has(date)) {
      throw reject(`date ${date} appears twice`, {
        line: xmlLine(source, d),
        column: 'Date',
        reason: 'duplicate_date',
      });
    }
    dates.add(date);
    const rateCubes = dayCube.Cube ?? [];
    if (!Array.isArray(rateCubes) || rateCubes.length === 0) {
      throw reject(`no rate at all on ${date}`, { line: xmlLine(source, d), reason: 'no_rates' });
    }
    const rates: Record<string, string> = {};
    for (let r = 0; r < rateCubes.length; r++) {
      const rateCube = rateCubes[r];
      const currency = isNode(rateCube) ? rateCube['@_currency'] : undefined;
      const rate = isNode(rateCube) ? rateCube['@_rate'] : undefined;
      if (
        !isNode(rateCube) ||
        typeof currency !== 'string' ||
        typeof rate !== 'string' ||
        onlyKeys(rateCube, ['@_currency', '@_rate']) !== undefined
      ) {
        throw xmlInvalid(
          `a Cube in ${shown(date)} is not <Cube currency='…' rate='…'/>`,
          xmlLine(source, d, r),
        );
      }
      if (!CURRENCY_RE.test(currency)) {
        throw reject(`"${shown(currency)}" is not a three-letter currency code`, {
          line: xmlLine(source, d, r),
          column: shown(currency),
          reason: 'header_invalid',
        });
      }
      if (Object.hasOwn(rates, currency)) {
        throw reject(`currency ${currency} appears twice on ${date}`, {
          line: xmlLine(source, d, r),
          column: currency,
          reason: 'duplicate_currency',
        });
      }
      currencies.add(currency);
      if (rate === NOT_AVAILABLE) continue;
      try {
        rates[currency] = checkRate(rate, undefined, currency);
      } catch (error) {
        throw withLine(error, xmlLine(source, d, r));
      }
      rateCount++;
    }
    if (Object.keys(rates).length === 0) {
      throw reject(`no rate at all on ${date}`, { line: xmlLine(source, d), reason: 'no_rates' });
    }
    days.push({ date, rates });
  }
  return finish('xml', days, [...currencies], rateCount);
}

/** Re-issues a rejection found without position information, now with its line. */
function withLine(error: unknown, line: number | undefined): unknown {
  if (!(error instanceof GatewayError) || line === undefined || error.details === undefined) return error;
  const { reason, column } = error.details as { reason: EcbRejectReason; column?: string };
  const message = error.message.replace(/^ECB rate file rejected: (?:line \d+(?:, column [^:]*)?: )?/, '');
  return reject(message, { line, column, reason });
}

// --- ZIP and sniffing ---------------------------------------------------------------------------

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw reject('the file is not valid UTF-8 text', { reason: 'encoding_invalid' });
  }
}

/** Extracts the single CSV of `eurofxref-hist.zip`. */
export function unzipEcbHistory(bytes: Uint8Array): string {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        if (file.originalSize > MAX_UNZIPPED_BYTES) throw new Error(`${file.name} is too large`);
        return !file.name.endsWith('/');
      },
    });
  } catch (cause) {
    const detail = cause instanceof Error ? ` (${cause.message})` : '';
    throw new GatewayError('fx_file_invalid', `ECB rate file rejected: not a readable zip archive${detail}`, {
      cause,
      details: { reason: 'zip_invalid' },
    });
  }
  const names = Object.keys(entries);
  const name = names[0];
  if (names.length !== 1 || name === undefined || !name.toLowerCase().endsWith('.csv')) {
    throw reject(`the zip must hold exactly one .csv file, found ${names.length} entries`, {
      reason: 'zip_invalid',
    });
  }
  return decodeUtf8(entries[name] as Uint8Array);
}

/**
 * Parses an ECB file of any supported kind, sniffing the content: a zip archive (the history CSV
 * inside), XML (starts with `<` after an optional BOM and whitespace), or else the CSV.
 */
export function parseEcbFile(bytes: Uint8Array, options: EcbFileOptions): EcbRateSet {
  checkToday(options);
  if (bytes.length === 0) throw reject('the file is empty', { reason: 'empty_file' });
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return parseEcbCsv(unzipEcbHistory(bytes), options);
  }
  const text = stripBom(decodeUtf8(bytes));
  const first = text.trimStart();
  if (first.startsWith('<')) return parseEcbXml(text, options);
  return parseEcbCsv(text, options);
}
