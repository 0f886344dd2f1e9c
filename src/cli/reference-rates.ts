/**
 * Reference rates on a Node start: the ECB history file when there is one (the shared data's
 * copy in demo mode, or PONTIS_ECB_HISTORY_FILE), else — in demo mode only — the demo table dated
 * the latest TARGET business day. In demo mode, a corridor whose newest rate is older than it
 * accepts (an offline machine cannot download) gets a manual rate from the demo compliance
 * officer, taken from that newest rate, valid 24 hours and renewed while the gateway runs;
 * outside demo mode nothing of the kind happens and such quotes are refused with `fx_rate_stale`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { target2Calendar } from '../../adapters/_shared/target2-calendar.ts';
import { sha256Hex } from '../core/canonical-json.ts';
import type { Logger } from '../core/logger.ts';
import type { Database } from '../db/database.ts';
import type { Config } from '../env.ts';
import type { AdapterRegistry } from '../services/adapters/registry.ts';
import { latestBusinessDay } from '../services/calendar/business-calendar.ts';
import { ecbDate, rateAgeInTargetDays } from '../services/calendar/target-age.ts';
import { listCorridors } from '../services/fx/corridors.ts';
import { loadDemoRates } from '../services/fx/demo-rate-table.ts';
import { parseEcbFile } from '../services/fx/ecb/ecb-rates.ts';
import { findActiveManualRate, setManualRate } from '../services/fx/manual-rates.ts';
import {
  findLoadedImport,
  findPublishedRate,
  importRateSet,
  newestRates,
} from '../services/fx/rate-store.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DEMO_COMPLIANCE_OFFICER = 'demo-compliance';
const DEMO_MANUAL_RATE_HOURS = 24;
/** A demo manual rate is renewed when it would end within this time (see `renewDemoManualRates`). */
export const DEMO_RENEWAL_HORIZON_MS = 2 * 3_600_000;

/** `../shared/data` beside this checkout, unless PONTIS_SHARED_DATA_DIR says otherwise. */
export function sharedDataDir(config: Pick<Config, 'sharedDataDir'>): string {
  return resolve(config.sharedDataDir ?? resolve(PROJECT_ROOT, '../shared/data'));
}

export function ecbHistoryPath(config: Pick<Config, 'sharedDataDir' | 'ecbHistoryFile'>): string {
  return config.ecbHistoryFile
    ? resolve(config.ecbHistoryFile)
    : resolve(sharedDataDir(config), 'fx/ecb/eurofxref-hist.csv');
}

/** A path as the banner shows it: relative to the working directory when that is shorter. */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.length < path.length ? rel : path;
}

/** Loads one rate file (CSV, XML or zip) in one transaction; an unchanged file is not parsed again. */
export async function importRateFile(db: Database, path: string, trigger: 'file' | 'demo', now: Date) {
  const bytes = new Uint8Array(readFileSync(path));
  const sha256 = await sha256Hex(bytes);
  const loaded = await findLoadedImport(db, sha256);
  if (loaded) return { status: 'unchanged' as const, import: loaded };
  const set = parseEcbFile(bytes, { today: ecbDate(now), name: basename(path) });
  const result = await importRateSet(db, set, {
    source: 'ecb',
    trigger,
    origin: basename(path),
    sha256,
    now,
  });
  return { status: result.status, import: result };
}

export interface RatesAtStart {
  /** One line for the start banner. */
  summary: string;
  /** Further banner lines (stale rates, demo manual rates). */
  notes: string[];
}

export async function loadReferenceRatesAtStart(
  db: Database,
  registry: AdapterRegistry,
  config: Config,
  logger: Logger,
  now = new Date(),
): Promise<RatesAtStart> {
  const notes: string[] = [];
  const historyPath = ecbHistoryPath(config);
  const wantHistory = config.ecbHistoryFile !== undefined || config.demo;
  let summary: string;
  if (wantHistory && existsSync(historyPath)) {
    const { status } = await importRateFile(db, historyPath, 'file', now);
    summary = `ECB history from ${displayPath(historyPath)} (${status === 'unchanged' ? 'already loaded' : 'loaded now'})`;
  } else if (config.demo) {
    const date = latestBusinessDay(target2Calendar, ecbDate(now));
    await loadDemoRates(db, { date, origin: 'demo-table', now });
    summary = `demo table of ${date} (no ECB history at ${displayPath(historyPath)}; quotes say "demo-table")`;
  } else {
    summary = 'from the database (scheduled ECB download, or `pontis fx import <file>`)';
  }
  const newest = await newestRates(db);
  if (newest) {
    const age = rateAgeInTargetDays(newest.date, now);
    summary += `; newest ${newest.date}, ${age} TARGET day${age === 1 ? '' : 's'} old`;
  } else {
    notes.push(
      'no reference rates yet: quotes answer fx_rate_unavailable until a download or `pontis fx import` succeeds',
    );
  }
  if (config.demo) notes.push(...(await demoManualRates(db, registry, now, logger)));
  return { summary, notes };
}

/**
 * Demo mode only: a gateway left running keeps quoting. Every hour the start command renews the
 * demo manual rates that would end within two hours (a new version; the newest in force wins).
 */
export async function renewDemoManualRates(
  db: Database,
  registry: AdapterRegistry,
  now: Date,
  logger: Logger,
) {
  return demoManualRates(db, registry, now, logger, DEMO_RENEWAL_HORIZON_MS);
}

async function demoManualRates(
  db: Database,
  registry: AdapterRegistry,
  now: Date,
  logger: Logger,
  horizonMs = 0,
): Promise<string[]> {
  const today = ecbDate(now);
  const set: string[] = [];
  const seen = new Set<string>();
  for (const corridor of listCorridors(registry)) {
    if (seen.has(corridor.pair) || !corridor.manualRates.allowed) continue;
    seen.add(corridor.pair);
    const base = corridor.partner.identity.currency;
    const quote = corridor.home.identity.currency;
    const published = await findPublishedRate(db, base, quote, today);
    if (!published || rateAgeInTargetDays(published.asOf, now) <= corridor.maxRateAgeTargetDays) continue;
    if (await findActiveManualRate(db, corridor.pair, new Date(now.getTime() + horizonMs))) continue;
    const hours = Math.min(DEMO_MANUAL_RATE_HOURS, corridor.manualRates.maxValidityHours);
    await setManualRate(
      { db, registry, actor: DEMO_COMPLIANCE_OFFICER, now },
      {
        corridor: corridor.pair,
        base,
        quote,
        rate: published.rate,
        validUntil: new Date(now.getTime() + hours * 3_600_000).toISOString(),
        reference: `Demo: the ${published.source} rate of ${published.asOf}, this machine cannot download newer ones`,
      },
    );
    set.push(corridor.pair);
  }
  if (set.length === 0) return [];
  logger.info('demo manual rates set', { corridors: set });
  return [
    `demo manual rates set for ${set.join(', ')} by ${DEMO_COMPLIANCE_OFFICER}: the newest reference rates are too old for the corridors, so each pair uses its newest rate as a manual rate for ${DEMO_MANUAL_RATE_HOURS} h, renewed hourly while the gateway runs (quotes say "manual"); outside demo mode these quotes would be refused with fx_rate_stale`,
  ];
}
