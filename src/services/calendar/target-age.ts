/**
 * How old an ECB euro foreign exchange reference rate is, counted in TARGET business days.
 *
 * The ECB publishes its reference rates on every TARGET business day at around 16:00 CET/CEST
 * (Frankfurt). A rate dated D is therefore the newest one possible until the next TARGET business
 * day's publication time. The age is:
 *
 *   the number of TARGET business days d with rateDate < d < today (Frankfurt date of `at`),
 *   plus 1 if today is a TARGET business day after rateDate and the Frankfurt time is at or after
 *   `ECB_PUBLICATION_TIME` (today's rate could exist by then).
 *
 * So a Friday rate is age 0 on Friday evening, over the weekend and on Monday before 16:00, and
 * age 1 from Monday 16:00. A rate dated after `at` (clock skew) has age 0.
 */
import { target2Calendar } from '../../../adapters/_shared/target2-calendar.ts';
import type { BusinessCalendar } from '../../ports/settlement.ts';
import {
  businessDaysBetween,
  isBusinessDay,
  localDateTime,
  minutesOfDay,
  toDayNumber,
} from './business-calendar.ts';

/** Frankfurt local time at which the ECB reference rates of the day are published. */
export const ECB_PUBLICATION_TIME = '16:00';
/** The ECB fixes its rates in Frankfurt: "today" for a published rate is the Frankfurt date. */
export const ECB_TIME_ZONE = 'Europe/Berlin';

/** The Frankfurt date of an instant: the newest day whose ECB rates can exist. */
export function ecbDate(at: Date): string {
  return localDateTime(at, ECB_TIME_ZONE).date;
}

export function rateAgeInTargetDays(
  rateDate: string,
  at: Date,
  calendar: BusinessCalendar = target2Calendar,
): number {
  const now = localDateTime(at, ECB_TIME_ZONE);
  const rateDay = toDayNumber(rateDate);
  const today = toDayNumber(now.date);
  if (today <= rateDay) return 0;
  // Business days strictly between: (rateDate, today] minus today itself when it is one.
  const todayIsBusinessDay = isBusinessDay(calendar, now.date);
  const between = businessDaysBetween(calendar, rateDate, now.date) - (todayIsBusinessDay ? 1 : 0);
  const publishedToday = todayIsBusinessDay && now.minutes >= minutesOfDay(ECB_PUBLICATION_TIME);
  return between + (publishedToday ? 1 : 0);
}
