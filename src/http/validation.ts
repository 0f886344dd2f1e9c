/**
 * Turns a failed zod validation into a GatewayError with a stable code: the first refinement that
 * carries a code of its own (`params.code`), `unknown_field` for unknown keys, otherwise
 * `validation_failed`. Messages name fields, never their values.
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

function issuePath(issue: Issue): string {
  if (issue.code === 'unrecognized_keys') return issue.keys.join(',');
  return issue.path.map(String).join('.') || '(root)';
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
    message: issue.message,
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
