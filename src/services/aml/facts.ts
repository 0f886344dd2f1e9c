/**
 * The facts AML rules decide on: the transfer's partner-side amount and its EUR equivalent, the
 * linked history (earlier transfers of the same person or account, as ages and amounts), the
 * person's countries as codes, which travel-rule fields were present, the benefit checks and the
 * screening outcome. The rules are pure functions of parameters and facts; the facts are stored
 * with each decision so that a simulation replays exactly what the rules saw. Nothing in them
 * names, identifies or dates a person.
 */
import type { ScreeningSummary } from './types.ts';

/** How far back the linked history reaches: the longest window any parameter may set. */
export const HISTORY_DAYS = 90;
/** At most this many linked transfers are kept, newest first (`historyTruncated` says so). */
export const HISTORY_LIMIT = 1000;
export const FACTS_VERSION = 1;

export interface HistoryItem {
  /** Seconds from this earlier transfer to the one decided (0: the same instant). */
  ageSeconds: number;
  /** Partner-side amount in minor units of the partner currency; null when paid in another currency. */
  amountMinor: string | null;
  purpose: 'contribution' | 'benefit';
  /** Linked through the same person (`aml_pseudonym`) and/or the same account (`account_pseudonym`). */
  samePerson: boolean;
  sameAccount: boolean;
  /**
   * Stand-ins for that transfer's person and account, numbered within these facts (0 is the
   * decided transfer's own); null when it named none. They count distinct persons and accounts
   * without keeping who or which.
   */
  person: number | null;
  account: number | null;
}

/** Which travel-rule fields a party came with (an institution registered with the gateway has all). */
export interface PartyFields {
  kind: 'person' | 'institution';
  name: boolean;
  account: boolean;
  /** An address with its country. */
  address: boolean;
  nationalIdentifier: boolean;
  /** The gateway's customer number for the person (their data-subject id). */
  customerNumber: boolean;
  birthDate: boolean;
  /** Not collected by the gateway: always false for a person. */
  birthPlace: boolean;
}

export interface AmlFacts {
  version: typeof FACTS_VERSION;
  purpose: 'contribution' | 'benefit';
  /** The UTC day the rules compare dates on (FATF listings, life certificate, death). */
  date: string;
  /** The amount on the partner's side: paid in it for a contribution, received in it for a benefit. */
  partner: { currency: string; amountMinor: string };
  /** The EUR equivalent rounded to the cent, and where the rate came from; null when no rate was known. */
  eur: { amount: string | null; rateSource: 'same_currency' | 'quote' | 'ecb' | 'demo-table' | null };
  hasPerson: boolean;
  hasAccount: boolean;
  history: HistoryItem[];
  historyTruncated: boolean;
  /** The person's countries: of the address, of the IBAN, of the identifier's scheme. */
  countries: { code: string; source: 'address' | 'iban' | 'identifier' }[];
  travelRule: { payer: PartyFields; beneficiary: PartyFields };
  /** Benefit checks, for a benefit naming a person; null otherwise. */
  benefit: {
    lifeCertificate: { status: 'valid' | 'expired' | 'missing'; daysExpired: number | null };
    death: { reported: boolean; payoutOnOrAfter: boolean };
    /** Other transfers (not rejected) of the same person, benefit type and period. */
    samePeriodTransfers: number;
  } | null;
  screening: ScreeningSummary['parties'];
}

export const SECONDS_PER_DAY = 86_400;

/** History items within a rolling window of `seconds` ending at the decision (the start excluded). */
export function within(items: readonly HistoryItem[], seconds: number): HistoryItem[] {
  return items.filter((item) => item.ageSeconds >= 0 && item.ageSeconds < seconds);
}

/** The decided transfer's amount in minor units. */
export function currentAmount(facts: AmlFacts): bigint {
  return BigInt(facts.partner.amountMinor);
}

/** The sum of the items' amounts paid in the partner currency, in minor units. */
export function sumOf(items: readonly HistoryItem[]): bigint {
  return items.reduce((sum, item) => (item.amountMinor === null ? sum : sum + BigInt(item.amountMinor)), 0n);
}

/** Transfers linked to this one through its person or its account. */
export function linked(items: readonly HistoryItem[]): HistoryItem[] {
  return items.filter((item) => item.samePerson || item.sameAccount);
}
