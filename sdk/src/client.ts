/**
 * A typed client for partner agencies: signs each request (RFC 9421 with Content-Digest, or a
 * detached JWS), sends it, and verifies the gateway's response signature and its binding to the
 * request before handing the body back; plus the check a partner's server runs on callbacks.
 */
import { httpAlgorithmForJwk, importPrivateKey, importPublicKey, jwsAlgorithmForJwk } from './algorithms.ts';
import { contentDigest, verifyContentDigest } from './content-digest.ts';
import { importJwsPrivateKey, signDetachedJws } from './detached-jws.ts';
import { utf8 } from './encoding.ts';
import { SignatureError } from './errors.ts';
import {
  type ComponentId,
  checkSignaturePolicy,
  component,
  type HttpMessage,
  newNonce,
  type ParsedSignature,
  parseSignatures,
  signMessage,
  verifySignature,
} from './http-signatures.ts';

export const REQUEST_TAG = 'fapi-2-request';
export const RESPONSE_TAG = 'fapi-2-response';
export const CALLBACK_TAG = 'pontis-callback';
export const PARTNER_HEADER = 'pontis-partner';
export const EVENT_ID_HEADER = 'pontis-event-id';

export type SignatureScheme = 'http-message-signatures' | 'detached-jws';

/** The partner's private key as a JWK with its registered `kid`. */
export interface PartnerSigningKey {
  kid: string;
  privateJwk: JsonWebKey;
}

export interface JsonWebKeySet {
  keys: (JsonWebKey & { kid?: string })[];
}

export interface SignRequestInput {
  method: string;
  /** The absolute URL the request is sent to, exactly. */
  url: string;
  headers?: HeadersInit;
  body?: Uint8Array | string | undefined;
}

export interface SignRequestOptions {
  key: PartnerSigningKey;
  /** Sent as `pontis-partner` (RFC 9421, covered) or as the JWS `iss`. */
  partnerId?: string | undefined;
  scheme?: SignatureScheme;
  now?: () => Date;
  nonce?: string;
}

/** The headers of a signed request (the caller's own headers included). */
export async function signRequest(request: SignRequestInput, options: SignRequestOptions): Promise<Headers> {
  const headers = new Headers(request.headers);
  const body = typeof request.body === 'string' ? utf8(request.body) : (request.body ?? new Uint8Array());
  const method = request.method.toUpperCase();
  const created = Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
  const nonce = options.nonce ?? newNonce();
  if (body.byteLength > 0 && !headers.has('content-type')) headers.set('content-type', 'application/json');
  if ((options.scheme ?? 'http-message-signatures') === 'detached-jws') {
    if (!options.partnerId)
      throw new SignatureError('malformed', 'a detached JWS needs the partner id (iss)');
    const alg = jwsAlgorithmForJwk(options.key.privateJwk);
    headers.set(
      'x-jws-signature',
      await signDetachedJws({
        body,
        key: await importJwsPrivateKey(options.key.privateJwk, alg),
        alg,
        kid: options.key.kid,
        iss: options.partnerId,
        iat: created,
        jti: nonce,
        htm: method,
        htu: request.url,
      }),
    );
    return headers;
  }
  const components = ['@method', '@target-uri'];
  if (body.byteLength > 0) {
    headers.set('content-digest', await contentDigest(body));
    components.push('content-type', 'content-digest');
  }
  if (options.partnerId) {
    headers.set(PARTNER_HEADER, options.partnerId);
    components.push(PARTNER_HEADER);
  }
  if (headers.has('idempotency-key')) components.push('idempotency-key');
  const algorithm = httpAlgorithmForJwk(options.key.privateJwk);
  const signed = await signMessage(
    { method, url: request.url, headers },
    {
      label: 'sig',
      components,
      keyid: options.key.kid,
      algorithm,
      key: await importPrivateKey(options.key.privateJwk, algorithm),
      created,
      nonce,
      tag: REQUEST_TAG,
    },
  );
  headers.set('signature-input', signed.signatureInput);
  headers.set('signature', signed.signature);
  return headers;
}

export interface VerifiedSignature {
  keyid: string;
  created: number;
  label: string;
}

function findTagged(headers: Headers, tag: string): ParsedSignature {
  const signature = parseSignatures(headers.get('signature-input'), headers.get('signature')).find(
    (candidate) => candidate.params.tag === tag,
  );
  if (!signature) throw new SignatureError('missing', `no signature with tag="${tag}"`);
  return signature;
}

/**
 * The checks before any cryptography: the components the profile requires are covered, and
 * `created` is present, not in the future and at most `maxAgeSeconds` old. Returns `created`.
 */
function checkProfile(
  signature: ParsedSignature,
  requiredComponents: (string | ComponentId)[],
  options: VerifyOptions,
): number {
  checkSignaturePolicy(signature, {
    requiredComponents,
    allowUnknownParams: true,
    now: Math.floor((options.now?.() ?? new Date()).getTime() / 1000),
    maxAgeSeconds: options.maxAgeSeconds ?? 300,
  });
  return signature.params.created as number;
}

async function verifyWithJwks(
  message: HttpMessage,
  signature: ParsedSignature,
  gatewayKeys: JsonWebKeySet,
  request?: HttpMessage,
): Promise<string> {
  const keyid = signature.params.keyid;
  const jwk = gatewayKeys.keys.find((key) => key.kid === keyid);
  if (!keyid || !jwk)
    throw new SignatureError('key_unknown', 'the signature names a key the gateway does not publish');
  const algorithm = httpAlgorithmForJwk(jwk);
  await verifySignature(message, signature, await importPublicKey(jwk, algorithm), algorithm, request);
  return keyid;
}

export interface VerifyOptions {
  now?: () => Date;
  /** How old a signature may be; default 300 s. */
  maxAgeSeconds?: number;
}

/**
 * Verifies a gateway response: its `fapi-2-response` signature over `@status` and
 * `content-digest`, bound to `request` (`@method;req`, `@target-uri;req`), and the digest of the
 * body. `request` is the request exactly as sent, with its signature headers.
 */
export async function verifyResponse(
  response: { status: number; headers: Headers; body: Uint8Array },
  request: HttpMessage,
  gatewayKeys: JsonWebKeySet,
  options: VerifyOptions = {},
): Promise<VerifiedSignature> {
  const signature = findTagged(response.headers, RESPONSE_TAG);
  const requestSignature = request.headers.has('signature')
    ? parseSignatures(request.headers.get('signature-input'), request.headers.get('signature')).find(
        (candidate) => candidate.params.tag === REQUEST_TAG,
      )
    : undefined;
  const created = checkProfile(
    signature,
    [
      '@status',
      'content-digest',
      component('@method', { req: true }),
      component('@target-uri', { req: true }),
      ...(requestSignature ? [component('signature', { req: true, key: requestSignature.label })] : []),
    ],
    options,
  );
  await verifyContentDigest(response.headers.get('content-digest'), response.body);
  const keyid = await verifyWithJwks(
    { status: response.status, headers: response.headers },
    signature,
    gatewayKeys,
    request,
  );
  return { keyid, created, label: signature.label };
}

export interface VerifiedCallback<T = unknown> extends VerifiedSignature {
  eventId: string;
  event: T;
}

/**
 * What a partner's callback endpoint runs on each POST from the gateway: checks the
 * `pontis-callback` signature, the digest of the body and the event id, then parses the event.
 * `request.url` must be the URL the gateway posted to (your public callback URL).
 */
export async function verifyCallback<T = unknown>(
  request: { method: string; url: string; headers: Headers; body: Uint8Array },
  gatewayKeys: JsonWebKeySet,
  options: VerifyOptions = {},
): Promise<VerifiedCallback<T>> {
  const signature = findTagged(request.headers, CALLBACK_TAG);
  const created = checkProfile(
    signature,
    ['@method', '@target-uri', 'content-type', 'content-digest', EVENT_ID_HEADER],
    options,
  );
  await verifyContentDigest(request.headers.get('content-digest'), request.body);
  const keyid = await verifyWithJwks(
    { method: request.method, url: request.url, headers: request.headers },
    signature,
    gatewayKeys,
  );
  const eventId = request.headers.get(EVENT_ID_HEADER) ?? '';
  const event = JSON.parse(new TextDecoder().decode(request.body)) as T & { id?: unknown };
  if (event.id !== eventId) throw new SignatureError('invalid', 'the event id header and body disagree');
  return { keyid, created, label: signature.label, eventId, event };
}

export interface PartnerClientOptions extends Omit<SignRequestOptions, 'nonce'> {
  /** The gateway's public base URL, e.g. `https://pontis.example.org`. */
  baseUrl: string;
  /** The gateway's keys; fetched from `<baseUrl>/.well-known/jwks.json` (and cached) when absent. */
  gatewayKeys?: JsonWebKeySet;
  fetch?: typeof fetch;
  maxResponseAgeSeconds?: number;
}

export interface PartnerResponse<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body (problem+json for errors). */
  body: T;
  /** The verified gateway signature; undefined only for a refused authentication (401), which the gateway cannot bind. */
  signature: VerifiedSignature | undefined;
}

export interface PartnerRequestOptions {
  body?: unknown;
  headers?: HeadersInit;
  idempotencyKey?: string;
}

export interface PartnerClient {
  request<T = unknown>(
    method: string,
    path: string,
    options?: PartnerRequestOptions,
  ): Promise<PartnerResponse<T>>;
  gatewayKeys(): Promise<JsonWebKeySet>;
}

export function createPartnerClient(options: PartnerClientOptions): PartnerClient {
  const send = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const base = options.baseUrl.replace(/\/+$/, '');
  let keys: Promise<JsonWebKeySet> | undefined = options.gatewayKeys
    ? Promise.resolve(options.gatewayKeys)
    : undefined;
  const loadKeys = async (refresh = false): Promise<JsonWebKeySet> => {
    if (!keys || refresh) {
      keys = send(`${base}/.well-known/jwks.json`).then(async (response) => {
        if (!response.ok) throw new Error(`GET /.well-known/jwks.json answered ${response.status}`);
        return (await response.json()) as JsonWebKeySet;
      });
      keys.catch(() => {
        keys = undefined;
      });
    }
    return keys;
  };

  return {
    gatewayKeys: () => loadKeys(),
    async request<T>(method: string, path: string, requestOptions: PartnerRequestOptions = {}) {
      const url = `${base}${path}`;
      const body =
        requestOptions.body === undefined
          ? undefined
          : typeof requestOptions.body === 'string'
            ? utf8(requestOptions.body)
            : utf8(JSON.stringify(requestOptions.body));
      const headers = new Headers(requestOptions.headers);
      if (requestOptions.idempotencyKey) headers.set('idempotency-key', requestOptions.idempotencyKey);
      const signed = await signRequest({ method, url, headers, body }, options);
      const response = await send(url, { method: method.toUpperCase(), headers: signed, body: body ?? null });
      const bytes = new Uint8Array(await response.arrayBuffer());
      const text = new TextDecoder().decode(bytes);
      const requestMessage: HttpMessage = { method: method.toUpperCase(), url, headers: signed };
      let signature: VerifiedSignature | undefined;
      if (response.status !== 401 || response.headers.has('signature')) {
        const verify = async (set: JsonWebKeySet) =>
          verifyResponse(
            { status: response.status, headers: response.headers, body: bytes },
            requestMessage,
            set,
            {
              ...(options.now ? { now: options.now } : {}),
              maxAgeSeconds: options.maxResponseAgeSeconds ?? 300,
            },
          );
        try {
          signature = await verify(await loadKeys());
        } catch (error) {
          // The gateway may have rotated its key since the set was fetched: fetch once more.
          if (!(error instanceof SignatureError && error.reason === 'key_unknown') || options.gatewayKeys)
            throw error;
          signature = await verify(await loadKeys(true));
        }
      }
      return {
        status: response.status,
        headers: response.headers,
        text,
        body: (text ? JSON.parse(text) : undefined) as T,
        signature,
      };
    },
  };
}
