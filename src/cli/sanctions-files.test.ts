import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { createLogger } from '../core/logger.ts';
import { type Config, parseConfig } from '../env.ts';
import { activeListVersionDetails, listImports } from '../services/sanctions/versions.ts';
import {
  loadSanctionsListsAtStart,
  readSanctionsSource,
  SANCTIONS_FIXTURES_DIR,
  sanctionsDir,
} from './sanctions-files.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pontis-lists-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function config(env: Record<string, string>): Config {
  return parseConfig({ PONTIS_DATA_DIR: tempDir(), ...env });
}

describe('readSanctionsSource', () => {
  it('reads OFAC’s folder (or the path of its sdn.csv) with whichever of the four files it holds', () => {
    const folder = tempDir();
    cpSync(join(SANCTIONS_FIXTURES_DIR, 'ofac', 'sdn.csv'), join(folder, 'sdn.csv'));
    cpSync(join(SANCTIONS_FIXTURES_DIR, 'ofac', 'alt.csv'), join(folder, 'alt.csv'));
    const set = readSanctionsSource('ofac', folder);
    expect(Object.keys(set.files).sort()).toEqual(['alt.csv', 'sdn.csv']);
    expect(set.origin).toBe(folder.split('/').pop());
    expect(Object.keys(readSanctionsSource('ofac', join(folder, 'sdn.csv')).files).sort()).toEqual([
      'alt.csv',
      'sdn.csv',
    ]);
  });

  it('reads an XML list from its file, or from a folder with one list in it', () => {
    expect(readSanctionsSource('un', join(SANCTIONS_FIXTURES_DIR, 'un.xml')).origin).toBe('un.xml');
    const folder = tempDir();
    cpSync(join(SANCTIONS_FIXTURES_DIR, 'uk.xml'), join(folder, 'UK-Sanctions-List.xml'));
    expect(readSanctionsSource('uk', folder).origin).toBe('UK-Sanctions-List.xml');
  });

  it('says what is missing', () => {
    expect(() => readSanctionsSource('eu', join(tempDir(), 'none.xml'))).toThrow(/^no such file or folder: /);
    expect(() => readSanctionsSource('ofac', tempDir())).toThrow(
      /the OFAC list is a folder holding sdn\.csv/,
    );
    const two = tempDir();
    writeFileSync(join(two, 'a.xml'), '<a/>');
    writeFileSync(join(two, 'b.xml'), '<b/>');
    expect(() => readSanctionsSource('eu', two)).toThrow(/no single XML list/);
  });
});

describe('sanctionsDir', () => {
  it('is PONTIS_SANCTIONS_DIR, else sanctions/ in the shared data directory', () => {
    expect(sanctionsDir({ sanctionsDir: '/lists', sharedDataDir: '/shared' })).toBe('/lists');
    expect(sanctionsDir({ sanctionsDir: undefined, sharedDataDir: '/shared' })).toBe('/shared/sanctions');
  });
});

describe('loadSanctionsListsAtStart', () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle.close();
  });
  const logger = createLogger('silent');
  const NOW = new Date('2026-03-05T08:00:00.000Z');

  it('outside demo mode loads nothing and says so', async () => {
    const result = await loadSanctionsListsAtStart(
      handle.db,
      config({ NODE_ENV: 'production' }),
      logger,
      NOW,
    );
    expect(result.summary).toMatch(/^none active: transfers are held until `pontis sanctions import`/);
    expect(await activeListVersionDetails(handle.db)).toEqual([]);
  });

  it('in demo mode loads the lists of the sanctions folder, the others from the fixtures, once', async () => {
    const lists = tempDir();
    mkdirSync(join(lists, 'un'));
    cpSync(join(SANCTIONS_FIXTURES_DIR, 'un.xml'), join(lists, 'un', 'consolidated-dev.xml'));
    const demo = config({ PONTIS_DEMO: 'true', PONTIS_SANCTIONS_DIR: lists });
    const first = await loadSanctionsListsAtStart(handle.db, demo, logger, NOW);
    expect(first.summary).toMatch(
      /^ofac 6 entries from the fictional fixture ofac, un 5 entries from consolidated-dev\.xml, eu 4 entries from the fictional fixture eu\.xml, uk 4 entries from the fictional fixture uk\.xml \(demo lists from .+\)$/,
    );
    const versions = await activeListVersionDetails(handle.db);
    expect(versions.map((version) => [version.source, version.trigger, version.origin])).toEqual([
      ['eu', 'demo', 'fixture:eu.xml'],
      ['ofac', 'demo', 'fixture:ofac'],
      ['uk', 'demo', 'fixture:uk.xml'],
      ['un', 'demo', 'consolidated-dev.xml'],
    ]);
    const attempts = (await listImports(handle.db, { limit: 10 })).length;
    const second = await loadSanctionsListsAtStart(handle.db, demo, logger, NOW);
    expect(second.summary).toBe(first.summary);
    expect((await listImports(handle.db, { limit: 10 })).length).toBe(attempts);
  });

  it('a broken demo file costs only its list', async () => {
    const other = await createTestDatabase();
    try {
      const lists = tempDir();
      mkdirSync(join(lists, 'uk'));
      writeFileSync(join(lists, 'uk', 'UK-Sanctions-List.xml'), '<Designations><Designation>');
      const lines: string[] = [];
      const result = await loadSanctionsListsAtStart(
        other.db,
        config({ PONTIS_DEMO: 'true', PONTIS_SANCTIONS_DIR: lists }),
        createLogger('info', (line) => lines.push(line)),
        NOW,
      );
      expect(result.summary).toContain('; not loaded: uk');
      expect(lines.join('\n')).toContain('demo sanctions list not loaded');
      expect((await activeListVersionDetails(other.db)).map((version) => version.source)).toEqual([
        'eu',
        'ofac',
        'un',
      ]);
    } finally {
      await other.close();
    }
  });
});
