import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../core/errors.ts';
import {
  checkSuppressionExpiry,
  MAX_SUPPRESSION_DAYS,
  splitEntityId,
  suppressionStatus,
} from './suppression-rules.ts';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

function expiryProblem(expiresAt: Date): string | undefined {
  try {
    checkSuppressionExpiry(expiresAt, NOW);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).code).toBe('validation_failed');
    const errors = (error as GatewayError).details?.errors as { path: string; message: string }[];
    expect(errors[0]?.path).toBe('expiresAt');
    return errors[0]?.message;
  }
}

describe('suppression expiry', () => {
  it('accepts a time after now up to the maximum, and nothing else', () => {
    expect(expiryProblem(days(1))).toBeUndefined();
    expect(expiryProblem(days(MAX_SUPPRESSION_DAYS))).toBeUndefined();
    expect(expiryProblem(new Date(days(MAX_SUPPRESSION_DAYS).getTime() + 1))).toBe(
      `may be at most ${MAX_SUPPRESSION_DAYS} days ahead`,
    );
    expect(expiryProblem(NOW)).toBe('must be in the future');
    expect(expiryProblem(days(-3))).toBe('must be in the future');
    expect(expiryProblem(new Date('not a date'))).toBe('is not a timestamp');
  });
});

describe('suppression status', () => {
  const live = { revokedAt: null, expiresAt: days(30) };

  it('is active only while unrevoked, unexpired and the entry unchanged', () => {
    expect(suppressionStatus(live, true, NOW)).toBe('active');
    expect(suppressionStatus(live, false, NOW)).toBe('entry_changed');
    expect(suppressionStatus(live, true, days(30))).toBe('expired');
    expect(suppressionStatus({ ...live, revokedAt: days(1) }, true, days(2))).toBe('revoked');
  });

  it('names the first reason it stopped applying', () => {
    expect(suppressionStatus({ revokedAt: days(1), expiresAt: days(2) }, false, days(5))).toBe('revoked');
    expect(suppressionStatus(live, false, days(40))).toBe('expired');
  });
});

describe('entity ids', () => {
  it('split at the first colon', () => {
    expect(splitEntityId('ofac:36')).toEqual({ source: 'ofac', entryId: '36' });
    expect(splitEntityId('uk:RUS:0042')).toEqual({ source: 'uk', entryId: 'RUS:0042' });
  });
});
