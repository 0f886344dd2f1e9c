import { describe, expect, it } from 'vitest';
import { GatewayError } from './errors.ts';
import {
  assertTransition,
  canTransition,
  INITIAL_TRANSFER_STATE,
  isTerminal,
  TRANSFER_STATES,
  TRANSFER_TRANSITIONS,
  type TransferState,
} from './transfer-states.ts';

function reachableFrom(start: TransferState): Set<TransferState> {
  const seen = new Set<TransferState>([start]);
  const queue: TransferState[] = [start];
  while (queue.length > 0) {
    const state = queue.shift() as TransferState;
    for (const next of TRANSFER_TRANSITIONS[state]) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

describe('transfer state machine', () => {
  it('reaches every state from the initial one', () => {
    expect([...reachableFrom(INITIAL_TRANSFER_STATE)].sort()).toEqual([...TRANSFER_STATES].sort());
  });

  it('has exactly the documented exits as terminal states', () => {
    expect(TRANSFER_STATES.filter(isTerminal).sort()).toEqual(['expired', 'failed', 'rejected', 'returned']);
  });

  it('can reach a terminal state from every state', () => {
    for (const state of TRANSFER_STATES) {
      expect([...reachableFrom(state)].some(isTerminal), state).toBe(true);
    }
  });

  it('follows the happy path of the architecture', () => {
    const path: TransferState[] = ['received', 'screening', 'approved', 'reserved', 'submitted', 'settled'];
    for (let i = 1; i < path.length; i += 1) {
      expect(canTransition(path[i - 1] as TransferState, path[i] as TransferState)).toBe(true);
    }
  });

  it('refuses anything outside the table with invalid_state_transition', () => {
    let checked = 0;
    for (const from of TRANSFER_STATES) {
      for (const to of TRANSFER_STATES) {
        if (canTransition(from, to)) continue;
        checked += 1;
        try {
          assertTransition(from, to);
          expect.unreachable(`${from} → ${to}`);
        } catch (error) {
          expect(error).toBeInstanceOf(GatewayError);
          expect((error as GatewayError).code).toBe('invalid_state_transition');
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(() => assertTransition('settled', 'received')).toThrow(GatewayError);
    expect(() => assertTransition('received', 'received')).toThrow(GatewayError);
  });
});
