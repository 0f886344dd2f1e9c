/**
 * Scheduled refresh of the ECB reference rates. The daily file (`eurofxref-daily.xml`) is enough
 * when the store is at most one business day behind; otherwise the history zip fills the gap.
 * A failed download or a rejected file keeps the last good rates, is recorded in the import log
 * (which `/ready` shows) and is logged as a warning with its error code, never with file content.
 */

import { target2Calendar } from '../../../adapters/_shared/target2-calendar.ts';
import { sha256Hex } from '../../core/canonical-json.ts';
import type { Logger } from '../../core/logger.ts';
import type { Executor } from '../../db/database.ts';
import { businessDaysBetween } from '../calendar/business-calendar.ts';
import { ecbDate } from '../calendar/target-age.ts';
import { parseEcbFile } from './ecb/ecb-rates.ts';
import { ecbUrls } from './ecb/urls.ts';
import { type ImportResult, importRateSet, newestRateDateBefore, recordFailedImport } from './rate-store.ts';

export interface RefreshDeps {
  db: Executor;
  fetch: typeof fetch;
  baseUrl?: string | undefined;
  now: () => Date;
  logger: Logger;
  timeoutMs?: number;
  /** Aborts a download in flight (shutdown). */
  signal?: AbortSignal;
}

export type RefreshOutcome =
  | { status: 'ok'; imports: ImportResult[] }
  | { status: 'failed'; url: string; errorCode: string; error: string };

/** Largest download accepted: the full history zip is well under 1 MB. */
const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

async function download(deps: RefreshDeps, url: string): Promise<Uint8Array> {
  const response = await deps.fetch(url, {
    signal: deps.signal
      ? AbortSignal.any([deps.signal, AbortSignal.timeout(deps.timeoutMs ?? 30_000)])
      : AbortSignal.timeout(deps.timeoutMs ?? 30_000),
    headers: { accept: 'application/xml, application/zip, text/csv' },
  });
  if (!response.ok) throw new Error(`HTTP ${response.status} from ${url}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > MAX_DOWNLOAD_BYTES) throw new Error(`${url} is larger than ${MAX_DOWNLOAD_BYTES} bytes`);
  return bytes;
}

async function load(deps: RefreshDeps, url: string, now: Date): Promise<ImportResult> {
  const bytes = await download(deps, url);
  const set = parseEcbFile(bytes, { today: ecbDate(now), name: url });
  return importRateSet(deps.db, set, {
    source: 'ecb',
    trigger: 'refresh',
    origin: url,
    sha256: await sha256Hex(bytes),
    now,
  });
}

/** Downloads the newest ECB rates; never throws: a failure is recorded and returned. */
export async function refreshEcbRates(deps: RefreshDeps): Promise<RefreshOutcome> {
  const urls = ecbUrls(deps.baseUrl);
  const now = deps.now();
  let url = urls.daily;
  try {
    const imports = [await load(deps, url, now)];
    const daily = imports[0];
    // The daily file has one day: if a TARGET day before it is missing, fetch the history too.
    const before = daily ? await newestRateDateBefore(deps.db, 'ecb', daily.firstDate) : undefined;
    if (
      daily &&
      (before === undefined || businessDaysBetween(target2Calendar, before, daily.firstDate) > 1)
    ) {
      url = urls.historyZip;
      imports.push(await load(deps, url, now));
    }
    for (const result of imports) {
      deps.logger.info('fx rates refreshed', {
        importId: result.id,
        status: result.status,
        lastDate: result.lastDate,
        inserted: result.inserted,
      });
    }
    return { status: 'ok', imports };
  } catch (error) {
    const failure = {
      status: 'failed' as const,
      url,
      errorCode: (error as { code?: string }).code ?? 'download_failed',
      error: error instanceof Error ? error.message : String(error),
    };
    deps.logger.warn('fx rate refresh failed; the last good rates stay in use', {
      url,
      errorCode: failure.errorCode,
      error: failure.error.slice(0, 300),
    });
    await recordFailedImport(deps.db, { source: 'ecb', trigger: 'refresh', origin: url, now }, error).catch(
      () => deps.logger.error('could not record the failed fx refresh'),
    );
    return failure;
  }
}
