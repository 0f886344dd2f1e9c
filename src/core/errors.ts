/**
 * The one error type of the gateway and its closed set of codes.
 *
 * Domain code throws `GatewayError(code, detail)`; only the HTTP layer turns it into a response
 * (RFC 9457 problem+json). Every code has exactly one HTTP status so that clients can rely on it.
 * Messages and details must never contain personal data or secrets: they are sent to callers and
 * may be logged.
 */

export const ERROR_CATALOGUE = {
  // --- request shape -----------------------------------------------------------------------
  invalid_json: { status: 400, title: 'Malformed JSON', fix: 'Send a syntactically valid JSON body.' },
  validation_failed: {
    status: 400,
    title: 'Request validation failed',
    fix: 'Correct the fields listed in `errors`.',
  },
  unknown_field: {
    status: 400,
    title: 'Unknown field',
    fix: 'Remove the fields listed in `errors`; request bodies are strict.',
  },
  currency_unknown: {
    status: 400,
    title: 'Unknown currency',
    fix: 'Use an active ISO 4217 currency code in upper case, for example "EUR".',
  },
  amount_invalid: {
    status: 400,
    title: 'Invalid amount',
    fix: 'Send the amount as a positive decimal string such as "1234.50".',
  },
  amount_not_positive: {
    status: 400,
    title: 'Amount must be greater than zero',
    fix: 'Send a positive amount; zero and negative amounts are not accepted.',
  },
  amount_too_precise: {
    status: 400,
    title: 'Amount has more decimals than its currency',
    fix: 'Send no more decimal places than the currency has (EUR 2, JPY 0, KWD 3).',
  },
  amount_out_of_range: {
    status: 422,
    title: 'Amount out of range',
    fix: 'Send an amount within the limits given in `details`.',
  },
  cursor_invalid: {
    status: 400,
    title: 'Invalid pagination cursor',
    fix: 'Use the `id` of an object from a previous page as `starting_after`.',
  },
  body_too_large: { status: 413, title: 'Request body too large', fix: 'Send a body of at most 64 KiB.' },
  unsupported_media_type: {
    status: 415,
    title: 'Unsupported media type',
    fix: 'Send the body as JSON with `Content-Type: application/json`.',
  },
  idempotency_key_missing: {
    status: 400,
    title: 'Idempotency-Key header missing',
    fix: 'Send an `Idempotency-Key` header (1 to 255 visible ASCII characters), unique per operation.',
  },
  idempotency_key_invalid: {
    status: 400,
    title: 'Idempotency-Key header invalid',
    fix: 'Use 1 to 255 visible ASCII characters (a UUID is a good choice).',
  },
  // --- authentication and authorisation ------------------------------------------------------
  unauthenticated: {
    status: 401,
    title: 'Authentication required',
    fix: 'Send `Authorization: Bearer <token>` with a valid, unexpired token.',
  },
  forbidden: {
    status: 403,
    title: 'Not allowed for your role',
    fix: 'Ask an administrator for a role that may call this operation.',
  },
  // --- partner message signatures (RFC 9421, detached JWS); each refusal writes nothing --------
  signature_missing: {
    status: 401,
    title: 'Signature missing',
    fix: 'Sign the request: RFC 9421 `Signature-Input` and `Signature` headers, or `x-jws-signature`, as your agreement with the gateway says (docs/partner-integration.md).',
  },
  signature_malformed: {
    status: 401,
    title: 'Signature headers malformed',
    fix: 'Send `Signature-Input` and `Signature` as RFC 8941 dictionaries with the same label, or `x-jws-signature` as `<protected>..<signature>` with the required header parameters.',
  },
  signature_algorithm_refused: {
    status: 401,
    title: 'Signature algorithm refused',
    fix: "Sign with your registered key's algorithm (ed25519, ecdsa-p256-sha256 / ES256, rsa-pss-sha512 / PS256); `none` and shared-secret algorithms are never accepted.",
  },
  signature_key_unknown: {
    status: 401,
    title: 'Unknown signing key',
    fix: 'Use the `keyid` (or JWS `kid`) of a key registered for your agency (`pontis partners list`).',
  },
  signature_key_mismatch: {
    status: 401,
    title: 'Key belongs to another partner',
    fix: 'Sign with one of your own keys; the key named belongs to a different partner agency than the one the request claims.',
  },
  signature_key_not_active: {
    status: 401,
    title: 'Signing key not active yet',
    fix: 'The key is registered with a later activation time; keep signing with the current key until then.',
  },
  signature_key_retired: {
    status: 401,
    title: 'Signing key retired',
    fix: 'The key was retired; sign with your current key or register a new one.',
  },
  certificate_expired: {
    status: 401,
    title: 'Certificate expired',
    fix: "The agency seal's certificate is past its validity; register the renewed certificate.",
  },
  certificate_not_yet_valid: {
    status: 401,
    title: 'Certificate not yet valid',
    fix: "The agency seal's certificate is not valid yet; check its notBefore and the signer's clock.",
  },
  certificate_revoked: {
    status: 401,
    title: 'Certificate revoked',
    fix: "The agency seal's certificate is on its issuer's revocation list; register a new certificate.",
  },
  signature_expired: {
    status: 401,
    title: 'Signature too old',
    fix: 'Sign every request afresh: `created` (JWS `iat`) must be within the last 60 seconds, or the window your agreement sets.',
  },
  signature_not_yet_valid: {
    status: 401,
    title: 'Signature created in the future',
    fix: "`created` (JWS `iat`) lies in the future; synchronise the signer's clock (NTP).",
  },
  signature_replayed: {
    status: 401,
    title: 'Nonce already used',
    fix: 'Use a fresh random `nonce` (JWS `jti`) for every request, including retries.',
  },
  signature_invalid: {
    status: 401,
    title: 'Signature does not verify',
    fix: 'Sign the exact bytes you send, the exact target URI, method and headers listed in `Signature-Input`, with the key named by `keyid`.',
  },
  content_digest_mismatch: {
    status: 401,
    title: 'Content-Digest does not match the body',
    fix: 'Compute `Content-Digest` (sha-256 or sha-512, RFC 9530) over the exact body bytes you send.',
  },
  signature_coverage_insufficient: {
    status: 401,
    title: 'Signature covers too little',
    fix: 'Cover at least `@method`, `@target-uri`, `content-type` and, with a body, `content-digest`; give `created`, `keyid`, `nonce` and `tag="fapi-2-request"`.',
  },
  signature_parameter_unknown: {
    status: 401,
    title: 'Unknown signature parameter',
    fix: 'Remove signature parameters (or JWS critical header parameters) the gateway does not define; `details.parameter` names it.',
  },
  partner_key_invalid: {
    status: 422,
    title: 'Partner key refused',
    fix: 'Register a public key: PEM (SPKI), JWK or JWKS of Ed25519, EC P-256 or RSA of at least 2048 bits, or the agency’s PEM certificate with key usage digitalSignature. Never send a private key.',
  },
  certificate_untrusted: {
    status: 422,
    title: 'Certificate not trusted',
    fix: "The certificate does not chain to a trust anchor of the partner's jurisdiction; add the issuing CA with `pontis partners trust-anchor add`, or send the full chain.",
  },
  crl_invalid: {
    status: 422,
    title: 'Revocation list refused',
    fix: 'Load an unmodified CRL (PEM or DER) signed by a registered trust anchor; nothing was changed.',
  },
  partner_not_found: {
    status: 404,
    title: 'Partner not found',
    fix: 'Use the id of a registered partner agency.',
  },
  partner_key_not_found: {
    status: 404,
    title: 'Partner key not found',
    fix: "Use the `kid` of one of the partner's keys (`pontis partners list`).",
  },
  partner_conflict: {
    status: 409,
    title: 'Partner or key already exists',
    fix: 'A key id is unique across partners and a partner belongs to one jurisdiction; choose another `kid` or check the partner id.',
  },
  callback_not_found: {
    status: 404,
    title: 'Callback not found',
    fix: 'Use an event id from GET /v1/callbacks.',
  },
  // --- routing -------------------------------------------------------------------------------
  not_found: { status: 404, title: 'Not found', fix: 'Check the path and the identifier.' },
  method_not_allowed: {
    status: 405,
    title: 'Method not allowed',
    fix: 'Use one of the methods listed in the `Allow` header.',
  },
  // --- business rules ------------------------------------------------------------------------
  jurisdiction_unknown: {
    status: 422,
    title: 'Unknown or disabled jurisdiction',
    fix: 'Use a jurisdiction listed by the gateway.',
  },
  corridor_unsupported: {
    status: 422,
    title: 'Corridor not supported',
    fix: 'Quote between the home jurisdiction and a partner jurisdiction, in their currencies.',
  },
  fx_rate_unavailable: {
    status: 422,
    title: 'No exchange rate available',
    fix: 'Try a currency pair the gateway has a reference rate for.',
  },
  fx_rate_stale: {
    status: 422,
    title: 'Exchange rate too old',
    fix: 'The newest reference rate is older than the corridor allows; wait for the next rate refresh, or ask a compliance officer to set a manual rate for the corridor.',
  },
  fx_file_invalid: {
    status: 400,
    title: 'Rate file rejected',
    fix: 'Load an unmodified ECB file (eurofxref-hist.csv, eurofxref-hist.zip or eurofxref-daily.xml); `details` names the line and column at fault. Nothing from the file was loaded.',
  },
  manual_rate_invalid: {
    status: 422,
    title: 'Manual rate refused',
    fix: "Give a positive rate for the corridor's currency pair, a validity window that ends after it starts and within the allowed length, and a rate within the allowed deviation from the reference rate.",
  },
  manual_rate_not_found: {
    status: 404,
    title: 'Manual rate not found',
    fix: 'List the manual rates with GET /v1/fx/manual-rates and use an `id` from there.',
  },
  calendar_not_covered: {
    status: 422,
    title: 'Date outside the business calendar',
    fix: "The settlement calendar of the jurisdiction does not cover this date yet; an operator must install an adapter version with the new year's calendar.",
  },
  identifier_scheme_unknown: {
    status: 404,
    title: 'Unknown identifier scheme',
    fix: 'Use one of the schemes listed for the jurisdiction in GET /v1/jurisdictions/{code}.',
  },
  creditor_reference_invalid: {
    status: 400,
    title: 'Creditor reference base rejected',
    fix: 'Give 1 to 21 letters or digits; the gateway adds "RF" and the two check digits (ISO 11649).',
  },
  quote_not_found: { status: 422, title: 'Quote not found', fix: 'Request a new quote and use its `id`.' },
  quote_expired: {
    status: 422,
    title: 'Quote expired',
    fix: 'Request a new quote; a quote is valid until its `expiresAt`.',
  },
  quote_used: {
    status: 409,
    title: 'Quote already used',
    fix: 'A quote is single use; request a new quote for a new transfer.',
  },
  idempotency_conflict: {
    status: 409,
    title: 'Idempotency-Key reused with a different request',
    fix: 'Use a new Idempotency-Key for a different request, or resend the original body.',
  },
  invalid_state_transition: {
    status: 409,
    title: 'Invalid state transition',
    fix: 'Reload the object; its state no longer allows this operation.',
  },
  // --- personal data -------------------------------------------------------------------------
  person_invalid: {
    status: 422,
    title: 'Personal data rejected',
    fix: 'Correct the fields listed in `errors`; the values themselves are never repeated in the answer.',
  },
  consent_required: {
    status: 422,
    title: 'Consent required',
    fix: 'Record the person’s consent for this purpose (POST /v1/privacy/subjects/{id}/consents) with the text version named in `consent`, then retry.',
  },
  processing_restricted: {
    status: 409,
    title: 'Processing restricted',
    fix: 'The person’s data is restricted (an erasure request under a retention obligation); nothing new may be processed for them.',
  },
  data_subject_not_found: {
    status: 404,
    title: 'Data subject not found',
    fix: 'Search by national identifier (POST /v1/privacy/subjects/search) for the subject id.',
  },
  data_subject_erased: {
    status: 410,
    title: 'Personal data destroyed',
    fix: 'The person’s data key was destroyed (erasure or end of retention); nothing about them can be read or changed.',
  },
  data_subject_conflict: {
    status: 409,
    title: 'Identifier belongs to another person',
    fix: 'Another data subject already has this national identifier; check both records before correcting.',
  },
  consent_not_found: {
    status: 404,
    title: 'Consent not found',
    fix: 'Use a consent id listed in GET /v1/privacy/subjects/{id}.',
  },
  consent_withdrawn: {
    status: 409,
    title: 'Consent already withdrawn',
    fix: 'A withdrawn consent stays withdrawn; record a new consent if the person gives it again.',
  },
  // --- screening, AML and review ---------------------------------------------------------------
  sanctions_source_unknown: {
    status: 400,
    title: 'Unknown sanctions list',
    fix: 'Name one of the lists the gateway imports: ofac, un, eu or uk.',
  },
  sanctions_file_invalid: {
    status: 422,
    title: 'Sanctions list file is invalid',
    fix: 'Import the complete file as the publisher provides it; the previous version stays active meanwhile.',
  },
  screening_unavailable: {
    status: 503,
    title: 'Screening is not available',
    fix: 'Import the sanctions lists (`pontis sanctions import`) and retry.',
  },
  case_not_found: {
    status: 404,
    title: 'Compliance case not found',
    fix: 'Use the id of a case from `GET /v1/compliance/cases`.',
  },
  case_state_conflict: {
    status: 409,
    title: 'The case is not in a state that allows this',
    fix: 'Read the case again; `details` gives its current status.',
  },
  four_eyes_required: {
    status: 409,
    title: 'A second officer must approve',
    fix: 'Ask another compliance officer to approve; nobody approves their own request.',
  },
  suppression_not_found: {
    status: 404,
    title: 'Suppression not found',
    fix: 'Use the id of a suppression from `GET /v1/compliance/suppressions`.',
  },
  rule_parameters_invalid: {
    status: 422,
    title: 'AML rule parameters are invalid',
    fix: 'Keep every parameter within the bounds the jurisdiction declares (listed in `errors`).',
  },
  rule_set_not_found: {
    status: 404,
    title: 'AML rule set not found',
    fix: 'Use the id of a rule set version from `GET /v1/aml/rule-sets`.',
  },
  rule_set_state_conflict: {
    status: 409,
    title: 'The rule set is not in a state that allows this',
    fix: 'Read the rule set again; `details` gives its current status.',
  },
  // --- server side ---------------------------------------------------------------------------
  ledger_unbalanced: {
    status: 500,
    title: 'Ledger journal does not balance',
    fix: 'Nothing was written. Report the request id to the operator.',
  },
  configuration_invalid: {
    status: 500,
    title: 'Gateway configuration invalid',
    fix: 'The operator must correct the configuration named in the message and restart.',
  },
  privacy_key_unavailable: {
    status: 500,
    title: 'Key-encryption key unavailable',
    fix: 'The operator must configure the key-encryption key named in the message (PONTIS_KEKS) and restart.',
  },
  internal_error: {
    status: 500,
    title: 'Internal error',
    fix: 'Nothing was written. Retry later, with the same Idempotency-Key where there is one.',
  },
  database_in_use: {
    status: 503,
    title: 'Embedded database in use',
    fix: 'Stop the other Pontis process using the data directory, or use a shared PostgreSQL (DATABASE_URL).',
  },
  service_unavailable: {
    status: 503,
    title: 'Service unavailable',
    fix: 'A dependency (the database) is not reachable. Retry later.',
  },
} as const satisfies Record<string, { status: number; title: string; fix: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_CATALOGUE, value);
}

export interface GatewayErrorOptions {
  cause?: unknown;
  /** Extension members of the problem document (RFC 9457 §3.2). No personal data. */
  details?: Record<string, unknown>;
  /** Extra response headers, for example `Allow` on 405. */
  headers?: Record<string, string>;
}

export class GatewayError extends Error {
  override readonly name = 'GatewayError';
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(code: ErrorCode, message?: string, options: GatewayErrorOptions = {}) {
    super(message ?? ERROR_CATALOGUE[code].title, { cause: options.cause });
    this.code = code;
    this.details = options.details;
    this.headers = options.headers;
  }

  get status(): number {
    return ERROR_CATALOGUE[this.code].status;
  }
}

export function isGatewayError(value: unknown): value is GatewayError {
  return value instanceof GatewayError;
}
