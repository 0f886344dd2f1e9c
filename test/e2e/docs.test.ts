/**
 * The API reference in a real browser (Debian's Chromium, driven by playwright-core): the page
 * loads from the gateway itself under its Content-Security-Policy, lists the operations, and
 * "Try it out" with a bearer token creates a real quote.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeDocsAsset } from '../../src/cli/docs-assets.ts';
import { createLogger } from '../../src/core/logger.ts';
import { type RunningServer, startNodeServer } from '../../src/http/node-server.ts';
import {
  createTestGateway,
  loadTestRates,
  previousTargetDay,
  TEST_EUR_RATES,
  type TestGateway,
} from '../helpers/gateway.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && process.env.PONTIS_E2E_REQUIRED) {
  throw new Error(`PONTIS_E2E_REQUIRED is set but there is no Chromium at ${CHROMIUM}`);
}
if (!haveBrowser) {
  console.warn(
    `[pontis e2e] SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`,
  );
}

describe.skipIf(!haveBrowser)('API reference in Chromium', () => {
  let gw: TestGateway;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    gw = await createTestGateway();
    gw.deps.docsAsset = nodeDocsAsset;
    // Real time (the browser's token is checked against it), so rates of the last TARGET day.
    gw.deps.clock = () => new Date();
    await loadTestRates(gw.db.db, previousTargetDay(new Date()), TEST_EUR_RATES, new Date());
    server = await startNodeServer({
      fetch: gw.app.fetch,
      port: 0,
      host: '127.0.0.1',
      timeoutMs: 2_000,
      logger: createLogger('silent'),
      cleanup: async () => {},
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.shutdown('test');
    await gw?.close();
  });

  it('renders every operation without script or CSP errors', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${server.url}/docs`);
    await page.waitForSelector('.opblock-summary-path', { timeout: 20_000 });
    const paths = await page.$$eval('.opblock-summary-path', (nodes) =>
      nodes.map((node) => node.textContent?.trim()),
    );
    expect(paths).toEqual(
      expect.arrayContaining(['/v1/quotes', '/v1/transfers', '/v1/transfers/{id}', '/v1/ledger/balances']),
    );
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('"Try it out" with a token creates a quote', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/docs`);
    await page.click('.btn.authorize');
    await page.fill('.auth-container input', await gw.token('operator'));
    await page.click('.auth-btn-wrapper .authorize');
    await page.click('.btn-done');
    const operation = page.locator('.opblock-post', {
      has: page.locator('.opblock-summary-path', { hasText: /^\/v1\/quotes$/ }),
    });
    await operation.locator('.opblock-summary').click();
    // The page enables "Try it out" from the start (tryItOutEnabled), so Execute is there at once.
    await operation.locator('.execute').click();
    const status = operation.locator('.live-responses-table tbody .response-col_status').first();
    await status.waitFor({ timeout: 20_000 });
    expect((await status.textContent())?.trim()).toBe('201');
    const body = await operation.locator('.live-responses-table .microlight').first().textContent();
    expect(body).toContain('"object": "quote"');
    await page.close();
  }, 60_000);
});
