/**
 * The fictional sanctions lists of `test/fixtures/sanctions/` for tests: their bytes, an import of
 * all four into a test database, and one listed person per list that a test can screen to get a
 * hit. None of these people exist.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type HttpHandler, HttpResponse, http } from 'msw';
import type { Database } from '../../src/db/database.ts';
import type { SanctionsSource } from '../../src/ports/sanctions.ts';
import { type ImportOutcome, importSanctionsList } from '../../src/services/sanctions/import.ts';
import type { SanctionsFiles } from '../../src/services/sanctions/parsers/index.ts';
import { OFAC_FILE_NAMES } from '../../src/services/sanctions/parsers/ofac.ts';
import { DEFAULT_SANCTIONS_URLS, type SanctionsUrls } from '../../src/services/sanctions/refresh.ts';
import { repoRoot, sharedFile } from './shared-data.ts';

export const SANCTIONS_FIXTURES_DIR = path.resolve(repoRoot, 'test/fixtures/sanctions');

/** A listed fictional person as a screening query would describe them. */
export interface ListedTestPerson {
  source: SanctionsSource;
  /** `<source>:<id>` of the list entry. */
  entityId: string;
  /** The primary name as the list writes it. */
  listedName: string;
  given: string;
  family: string;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  /** ISO 3166-1 alpha-2. */
  nationality: string;
  passport: string;
}

/** One listed person per fixture list, with exact birth date, nationality and passport. */
export const LISTED_TEST_PERSONS: Readonly<Record<SanctionsSource, ListedTestPerson>> = {
  ofac: {
    source: 'ofac',
    entityId: 'ofac:9000101',
    listedName: 'QUORVAL, Dravik Ostemir',
    given: 'Dravik Ostemir',
    family: 'Quorval',
    birthDate: '1961-03-14',
    nationality: 'IR',
    passport: 'Q7731904',
  },
  un: {
    source: 'un',
    entityId: 'un:9900001',
    listedName: 'KHARZUL ODMEN VESHTAR',
    given: 'Kharzul',
    family: 'Odmen Veshtar',
    birthDate: '1966-07-02',
    nationality: 'SY',
    passport: 'N0097731',
  },
  eu: {
    source: 'eu',
    entityId: 'eu:990011',
    listedName: 'Veslomir Arkadyevich Drunskoy',
    given: 'Veslomir Arkadyevich',
    family: 'Drunskoy',
    birthDate: '1968-09-21',
    nationality: 'RU',
    passport: '751199027',
  },
  uk: {
    source: 'uk',
    entityId: 'uk:RUS9901',
    listedName: 'Gorislav Timurovich VANTREKOV',
    given: 'Gorislav Timurovich',
    family: 'Vantrekov',
    birthDate: '1965-05-08',
    nationality: 'RU',
    passport: '729905518',
  },
};

/** Entries per fixture list, for tests that count. */
export const FIXTURE_ENTRY_COUNTS: Readonly<Record<SanctionsSource, number>> = {
  ofac: 6,
  un: 5,
  eu: 4,
  uk: 4,
};

/** The bytes of a fixture list as `importSanctionsList` takes them. */
export function fixtureFiles(source: SanctionsSource): SanctionsFiles {
  if (source === 'ofac') {
    const files: Record<string, Uint8Array> = {};
    for (const name of Object.values(OFAC_FILE_NAMES)) {
      files[name] = readFileSync(path.join(SANCTIONS_FIXTURES_DIR, 'ofac', name));
    }
    return files;
  }
  return readFileSync(path.join(SANCTIONS_FIXTURES_DIR, `${source}.xml`));
}

/** The origin recorded for a fixture import. */
export function fixtureOrigin(source: SanctionsSource): string {
  return source === 'ofac' ? 'fixture:ofac' : `fixture:${source}.xml`;
}

/** Imports the four fixture lists (a few milliseconds each) and returns their outcomes by source. */
export async function importFixtureLists(
  db: Database,
  now: Date,
  sources: readonly SanctionsSource[] = ['ofac', 'un', 'eu', 'uk'],
): Promise<Record<SanctionsSource, ImportOutcome>> {
  const outcomes: Partial<Record<SanctionsSource, ImportOutcome>> = {};
  for (const source of sources) {
    outcomes[source] = await importSanctionsList(db, {
      source,
      files: fixtureFiles(source),
      trigger: 'demo',
      origin: fixtureOrigin(source),
      actor: 'system:test',
      now,
    });
  }
  return outcomes as Record<SanctionsSource, ImportOutcome>;
}

/** The EU URL tests configure (the real one needs the publisher's token). */
export const TEST_EU_URL =
  'https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=test-token';

/** The official URLs, with the EU one set: what a configured gateway downloads. */
export const TEST_SANCTIONS_URLS: SanctionsUrls = { ...DEFAULT_SANCTIONS_URLS, eu: TEST_EU_URL };

/** How a publisher's URL fails in a test. */
export type PublisherFailure = 'http_500' | 'network_error' | 'truncated' | 'oversized' | 'slow';

export interface PublisherOptions {
  /** Bytes served per source (OFAC: by file name); default: the fixtures. */
  files?: Partial<Record<SanctionsSource, SanctionsFiles>>;
  fail?: Partial<Record<SanctionsSource, PublisherFailure>>;
}

/** The real shared OFAC CSV set and UN development copy, or undefined when the shared data is absent. */
export function sharedSanctionsFiles(): { ofac: Record<string, Uint8Array>; un: Uint8Array } | undefined {
  const ofac: Record<string, Uint8Array> = {};
  for (const name of Object.values(OFAC_FILE_NAMES)) {
    const file = sharedFile(`sanctions/ofac/${name}`);
    if (!file) return undefined;
    ofac[name] = readFileSync(file);
  }
  const un = sharedFile('sanctions/un/consolidated-dev.xml');
  return un ? { ofac, un: readFileSync(un) } : undefined;
}

function respond(bytes: Uint8Array, failure: PublisherFailure | undefined) {
  switch (failure) {
    case 'http_500':
      return new HttpResponse('Service Unavailable', { status: 500 });
    case 'network_error':
      return HttpResponse.error();
    case 'truncated':
      return new HttpResponse(bytes.slice(0, Math.floor(bytes.length / 2)), { status: 200 });
    case 'oversized':
      return new HttpResponse(new Uint8Array(Math.max(bytes.length * 4, 1024 * 1024)), { status: 200 });
    default:
      return new HttpResponse(bytes, { status: 200 });
  }
}

/**
 * msw handlers standing in for the publishers at `TEST_SANCTIONS_URLS`: OFAC's four CSV files,
 * the UN, EU and UK XML, from the fixtures unless other bytes are given; a source can fail.
 */
export function publisherHandlers(options: PublisherOptions = {}): HttpHandler[] {
  const served = (source: SanctionsSource) => options.files?.[source] ?? fixtureFiles(source);
  const handler = (url: string, source: SanctionsSource, bytes: () => Uint8Array) =>
    http.get(url.split('?')[0] ?? url, async () => {
      const failure = options.fail?.[source];
      // A publisher that answers after the client gave up.
      if (failure === 'slow') await new Promise((resolve) => setTimeout(resolve, 2_000));
      return respond(bytes(), failure);
    });
  const ofac = Object.values(OFAC_FILE_NAMES).map((name) =>
    handler(new URL(name, TEST_SANCTIONS_URLS.ofac).href, 'ofac', () => {
      const files = served('ofac') as Record<string, Uint8Array>;
      return files[name] ?? new Uint8Array();
    }),
  );
  return [
    ...ofac,
    handler(TEST_SANCTIONS_URLS.un, 'un', () => served('un') as Uint8Array),
    handler(TEST_EU_URL, 'eu', () => served('eu') as Uint8Array),
    handler(TEST_SANCTIONS_URLS.uk, 'uk', () => served('uk') as Uint8Array),
  ];
}
