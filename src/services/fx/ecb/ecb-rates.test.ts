import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../core/canonical-json.ts';
import { GatewayError } from '../../../core/errors.ts';
import { type EcbRateSet, parseEcbCsv, parseEcbFile, parseEcbXml, unzipEcbHistory } from './ecb-rates.ts';
import { ECB_BASE_URL, ecbUrls } from './urls.ts';

const TODAY = { today: '2026-04-20' };
const enc = (text: string) => new TextEncoder().encode(text);

const CSV = [
  'Date,USD,JPY,CYP,',
  '2026-04-13,1.1684,186.75,N/A,',
  '2026-04-10,1.1711,186.43,N/A,',
  '2007-12-31,1.4721,164.93,0.585274,',
  '',
].join('\n');

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
	<gesmes:subject>Reference rates</gesmes:subject>
	<gesmes:Sender>
		<gesmes:name>European Central Bank</gesmes:name>
	</gesmes:Sender>
	<Cube>
		<Cube time='2026-04-13'>
			<Cube currency='USD' rate='1.1684'/>
			<Cube currency='JPY' rate='186.75'/>
		</Cube>
	</Cube>
</gesmes:Envelope>`;

function xmlOf(days: string): string {
  return XML.replace(/<Cube>[\s\S]*<\/Cube>\n<\/gesmes/, `<Cube>\n${days}\n\t</Cube>\n</gesmes`);
}

/** Runs `fn`, expects fx_file_invalid and returns its details. */
function rejection(fn: () => unknown): Record<string, unknown> {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    const gatewayError = error as GatewayError;
    expect(gatewayError.code).toBe('fx_file_invalid');
    expect(gatewayError.details).toBeDefined();
    return { ...gatewayError.details, message: gatewayError.message };
  }
  throw new Error('expected the file to be rejected');
}

function csvRejection(text: string) {
  return rejection(() => parseEcbCsv(text, TODAY));
}

describe('ecbUrls', () => {
  it('names the three ECB files under the base URL', () => {
    expect(ecbUrls()).toEqual({
      daily: 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml',
      last90Days: 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist-90d.xml',
      historyZip: 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip',
    });
    expect(ECB_BASE_URL).toBe('https://www.ecb.europa.eu/stats/eurofxref/');
    expect(ecbUrls('http://fake/').daily).toBe('http://fake/eurofxref-daily.xml');
  });
});

describe('parseEcbCsv — happy path', () => {
  it('parses days ascending, rates as published, N/A omitted', () => {
    const set = parseEcbCsv(CSV, TODAY);
    expect(set.format).toBe('csv');
    expect(set.days.map((d) => d.date)).toEqual(['2007-12-31', '2026-04-10', '2026-04-13']);
    expect(set.days[2]).toEqual({ date: '2026-04-13', rates: { USD: '1.1684', JPY: '186.75' } });
    expect(set.days[0]?.rates.CYP).toBe('0.585274');
    expect(set.currencies).toEqual(['CYP', 'JPY', 'USD']);
    expect(set.firstDate).toBe('2007-12-31');
    expect(set.lastDate).toBe('2026-04-13');
    expect(set.rateCount).toBe(7);
  });

  it('keeps a currency that is N/A on every row in the currencies list', () => {
    const set = parseEcbCsv('Date,USD,EEK,\n2026-04-13,1.1684,N/A,\n', TODAY);
    expect(set.currencies).toEqual(['EEK', 'USD']);
    expect(set.days[0]?.rates).toEqual({ USD: '1.1684' });
  });

  it('accepts a BOM, CRLF line ends, no final newline and a header without the trailing comma', () => {
    expect(parseEcbCsv('\uFEFFDate,USD,\r\n2026-04-13,1.1684,\r\n', TODAY).days).toHaveLength(1);
    expect(parseEcbCsv('Date,USD\n2026-04-13,1.1684', TODAY).days[0]?.rates).toEqual({ USD: '1.1684' });
  });

  it('accepts a date equal to today', () => {
    expect(parseEcbCsv(CSV, { today: '2026-04-13' }).lastDate).toBe('2026-04-13');
  });

  it('accepts retired currency codes and leap days', () => {
    const set = parseEcbCsv('Date,ROL,TRL,\n2004-02-29,40000,1600000,\n', TODAY);
    expect(set.days[0]?.rates).toEqual({ ROL: '40000', TRL: '1600000' });
  });

  it('rejects an invalid options.today as a programming error', () => {
    expect(() => parseEcbCsv(CSV, { today: '2026-13-01' })).toThrow(RangeError);
  });
});

describe('parseEcbCsv — rejections', () => {
  it('empty file', () => {
    expect(csvRejection('')).toMatchObject({ reason: 'empty_file' });
    expect(csvRejection('\uFEFF \n\n')).toMatchObject({ reason: 'empty_file' });
  });

  it('header only, no data rows', () => {
    expect(csvRejection('Date,USD,\n')).toMatchObject({ reason: 'empty_file', line: 2 });
  });

  it('missing Date first header', () => {
    expect(csvRejection('USD,JPY,\n1.1,186,\n')).toMatchObject({
      reason: 'header_invalid',
      line: 1,
      column: 'Date',
    });
    expect(csvRejection('date,USD,\n2026-04-13,1.1,\n')).toMatchObject({ reason: 'header_invalid', line: 1 });
  });

  it.each([
    ['usd', 'usd'],
    ['US', 'US'],
    ['USDX', 'USDX'],
    ['', ''],
    [' USD', ' USD'],
  ])('header cell %j that is not a currency code', (cell, column) => {
    const details = csvRejection(`Date,${cell},JPY,\n2026-04-13,1.1,186,\n`);
    expect(details).toMatchObject({ reason: 'header_invalid', line: 1, column });
  });

  it('header with no currency at all', () => {
    expect(csvRejection('Date,\n2026-04-13,\n')).toMatchObject({ reason: 'header_invalid', line: 1 });
  });

  it('duplicate currency column', () => {
    const details = csvRejection('Date,USD,JPY,USD,\n2026-04-13,1.1,186,1.1,\n');
    expect(details).toMatchObject({ reason: 'duplicate_currency', line: 1, column: 'USD' });
    expect(details.message).toContain('line 1');
    expect(details.message).toContain('USD');
  });

  it('row with a missing cell', () => {
    expect(csvRejection('Date,USD,JPY,\n2026-04-13,1.1,186,\n2026-04-10,1.1,\n')).toMatchObject({
      reason: 'column_count',
      line: 3,
    });
  });

  it('row with an extra cell', () => {
    expect(csvRejection('Date,USD,JPY,\n2026-04-13,1.1,186,1.2,\n')).toMatchObject({
      reason: 'column_count',
      line: 2,
    });
  });

  it('row with a value in the trailing empty column', () => {
    expect(csvRejection('Date,USD,JPY,\n2026-04-13,1.1,186,7\n')).toMatchObject({
      reason: 'column_count',
      line: 2,
    });
  });

  it('blank line in the middle', () => {
    expect(csvRejection('Date,USD,\n2026-04-13,1.1,\n\n2026-04-10,1.1,\n')).toMatchObject({
      reason: 'column_count',
      line: 3,
    });
  });

  it.each(['2026-4-13', '13/04/2026', '2026-04-13T00:00', '', 'N/A'])('malformed date %j', (date) => {
    expect(csvRejection(`Date,USD,\n2026-04-14,1.1,\n${date},1.1,\n`)).toMatchObject({
      reason: 'date_invalid',
      line: 3,
      column: 'Date',
    });
  });

  it.each(['2026-02-30', '2025-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00'])(
    'impossible date %s',
    (date) => {
      expect(csvRejection(`Date,USD,\n${date},1.1,\n`)).toMatchObject({
        reason: 'date_invalid',
        line: 2,
        column: 'Date',
      });
    },
  );

  it('date in the future', () => {
    const details = csvRejection('Date,USD,\n2026-04-21,1.1,\n2026-04-20,1.1,\n');
    expect(details).toMatchObject({ reason: 'date_in_future', line: 2, column: 'Date' });
    expect(details.message).toContain('future');
  });

  it('duplicate date', () => {
    expect(csvRejection('Date,USD,\n2026-04-13,1.1,\n2026-04-10,1.1,\n2026-04-13,1.1,\n')).toMatchObject({
      reason: 'duplicate_date',
      line: 4,
      column: 'Date',
    });
  });

  it.each([
    ['abc', 'rate_malformed'],
    ['1,23', 'column_count'],
    ['"1.23"', 'rate_malformed'],
    ['1.', 'rate_malformed'],
    ['.5', 'rate_malformed'],
    ['1e3', 'rate_malformed'],
    ['1.2E-3', 'rate_malformed'],
    ['+1.2', 'rate_malformed'],
    [' 1.2', 'rate_malformed'],
    ['', 'rate_malformed'],
    ['n/a', 'rate_malformed'],
    ['NaN', 'rate_malformed'],
    ['Infinity', 'rate_malformed'],
    ['-1.2', 'rate_not_positive'],
    ['0', 'rate_not_positive'],
    ['0.0000', 'rate_not_positive'],
    ['-0', 'rate_not_positive'],
  ])('rate cell %j → %s', (cell, reason) => {
    const details = csvRejection(`Date,USD,JPY,\n2026-04-13,1.1,186,\n2026-04-10,${cell},186,\n`);
    expect(details).toMatchObject({ reason, line: 3 });
    if (reason !== 'column_count') {
      expect(details.column).toBe('USD');
      expect(details.message).toMatch(/line 3, column USD/);
    }
  });

  it('rate cell 1,23 in the last currency column is an extra cell', () => {
    expect(csvRejection('Date,USD,\n2026-04-13,1,23,\n')).toMatchObject({ reason: 'column_count', line: 2 });
  });

  it('names the right column deep in the row', () => {
    expect(csvRejection('Date,USD,JPY,GBP,\n2026-04-13,1.1,186,-0.8,\n')).toMatchObject({
      reason: 'rate_not_positive',
      line: 2,
      column: 'GBP',
    });
  });

  it('day with no rate at all', () => {
    expect(csvRejection('Date,USD,JPY,\n2026-04-13,1.1,186,\n2026-04-10,N/A,N/A,\n')).toMatchObject({
      reason: 'no_rates',
      line: 3,
    });
  });

  it('is all or nothing: a defect on the last line rejects the whole file', () => {
    const bad = `${CSV}1999-01-04,1.1789,abc,N/A,\n`;
    expect(csvRejection(bad)).toMatchObject({ reason: 'rate_malformed', line: 5, column: 'JPY' });
  });
});

describe('parseEcbXml', () => {
  it('parses the daily file', () => {
    const set = parseEcbXml(XML, TODAY);
    expect(set).toEqual<EcbRateSet>({
      format: 'xml',
      days: [{ date: '2026-04-13', rates: { USD: '1.1684', JPY: '186.75' } }],
      currencies: ['JPY', 'USD'],
      firstDate: '2026-04-13',
      lastDate: '2026-04-13',
      rateCount: 2,
    });
  });

  it('parses several days (90-day / history shape) in ascending order', () => {
    const xml = xmlOf(`		<Cube time="2026-04-13">
			<Cube currency="USD" rate="1.1684"/>
		</Cube>
		<Cube time='2026-04-10'>
			<Cube currency='USD' rate='1.1711'/>
			<Cube currency='CNY' rate='7.9900'/>
		</Cube>`);
    const set = parseEcbXml(xml, TODAY);
    expect(set.days.map((d) => d.date)).toEqual(['2026-04-10', '2026-04-13']);
    expect(set.days[0]?.rates).toEqual({ USD: '1.1711', CNY: '7.9900' });
    expect(set.currencies).toEqual(['CNY', 'USD']);
    expect(set.rateCount).toBe(3);
  });

  it('omits N/A rates', () => {
    const xml = XML.replace("rate='186.75'", "rate='N/A'");
    expect(parseEcbXml(xml, TODAY).days[0]?.rates).toEqual({ USD: '1.1684' });
  });

  const xmlRejection = (text: string) => rejection(() => parseEcbXml(text, TODAY));

  it.each([
    ['not XML', 'Date,USD,\n'],
    ['not well-formed', XML.replace('</gesmes:Envelope>', '')],
    ['another root', '<?xml version="1.0"?><html><body/></html>'],
    ['no namespaces', XML.replace(/ xmlns(:gesmes)?="[^"]*"/g, '')],
    ['a DOCTYPE', XML.replace('<gesmes:Envelope', '<!DOCTYPE x [<!ENTITY a "b">]>\n<gesmes:Envelope')],
    ['no outer Cube', XML.replace(/<Cube>[\s\S]*<\/Cube>/, '')],
    ['a day without time', XML.replace(" time='2026-04-13'", '')],
    ['a rate Cube without rate', XML.replace(" rate='186.75'", '')],
    ['a rate Cube with an extra attribute', XML.replace("rate='186.75'", "rate='186.75' x='1'")],
    ['text inside a day', XML.replace("<Cube currency='USD'", "junk<Cube currency='USD'")],
  ])('rejects %s as xml_invalid', (_name, text) => {
    expect(xmlRejection(text)).toMatchObject({ reason: 'xml_invalid' });
  });

  it('reports the line of a syntax error', () => {
    const text = XML.replace("<Cube currency='JPY' rate='186.75'/>", "<Cube currency='JPY' rate='186.75'>");
    expect(xmlRejection(text)).toMatchObject({ reason: 'xml_invalid' });
    expect(xmlRejection(text).line).toEqual(expect.any(Number));
  });

  it('rejects an empty file', () => {
    expect(xmlRejection('')).toMatchObject({ reason: 'empty_file' });
  });

  it('rejects an envelope without days', () => {
    expect(xmlRejection(xmlOf(''))).toMatchObject({ reason: 'empty_file' });
  });

  it('rejects a bad rate with line and currency', () => {
    expect(xmlRejection(XML.replace("rate='186.75'", "rate='-186.75'"))).toMatchObject({
      reason: 'rate_not_positive',
      line: 10,
      column: 'JPY',
    });
    expect(xmlRejection(XML.replace("rate='186.75'", "rate='1.8675E2'"))).toMatchObject({
      reason: 'rate_malformed',
      line: 10,
      column: 'JPY',
    });
    expect(xmlRejection(XML.replace("rate='1.1684'", "rate='0'"))).toMatchObject({
      reason: 'rate_not_positive',
      line: 9,
      column: 'USD',
    });
  });

  it('rejects a bad currency code', () => {
    expect(xmlRejection(XML.replace("currency='JPY'", "currency='jpy'"))).toMatchObject({
      reason: 'header_invalid',
      line: 10,
    });
  });

  it('rejects a duplicate currency within a day', () => {
    expect(xmlRejection(XML.replace("currency='JPY'", "currency='USD'"))).toMatchObject({
      reason: 'duplicate_currency',
      line: 10,
      column: 'USD',
    });
  });

  it('rejects invalid, impossible, future and duplicate dates', () => {
    expect(xmlRejection(XML.replace('2026-04-13', '2026-02-30'))).toMatchObject({
      reason: 'date_invalid',
      line: 8,
      column: 'Date',
    });
    expect(xmlRejection(XML.replace('2026-04-13', '13.04.2026'))).toMatchObject({ reason: 'date_invalid' });
    expect(xmlRejection(XML.replace('2026-04-13', '2026-05-01'))).toMatchObject({
      reason: 'date_in_future',
      line: 8,
    });
    const twice = xmlOf(`		<Cube time='2026-04-13'><Cube currency='USD' rate='1.1'/></Cube>
		<Cube time='2026-04-13'><Cube currency='USD' rate='1.1'/></Cube>`);
    expect(xmlRejection(twice)).toMatchObject({ reason: 'duplicate_date', line: 9 });
  });

  it('rejects a day with no rate at all', () => {
    expect(xmlRejection(xmlOf("		<Cube time='2026-04-13'></Cube>"))).toMatchObject({
      reason: 'no_rates',
      line: 8,
    });
    const allNa = XML.replace("rate='1.1684'", "rate='N/A'").replace("rate='186.75'", "rate='N/A'");
    expect(xmlRejection(allNa)).toMatchObject({ reason: 'no_rates', line: 8 });
  });
});

describe('unzipEcbHistory and parseEcbFile', () => {
  const zipped = zipSync({ 'eurofxref-hist.csv': enc(CSV) });

  it('unzips the single CSV entry', () => {
    expect(unzipEcbHistory(zipped)).toBe(CSV);
  });

  it('rejects a zip with no, several or non-CSV entries, and a corrupt zip', () => {
    const cases = [
      zipSync({}),
      zipSync({ 'a.csv': enc(CSV), 'b.csv': enc(CSV) }),
      zipSync({ 'eurofxref-hist.xml': enc(XML) }),
      zipped.slice(0, zipped.length - 10),
      enc('PK\x03\x04garbage'),
    ];
    for (const bytes of cases) {
      expect(rejection(() => unzipEcbHistory(bytes))).toMatchObject({ reason: 'zip_invalid' });
    }
  });

  it('sniffs a zip', () => {
    const set = parseEcbFile(zipped, { ...TODAY, name: 'eurofxref-hist.zip' });
    expect(set.format).toBe('csv');
    expect(set.lastDate).toBe('2026-04-13');
  });

  it('sniffs XML, also after a BOM and whitespace', () => {
    expect(parseEcbFile(enc(XML), TODAY).format).toBe('xml');
    expect(parseEcbFile(enc(`\uFEFF\n  ${XML}`), TODAY).format).toBe('xml');
  });

  it('sniffs CSV, with or without a BOM', () => {
    expect(parseEcbFile(enc(CSV), TODAY).format).toBe('csv');
    expect(parseEcbFile(enc(`\uFEFF${CSV}`), TODAY).days).toHaveLength(3);
  });

  it('rejects an empty file and invalid UTF-8', () => {
    expect(rejection(() => parseEcbFile(new Uint8Array(), TODAY))).toMatchObject({ reason: 'empty_file' });
    expect(rejection(() => parseEcbFile(new Uint8Array([0x44, 0xff, 0xfe]), TODAY))).toMatchObject({
      reason: 'encoding_invalid',
    });
  });

  it('passes CSV defects through from inside the zip', () => {
    const bad = zipSync({ 'eurofxref-hist.csv': enc(CSV.replace('186.43', '0')) });
    expect(rejection(() => parseEcbFile(bad, TODAY))).toMatchObject({
      reason: 'rate_not_positive',
      line: 3,
      column: 'JPY',
    });
  });
});

describe('sha256Hex', () => {
  it('hashes bytes as lower-case hex', async () => {
    expect(await sha256Hex(enc('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(await sha256Hex(new Uint8Array())).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });
});

// --- the real history file ----------------------------------------------------------------------

const repoRoot = path.resolve(fileURLToPath(new URL('../../../../', import.meta.url)));
const sharedDir = process.env.PONTIS_SHARED_DATA_DIR ?? path.resolve(repoRoot, '../shared/data');
const historyPath = path.resolve(sharedDir, 'fx/ecb/eurofxref-hist.csv');
let historyText: string | undefined;
try {
  historyText = readFileSync(historyPath, 'utf8');
} catch {
  console.warn(`[pontis tests] SKIPPED real ECB history tests: ${historyPath} not found`);
}

describe.skipIf(historyText === undefined)('the real ECB history (eurofxref-hist.csv)', () => {
  const text = historyText ?? '';
  const options = { today: '2026-04-20' };

  it('parses completely, with the published values', () => {
    const started = performance.now();
    const set = parseEcbCsv(text, options);
    const elapsed = performance.now() - started;
    console.info(`[pontis tests] parsed ${set.days.length} ECB days in ${elapsed.toFixed(0)} ms`);
    expect(elapsed).toBeLessThan(2000);

    expect(set.firstDate).toBe('1999-01-04');
    expect(set.lastDate).toBe('2026-04-13');
    expect(set.days[0]?.date).toBe('1999-01-04');
    expect(set.days.at(-1)?.rates.CNY).toBe('7.9827');
    expect(set.days.at(-1)?.rates.JPY).toBe('186.75');
    expect(set.currencies).toContain('CYP');
    expect(set.currencies).toHaveLength(41);
    for (let i = 1; i < set.days.length; i++) {
      expect((set.days[i - 1]?.date ?? '') < (set.days[i]?.date ?? '')).toBe(true);
    }
    const firstCny = set.days.find((day) => day.rates.CNY !== undefined);
    expect(firstCny?.date).toBe('2005-04-01');
    expect(set.days.at(-1)?.rates.CYP).toBeUndefined();
  });

  it('parses the same through a zip via parseEcbFile', async () => {
    const bytes = new TextEncoder().encode(text);
    const zip = zipSync({ 'eurofxref-hist.csv': bytes });
    const fromZip = parseEcbFile(zip, { ...options, name: 'eurofxref-hist.zip' });
    const direct = parseEcbFile(bytes, options);
    expect(fromZip).toEqual(direct);
    expect(fromZip.rateCount).toBeGreaterThan(200_000);
    expect(await sha256Hex(zip)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects the real file when today is before its last date', () => {
    expect(rejection(() => parseEcbCsv(text, { today: '2026-04-12' }))).toMatchObject({
      reason: 'date_in_future',
      line: 2,
    });
  });
});

describe('parseEcbXml with leading blank lines', () => {
  it('still reports the line as in the file', () => {
    const text = `\n\n${XML.replace("rate='186.75'", "rate='abc'")}`;
    const details = rejection(() => parseEcbXml(text, TODAY));
    expect(details).toMatchObject({ reason: 'rate_malformed', line: 12, column: 'JPY' });
    expect(details.message).toMatch(/^ECB rate file rejected: line 12, column JPY: "abc"/);
  });
});
