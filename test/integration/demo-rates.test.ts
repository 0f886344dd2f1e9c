/** Demo mode keeps quoting while it runs: demo manual rates are renewed before they end. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renewDemoManualRates } from '../../src/cli/reference-rates.ts';
import { createLogger } from '../../src/core/logger.ts';
import { listManualRates } from '../../src/services/fx/manual-rates.ts';
import { CONTRIBUTION_QUOTE, createTestGateway, json, type TestGateway } from '../helpers/gateway.ts';

let gw: TestGateway;
const logger = createLogger('silent');

beforeAll(async () => {
  gw = await createTestGateway();
  // The test rates are of Friday 2026-11-20: a week later they are too old for every corridor.
  gw.clock.now = new Date('2026-11-27T17:00:00.000Z');
});
afterAll(async () => {
  await gw?.close();
});

const at = (hours: number) => new Date(gw.clock.now.getTime() + hours * 3_600_000);

describe('demo manual rates', () => {
  it('are set for every pair when the rates are stale, and renewed only when they would end within 2 h', async () => {
    expect(
      await json(await gw.request('POST', '/v1/quotes', { role: 'operator', body: CONTRIBUTION_QUOTE })),
    ).toMatchObject({ code: 'fx_rate_stale' });

    const first = await renewDemoManualRates(gw.db.db, gw.deps.registry, at(0), logger);
    expect(first.join('\n')).toContain('CN-DE');
    expect(await renewDemoManualRates(gw.db.db, gw.deps.registry, at(1), logger)).toEqual([]);
    expect(await renewDemoManualRates(gw.db.db, gw.deps.registry, at(21.5), logger)).toEqual([]);
    const renewed = await renewDemoManualRates(gw.db.db, gw.deps.registry, at(22.5), logger);
    expect(renewed.join('\n')).toContain('CN-DE');

    const versions = (await listManualRates(gw.db.db, { corridor: 'CN-DE', limit: 10 })).map(
      (row) => row.version,
    );
    expect(versions.sort()).toEqual([1, 2]);

    // After the first window ended, quotes still run on the renewed rate.
    gw.clock.now = at(25);
    const quote = await json(
      await gw.request('POST', '/v1/quotes', { role: 'operator', body: CONTRIBUTION_QUOTE }),
    );
    expect(quote.rate).toMatchObject({ source: 'manual', basis: { version: 2 } });
  });
});
