/**
 * Business-day arithmetic on a `BusinessCalendar` (data, see `src/ports/settlement.ts`).
 *
 * Dates are ISO calendar dates ('YYYY-MM-DD') without a time zone; all arithmetic is done on UTC
 * day numbers, so the host's local time zone and its DST changes never shift a date. A date whose
 * year is outside the calendar's `coveredYears` is refused with `calendar_not_covered` rather than
 * guessed — also when a search for the next business day runs past the last covered year.
 *
 * Quotes call these functions per request, so each calendar's day sets are built once and cached
 * in a WeakMap keyed by the calendar object.
 */
import { GatewayError } from '../../core/errors.ts';
import type { BusinessCalendar } from '../../ports/settlement.ts';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface CompiledCalendar {
  readonly calendar: BusinessCalendar;
  readonly businessWeekdays: ReadonlySet<number>;
  readonly closing: ReadonlySet<number>;
  readonly open: ReadonlySet<number>;
}

const compiled = new WeakMap<BusinessCalendar, CompiledCalendar>();

/** Days since 1970-01-01 of an ISO date; throws RangeError on a malformed or impossible date. */
export function toDayNumber(date: string): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`Not a calendar date: ${date}`);
  }
  return ms / MS_PER_DAY;
}

/** The ISO date of a day number. */
export function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number. 1970-01-01 was a Thursday (4). */
function isoWeekday(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

function yearOf(dayNumber: number): number {
  return new Date(dayNumber * MS_PER_DAY).getUTCFullYear();
}

function compile(calendar: BusinessCalendar): CompiledCalendar {
  let entry = compiled.get(calendar);
  if (!entry) {
    entry = {
      calendar,
      businessWeekdays: new Set(calendar.businessDays),
      closing: new Set(calendar.closingDays.map(toDayNumber)),
      open: new Set(calendar.openDays.map(toDayNumber)),
    };
    compiled.set(calendar, entry);
  }
  return entry;
}

function assertCovered(calendar: BusinessCalendar, dayNumber: number): void {
  const year = yearOf(dayNumber);
  if (year < calendar.coveredYears.from || year > calendar.coveredYears.to) {
    throw new GatewayError('calendar_not_covered', `Calendar ${calendar.id} does not cover ${year}`, {
      details: { calendar: calendar.id, year },
    });
  }
}

function isBusinessDayNumber(c: CompiledCalendar, dayNumber: number): boolean {
  assertCovered(c.calendar, dayNumber);
  if (c.closing.has(dayNumber)) return false;
  if (c.open.has(dayNumber)) return true;
  return c.businessWeekdays.has(isoWeekday(dayNumber));
}

/** First business day on or after `dayNumber`. */
function nextBusinessDayNumber(c: CompiledCalendar, dayNumber: number): number {
  let d = dayNumber;
  while (!isBusinessDayNumber(c, d)) d += 1;
  return d;
}

/** Whether `date` is a business day of `calendar`. Throws `calendar_not_covered` outside its years. */
export function isBusinessDay(calendar: BusinessCalendar, date: string): boolean {
  return isBusinessDayNumber(compile(calendar), toDayNumber(date));
}

/** The first business day on or after `date`. */
export function nextBusinessDay(calendar: BusinessCalendar, date: string): string {
  return fromDayNumber(nextBusinessDayNumber(compile(calendar), toDayNumber(date)));
}

/** The last business day on or before `date`. */
export function latestBusinessDay(calendar: BusinessCalendar, date: string): string {
  const c = compile(calendar);
  let d = toDayNumber(date);
  while (!isBusinessDayNumber(c, d)) d -= 1;
  return fromDayNumber(d);
}

/**
 * The `n`-th business day after `date` (n ≥ 0, an integer). For n = 0, `nextBusinessDay(date)`:
 * a business day itself, or the first one after it.
 */
export function addBusinessDays(calendar: BusinessCalendar, date: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  const c = compile(calendar);
  let d = toDayNumber(date);
  assertCovered(calendar, d);
  if (n === 0) return fromDayNumber(nextBusinessDayNumber(c, d));
  for (let i = 0; i < n; i += 1) d = nextBusinessDayNumber(c, d + 1);
  return fromDayNumber(d);
}

/**
 * The number of business days d with `fromExclusive` < d ≤ `toInclusive`; negative (the count of
 * the reversed interval) when `toInclusive` is before `fromExclusive`.
 */
export function businessDaysBetween(
  calendar: BusinessCalendar,
  fromExclusive: string,
  toInclusive: string,
): number {
  const c = compile(calendar);
  const from = toDayNumber(fromExclusive);
  const to = toDayNumber(toInclusive);
  assertCovered(calendar, from);
  assertCovered(calendar, to);
  const [low, high, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let d = low + 1; d <= high; d += 1) if (isBusinessDayNumber(c, d)) count += 1;
  return sign * count;
}

export interface LocalDateTime {
  /** Local calendar date, 'YYYY-MM-DD'. */
  date: string;
  /** Local wall-clock time, 'HH:MM' (00:00–23:59). */
  time: string;
  /** Minutes since local midnight (0–1439). */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The wall-clock date and time of `instant` in the IANA `timeZone` (DST included, via the ICU time
 * zone data of `Intl`). Throws RangeError for an unknown time zone.
 */
export function localDateTime(instant: Date, timeZone: string): LocalDateTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const year = (parts.year ?? '').padStart(4, '0');
  const hour = parts.hour === '24' ? '00' : (parts.hour ?? '');
  const minute = parts.minute ?? '';
  const date = `${year}-${parts.month}-${parts.day}`;
  return { date, time: `${hour}:${minute}`, minutes: Number(hour) * 60 + Number(minute) };
}

/** Minutes since midnight of an 'HH:MM' time. */
export function minutesOfDay(time: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`Not a time (HH:MM): ${JSON.stringify(time)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * Consistency problems of a calendar's data (empty when sound): dates malformed, outside
 * `coveredYears`, not strictly ascending (so also duplicates), closing days on weekly rest days
 * (redundant), open days on regular business days (redundant), or a date both closed and open.
 */
export function calendarDataProblems(calendar: BusinessCalendar): string[] {
  const problems: string[] = [];
  const weekdays = new Set(calendar.businessDays);
  const { from, to } = calendar.coveredYears;
  if (from > to) problems.push(`coveredYears ${from}–${to} is empty`);
  const check = (list: readonly string[], name: 'closingDays' | 'openDays'): Set<number> => {
    const days = new Set<number>();
    let previous = Number.NEGATIVE_INFINITY;
    for (const date of list) {
      let day: number;
      try {
        day = toDayNumber(date);
      } catch {
        problems.push(`${name}: ${date} is not a date`);
        continue;
      }
      const year = yearOf(day);
      if (year < from || year > to) problems.push(`${name}: ${date} is outside ${from}–${to}`);
      if (day <= previous) problems.push(`${name}: ${date} is not after the previous date`);
      previous = day;
      const businessWeekday = weekdays.has(isoWeekday(day));
      if (name === 'closingDays' && !businessWeekday) problems.push(`${name}: ${date} is a rest day`);
      if (name === 'openDays' && businessWeekday) problems.push(`${name}: ${date} is not a rest day`);
      days.add(day);
    }
    return days;
  };
  const closing = check(calendar.closingDays, 'closingDays');
  for (const day of check(calendar.openDays, 'openDays')) {
    if (closing.has(day)) problems.push(`${fromDayNumber(day)} is both a closing and an open day`);
  }
  return problems;
}
