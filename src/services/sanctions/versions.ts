/**
 * Reading the stored lists: the active version of each source, their entries for the screening
 * index, what a version added or changed against its predecessor, and the import log.
 */
import { and, asc, desc, eq, inArray, lt, or } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { sanctionsEntries, sanctionsImports, sanctionsListVersions } from '../../db/schema.ts';
import type { SanctionsEntry, SanctionsSource } from '../../ports/sanctions.ts';

/** What a screening result records about a list it consulted. */
export interface ListVersionSummary {
  source: SanctionsSource;
  versionId: string;
  sha256: string;
  /** ISO timestamps. */
  importedAt: string;
  publishedAt: string | null;
  entryCount: number;
}

/** A version as the list API and `pontis sanctions status` show it. */
export interface ListVersionDetail extends ListVersionSummary {
  trigger: 'file' | 'refresh' | 'demo';
  origin: string;
  nameCount: number;
  added: number;
  changed: number;
  removed: number;
  active: boolean;
}

export interface ImportAttempt {
  id: string;
  source: SanctionsSource;
  trigger: 'file' | 'refresh' | 'demo';
  origin: string;
  status: 'loaded' | 'unchanged' | 'failed';
  sha256: string | null;
  versionId: string | null;
  errorCode: string | null;
  error: string | null;
  createdAt: string;
}

type VersionRow = typeof sanctionsListVersions.$inferSelect;

export function versionDetail(row: VersionRow): ListVersionDetail {
  return {
    source: row.source,
    versionId: row.id,
    sha256: row.sha256,
    importedAt: row.importedAt.toISOString(),
    publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
    entryCount: row.entryCount,
    trigger: row.trigger,
    origin: row.origin,
    nameCount: row.nameCount,
    added: row.added,
    changed: row.changed,
    removed: row.removed,
    active: row.active,
  };
}

function summary(detail: ListVersionDetail): ListVersionSummary {
  const { source, versionId, sha256, importedAt, publishedAt, entryCount } = detail;
  return { source, versionId, sha256, importedAt, publishedAt, entryCount };
}

/** The active version of every source that has one, in source order. */
export async function activeListVersionDetails(db: Executor): Promise<ListVersionDetail[]> {
  const found = await db
    .select()
    .from(sanctionsListVersions)
    .where(eq(sanctionsListVersions.active, true))
    .orderBy(asc(sanctionsListVersions.source));
  return found.map(versionDetail);
}

/** The active version of every source that has one: what screening uses and records. */
export async function activeListVersions(db: Executor): Promise<ListVersionSummary[]> {
  return (await activeListVersionDetails(db)).map(summary);
}

type EntryRow = { source: SanctionsSource; entryId: string; type: SanctionsEntry['type']; data: unknown };

function toEntry(row: EntryRow): SanctionsEntry {
  const data = row.data as Omit<SanctionsEntry, 'source' | 'id' | 'type'>;
  return { ...data, source: row.source, id: row.entryId, type: row.type };
}

/** Every entry of the active versions (of `sources`, or of all), for the screening index. */
export async function loadActiveEntries(
  db: Executor,
  sources?: readonly SanctionsSource[],
): Promise<SanctionsEntry[]> {
  if (sources && sources.length === 0) return [];
  const conditions = [eq(sanctionsListVersions.active, true)];
  if (sources) conditions.push(inArray(sanctionsListVersions.source, [...sources]));
  const found = await db
    .select({
      source: sanctionsListVersions.source,
      entryId: sanctionsEntries.entryId,
      type: sanctionsEntries.type,
      data: sanctionsEntries.data,
    })
    .from(sanctionsEntries)
    .innerJoin(sanctionsListVersions, eq(sanctionsEntries.versionId, sanctionsListVersions.id))
    .where(and(...conditions))
    .orderBy(asc(sanctionsListVersions.source), asc(sanctionsEntries.entryId));
  return found.map(toEntry);
}

/** The version of the same source imported just before `version`, if any. */
export async function predecessorVersion(db: Executor, version: VersionRow): Promise<VersionRow | undefined> {
  const [previous] = await db
    .select()
    .from(sanctionsListVersions)
    .where(
      and(
        eq(sanctionsListVersions.source, version.source),
        or(
          lt(sanctionsListVersions.importedAt, version.importedAt),
          and(
            eq(sanctionsListVersions.importedAt, version.importedAt),
            lt(sanctionsListVersions.id, version.id),
          ),
        ),
      ),
    )
    .orderBy(desc(sanctionsListVersions.importedAt), desc(sanctionsListVersions.id))
    .limit(1);
  return previous;
}

/**
 * The entries a version added or changed against its predecessor (all of them for a first
 * version): what continuous screening runs against the active beneficiaries.
 */
export async function entriesOfVersionDelta(db: Executor, versionId: string): Promise<SanctionsEntry[]> {
  const [version] = await db
    .select()
    .from(sanctionsListVersions)
    .where(eq(sanctionsListVersions.id, versionId))
    .limit(1);
  if (!version) return [];
  const previous = await predecessorVersion(db, version);
  const before = new Map<string, string>();
  if (previous) {
    const old = await db
      .select({ entryId: sanctionsEntries.entryId, contentSha256: sanctionsEntries.contentSha256 })
      .from(sanctionsEntries)
      .where(eq(sanctionsEntries.versionId, previous.id));
    for (const row of old) before.set(row.entryId, row.contentSha256);
  }
  const current = await db
    .select()
    .from(sanctionsEntries)
    .where(eq(sanctionsEntries.versionId, versionId))
    .orderBy(asc(sanctionsEntries.entryId));
  return current
    .filter((row) => before.get(row.entryId) !== row.contentSha256)
    .map((row) => toEntry({ source: version.source, entryId: row.entryId, type: row.type, data: row.data }));
}

/** The most recent import attempts, newest first. */
export async function listImports(
  db: Executor,
  options: { limit: number; source?: SanctionsSource },
): Promise<ImportAttempt[]> {
  const found = await db
    .select()
    .from(sanctionsImports)
    .where(options.source ? eq(sanctionsImports.source, options.source) : undefined)
    .orderBy(desc(sanctionsImports.createdAt), desc(sanctionsImports.id))
    .limit(options.limit);
  return found.map((row) => ({
    id: row.id,
    source: row.source,
    trigger: row.trigger,
    origin: row.origin,
    status: row.status,
    sha256: row.sha256,
    versionId: row.versionId,
    errorCode: row.errorCode,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
  }));
}
