/**
 * Signs what the gateway sends to partners with its active key (RFC 9421, ecdsa-p256-sha256):
 * responses, bound to the partner's request (`req`), and callbacks. Each message carries a
 * `Content-Digest` (RFC 9530, sha-256) of its exact body bytes.
 */
import {
  CALLBACK_TAG,
  type ComponentId,
  component,
  contentDigest,
  EVENT_ID_HEADER,
  type HttpMessage,
  importPrivateKey,
  newNonce,
  RESPONSE_TAG,
  signMessage,
} from '../../../sdk/src/index.ts';
import type { GatewayKeySet } from '../auth/gateway-keys.ts';

export const GATEWAY_ALGORITHM = 'ecdsa-p256-sha256' as const;

const privateKeys = new WeakMap<GatewayKeySet, Promise<CryptoKey>>();

function activeKey(keys: GatewayKeySet): Promise<CryptoKey> {
  let key = privateKeys.get(keys);
  if (!key) {
    key = importPrivateKey(keys.active.privateJwk as JsonWebKey, GATEWAY_ALGORITHM);
    privateKeys.set(keys, key);
  }
  return key;
}

export interface ResponseSigningInput {
  request: HttpMessage;
  /** The partner's verified RFC 9421 signature; absent for a detached-JWS request. */
  requestSignature?: { label: string } | undefined;
  keys: GatewayKeySet;
  now: Date;
}

/** The components a response signature covers (FAPI 2.0 Message Signing, RFC 9421 §2.4). */
export function responseComponents(
  response: { headers: Headers },
  request: HttpMessage,
  requestLabel: string | undefined,
): ComponentId[] {
  const components = [component('@status'), component('content-digest')];
  if (response.headers.has('content-type')) components.push(component('content-type'));
  components.push(component('@method', { req: true }), component('@target-uri', { req: true }));
  if (request.headers.has('content-digest')) components.push(component('content-digest', { req: true }));
  if (requestLabel !== undefined && request.headers.has('signature')) {
    components.push(component('signature', { req: true, key: requestLabel }));
  }
  return components;
}

export async function signPartnerResponse(
  response: Response,
  input: ResponseSigningInput,
): Promise<Response> {
  const body = new Uint8Array(await response.arrayBuffer());
  const headers = new Headers(response.headers);
  headers.set('content-digest', await contentDigest(body));
  const message: HttpMessage = { status: response.status, headers };
  const signed = await signMessage(message, {
    label: 'sig',
    components: responseComponents(message, input.request, input.requestSignature?.label),
    keyid: input.keys.active.kid,
    algorithm: GATEWAY_ALGORITHM,
    key: await activeKey(input.keys),
    created: Math.floor(input.now.getTime() / 1000),
    tag: RESPONSE_TAG,
    request: input.request,
  });
  headers.set('signature-input', signed.signatureInput);
  headers.set('signature', signed.signature);
  return new Response(body.byteLength > 0 || ![204, 304].includes(response.status) ? body : null, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

/** The headers of a signed callback POST of `body` to `url`. */
export async function signCallback(input: {
  url: string;
  eventId: string;
  body: Uint8Array;
  keys: GatewayKeySet;
  now: Date;
}): Promise<Headers> {
  const headers = new Headers({
    'content-type': 'application/json',
    [EVENT_ID_HEADER]: input.eventId,
    'content-digest': await contentDigest(input.body),
  });
  const message: HttpMessage = { method: 'POST', url: input.url, headers };
  const signed = await signMessage(message, {
    label: 'sig',
    components: ['@method', '@target-uri', 'content-type', 'content-digest', EVENT_ID_HEADER],
    keyid: input.keys.active.kid,
    algorithm: GATEWAY_ALGORITHM,
    key: await activeKey(input.keys),
    created: Math.floor(input.now.getTime() / 1000),
    nonce: newNonce(),
    tag: CALLBACK_TAG,
  });
  headers.set('signature-input', signed.signatureInput);
  headers.set('signature', signed.signature);
  return headers;
}
