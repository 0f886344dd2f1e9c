import { describe, expect, it } from 'vitest';
import { HOLD_TIMEOUT_ACTIONS } from '../../ports/aml.ts';
import { timeoutOutcome } from './timeouts.ts';

const policy = (onTimeout: (typeof HOLD_TIMEOUT_ACTIONS)[number]) => ({ timeoutHours: 72, onTimeout });
const openCase = { priority: 'normal', status: 'open', transferId: 'tr_x' } as const;

describe('what a timed-out hold becomes', () => {
  it('follows the jurisdiction policy for an open, normal case', () => {
    for (const action of HOLD_TIMEOUT_ACTIONS) expect(timeoutOutcome(openCase, policy(action))).toBe(action);
  });

  it('always escalates a high-priority case: frozen funds are never returned by a timeout', () => {
    for (const action of HOLD_TIMEOUT_ACTIONS) {
      expect(timeoutOutcome({ ...openCase, priority: 'high' }, policy(action))).toBe('escalate');
    }
  });

  it('escalates a case waiting for its second officer, an alert, and a jurisdiction without policy', () => {
    expect(timeoutOutcome({ ...openCase, status: 'release_requested' }, policy('expire'))).toBe('escalate');
    expect(timeoutOutcome({ ...openCase, transferId: null }, policy('reject'))).toBe('escalate');
    expect(timeoutOutcome(openCase, undefined)).toBe('escalate');
  });
});
