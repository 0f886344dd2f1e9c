/**
 * Turns a failed zod validation into a GatewayError with a stable code: the first refinement that
 * carries a code of its own (`params.code`), `unknown_field` for unknown keys, otherwise
 * `validation_failed`. Messages name fields, never their values; a key that does not look like a
 * field name is not echoed either.
 */
import type { Context } from 'hono';
import type { ZodError } from 'zod';
import { type ErrorCode, GatewayError, isErrorCode } from '../core/errors.ts';

type Issue = ZodError['issues'][number];

function issueCode(issue: Issue): ErrorCode {
  if (issue.code === 'custom') {
    const code = (issue as { params?: { code?: unknown } }).params?.code;
    if (typeof code === 'string' && isErrorCode(code)) return code;
  }
  if (issue.code === 'unrecognized_keys') return 'unknown_field';
  return 'validation_failed';
}

/**
 * A key as the caller wrote it when it looks like a field name; any other key (an e-mail address,
 * a name with spaces, a number sent as a key) may be data itself and is not echoed.
 */
const FIELD_NAME = /^[A-Za-z_$][A-Za-z0-9_$-]{0,63}$/;
const fieldName = (key: PropertyKey) =>
  typeof key === 'number'
    ? String(key)
    : typeof key === 'string' && FIELD_NAME.test(key)
      ? key
      : '[redacted]';

function issuePath(issue: Issue): string {
  if (issue.code === 'unrecognized_keys') return issue.keys.map(fieldName).join(',');
  return issue.path.map(fieldName).join('.') || '(root)';
}

function issueMessage(issue: Issue): string {
  if (issue.code !== 'unrecognized_keys') return issue.message;
  const keys = issue.keys.map((key) => JSON.stringify(fieldName(key)));
  return `Unrecognized key${keys.length > 1 ? 's' : ''}: ${keys.join(', ')}`;
}

export function validationError(target: string, error: ZodError, c: Context): GatewayError {
  if (target === 'header') {
    const key = c.req.header('idempotency-key');
    return key === undefined
      ? new GatewayError(
          'idempotency_key_missing',
          'The Idempotency-Key header is required for this operation.',
        )
      : new GatewayError(
          'idempotency_key_invalid',
          'The Idempotency-Key header must be 1 to 255 visible ASCII characters.',
        );
  }
  const errors = error.issues.map((issue) => ({
    in: target === 'json' ? 'body' : target,
    path: issuePath(issue),
    message: issueMessage(issue),
    code: issueCode(issue),
  }));
  const specific = errors.find((item) => item.code !== 'validation_failed');
  const code = specific?.code ?? 'validation_failed';
  const first = specific ?? errors[0];
  const summary = first
    ? `${first.in} ${first.path}: ${first.message.replace(/\.$/, '')}.`
    : 'The request is not valid.';
  return new GatewayError(code, summary, { details: { errors } });
}
