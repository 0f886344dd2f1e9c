/**
 * The one place where errors become responses: RFC 9457 `application/problem+json` with `type`,
 * `title`, `status`, `code`, `detail` and `instance` (the request id). Unknown errors become a 500
 * whose body says nothing about the cause; the log gets the error's class and SQLSTATE only.
 * Every body is redacted (`core/redaction.ts`) before it is sent.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ERROR_CATALOGUE, GatewayError, isGatewayError } from '../core/errors.ts';
import { redactDeep } from '../core/redaction.ts';
import { causeChain, type DriverError, driverError } from '../db/driver-errors.ts';
import type { AppEnv } from './context.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const UNAVAILABLE_DRIVER_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);

/**
 * Socket failures that carry no code: workerd's `connect()` rejects with a bare Error ("proxy
 * request failed, cannot connect to the specified address", "Network connection lost"). The
 * message is only matched here, never logged or returned.
 */
const SOCKET_FAILURE =
  /cannot connect|network connection lost|connection (refused|reset|closed|lost)|socket hang up/i;

function isDatabaseUnreachable(error: unknown): boolean {
  return causeChain(error).some(
    (item) =>
      item instanceof Error &&
      typeof (item as DriverError).code !== 'string' &&
      SOCKET_FAILURE.test(item.message),
  );
}

const unavailable = (cause: unknown) =>
  new GatewayError('service_unavailable', 'The database is not available right now.', {
    cause,
    headers: { 'Retry-After': '1' },
  });

/** Maps anything thrown to a GatewayError; unknown errors become `internal_error`. */
export function toGatewayError(error: unknown): GatewayError {
  if (isGatewayError(error)) return error;
  if (error instanceof HTTPException) {
    if (error.status === 413)
      return new GatewayError('body_too_large', 'The request body is larger than 64 KiB.');
    if (error.status === 415) return new GatewayError('unsupported_media_type', 'The body must be JSON.');
    if (error.status === 400) return new GatewayError('invalid_json', 'The request body is not valid JSON.');
    if (error.status === 401) return new GatewayError('unauthenticated');
    if (error.status === 404) return new GatewayError('not_found');
  }
  const driver = driverError(error);
  if (driver) {
    const sqlstate = driver.code;
    const constraint = driver.constraint_name ?? driver.constraint;
    if (constraint === 'postings_journal_balanced') {
      return new GatewayError('ledger_unbalanced', 'A journal did not balance; nothing was written.', {
        cause: error,
      });
    }
    // Connection failures (class 08), shutdown (57P), too many connections, serialisation failures.
    if (
      UNAVAILABLE_DRIVER_CODES.has(sqlstate) ||
      sqlstate.startsWith('08') ||
      sqlstate.startsWith('57P') ||
      sqlstate === '53300' ||
      sqlstate === '40001' ||
      sqlstate === '40P01'
    ) {
      return unavailable(error);
    }
  }
  if (isDatabaseUnreachable(error)) return unavailable(error);
  return new GatewayError('internal_error', 'An unexpected error occurred.', { cause: error });
}

/** What may be logged about an error: its class and SQLSTATE, never a message with data in it. */
export function errorFingerprint(error: unknown): Record<string, unknown> {
  const driver = driverError(error);
  const name = error instanceof Error ? error.name : typeof error;
  return {
    errorClass: name,
    ...(driver ? { sqlstate: driver.code, constraint: driver.constraint_name ?? driver.constraint } : {}),
    // Only the `at …` frames: the stack's first lines repeat the message, which may carry data.
    ...(error instanceof Error && !driver && error.stack
      ? {
          stack: error.stack
            .split('\n')
            .filter((line) => line.trimStart().startsWith('at '))
            .slice(0, 5)
            .join('\n'),
        }
      : {}),
  };
}

export function problemTypeUrl(c: Context<AppEnv>, code: string): string {
  const base = c.get('deps')?.publicUrl ?? new URL(c.req.url).origin;
  return `${base}/problems/${code}`;
}

/**
 * Fields of a problem that come from the catalogue or the gateway, never from the caller: they get
 * the pattern backstop only, so that a personal value cannot garble a problem's `code` or `type`.
 * (`in` and `code` of the entries of `errors` too.)
 */
export const PROBLEM_CATALOGUE_FIELDS: ReadonlySet<string> = new Set([
  'type',
  'title',
  'status',
  'code',
  'instance',
  'requestId',
  'in',
]);

/**
 * The problem for an error, redacted: every string the caller may have put there (detail,
 * details, `errors` paths and messages) loses the personal values the request carried and
 * anything that looks like an IBAN, an e-mail address or a phone number. Strings are redacted
 * inside the object, so the serialised body is always valid JSON.
 */
export function problemBody(c: Context<AppEnv>, error: GatewayError) {
  const entry = ERROR_CATALOGUE[error.code];
  const requestId = c.get('requestId') ?? 'unknown';
  const detail = error.message === entry.title ? entry.fix : `${error.message} ${entry.fix}`;
  return redactDeep(
    {
      // Extension members first: a detail named like a standard member cannot replace it.
      ...(error.details ?? {}),
      type: problemTypeUrl(c, error.code),
      title: entry.title,
      status: entry.status,
      code: error.code,
      detail,
      instance: `urn:pontis:request:${requestId}`,
      requestId,
    },
    c.get('personalValues') ?? [],
    PROBLEM_CATALOGUE_FIELDS,
  );
}

export function problemResponse(c: Context<AppEnv>, error: GatewayError): Response {
  const headers = new Headers({ 'Content-Type': PROBLEM_CONTENT_TYPE, ...(error.headers ?? {}) });
  if (error.code === 'unauthenticated') headers.set('WWW-Authenticate', 'Bearer realm="pontis"');
  const requestId = c.get('requestId');
  if (requestId) headers.set('X-Request-Id', requestId);
  return new Response(JSON.stringify(problemBody(c, error)), { status: error.status, headers });
}
