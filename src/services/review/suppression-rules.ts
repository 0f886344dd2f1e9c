/**
 * The rules of a suppression that need no database: how long one may last, and which status a
 * stored one has at a given time.
 */
import { GatewayError } from '../../core/errors.ts';

/** A false positive is looked at again at least once a year. */
export const MAX_SUPPRESSION_DAYS = 365;
const DAY_MS = 86_400_000;

export type SuppressionStatus = 'active' | 'expired' | 'revoked' | 'entry_changed';

/** Throws `validation_failed` unless `expiresAt` is after `now` and at most MAX_SUPPRESSION_DAYS ahead. */
export function checkSuppressionExpiry(expiresAt: Date, now: Date): void {
  const problem = Number.isNaN(expiresAt.getTime())
    ? 'is not a timestamp'
    : expiresAt.getTime() <= now.getTime()
      ? 'must be in the future'
      : expiresAt.getTime() > now.getTime() + MAX_SUPPRESSION_DAYS * DAY_MS
        ? `may be at most ${MAX_SUPPRESSION_DAYS} days ahead`
        : undefined;
  if (problem === undefined) return;
  throw new GatewayError('validation_failed', `body expiresAt: ${problem}.`, {
    details: {
      errors: [{ in: 'body', path: 'expiresAt', message: problem, code: 'validation_failed' }],
    },
  });
}

/** Revoked wins over expired, expired over a changed entry: the first reason it stopped applying. */
export function suppressionStatus(
  row: { revokedAt: Date | null; expiresAt: Date },
  entryUnchanged: boolean,
  now: Date,
): SuppressionStatus {
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return entryUnchanged ? 'active' : 'entry_changed';
}

/** `ofac:36` → `{ source: 'ofac', entryId: '36' }`; the id may itself contain colons. */
export function splitEntityId(entityId: string): { source: string; entryId: string } {
  const at = entityId.indexOf(':');
  return { source: entityId.slice(0, at), entryId: entityId.slice(at + 1) };
}
