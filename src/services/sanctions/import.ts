/**
 * Atomic import of a sanctions list: hash the bytes, parse them completely, then in one transaction
 * write the version and its entries, count what was added, changed and removed against the active
 * version, and make the new one active. Content already active is `unchanged` (no new version).
 * Every attempt is logged in `sanctions_imports`; a failure leaves the active version as it was.
 */
import { and, eq, sql } from 'drizzle-orm';
import { canonicalJson, sha256Hex } from '../../core/canonical-json.ts';
import { GatewayError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Database, Executor } from '../../db/database.ts';
import { sanctionsEntries, sanctionsImports, sanctionsListVersions } from '../../db/schema.ts';
import type { ParsedSanctionsList, SanctionsEntry, SanctionsSource } from '../../ports/sanctions.ts';
import { recordAudit } from '../audit/audit.ts';
import { LIST_FILE_NAMES, ofacFileSet, parseSanctionsFiles, type SanctionsFiles } from './parsers/index.ts';
import { OFAC_FILE_NAMES } from './parsers/ofac.ts';
import { type ListVersionDetail, versionDetail } from './versions.ts';

export {
  activeListVersionDetails,
  activeListVersions,
  entriesOfVersionDelta,
  type ImportAttempt,
  type ListVersionDetail,
  type ListVersionSummary,
  listImports,
  loadActiveEntries,
} from './versions.ts';

export type ImportTrigger = 'file' | 'refresh' | 'demo';

export interface ImportInput {
  source: SanctionsSource;
  /** OFAC: its CSV files by publisher name (`sdn.csv` required); the others: the file's bytes. */
  files: SanctionsFiles;
  trigger: ImportTrigger;
  /** File name or URL the list came from (a local directory part is dropped). */
  origin: string;
  /** Who imported it: a user id, `cli:<os user>`, `system:refresh`, `system:demo`. */
  actor: string;
  now: Date;
}

export interface ImportOutcome {
  status: 'loaded' | 'unchanged';
  version: ListVersionDetail;
  importId: string;
  nameCount: number;
  added: number;
  changed: number;
  removed: number;
}

/** Rows per INSERT: about 3,000 bind parameters, well inside PostgreSQL's limit of 65,535. */
const ENTRY_BATCH = 500;
const MAX_ERROR_LENGTH = 500;

/**
 * SHA-256 of what was imported. One file: its bytes. OFAC: every file present, in the fixed order
 * sdn, alt, add, comments, each preceded by its name and length, so that moving bytes from one
 * file to another changes the hash.
 */
export async function sanctionsFilesSha256(source: SanctionsSource, files: SanctionsFiles): Promise<string> {
  if (source !== 'ofac') {
    const bytes = files instanceof Uint8Array ? files : Object.values(files)[0];
    return sha256Hex(bytes ?? new Uint8Array());
  }
  const set = ofacFileSet(files);
  const parts: Uint8Array[] = [];
  const encoder = new TextEncoder();
  for (const key of ['sdn', 'alt', 'add', 'comments'] as const) {
    const bytes = set[key];
    if (!bytes) continue;
    parts.push(encoder.encode(`${OFAC_FILE_NAMES[key]}\n${bytes.length}\n`), bytes);
  }
  const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return sha256Hex(joined);
}

/** A URL keeps origin and path; a local path keeps its file name only (no directory layout in the database). */
export function originName(origin: string): string {
  // A URL without its query: the EU's download token must not land in the database.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(origin)) {
    try {
      const url = new URL(origin);
      return `${url.origin}${url.pathname}`.slice(0, 500);
    } catch {
      return 'unparseable URL';
    }
  }
  const parts = origin.split(/[\\/]/).filter(Boolean);
  return (parts[parts.length - 1] ?? origin).slice(0, 200) || 'unnamed';
}

/** The last path segment of an origin (`un.xml` of `fixture:un.xml` or of a URL), for messages. */
function fileNameOf(origin: string): string | undefined {
  const name = origin
    .replace(/^fixture:/, '')
    .split('/')
    .filter(Boolean)
    .pop();
  return name && /\.[a-z]{3,4}$/i.test(name) ? name : undefined;
}

interface EntryRow {
  entryId: string;
  type: SanctionsEntry['type'];
  primaryName: string;
  data: Omit<SanctionsEntry, 'source' | 'id' | 'type'>;
  contentSha256: string;
}

async function entryRows(list: ParsedSanctionsList): Promise<EntryRow[]> {
  return Promise.all(
    list.entries.map(async (entry) => {
      const { source: _source, id, type, ...data } = entry;
      return {
        entryId: id,
        type,
        primaryName: entry.names.find((name) => name.kind === 'primary')?.full ?? entry.names[0]?.full ?? '',
        data,
        // Type and content, not the source: the same entry in two versions hashes the same.
        contentSha256: await sha256Hex(canonicalJson({ id, type, ...data })),
      };
    }),
  );
}

/**
 * One INSERT per batch with the rows as one JSON parameter: on PGlite about three times faster
 * than binding six parameters per row, and the same on PostgreSQL.
 */
async function insertEntries(tx: Executor, versionId: string, batch: EntryRow[]): Promise<void> {
  const json = JSON.stringify(
    batch.map((row) => ({
      entry_id: row.entryId,
      type: row.type,
      primary_name: row.primaryName,
      data: row.data,
      content_sha256: row.contentSha256,
    })),
  );
  await tx.execute(sql`
    insert into sanctions_entries (version_id, entry_id, type, primary_name, data, content_sha256)
    select ${versionId}, r.entry_id, r.type, r.primary_name, r.data, r.content_sha256
    from jsonb_to_recordset(${json}::jsonb)
      as r(entry_id text, type text, primary_name text, data jsonb, content_sha256 text)`);
}

async function activeVersion(tx: Executor, source: SanctionsSource) {
  const [row] = await tx
    .select()
    .from(sanctionsListVersions)
    .where(and(eq(sanctionsListVersions.source, source), eq(sanctionsListVersions.active, true)))
    .limit(1);
  return row;
}

function differences(
  before: Map<string, string>,
  rows: EntryRow[],
): { added: number; changed: number; removed: number } {
  let added = 0;
  let changed = 0;
  for (const row of rows) {
    const old = before.get(row.entryId);
    if (old === undefined) added += 1;
    else if (old !== row.contentSha256) changed += 1;
  }
  const now = new Set(rows.map((row) => row.entryId));
  let removed = 0;
  for (const id of before.keys()) if (!now.has(id)) removed += 1;
  return { added, changed, removed };
}

async function recordUnchanged(
  db: Executor,
  input: ImportInput,
  origin: string,
  current: typeof sanctionsListVersions.$inferSelect,
): Promise<ImportOutcome> {
  const importId = newId('sanctionsImport', input.now.getTime());
  await db.insert(sanctionsImports).values({
    id: importId,
    source: input.source,
    trigger: input.trigger,
    origin,
    sha256: current.sha256,
    status: 'unchanged',
    versionId: current.id,
    actor: input.actor,
    createdAt: input.now,
  });
  const version = versionDetail(current);
  return {
    status: 'unchanged',
    version,
    importId,
    nameCount: version.nameCount,
    added: 0,
    changed: 0,
    removed: 0,
  };
}

/** Records an attempt that failed (download, file or database); the active version is untouched. */
export async function recordFailedSanctionsImport(
  db: Executor,
  meta: { source: SanctionsSource; trigger: ImportTrigger; origin: string; actor: string; now: Date },
  error: unknown,
  sha256: string | null = null,
): Promise<void> {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  await db.insert(sanctionsImports).values({
    id: newId('sanctionsImport', meta.now.getTime()),
    source: meta.source,
    trigger: meta.trigger,
    origin: originName(meta.origin),
    sha256,
    status: 'failed',
    errorCode: error instanceof GatewayError || typeof code === 'string' ? String(code) : 'internal_error',
    error: message.slice(0, MAX_ERROR_LENGTH),
    actor: meta.actor,
    createdAt: meta.now,
  });
}

async function store(
  db: Database,
  input: ImportInput,
  origin: string,
  sha256: string,
  list: ParsedSanctionsList,
  rows: EntryRow[],
): Promise<ImportOutcome> {
  return db.transaction(async (tx) => {
    // One import per source at a time, across processes: a second one waits and then compares.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`pontis.sanctions_import.${input.source}`}))`,
    );
    const current = await activeVersion(tx, input.source);
    // Another process loaded the same bytes while this one was parsing.
    if (current && current.sha256 === sha256) return recordUnchanged(tx, input, origin, current);

    const before = new Map<string, string>();
    if (current) {
      const old = await tx
        .select({ entryId: sanctionsEntries.entryId, contentSha256: sanctionsEntries.contentSha256 })
        .from(sanctionsEntries)
        .where(eq(sanctionsEntries.versionId, current.id));
      for (const row of old) before.set(row.entryId, row.contentSha256);
    }
    const counts = differences(before, rows);
    const versionId = newId('sanctionsVersion', input.now.getTime());
    const nameCount = list.entries.reduce((sum, entry) => sum + entry.names.length, 0);
    await tx.insert(sanctionsListVersions).values({
      id: versionId,
      source: input.source,
      sha256,
      publishedAt: list.publishedAt ? new Date(list.publishedAt) : null,
      importedAt: input.now,
      importedBy: input.actor,
      trigger: input.trigger,
      origin,
      entryCount: list.entries.length,
      nameCount,
      ...counts,
      active: false,
    });
    for (let start = 0; start < rows.length; start += ENTRY_BATCH)
      await insertEntries(tx, versionId, rows.slice(start, start + ENTRY_BATCH));
    // The partial unique index allows one active version per source: retire the old one first.
    if (current) {
      await tx
        .update(sanctionsListVersions)
        .set({ active: false, supersededAt: input.now })
        .where(eq(sanctionsListVersions.id, current.id));
    }
    const [activated] = await tx
      .update(sanctionsListVersions)
      .set({ active: true })
      .where(eq(sanctionsListVersions.id, versionId))
      .returning();
    if (!activated) throw new Error('the new sanctions list version disappeared before activation');
    const importId = newId('sanctionsImport', input.now.getTime());
    await tx.insert(sanctionsImports).values({
      id: importId,
      source: input.source,
      trigger: input.trigger,
      origin,
      sha256,
      status: 'loaded',
      versionId,
      actor: input.actor,
      createdAt: input.now,
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'sanctions_list.loaded',
      subjectType: 'sanctions_list',
      subjectId: versionId,
      fromState: current?.id ?? null,
      toState: 'active',
      data: {
        source: input.source,
        sha256,
        trigger: input.trigger,
        origin,
        entryCount: list.entries.length,
        ...counts,
      },
      now: input.now,
    });
    return { status: 'loaded' as const, version: versionDetail(activated), importId, nameCount, ...counts };
  });
}

/**
 * Imports one list. Throws `sanctions_file_invalid` (or the database's error) after recording the
 * failed attempt; the previously active version then stays active.
 */
export async function importSanctionsList(db: Database, input: ImportInput): Promise<ImportOutcome> {
  const origin = originName(input.origin);
  let sha256: string | null = null;
  try {
    sha256 = await sanctionsFilesSha256(input.source, input.files);
    // The bytes of the active version were parsed when it was loaded: no need to parse them again.
    const current = await activeVersion(db, input.source);
    if (current && current.sha256 === sha256) return await recordUnchanged(db, input, origin, current);
    // Parsed completely before the database is written: a bad file never half-loads.
    const list = parseSanctionsFiles(input.source, input.files, fileNameOf(origin));
    const rows = await entryRows(list);
    return await store(db, input, origin, sha256, list, rows);
  } catch (error) {
    // The caller needs the import's own error; a log row that cannot be written must not replace it.
    await recordFailedSanctionsImport(db, { ...input, origin }, error, sha256).catch(() => undefined);
    throw error;
  }
}

/** The file name a list is known by when it arrives as bytes without one. */
export function defaultOrigin(source: SanctionsSource): string {
  return source === 'ofac' ? OFAC_FILE_NAMES.sdn : LIST_FILE_NAMES[source];
}
