/**
 * Scheduled download of the sanctions lists from their publishers (Node timer, Workers Cron
 * Trigger), each then imported atomically. A failed download or a rejected file is recorded in
 * `sanctions_imports` and logged with its error code (never file content); the active version of
 * that list stays in use, and the other lists are still refreshed.
 */
import type { Logger } from '../../core/logger.ts';
import type { Database } from '../../db/database.ts';
import type { SanctionsSource } from '../../ports/sanctions.ts';
import { importSanctionsList, recordFailedSanctionsImport } from './import.ts';
import { OFAC_FILE_NAMES } from './parsers/ofac.ts';

/** Where each publisher serves its list. OFAC: the folder of its CSV set, ending in `/`. */
export interface SanctionsUrls {
  ofac: string;
  un: string;
  /** The EU serves its file only with a token from its Financial Sanctions Files page: no default. */
  eu?: string | undefined;
  uk: string;
}

export const DEFAULT_SANCTIONS_URLS: Readonly<SanctionsUrls> = {
  ofac: 'https://www.treasury.gov/ofac/downloads/',
  un: 'https://scsanctions.un.org/resources/xml/en/consolidated.xml',
  uk: 'https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml',
};

export interface SanctionsRefreshOptions {
  /** The lists to refresh (default: all four). */
  sources?: readonly SanctionsSource[];
  fetch: typeof fetch;
  urls: SanctionsUrls;
  now: () => Date;
  /** Recorded as the importer: `system:refresh`, or `cli:<user>` for `pontis sanctions refresh`. */
  actor: string;
  logger?: Logger;
  /** Per file (default 120 s: the EU and UK files are over 20 MB). */
  timeoutMs?: number;
  /** Largest file accepted (default 100 MB). */
  maxBytes?: number;
  /** Aborts downloads in flight (shutdown). */
  signal?: AbortSignal;
}

export type SanctionsRefreshResult =
  | {
      source: SanctionsSource;
      status: 'loaded' | 'unchanged';
      versionId: string;
      entryCount: number;
      added: number;
      changed: number;
      removed: number;
    }
  | { source: SanctionsSource; status: 'failed'; errorCode: string; error: string; url: string }
  | { source: SanctionsSource; status: 'skipped'; reason: string };

const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

/** A download that did not produce a file; its `code` goes to `sanctions_imports.error_code`. */
class DownloadError extends Error {
  constructor(
    readonly code: 'download_failed' | 'download_too_large',
    message: string,
  ) {
    super(message);
  }
}

/** The URLs to fetch for a source, by the file name the importer expects. */
export function sanctionsDownloadUrls(
  source: SanctionsSource,
  urls: SanctionsUrls,
): Record<string, string> | undefined {
  if (source === 'ofac') {
    return Object.fromEntries(
      Object.values(OFAC_FILE_NAMES).map((name) => [name, new URL(name, urls.ofac).href]),
    );
  }
  const url = urls[source];
  return url ? { [source]: url } : undefined;
}

/** URLs as logs and the import log show them: without query (the EU token) or credentials. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return 'an unparseable URL';
  }
}

async function download(url: string, options: SanctionsRefreshOptions): Promise<Uint8Array> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const limit = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let response: Response;
  try {
    response = await options.fetch(url, {
      signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
      headers: { accept: 'application/xml, text/xml, text/csv, */*' },
    });
  } catch (error) {
    const reason =
      error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'could not be reached';
    throw new DownloadError('download_failed', `${displayUrl(url)} ${reason}`);
  }
  if (!response.ok) {
    // Not awaited: a body the server keeps open must not hold the refresh.
    void response.body?.cancel().catch(() => undefined);
    throw new DownloadError('download_failed', `HTTP ${response.status} from ${displayUrl(url)}`);
  }
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) {
    void response.body?.cancel().catch(() => undefined);
    throw new DownloadError('download_too_large', `${displayUrl(url)} is larger than ${limit} bytes`);
  }
  // Read in chunks so that an endless or oversized body stops at the limit, not at out-of-memory.
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > limit) {
        void reader.cancel().catch(() => undefined);
        throw new DownloadError('download_too_large', `${displayUrl(url)} is larger than ${limit} bytes`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof DownloadError) throw error;
    throw new DownloadError('download_failed', `the download from ${displayUrl(url)} broke off`);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

async function refreshOne(
  db: Database,
  source: SanctionsSource,
  options: SanctionsRefreshOptions,
): Promise<SanctionsRefreshResult> {
  const targets = sanctionsDownloadUrls(source, options.urls);
  if (!targets) return { source, status: 'skipped', reason: 'no URL configured (PONTIS_SANCTIONS_EU_URL)' };
  const origin = displayUrl(source === 'ofac' ? options.urls.ofac : (Object.values(targets)[0] ?? ''));
  let url = origin;
  try {
    const files: Record<string, Uint8Array> = {};
    for (const [name, target] of Object.entries(targets)) {
      url = displayUrl(target);
      files[name] = await download(target, options);
    }
    const outcome = await importSanctionsList(db, {
      source,
      files: source === 'ofac' ? files : (Object.values(files)[0] ?? new Uint8Array()),
      trigger: 'refresh',
      origin,
      actor: options.actor,
      now: options.now(),
    });
    options.logger?.info('sanctions list refreshed', {
      source,
      status: outcome.status,
      versionId: outcome.version.versionId,
      entries: outcome.version.entryCount,
      added: outcome.added,
      changed: outcome.changed,
      removed: outcome.removed,
    });
    return {
      source,
      status: outcome.status,
      versionId: outcome.version.versionId,
      entryCount: outcome.version.entryCount,
      added: outcome.added,
      changed: outcome.changed,
      removed: outcome.removed,
    };
  } catch (error) {
    const errorCode = (error as { code?: string }).code ?? 'internal_error';
    const message = error instanceof Error ? error.message : String(error);
    // The importer records its own failures; a download that never reached it is recorded here.
    if (error instanceof DownloadError) {
      await recordFailedSanctionsImport(
        db,
        { source, trigger: 'refresh', origin, actor: options.actor, now: options.now() },
        error,
      ).catch(() => options.logger?.error('could not record the failed sanctions download', { source }));
    }
    options.logger?.warn('sanctions list refresh failed; the active version stays in use', {
      source,
      url,
      errorCode,
      error: message.slice(0, 300),
    });
    return { source, status: 'failed', errorCode, error: message, url };
  }
}

/** Downloads and imports each list in turn; never throws: every outcome is returned and recorded. */
export async function refreshSanctionsLists(
  db: Database,
  options: SanctionsRefreshOptions,
): Promise<SanctionsRefreshResult[]> {
  const results: SanctionsRefreshResult[] = [];
  for (const source of options.sources ?? (['ofac', 'un', 'eu', 'uk'] as const)) {
    results.push(await refreshOne(db, source, options));
  }
  return results;
}
