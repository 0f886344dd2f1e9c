/**
 * What every list parser shares: the one way to refuse a file (`sanctions_file_invalid` naming the
 * file, the line or entry and a stable reason), and the final check that turns collected entries
 * into a `ParsedSanctionsList` — never an empty or half-read list.
 */
import { GatewayError } from '../../../core/errors.ts';
import type {
  ListedBirthDate,
  ListedCountry,
  ListedIdentifier,
  ListedName,
  ParsedSanctionsList,
  SanctionsEntry,
  SanctionsSource,
} from '../../../ports/sanctions.ts';

export type SanctionsRejectReason =
  | 'empty_file'
  | 'encoding_invalid'
  | 'csv_unterminated_quote'
  | 'csv_stray_quote'
  | 'column_count'
  | 'id_invalid'
  | 'duplicate_id'
  | 'unknown_entry'
  | 'type_invalid'
  | 'name_missing'
  | 'xml_invalid'
  | 'root_invalid'
  | 'no_entries';

export interface RejectWhere {
  /** File name as the publisher names it (`sdn.csv`, `consolidated.xml`). */
  file: string;
  /** 1-based line, as an editor shows it. */
  line?: number;
  /** The list's own id of the entry at fault. */
  entry?: string;
}

/** The error for a file that cannot be loaded; the message says what and where, never personal data. */
export function rejectFile(reason: SanctionsRejectReason, message: string, where: RejectWhere): GatewayError {
  const place = [
    where.file,
    where.line !== undefined ? `line ${where.line}` : undefined,
    where.entry !== undefined ? `entry ${where.entry}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  const details: Record<string, unknown> = { reason, file: where.file };
  if (where.line !== undefined) details.line = where.line;
  if (where.entry !== undefined) details.entry = where.entry;
  return new GatewayError('sanctions_file_invalid', `${place}: ${message}`, { details });
}

/** Collapses white space (publishers wrap long values over lines) and trims. */
export function clean(value: unknown): string {
  if (value === undefined || value === null) return '';
  return String(value).replace(/\s+/g, ' ').trim();
}

/** Adds an item unless an equal one (by `key`) is already there; keeps the publisher's order. */
function pushUnique<T>(list: T[], item: T, key: (value: T) => string): void {
  const wanted = key(item);
  if (!list.some((existing) => key(existing) === wanted)) list.push(item);
}

/** Mutable parts of an entry while a parser reads it; `build()` freezes it into a `SanctionsEntry`. */
export class EntryBuilder {
  readonly names: ListedName[] = [];
  readonly birthDates: ListedBirthDate[] = [];
  readonly countries: ListedCountry[] = [];
  readonly identifiers: ListedIdentifier[] = [];
  readonly programs: string[] = [];
  listedOn: string | undefined;
  remarks: string | undefined;

  constructor(
    readonly source: SanctionsSource,
    readonly id: string,
    public type: SanctionsEntry['type'],
  ) {}

  name(name: ListedName): void {
    const full = clean(name.full);
    if (!full) return;
    const value: ListedName = { ...name, full };
    if (value.given !== undefined) value.given = clean(value.given) || undefined;
    if (value.family !== undefined) value.family = clean(value.family) || undefined;
    for (const key of ['quality', 'given', 'family'] as const)
      if (value[key] === undefined) delete value[key];
    // A name published twice (as primary and again as an alias) stays once, with its first role.
    pushUnique(this.names, value, (item) => item.full.toLowerCase());
  }

  birthDate(date: ListedBirthDate | undefined): void {
    if (!date) return;
    pushUnique(
      this.birthDates,
      date,
      (item) => `${item.date ?? ''}|${item.fromYear ?? ''}|${item.toYear ?? ''}`,
    );
  }

  country(code: string | undefined, kind: ListedCountry['kind']): void {
    if (!code) return;
    pushUnique(this.countries, { code, kind }, (item) => `${item.code}|${item.kind}`);
  }

  identifier(type: string, number: string, country?: string): void {
    const cleanType = clean(type);
    const cleanNumber = clean(number).replace(/[.,;]+$/, '');
    if (!cleanType || !cleanNumber) return;
    const value: ListedIdentifier = { type: cleanType, number: cleanNumber };
    if (country) value.country = country;
    pushUnique(this.identifiers, value, (item) => `${item.type}|${item.number}|${item.country ?? ''}`);
  }

  program(name: string): void {
    const value = clean(name);
    if (value && !this.programs.includes(value)) this.programs.push(value);
  }

  build(): SanctionsEntry {
    const entry: SanctionsEntry = {
      source: this.source,
      id: this.id,
      type: this.type,
      // The primary name first, whatever order the publisher wrote the names in.
      names: [
        ...this.names.filter((n) => n.kind === 'primary'),
        ...this.names.filter((n) => n.kind !== 'primary'),
      ],
      birthDates: this.birthDates,
      countries: this.countries,
      identifiers: this.identifiers,
      programs: this.programs,
    };
    if (this.listedOn) entry.listedOn = this.listedOn;
    const remarks = clean(this.remarks);
    if (remarks) entry.remarks = remarks;
    return entry;
  }
}

/**
 * The finished list. Refuses a list without entries, an entry without a name and a duplicate id:
 * each means the file is not the one the publisher meant.
 */
export function finishList(
  source: SanctionsSource,
  file: string,
  entries: SanctionsEntry[],
  publishedAt?: string,
): ParsedSanctionsList {
  if (entries.length === 0) throw rejectFile('no_entries', 'the file lists no entries', { file });
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.id))
      throw rejectFile('duplicate_id', 'the same id is listed twice', { file, entry: entry.id });
    seen.add(entry.id);
    if (entry.names.length === 0)
      throw rejectFile('name_missing', 'the entry has no name', { file, entry: entry.id });
  }
  const list: ParsedSanctionsList = { source, entries };
  if (publishedAt) list.publishedAt = publishedAt;
  return list;
}

/** `YYYY-MM-DD` when `value` starts with a valid calendar date (UN writes `2008-04-07-04:00`). */
export function isoDate(value: string | undefined): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(clean(value));
  if (!match) return undefined;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCDate() === Number(day) && date.getUTCMonth() === Number(month) - 1
    ? `${year}-${month}-${day}`
    : undefined;
}

/** An ISO timestamp for a publisher's generation date, or undefined when it does not parse. */
export function isoTimestamp(value: string | undefined): string | undefined {
  const text = clean(value);
  if (!text) return undefined;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** A birth year range "about Y" covers one year either side. */
export function circaYear(year: number): ListedBirthDate {
  return { fromYear: year - 1, toYear: year + 1 };
}

/** True when the text has letters outside the Latin script (Arabic, Cyrillic, CJK, …). */
export function isNonLatin(text: string): boolean {
  return /\p{L}/u.test(text) && /[^\p{Script=Latin}\p{P}\p{Z}\p{N}\p{M}\p{S}]/u.test(text);
}
