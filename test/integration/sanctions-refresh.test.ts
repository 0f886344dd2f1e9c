/**
 * The scheduled download of the sanctions lists against fake publishers (msw at the official
 * URLs): every list loaded, unchanged on the next run, and failures — truncated file, HTTP error,
 * unreachable host, oversized or slow download — recorded while the active version stays.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/logger.ts';
import { activeListVersions, listImports } from '../../src/services/sanctions/import.ts';
import {
  DEFAULT_SANCTIONS_URLS,
  refreshSanctionsLists,
  type SanctionsRefreshOptions,
  sanctionsDownloadUrls,
} from '../../src/services/sanctions/refresh.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import {
  FIXTURE_ENTRY_COUNTS,
  publisherHandlers,
  sharedSanctionsFiles,
  TEST_SANCTIONS_URLS,
} from '../helpers/sanctions.ts';
import { skipMessage } from '../helpers/shared-data.ts';

const server = setupServer();
const NOW = new Date('2026-03-05T04:20:00.000Z');
let handle: TestDatabase;
const logs: string[] = [];

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  handle = await createTestDatabase();
});
afterEach(() => server.resetHandlers());
afterAll(async () => {
  server.close();
  await handle.close();
});

function options(extra: Partial<SanctionsRefreshOptions> = {}): SanctionsRefreshOptions {
  return {
    fetch: (input, init) => fetch(input, init),
    urls: TEST_SANCTIONS_URLS,
    now: () => NOW,
    actor: 'system:refresh',
    logger: createLogger('info', (line) => logs.push(line)),
    ...extra,
  };
}

describe('the publishers’ URLs', () => {
  it('are the official ones, OFAC’s four files beside each other, and none for the EU without its token', () => {
    expect(sanctionsDownloadUrls('ofac', DEFAULT_SANCTIONS_URLS)).toEqual({
      'sdn.csv': 'https://www.treasury.gov/ofac/downloads/sdn.csv',
      'alt.csv': 'https://www.treasury.gov/ofac/downloads/alt.csv',
      'add.csv': 'https://www.treasury.gov/ofac/downloads/add.csv',
      'sdn_comments.csv': 'https://www.treasury.gov/ofac/downloads/sdn_comments.csv',
    });
    expect(sanctionsDownloadUrls('un', DEFAULT_SANCTIONS_URLS)).toEqual({
      un: 'https://scsanctions.un.org/resources/xml/en/consolidated.xml',
    });
    expect(sanctionsDownloadUrls('uk', DEFAULT_SANCTIONS_URLS)).toEqual({
      uk: 'https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml',
    });
    expect(sanctionsDownloadUrls('eu', DEFAULT_SANCTIONS_URLS)).toBeUndefined();
  });
});

describe('refreshing the lists', () => {
  it('downloads and loads every list', async () => {
    server.use(...publisherHandlers());
    const results = await refreshSanctionsLists(handle.db, options());
    expect(results.map((result) => [result.source, result.status])).toEqual([
      ['ofac', 'loaded'],
      ['un', 'loaded'],
      ['eu', 'loaded'],
      ['uk', 'loaded'],
    ]);
    for (const result of results) {
      if (result.status !== 'loaded') continue;
      expect(result.entryCount).toBe(FIXTURE_ENTRY_COUNTS[result.source]);
      expect(result.added).toBe(FIXTURE_ENTRY_COUNTS[result.source]);
    }
    const imports = await listImports(handle.db, { limit: 4 });
    expect(imports.map((attempt) => [attempt.source, attempt.trigger, attempt.origin]).sort()).toEqual([
      ['eu', 'refresh', 'https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content'],
      ['ofac', 'refresh', 'https://www.treasury.gov/ofac/downloads/'],
      ['uk', 'refresh', 'https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml'],
      ['un', 'refresh', 'https://scsanctions.un.org/resources/xml/en/consolidated.xml'],
    ]);
    // The EU token is part of the URL only: it is stored nowhere and logged nowhere.
    expect(JSON.stringify(imports)).not.toContain('test-token');
    expect(logs.join('\n')).not.toContain('test-token');
  });

  it('finds the same files unchanged on the next run', async () => {
    server.use(...publisherHandlers());
    const before = await activeListVersions(handle.db);
    const results = await refreshSanctionsLists(handle.db, options());
    expect(results.map((result) => result.status)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
    expect(await activeListVersions(handle.db)).toEqual(before);
  });

  it('skips the EU list when no URL (with its token) is configured', async () => {
    server.use(...publisherHandlers());
    const results = await refreshSanctionsLists(
      handle.db,
      options({ sources: ['eu'], urls: { ...TEST_SANCTIONS_URLS, eu: undefined } }),
    );
    expect(results).toEqual([
      { source: 'eu', status: 'skipped', reason: 'no URL configured (PONTIS_SANCTIONS_EU_URL)' },
    ]);
  });
});

describe('a failed refresh keeps the active version', () => {
  it('a truncated download is refused and recorded; the other lists are still refreshed', async () => {
    server.use(...publisherHandlers({ fail: { un: 'truncated', ofac: 'truncated' } }));
    const before = await activeListVersions(handle.db);
    const results = await refreshSanctionsLists(handle.db, options({ sources: ['ofac', 'un', 'uk'] }));
    expect(results.map((result) => [result.source, result.status])).toEqual([
      ['ofac', 'failed'],
      ['un', 'failed'],
      ['uk', 'unchanged'],
    ]);
    expect(results[1]).toMatchObject({ errorCode: 'sanctions_file_invalid' });
    expect(await activeListVersions(handle.db)).toEqual(before);
    const failed = (await listImports(handle.db, { limit: 3 })).filter(
      (attempt) => attempt.status === 'failed',
    );
    expect(failed.map((attempt) => [attempt.source, attempt.errorCode]).sort()).toEqual([
      ['ofac', 'sanctions_file_invalid'],
      ['un', 'sanctions_file_invalid'],
    ]);
    expect(logs.some((line) => line.includes('sanctions list refresh failed'))).toBe(true);
  });

  it.each([
    ['http_500', 'download_failed', /HTTP 500 from https:\/\/sanctionslist\.fcdo\.gov\.uk/],
    ['network_error', 'download_failed', /could not be reached/],
    ['oversized', 'download_too_large', /larger than/],
    ['slow', 'download_failed', /timed out/],
  ] as const)('%s is recorded as %s', async (failure, code, message) => {
    server.use(...publisherHandlers({ fail: { uk: failure } }));
    const before = await activeListVersions(handle.db);
    const [result] = await refreshSanctionsLists(
      handle.db,
      options({ sources: ['uk'], maxBytes: 64 * 1024, timeoutMs: 300 }),
    );
    expect(result).toMatchObject({ source: 'uk', status: 'failed', errorCode: code });
    expect(result?.status === 'failed' && result.error).toMatch(message);
    const [attempt] = await listImports(handle.db, { limit: 1 });
    expect(attempt).toMatchObject({
      source: 'uk',
      status: 'failed',
      errorCode: code,
      trigger: 'refresh',
      sha256: null,
    });
    expect(await activeListVersions(handle.db)).toEqual(before);
  });
});

const shared = sharedSanctionsFiles();
if (!shared) console.warn(skipMessage('sanctions/ofac/sdn.csv'));

describe.skipIf(!shared)(
  'refreshing with the real OFAC and UN files at the official URLs (shared data)',
  () => {
    it('replaces the fixture versions with the real lists, then finds them unchanged', async () => {
      server.use(...publisherHandlers({ files: { ofac: shared?.ofac, un: shared?.un } }));
      const results = await refreshSanctionsLists(handle.db, options({ sources: ['ofac', 'un'] }));
      expect(results).toMatchObject([
        {
          source: 'ofac',
          status: 'loaded',
          entryCount: 8976,
          added: 8976,
          removed: FIXTURE_ENTRY_COUNTS.ofac,
        },
        { source: 'un', status: 'loaded', entryCount: 800, added: 800, removed: FIXTURE_ENTRY_COUNTS.un },
      ]);
      const again = await refreshSanctionsLists(handle.db, options({ sources: ['ofac', 'un'] }));
      expect(again.map((result) => result.status)).toEqual(['unchanged', 'unchanged']);
    }, 60_000);
  },
);
