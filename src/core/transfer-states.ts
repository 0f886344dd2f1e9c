/**
 * The transfer state machine: one table, the only source of truth for which state may follow
 * which. `src/services/transfers/transitions.ts` is the only code that writes a state, and it
 * asks this table first.
 *
 *   received → screening → held ⇄ (released | rejected) → approved → reserved → submitted → settled
 *   exits: rejected, expired (quote or hold timed out), returned (rail sent it back), failed
 */
import { GatewayError } from './errors.ts';

export const TRANSFER_STATES = [
  'received',
  'screening',
  'held',
  'released',
  'approved',
  'reserved',
  'submitted',
  'settled',
  'rejected',
  'expired',
  'returned',
  'failed',
] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];

export const INITIAL_TRANSFER_STATE: TransferState = 'received';

export const TRANSFER_TRANSITIONS: Readonly<Record<TransferState, readonly TransferState[]>> = {
  received: ['screening', 'rejected', 'expired'],
  screening: ['approved', 'held', 'rejected'],
  held: ['released', 'rejected', 'expired'],
  released: ['approved', 'held'],
  approved: ['reserved', 'expired'],
  reserved: ['submitted', 'expired'],
  submitted: ['settled', 'returned', 'failed'],
  // A settled credit transfer can still come back from the rail (an R-transaction).
  settled: ['returned'],
  rejected: [],
  expired: [],
  returned: [],
  failed: [],
};

export function isTransferState(value: string): value is TransferState {
  return (TRANSFER_STATES as readonly string[]).includes(value);
}

export function isTerminal(state: TransferState): boolean {
  return TRANSFER_TRANSITIONS[state].length === 0;
}

export function canTransition(from: TransferState, to: TransferState): boolean {
  return TRANSFER_TRANSITIONS[from].includes(to);
}

/** Throws `invalid_state_transition` unless `from → to` is in the table. */
export function assertTransition(from: TransferState, to: TransferState): void {
  if (!canTransition(from, to)) {
    throw new GatewayError('invalid_state_transition', `A transfer cannot move from ${from} to ${to}.`, {
      details: { from, to, allowed: TRANSFER_TRANSITIONS[from] },
    });
  }
}
