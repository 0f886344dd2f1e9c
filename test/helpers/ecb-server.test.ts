import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseEcbFile, parseEcbXml } from '../../src/services/fx/ecb/ecb-rates.ts';
import { ecbUrls } from '../../src/services/fx/ecb/urls.ts';
import {
  ECB_HISTORY_FILE,
  ecbHandlers,
  formatEcbCsv,
  formatEcbDailyXml,
  loadSharedEcbHistory,
  SAMPLE_ECB_DAY,
} from './ecb-server.ts';
import { sharedDataDir, skipMessage } from './shared-data.ts';

const TODAY = { today: '2026-04-20' };
const SMALL_CSV = formatEcbCsv(
  [
    { date: '2026-04-13', rates: { USD: '1.1684', JPY: '186.75' } },
    { date: '2026-04-10', rates: { USD: '1.1711' } },
  ],
  ['USD', 'JPY', 'CYP'],
);

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function bytesOf(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

describe('formatEcbDailyXml', () => {
  it('produces the exact gesmes format of the ECB', () => {
    const xml = formatEcbDailyXml({ date: '2026-04-13', rates: { USD: '1.1684', JPY: '186.75' } });
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">',
        '\t<gesmes:subject>Reference rates</gesmes:subject>',
        '\t<gesmes:Sender>',
        '\t\t<gesmes:name>European Central Bank</gesmes:name>',
        '\t</gesmes:Sender>',
        '\t<Cube>',
        "\t\t<Cube time='2026-04-13'>",
        "\t\t\t<Cube currency='USD' rate='1.1684'/>",
        "\t\t\t<Cube currency='JPY' rate='186.75'/>",
        '\t\t</Cube>',
        '\t</Cube>',
        '</gesmes:Envelope>',
      ].join('\n'),
    );
  });
});

describe('ecbHandlers', () => {
  it('serves a daily XML that parseEcbXml accepts', async () => {
    server.use(...ecbHandlers({ daily: SAMPLE_ECB_DAY, historyCsv: SMALL_CSV }));
    const response = await fetch(ecbUrls().daily);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('xml');
    const set = parseEcbXml(await response.text(), TODAY);
    expect(set.days).toEqual([SAMPLE_ECB_DAY]);
  });

  it('serves the history zip that round-trips through parseEcbFile', async () => {
    server.use(...ecbHandlers({ historyCsv: SMALL_CSV }));
    const set = parseEcbFile(await bytesOf(ecbUrls().historyZip), TODAY);
    expect(set.days).toEqual([
      { date: '2026-04-10', rates: { USD: '1.1711' } },
      { date: '2026-04-13', rates: { USD: '1.1684', JPY: '186.75' } },
    ]);
    expect(set.currencies).toEqual(['CYP', 'JPY', 'USD']);
  });

  it('derives the daily and 90-day files from the history by default', async () => {
    server.use(...ecbHandlers({ historyCsv: SMALL_CSV }));
    const daily = parseEcbFile(await bytesOf(ecbUrls().daily), TODAY);
    expect(daily.days).toEqual([{ date: '2026-04-13', rates: { USD: '1.1684', JPY: '186.75' } }]);
    const last90 = parseEcbFile(await bytesOf(ecbUrls().last90Days), TODAY);
    expect(last90.format).toBe('xml');
    expect(last90.days.map((d) => d.date)).toEqual(['2026-04-10', '2026-04-13']);
  });

  it('serves under another base URL', async () => {
    server.use(...ecbHandlers({ base: 'http://ecb.test/x/', historyCsv: SMALL_CSV }));
    expect(parseEcbFile(await bytesOf(ecbUrls('http://ecb.test/x/').daily), TODAY).lastDate).toBe(
      '2026-04-13',
    );
  });

  it('fails with HTTP 500 and 404', async () => {
    server.use(
      ...ecbHandlers({ historyCsv: SMALL_CSV, fail: { daily: 'http_500', historyZip: 'http_404' } }),
    );
    expect((await fetch(ecbUrls().daily)).status).toBe(500);
    expect((await fetch(ecbUrls().historyZip)).status).toBe(404);
    expect((await fetch(ecbUrls().last90Days)).status).toBe(200);
  });

  it('fails with a network error', async () => {
    server.use(...ecbHandlers({ historyCsv: SMALL_CSV, fail: { historyZip: 'network_error' } }));
    await expect(fetch(ecbUrls().historyZip)).rejects.toThrow();
  });

  it('serves truncated and malformed bodies that the parser rejects', async () => {
    server.use(
      ...ecbHandlers({
        historyCsv: SMALL_CSV,
        fail: { daily: 'truncated', historyZip: 'truncated', last90Days: 'malformed' },
      }),
    );
    const reasonOf = async (url: string) => {
      try {
        parseEcbFile(await bytesOf(url), TODAY);
      } catch (error) {
        return (error as { details?: { reason?: string } }).details?.reason;
      }
      return 'accepted';
    };
    expect(await reasonOf(ecbUrls().daily)).toBe('xml_invalid');
    expect(await reasonOf(ecbUrls().historyZip)).toBe('zip_invalid');
    expect(await reasonOf(ecbUrls().last90Days)).toBe('xml_invalid');
  });
});

const history = loadSharedEcbHistory();
if (history === undefined) console.warn(skipMessage(ECB_HISTORY_FILE));

describe.skipIf(history === undefined)(`ecbHandlers with the shared history (${sharedDataDir()})`, () => {
  it('serves the real history zip and the real last day by default', async () => {
    server.use(...ecbHandlers());
    const set = parseEcbFile(await bytesOf(ecbUrls().historyZip), TODAY);
    expect(set.firstDate).toBe('1999-01-04');
    expect(set.lastDate).toBe('2026-04-13');
    const daily = parseEcbXml(await (await fetch(ecbUrls().daily)).text(), TODAY);
    expect(daily.days[0]?.rates.CNY).toBe('7.9827');
    const last90 = parseEcbFile(await bytesOf(ecbUrls().last90Days), TODAY);
    expect(last90.firstDate > '2026-01-12').toBe(true);
    expect(last90.days.length).toBeGreaterThan(50);
  });
});
