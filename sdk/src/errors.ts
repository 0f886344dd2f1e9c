/**
 * The single error type of the partner SDK: every refusal carries a machine-readable reason, so a
 * gateway can map it to its HTTP error code without parsing messages (which never contain header
 * values or body content, only names of components and parameters).
 */

/** Why a signature, digest or JWS was refused. */
export type SignatureFailure =
  | 'missing'
  | 'malformed'
  | 'algorithm_refused'
  | 'key_unknown'
  | 'expired'
  | 'not_yet_valid'
  | 'invalid'
  | 'digest_mismatch'
  | 'coverage_insufficient'
  | 'parameter_unknown'
  | 'component_missing';

/** A refused signature, digest or detached JWS; `reason` is stable, `message` is for people. */
export class SignatureError extends Error {
  constructor(
    readonly reason: SignatureFailure,
    message: string,
  ) {
    super(message);
    this.name = 'SignatureError';
  }
}

/** True when `error` is a {@link SignatureError}, optionally with the given reason. */
export function isSignatureError(error: unknown, reason?: SignatureFailure): error is SignatureError {
  return error instanceof SignatureError && (reason === undefined || error.reason === reason);
}
