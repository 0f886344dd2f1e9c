/**
 * The statuses of a compliance case, and which officer action each one allows. A transfer case
 * mirrors its transfer: `open` ↔ held, `release_requested` ↔ released (waiting for the second
 * officer), `released` ↔ approved, `rejected`, `expired`. A continuous-screening alert moves no
 * money: cleared by two officers it is `closed`, confirmed it is `rejected`.
 */
import { GatewayError } from '../../core/errors.ts';

export const CASE_KINDS = ['transfer_hold', 'continuous_screening'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_STATUSES = [
  'open',
  'release_requested',
  'released',
  'rejected',
  'expired',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_PRIORITIES = ['normal', 'high'] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];

/** The work queue: cases that still wait for an officer. */
export const UNDECIDED_STATUSES: readonly CaseStatus[] = ['open', 'release_requested'];

export const CASE_ACTIONS = ['release', 'approve_release', 'decline_release', 'reject'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** The one status each action starts from. */
const ACTION_STARTS_FROM: Readonly<Record<CaseAction, CaseStatus>> = {
  release: 'open',
  approve_release: 'release_requested',
  decline_release: 'release_requested',
  reject: 'open',
};

export function isUndecided(status: CaseStatus): boolean {
  return UNDECIDED_STATUSES.includes(status);
}

/** Throws `case_state_conflict` unless a case in `status` allows `action`; `details` says why. */
export function assertCaseAllows(status: CaseStatus, action: CaseAction): void {
  const required = ACTION_STARTS_FROM[action];
  if (status === required) return;
  throw new GatewayError(
    'case_state_conflict',
    `The case is ${status}; ${action.replace('_', ' ')} needs a case that is ${required}.`,
    { details: { caseStatus: status, action, requiredStatus: required } },
  );
}
