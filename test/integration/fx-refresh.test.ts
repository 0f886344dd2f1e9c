/**
 * The scheduled ECB refresh against a fake ECB (msw serves the ECB URLs): the daily file, the
 * history zip when days are missing, and failures that keep the last good rates, are recorded
 * and show in `/ready`. Also: a rate set that fails half-way through its insert leaves nothing.
 */
import { count, eq } from 'drizzle-orm';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/logger.ts';
import { fxRateImports, fxRates } from '../../src/db/schema.ts';
import type { EcbDay } from '../../src/services/fx/ecb/ecb-rates.ts';
import { importRateSet } from '../../src/services/fx/rate-store.ts';
import { refreshEcbRates } from '../../src/services/fx/refresh.ts';
import { ecbHandlers, formatEcbCsv, loadSharedEcbHistory } from '../helpers/ecb-server.ts';
import { CONTRIBUTION_QUOTE, createTestGateway, json, type TestGateway } from '../helpers/gateway.ts';
import { skipMessage } from '../helpers/shared-data.ts';

const DAYS: EcbDay[] = [
  { date: '2026-04-08', rates: { USD: '1.1650', CNY: '7.9700', JPY: '186.10', CHF: '0.9250' } },
  { date: '2026-04-09', rates: { USD: '1.1690', CNY: '7.9800', JPY: '186.20', CHF: '0.9245' } },
  { date: '2026-04-10', rates: { USD: '1.1711', CNY: '7.9967', JPY: '186.43', CHF: '0.9241' } },
  { date: '2026-04-13', rates: { USD: '1.1684', CNY: '7.9827', JPY: '186.75', CHF: '0.9242' } },
];
const HISTORY = formatEcbCsv(DAYS);
const TODAY = new Date('2026-04-14T08:00:00.000Z'); // Tuesday 10:00 in Frankfurt

const server = setupServer();
let gw: TestGateway;
const logs: string[] = [];

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  gw = await createTestGateway({ rates: 'none' });
  gw.clock.now = TODAY;
});
afterEach(() => server.resetHandlers());
afterAll(async () => {
  server.close();
  await gw.close();
});

const refresh = () =>
  refreshEcbRates({
    db: gw.db.db,
    fetch: (input, init) => fetch(input, init),
    now: () => gw.clock.now,
    logger: createLogger('info', (line) => logs.push(line)),
  });

async function rateCount(): Promise<number> {
  const [row] = await gw.db.db.select({ n: count() }).from(fxRates);
  return Number(row?.n ?? 0);
}

describe('ECB refresh', () => {
  it('without rates, answers fx_rate_unavailable and /ready says missing', async () => {
    const response = await gw.request('POST', '/v1/quotes', { role: 'operator', body: CONTRIBUTION_QUOTE });
    expect(await json(response)).toMatchObject({ code: 'fx_rate_unavailable' });
    const ready = await json<{ status: string; checks: { fxRates: unknown } }>(
      await gw.request('GET', '/ready'),
    );
    expect(ready.status).toBe('ready');
    expect(ready.checks.fxRates).toMatchObject({ status: 'missing', lastRefresh: null });
  });

  it('loads the daily file, and the history zip when days are missing', async () => {
    server.use(...ecbHandlers({ daily: DAYS[3], historyCsv: HISTORY }));
    const outcome = await refresh();
    expect(outcome).toMatchObject({ status: 'ok' });
    if (outcome.status !== 'ok') throw new Error('refresh failed');
    expect(outcome.imports.map((result) => [result.status, result.firstDate, result.lastDate])).toEqual([
      ['loaded', '2026-04-13', '2026-04-13'],
      ['loaded', '2026-04-08', '2026-04-13'],
    ]);
    expect(await rateCount()).toBe(16);

    const quote = await json(
      await gw.request('POST', '/v1/quotes', { role: 'operator', body: CONTRIBUTION_QUOTE }),
    );
    expect(quote.rate).toMatchObject({
      reference: '7.9827',
      source: 'ecb',
      asOf: '2026-04-13',
      ageTargetDays: 0,
      basis: { kind: 'published', basePerEur: '1', quotePerEur: '7.9827' },
    });
  });

  it('the next day needs the daily file only; an unchanged file is recorded as such', async () => {
    const next: EcbDay = {
      date: '2026-04-14',
      rates: { USD: '1.1700', CNY: '7.9900', JPY: '187.00', CHF: '0.9230' },
    };
    gw.clock.now = new Date('2026-04-14T15:00:00.000Z');
    server.use(...ecbHandlers({ daily: next, fail: { historyZip: 'http_500' } }));
    const first = await refresh();
    expect(first.status === 'ok' && first.imports.map((result) => result.status)).toEqual(['loaded']);
    const again = await refresh();
    expect(again.status === 'ok' && again.imports.map((result) => result.status)).toEqual(['unchanged']);
    expect(await rateCount()).toBe(20);
  });

  it.each([
    ['HTTP 500', { daily: 'http_500' }, 'download_failed'],
    ['a network error', { daily: 'network_error' }, 'download_failed'],
    ['a truncated file', { daily: 'truncated' }, 'fx_file_invalid'],
    ['an HTML error page', { daily: 'malformed' }, 'fx_file_invalid'],
  ] as const)(
    'keeps the last good rates after %s, records it and shows it in /ready',
    async (_name, fail, code) => {
      const before = await rateCount();
      logs.length = 0;
      server.use(...ecbHandlers({ daily: DAYS[3], fail }));
      const outcome = await refresh();
      expect(outcome).toMatchObject({ status: 'failed', errorCode: code });
      expect(await rateCount()).toBe(before);

      const ready = await json<{ status: string; checks: { fxRates: Record<string, unknown> } }>(
        await gw.request('GET', '/ready'),
      );
      expect(ready.status).toBe('ready');
      expect(ready.checks.fxRates).toMatchObject({
        status: 'fresh',
        newestRateDate: '2026-04-14',
        lastRefresh: { status: 'failed', errorCode: code },
      });
      const warning = logs
        .map((line) => JSON.parse(line))
        .find((line) => line.msg?.includes('refresh failed'));
      expect(warning).toMatchObject({ level: 'warn', errorCode: code });
      // Quotes go on with the last good rates.
      const quote = await gw.request('POST', '/v1/quotes', { role: 'operator', body: CONTRIBUTION_QUOTE });
      expect(quote.status).toBe(201);
    },
  );

  it('a rate set that fails inside the insert loads nothing at all', async () => {
    const before = await rateCount();
    const [imports] = await gw.db.db.select({ n: count() }).from(fxRateImports);
    const days: EcbDay[] = [
      { date: '2026-03-02', rates: { USD: '1.1', CNY: '7.9' } },
      // Zero slips past this hand-made set (the parsers refuse it); the database refuses it too.
      { date: '2026-03-03', rates: { USD: '1.1', CNY: '0' } },
    ];
    await expect(
      importRateSet(
        gw.db.db,
        {
          format: 'csv',
          days,
          currencies: ['CNY', 'USD'],
          firstDate: '2026-03-02',
          lastDate: '2026-03-03',
          rateCount: 4,
        },
        { source: 'ecb', trigger: 'file', origin: 'broken.csv', sha256: 'broken', now: gw.clock.now },
      ),
    ).rejects.toThrow();
    expect(await rateCount()).toBe(before);
    const [after] = await gw.db.db.select({ n: count() }).from(fxRateImports);
    expect(after?.n).toBe(imports?.n);
    const rows = await gw.db.db.select().from(fxRates).where(eq(fxRates.rateDate, '2026-03-02'));
    expect(rows).toEqual([]);
  });
});

const shared = loadSharedEcbHistory();
if (!shared) console.warn(skipMessage('fx/ecb/eurofxref-hist.csv'));

describe.skipIf(!shared)('ECB refresh with the real history (shared data)', () => {
  it('fills an empty store from the zipped real history', async () => {
    const other = await createTestGateway({ rates: 'none' });
    try {
      server.use(...ecbHandlers());
      const outcome = await refreshEcbRates({
        db: other.db.db,
        fetch: (input, init) => fetch(input, init),
        now: () => TODAY,
        logger: createLogger('silent'),
      });
      expect(outcome.status).toBe('ok');
      if (outcome.status !== 'ok') return;
      expect(outcome.imports[1]).toMatchObject({
        firstDate: '1999-01-04',
        lastDate: '2026-04-13',
        status: 'loaded',
      });
      other.clock.now = TODAY;
      const rate = await json(
        await other.request('GET', '/v1/fx/rates?base=CNY&quote=JPY', { role: 'auditor' }),
      );
      // 186.75 / 7.9827
      expect(rate).toMatchObject({ rate: '23.3943402608', source: 'ecb', asOf: '2026-04-13' });
    } finally {
      await other.close();
    }
  });
});
