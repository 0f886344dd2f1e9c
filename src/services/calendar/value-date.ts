/**
 * Execution and value dates of a transfer between two rails.
 *
 * Semantics:
 * - The instruction is executed on the SOURCE rail (the payer's side). Take the source-local date
 *   and time of `at` in `source.cutOff.timeZone`. If that date is a source business day and the
 *   local time is strictly before the cut-off (`source.cutOff.time`), the execution date is that
 *   date; otherwise (cut-off reached or passed, or a closed day) it is the next source business day
 *   after that date. At exactly the cut-off minute (15:00:00 for a 15:00 cut-off) the cut-off has
 *   passed.
 * - `cutOffPassed` says whether the source-local time is at or after the cut-off on the local date,
 *   whether or not that date is a business day.
 * - The value date is `source.settlementDays` source business days after the execution date
 *   (`addBusinessDays`, so 0 means the execution date itself), then moved forward to the first date
 *   on or after it that is a business day of the TARGET calendar: the beneficiary's rail must be
 *   open to credit the funds.
 * - Every date consulted must lie within the calendars' covered years, otherwise
 *   `calendar_not_covered` (no guessing).
 */
import type { SettlementPolicy } from '../../ports/settlement.ts';
import {
  addBusinessDays,
  isBusinessDay,
  localDateTime,
  minutesOfDay,
  nextBusinessDay,
} from './business-calendar.ts';

export interface SettlementDatesInput {
  /** When the instruction is given. */
  at: Date;
  /** The payer's rail: its cut-off, settlement lag and calendar decide the execution date. */
  source: SettlementPolicy;
  /** The beneficiary's rail: its calendar must be open on the value date. */
  target: SettlementPolicy;
}

export interface SettlementDates {
  /** Date the source rail executes the instruction ('YYYY-MM-DD'). */
  executionDate: string;
  /** Date the funds are value-dated to the beneficiary ('YYYY-MM-DD'). */
  valueDate: string;
  /** Whether the source-local time at `at` is at or after the source cut-off. */
  cutOffPassed: boolean;
  /** The source cut-off, e.g. "15:00 Europe/Berlin". */
  cutOff: string;
}

/** A rail's cut-off as people read it: "15:00 Europe/Berlin". */
export function describeCutOff(cutOff: SettlementPolicy['cutOff']): string {
  return `${cutOff.time} ${cutOff.timeZone}`;
}

export function settlementDates({ at, source, target }: SettlementDatesInput): SettlementDates {
  const { time, timeZone } = source.cutOff;
  const local = localDateTime(at, timeZone);
  const cutOffPassed = local.minutes >= minutesOfDay(time);
  const executionDate =
    !cutOffPassed && isBusinessDay(source.calendar, local.date)
      ? local.date
      : addBusinessDays(source.calendar, local.date, 1);
  const sourceValueDate = addBusinessDays(source.calendar, executionDate, source.settlementDays);
  const valueDate = nextBusinessDay(target.calendar, sourceValueDate);
  return { executionDate, valueDate, cutOffPassed, cutOff: describeCutOff(source.cutOff) };
}
