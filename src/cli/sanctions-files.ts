/**
 * Sanctions lists on a Node machine: reading a list from disk (OFAC's folder of CSV files, one XML
 * file for the others), and the demo start, which loads every list that has no active version yet
 * from the sanctions folder (the shared data) or, failing that, from the project's fictional
 * fixtures. Node only: `node:fs` never reaches the Workers bundle.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../core/logger.ts';
import type { Database } from '../db/database.ts';
import type { Config } from '../env.ts';
import { SANCTIONS_SOURCES, type SanctionsSource } from '../ports/sanctions.ts';
import {
  activeListVersionDetails,
  importSanctionsList,
  type ListVersionDetail,
} from '../services/sanctions/import.ts';
import type { SanctionsFiles } from '../services/sanctions/parsers/index.ts';
import { OFAC_FILE_NAMES } from '../services/sanctions/parsers/ofac.ts';
import { sharedDataDir } from './reference-rates.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The fictional lists the tests use; the demo falls back to them. */
export const SANCTIONS_FIXTURES_DIR = resolve(PROJECT_ROOT, 'test/fixtures/sanctions');

export interface SanctionsFileSet {
  files: SanctionsFiles;
  /** The file or folder name recorded as the origin (never the full local path). */
  origin: string;
}

function notFound(path: string): Error {
  return new Error(`no such file or folder: ${path}`);
}

/** The one list file in a folder: `consolidated*.xml` first, else the only `.xml` there. */
function xmlIn(folder: string): string | undefined {
  const xml = readdirSync(folder)
    .filter((name) => name.toLowerCase().endsWith('.xml'))
    .sort();
  const preferred =
    xml.find((name) => name.toLowerCase().startsWith('consolidated')) ??
    (xml.length === 1 ? xml[0] : undefined);
  return preferred ? join(folder, preferred) : undefined;
}

/**
 * Reads a list from disk. OFAC: a folder with `sdn.csv` (required) and `alt.csv`, `add.csv`,
 * `sdn_comments.csv` when present (the path of `sdn.csv` itself names its folder). Others: a file,
 * or a folder holding one XML file.
 */
export function readSanctionsSource(source: SanctionsSource, path: string): SanctionsFileSet {
  const full = resolve(path);
  if (!existsSync(full)) throw notFound(path);
  const isFolder = statSync(full).isDirectory();
  if (source === 'ofac') {
    const folder = isFolder ? full : dirname(full);
    if (!existsSync(join(folder, OFAC_FILE_NAMES.sdn))) {
      throw new Error(
        `${path}: the OFAC list is a folder holding sdn.csv (with alt.csv, add.csv, sdn_comments.csv)`,
      );
    }
    const files: Record<string, Uint8Array> = {};
    for (const name of Object.values(OFAC_FILE_NAMES)) {
      const file = join(folder, name);
      if (existsSync(file)) files[name] = new Uint8Array(readFileSync(file));
    }
    return { files, origin: basename(folder) };
  }
  const file = isFolder ? xmlIn(full) : full;
  if (!file) throw new Error(`${path}: a folder with no single XML list in it; name the file`);
  return { files: new Uint8Array(readFileSync(file)), origin: basename(file) };
}

/** The list of a source in the sanctions folder (`ofac/`, `un/*.xml`, `eu/*.xml`, `uk/*.xml`), if there. */
function fromSanctionsDir(dir: string, source: SanctionsSource): SanctionsFileSet | undefined {
  const folder = join(dir, source);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return undefined;
  if (source === 'ofac')
    return existsSync(join(folder, OFAC_FILE_NAMES.sdn)) ? readSanctionsSource('ofac', folder) : undefined;
  const file = xmlIn(folder);
  return file ? readSanctionsSource(source, file) : undefined;
}

function fromFixtures(source: SanctionsSource): SanctionsFileSet | undefined {
  const path =
    source === 'ofac' ? join(SANCTIONS_FIXTURES_DIR, 'ofac') : join(SANCTIONS_FIXTURES_DIR, `${source}.xml`);
  if (!existsSync(path)) return undefined;
  const set = readSanctionsSource(source, path);
  return { ...set, origin: `fixture:${set.origin}` };
}

/** `PONTIS_SANCTIONS_DIR`, else `sanctions/` in the shared data directory. */
export function sanctionsDir(config: Pick<Config, 'sanctionsDir' | 'sharedDataDir'>): string {
  return resolve(config.sanctionsDir ?? join(sharedDataDir(config), 'sanctions'));
}

function describe(version: ListVersionDetail): string {
  const where = version.origin.startsWith('fixture:')
    ? `the fictional fixture ${version.origin.slice('fixture:'.length)}`
    : version.origin;
  return `${version.source} ${version.entryCount.toLocaleString('en')} entries from ${where}`;
}

export interface SanctionsAtStart {
  /** One line for the start banner. */
  summary: string;
}

/**
 * Demo mode: loads each list without an active version, from the sanctions folder when it has
 * the list, else from the fixtures. Outside demo mode nothing is loaded here (the refresh and
 * `pontis sanctions import` do it); either way the summary names the active lists.
 */
export async function loadSanctionsListsAtStart(
  db: Database,
  config: Config,
  logger: Logger,
  now = new Date(),
): Promise<SanctionsAtStart> {
  if (config.demo) {
    const active = new Set((await activeListVersionDetails(db)).map((version) => version.source));
    const dir = sanctionsDir(config);
    for (const source of SANCTIONS_SOURCES) {
      if (active.has(source)) continue;
      try {
        const set = fromSanctionsDir(dir, source) ?? fromFixtures(source);
        if (!set) continue;
        await importSanctionsList(db, { source, ...set, trigger: 'demo', actor: 'system:demo', now });
      } catch (error) {
        // A broken demo file costs that list only: the banner shows it missing, screening holds.
        logger.warn('demo sanctions list not loaded', {
          source,
          errorCode: (error as { code?: string }).code,
        });
      }
    }
  }
  const versions = (await activeListVersionDetails(db)).sort(
    (a, b) => SANCTIONS_SOURCES.indexOf(a.source) - SANCTIONS_SOURCES.indexOf(b.source),
  );
  if (versions.length === 0) {
    return {
      summary: 'none active: transfers are held until `pontis sanctions import` or the refresh loads them',
    };
  }
  const missing = SANCTIONS_SOURCES.filter(
    (source) => !versions.some((version) => version.source === source),
  );
  const shown = relative(process.cwd(), sanctionsDir(config)) || '.';
  return {
    summary: `${versions.map(describe).join(', ')}${missing.length > 0 ? `; not loaded: ${missing.join(', ')}` : ''}${
      config.demo ? ` (demo lists from ${shown} or the fixtures)` : ''
    }`,
  };
}
