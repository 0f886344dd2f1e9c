/**
 * Importing sanctions lists into the database: versions with hashes and counts, unchanged
 * re-imports, what a new version added, changed and removed, atomic failure that keeps the active
 * version, concurrent imports, the real OFAC and UN lists when the shared data is present, the
 * read API and `pontis sanctions`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayError } from '../../src/core/errors.ts';
import {
  auditEvents,
  sanctionsEntries,
  sanctionsImports,
  sanctionsListVersions,
} from '../../src/db/schema.ts';
import {
  activeListVersions,
  entriesOfVersionDelta,
  importSanctionsList,
  listImports,
  loadActiveEntries,
  sanctionsFilesSha256,
} from '../../src/services/sanctions/import.ts';
import { parseSanctionsFiles } from '../../src/services/sanctions/parsers/index.ts';
import { runCli } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { createTestGateway, json, type TestGateway } from '../helpers/gateway.ts';
import {
  FIXTURE_ENTRY_COUNTS,
  fixtureFiles,
  importFixtureLists,
  SANCTIONS_FIXTURES_DIR,
} from '../helpers/sanctions.ts';
import { sharedFile, skipMessage } from '../helpers/shared-data.ts';

const NOW = new Date('2026-03-05T09:00:00.000Z');
const LATER = new Date('2026-03-06T09:00:00.000Z');

let handle: TestDatabase;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

const unXml = () => readFileSync(new URL('../fixtures/sanctions/un.xml', import.meta.url), 'utf8');
const bytes = (text: string) => new TextEncoder().encode(text);

async function importUn(text: string, now: Date) {
  return importSanctionsList(handle.db, {
    source: 'un',
    files: bytes(text),
    trigger: 'file',
    origin: '/home/someone/lists/consolidated.xml',
    actor: 'cli:tester',
    now,
  });
}

describe('importing the fixture lists', () => {
  it('loads one active version per list with hash, counts and an audit event', async () => {
    const outcomes = await importFixtureLists(handle.db, NOW);
    for (const source of ['ofac', 'un', 'eu', 'uk'] as const) {
      const outcome = outcomes[source];
      expect(outcome.status).toBe('loaded');
      expect(outcome.version).toMatchObject({
        source,
        entryCount: FIXTURE_ENTRY_COUNTS[source],
        importedAt: NOW.toISOString(),
        trigger: 'demo',
        active: true,
      });
      expect(outcome.version.sha256).toBe(await sanctionsFilesSha256(source, fixtureFiles(source)));
      expect(outcome).toMatchObject({ added: FIXTURE_ENTRY_COUNTS[source], changed: 0, removed: 0 });
    }
    expect((await activeListVersions(handle.db)).map((version) => version.source)).toEqual([
      'eu',
      'ofac',
      'uk',
      'un',
    ]);
    const [audit] = await handle.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.subjectType, 'sanctions_list'),
          eq(auditEvents.subjectId, outcomes.un.version.versionId),
        ),
      );
    expect(audit).toMatchObject({
      action: 'sanctions_list.loaded',
      actor: 'system:test',
      toState: 'active',
      data: { source: 'un', entryCount: 5, added: 5, changed: 0, removed: 0 },
    });
  });

  it('gives back the entries exactly as parsed', async () => {
    const parsed = parseSanctionsFiles('eu', fixtureFiles('eu')).entries;
    const stored = await loadActiveEntries(handle.db, ['eu']);
    expect(stored).toEqual([...parsed].sort((a, b) => a.id.localeCompare(b.id)));
    expect(await loadActiveEntries(handle.db, [])).toEqual([]);
    expect((await loadActiveEntries(handle.db)).length).toBe(6 + 5 + 4 + 4);
  });

  it('records the same bytes again as unchanged, without a new version', async () => {
    const [before] = await activeListVersions(handle.db).then((all) => all.filter((v) => v.source === 'un'));
    const again = await importUn(unXml(), LATER);
    expect(again).toMatchObject({ status: 'unchanged', added: 0, changed: 0, removed: 0 });
    expect(again.version.versionId).toBe(before?.versionId);
    const versions = await handle.db
      .select()
      .from(sanctionsListVersions)
      .where(eq(sanctionsListVersions.source, 'un'));
    expect(versions).toHaveLength(1);
    const [attempt] = await listImports(handle.db, { limit: 1, source: 'un' });
    expect(attempt).toMatchObject({
      status: 'unchanged',
      versionId: before?.versionId,
      origin: 'consolidated.xml',
    });
  });
});

describe('a new version of a list', () => {
  it('counts added, changed and removed entries, retires the old version and exposes the delta', async () => {
    const [old] = (await activeListVersions(handle.db)).filter((version) => version.source === 'un');
    const next = unXml()
      // changed: a new alias for 9900002
      .replace(
        '<ALIAS_NAME>Zorian Talmikoff</ALIAS_NAME>',
        '<ALIAS_NAME>Zorian Talmikoff</ALIAS_NAME></INDIVIDUAL_ALIAS><INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Zoran Talmikov</ALIAS_NAME>',
      )
      // removed: 9900003; added: 9900004
      .replace('<DATAID>9900003</DATAID>', '<DATAID>9900004</DATAID>');
    const outcome = await importUn(next, LATER);
    expect(outcome).toMatchObject({ status: 'loaded', added: 1, changed: 1, removed: 1 });
    expect(outcome.version).toMatchObject({
      entryCount: 5,
      added: 1,
      changed: 1,
      removed: 1,
      origin: 'consolidated.xml',
    });

    const [retired] = await handle.db
      .select()
      .from(sanctionsListVersions)
      .where(eq(sanctionsListVersions.id, old?.versionId ?? ''));
    expect(retired).toMatchObject({ active: false, supersededAt: LATER });
    const delta = await entriesOfVersionDelta(handle.db, outcome.version.versionId);
    expect(delta.map((entry) => entry.id)).toEqual(['9900002', '9900004']);
    expect(delta[0]?.names.map((name) => name.full)).toContain('Zoran Talmikov');
    // The first version's delta is all of it.
    expect(await entriesOfVersionDelta(handle.db, old?.versionId ?? '')).toHaveLength(5);
    expect(await entriesOfVersionDelta(handle.db, 'slv_00000000000000000000000000')).toEqual([]);
  });
});

describe('a failed import', () => {
  it('refuses a truncated file, records the failure and keeps the active version', async () => {
    const [active] = (await activeListVersions(handle.db)).filter((version) => version.source === 'un');
    const entriesBefore = await handle.db.$count(sanctionsEntries);
    const truncated = unXml().slice(0, 2500);
    const error = await importUn(truncated, LATER).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).code).toBe('sanctions_file_invalid');

    const [after] = (await activeListVersions(handle.db)).filter((version) => version.source === 'un');
    expect(after).toEqual(active);
    expect(await handle.db.$count(sanctionsEntries)).toBe(entriesBefore);
    const [attempt] = await listImports(handle.db, { limit: 1 });
    expect(attempt).toMatchObject({
      source: 'un',
      status: 'failed',
      errorCode: 'sanctions_file_invalid',
      versionId: null,
      origin: 'consolidated.xml',
    });
    expect(attempt?.error).toContain('consolidated.xml');
    expect(attempt?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses bytes that are not UTF-8 for an XML list', async () => {
    const error = await importSanctionsList(handle.db, {
      source: 'eu',
      files: new Uint8Array([0x3c, 0x61, 0xff, 0xfe, 0x3e]),
      trigger: 'file',
      origin: 'eu.xml',
      actor: 'cli:tester',
      now: LATER,
    }).catch((caught: unknown) => caught);
    expect((error as GatewayError).details).toMatchObject({ reason: 'encoding_invalid' });
  });

  it('refuses an OFAC set without sdn.csv', async () => {
    const { 'sdn.csv': _sdn, ...rest } = fixtureFiles('ofac') as Record<string, Uint8Array>;
    const error = await importSanctionsList(handle.db, {
      source: 'ofac',
      files: rest,
      trigger: 'file',
      origin: 'ofac',
      actor: 'cli:tester',
      now: LATER,
    }).catch((caught: unknown) => caught);
    expect((error as GatewayError).details).toMatchObject({ reason: 'empty_file', file: 'sdn.csv' });
    const failed = await handle.db
      .select()
      .from(sanctionsImports)
      .where(eq(sanctionsImports.status, 'failed'));
    expect(failed.length).toBeGreaterThanOrEqual(3);
  });
});

describe('concurrent imports of one list', () => {
  it('queue behind each other and leave exactly one active version', async () => {
    const first = unXml().replace(
      'Fictional entry for tests.</COMMENTS1>',
      'Fictional entry, edition A.</COMMENTS1>',
    );
    const second = unXml().replace(
      'Fictional entry for tests.</COMMENTS1>',
      'Fictional entry, edition B.</COMMENTS1>',
    );
    const results = await Promise.all([importUn(first, LATER), importUn(second, LATER)]);
    expect(results.map((result) => result.status)).toEqual(['loaded', 'loaded']);
    const active = await handle.db
      .select()
      .from(sanctionsListVersions)
      .where(and(eq(sanctionsListVersions.source, 'un'), eq(sanctionsListVersions.active, true)));
    expect(active).toHaveLength(1);
    expect(results.map((result) => result.version.versionId)).toContain(active[0]?.id);
  });
});

const OFAC = ['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'].map((name) =>
  sharedFile(`sanctions/ofac/${name}`),
);
const UN = sharedFile('sanctions/un/consolidated-dev.xml');
const haveShared = OFAC.every(Boolean) && UN !== undefined;
if (!haveShared) console.warn(skipMessage('sanctions/ofac/sdn.csv'));

describe.skipIf(!haveShared)('the real OFAC and UN lists (shared data)', () => {
  it('import completely and replace the fixtures', async () => {
    const other = await createTestDatabase();
    try {
      const files = Object.fromEntries(
        ['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'].map((name, index) => [
          name,
          readFileSync(OFAC[index] ?? ''),
        ]),
      );
      const ofac = await importSanctionsList(other.db, {
        source: 'ofac',
        files,
        trigger: 'file',
        origin: 'ofac',
        actor: 'cli:tester',
        now: NOW,
      });
      expect(ofac.version).toMatchObject({ entryCount: 8976, nameCount: 23321, added: 8976 });
      const un = await importSanctionsList(other.db, {
        source: 'un',
        files: readFileSync(UN ?? ''),
        trigger: 'file',
        origin: 'consolidated-dev.xml',
        actor: 'cli:tester',
        now: NOW,
      });
      expect(un.version).toMatchObject({ entryCount: 800, publishedAt: '2026-02-27T00:00:09.554Z' });
      expect(await loadActiveEntries(other.db)).toHaveLength(8976 + 800);
    } finally {
      await other.close();
    }
  }, 60_000);
});

describe('the list API', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await createTestGateway({ sanctions: 'none' });
  });
  afterAll(async () => {
    await gw.close();
  });

  it('names every list as missing before anything is imported', async () => {
    const response = await gw.request('GET', '/v1/sanctions/lists', { role: 'auditor' });
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ object: 'list', data: [], missing: ['ofac', 'un', 'eu', 'uk'] });
  });

  it('shows the active versions with hash, times and counts, in list order', async () => {
    const outcomes = await importFixtureLists(gw.db.db, NOW);
    const body = await json<{ data: Record<string, unknown>[]; missing: string[] }>(
      await gw.request('GET', '/v1/sanctions/lists', { role: 'compliance_officer' }),
    );
    expect(body.missing).toEqual([]);
    expect(body.data.map((version) => version.source)).toEqual(['ofac', 'un', 'eu', 'uk']);
    expect(body.data[1]).toEqual({
      object: 'sanctions_list_version',
      source: 'un',
      versionId: outcomes.un.version.versionId,
      sha256: outcomes.un.version.sha256,
      publishedAt: '2026-03-02T00:00:07.120Z',
      importedAt: NOW.toISOString(),
      trigger: 'demo',
      origin: 'fixture:un.xml',
      entryCount: 5,
      nameCount: 14,
      added: 5,
      changed: 0,
      removed: 0,
    });
  });

  it('lists import attempts newest first, by list, with failures and their codes', async () => {
    await importSanctionsList(gw.db.db, {
      source: 'uk',
      files: bytes('<Designations><Designation>'),
      trigger: 'file',
      origin: 'UK-Sanctions-List.xml',
      actor: 'cli',
      now: LATER,
    }).catch(() => undefined);
    const all = await json<{ data: Record<string, unknown>[] }>(
      await gw.request('GET', '/v1/sanctions/imports?limit=2', { role: 'operator' }),
    );
    expect(all.data).toHaveLength(2);
    expect(all.data[0]).toMatchObject({
      object: 'sanctions_import',
      source: 'uk',
      status: 'failed',
      errorCode: 'sanctions_file_invalid',
      versionId: null,
      createdAt: LATER.toISOString(),
    });
    const un = await json<{ data: Record<string, unknown>[] }>(
      await gw.request('GET', '/v1/sanctions/imports?source=un', { role: 'compliance_approver' }),
    );
    expect(un.data.map((attempt) => [attempt.source, attempt.status])).toEqual([['un', 'loaded']]);
    const bad = await gw.request('GET', '/v1/sanctions/imports?source=xx', { role: 'auditor' });
    expect(bad.status).toBe(400);
    expect((await gw.request('GET', '/v1/sanctions/lists', { role: 'privacy_officer' })).status).toBe(403);
  });
});

describe('pontis sanctions', () => {
  // One data directory for the whole block: every fresh one costs a PGlite start and migrations.
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'pontis-sanctions-'));
    dirs.push(dir);
    return dir;
  };
  const env = { PONTIS_DATA_DIR: tempDir() };
  const CLI_TIMEOUT_MS = 120_000;
  const run = (args: string[], extra: Record<string, string> = {}) =>
    runCli(args, { ...env, ...extra }, CLI_TIMEOUT_MS);
  const oneLineError = (result: { code: number | null; stderr: string }) => {
    expect(result.code, result.stderr).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines, result.stderr).toHaveLength(1);
    return lines[0] ?? '';
  };

  it('imports a list, says what it loaded, finds it unchanged, and shows the status', async () => {
    const loaded = await run(['sanctions', 'import', 'ofac', join(SANCTIONS_FIXTURES_DIR, 'ofac')]);
    expect(loaded.code, loaded.stderr).toBe(0);
    expect(loaded.stdout).toMatch(
      // …and the additions are screened against the active beneficiaries (none yet).
      /^ofac: loaded version slv_\w{26} from ofac: 6 entries, 14 names \(6 added, 0 changed, 0 removed\)\n {2}sha256 [0-9a-f]{64}\ncontinuous screening srn_\w{26}: 6 new or changed entries against 0 active beneficiaries, 0 alerts\n$/,
    );
    // The path of sdn.csv names its folder; the list name is case-insensitive.
    const again = await run(['sanctions', 'import', 'OFAC', join(SANCTIONS_FIXTURES_DIR, 'ofac', 'sdn.csv')]);
    expect(again.stdout).toMatch(
      /^ofac: unchanged — the same file as active version slv_\w{26} \(6 entries\); nothing loaded/,
    );
    const status = await run(['sanctions', 'status']);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/^ofac slv_\w{26} {2}6 entries, 14 names {2}imported .* \(file, ofac\)/m);
    expect(status.stdout).toContain('last 2 imports:');
    expect(status.stdout).toMatch(/ofac unchanged file {4}ofac/);
  }, 600_000);

  it('answers an unknown list, a missing path and a broken file with one line and exit 1', async () => {
    expect(oneLineError(await run(['sanctions', 'import', 'interpol', 'x.xml']))).toBe(
      'pontis: unknown sanctions list "interpol"; use one of ofac, un, eu, uk',
    );
    expect(oneLineError(await run(['sanctions', 'import', 'eu', join(tempDir(), 'nothing.xml')]))).toMatch(
      /^pontis: Error: no such file or folder: /,
    );
    expect(oneLineError(await run(['sanctions', 'import', 'ofac', tempDir()]))).toContain(
      'the OFAC list is a folder holding sdn.csv',
    );
    const cut = join(tempDir(), 'cut.xml');
    writeFileSync(cut, unXml().slice(0, 2500));
    expect(oneLineError(await run(['sanctions', 'import', 'un', cut]))).toMatch(
      /^pontis: sanctions_file_invalid: cut\.xml, line \d+: the file ends (before <\w+> is closed|inside a tag)/,
    );
  }, 600_000);

  it('refresh reports a publisher it cannot reach in one line, after the lists it could do', async () => {
    const result = await run(['sanctions', 'refresh', 'un', 'eu'], {
      PONTIS_SANCTIONS_UN_URL: 'http://127.0.0.1:9/consolidated.xml',
    });
    expect(result.stdout).toContain('eu: skipped — no URL configured (PONTIS_SANCTIONS_EU_URL)');
    expect(oneLineError(result)).toBe(
      'pontis: Error: refresh failed for un (download_failed: http://127.0.0.1:9/consolidated.xml could not be reached); the active versions stay in use',
    );
    const status = await run(['sanctions', 'status']);
    expect(status.stdout).toMatch(
      /un {3}failed {4}file {4}cut\.xml {2}sanctions_file_invalid: cut\.xml, line/,
    );
    expect(status.stdout).toMatch(
      /un {3}failed {4}refresh http:\/\/127\.0\.0\.1:9\/consolidated\.xml {2}download_failed/,
    );
  }, 600_000);
});
