import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../core/errors.ts';
import {
  assertCaseAllows,
  CASE_ACTIONS,
  CASE_STATUSES,
  type CaseAction,
  type CaseStatus,
  isUndecided,
} from './case-status.ts';

function allows(status: CaseStatus, action: CaseAction): boolean {
  try {
    assertCaseAllows(status, action);
    return true;
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).code).toBe('case_state_conflict');
    expect((error as GatewayError).details).toMatchObject({ caseStatus: status, action });
    return false;
  }
}

describe('which status allows which officer action', () => {
  it('is exactly: release and reject from open, approve and decline from release_requested', () => {
    const allowed = CASE_STATUSES.flatMap((status) =>
      CASE_ACTIONS.filter((action) => allows(status, action)).map((action) => `${status}:${action}`),
    );
    expect(allowed.sort()).toEqual(
      [
        'open:release',
        'open:reject',
        'release_requested:approve_release',
        'release_requested:decline_release',
      ].sort(),
    );
  });

  it('names the status an action needs', () => {
    expect(() => assertCaseAllows('released', 'approve_release')).toThrow(
      /needs a case that is release_requested/,
    );
  });

  it('counts open and release_requested as undecided, nothing else', () => {
    expect(CASE_STATUSES.filter(isUndecided)).toEqual(['open', 'release_requested']);
  });
});
