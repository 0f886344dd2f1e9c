/**
 * Attacks on the partner API. Each must be refused with 401 problem+json and its own `code`, and
 * must write nothing: no nonce, no evidence, no quote, no transfer, no audit event.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  contentDigest,
  httpAlgorithmForJwk,
  importPrivateKey,
  newNonce,
  type PartnerSigningKey,
  signatureBase,
  signBytes,
  signDetachedJws,
  signMessage,
  signRequest,
  toComponentId,
  utf8,
} from '../../sdk/src/index.ts';
import { createApp } from '../../src/app.ts';
import {
  addPartnerKeys,
  addTrustAnchor,
  importCrl,
  retirePartnerKey,
  upsertPartner,
} from '../../src/services/partners/registry.ts';
import { CONTRIBUTION_QUOTE, createTestGateway, type TestGateway } from '../helpers/gateway.ts';
import {
  GATEWAY_URL,
  generatePartnerKey,
  registerTestPartner,
  type TestPartner,
} from '../helpers/partners.ts';
import { createCrl, createTestCa, issueAgencyCertificate } from '../helpers/pki.ts';

let gw: TestGateway;
let alice: TestPartner;
let bob: TestPartner;
let jwsAgency: TestPartner;
const START = new Date('2026-11-23T10:00:00.000Z');
const QUOTE_URL = `${GATEWAY_URL}/v1/quotes`;
const BODY = JSON.stringify(CONTRIBUTION_QUOTE);

const TABLES = [
  'signature_nonces',
  'verified_messages',
  'quotes',
  'transfers',
  'audit_events',
  'idempotency_keys',
  'callback_outbox',
] as const;

async function counts(): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of TABLES) {
    const rows = await gw.db.db.execute(sql.raw(`select count(*)::int as n from ${table}`));
    const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { n: number }[];
    result[table] = Number(list[0]?.n);
  }
  return result;
}

async function send(
  url: string,
  init: { method?: string; headers: Headers; body?: string },
): Promise<Response> {
  return gw.app.request(url, {
    method: init.method ?? 'POST',
    headers: init.headers,
    body: init.body ?? null,
  });
}

/** Sends the request and expects a refusal with `code` that left every table as it was. */
async function expectRefused(code: string, request: () => Promise<Response>) {
  const before = await counts();
  const response = await request();
  const text = await response.text();
  expect(response.status, text).toBe(401);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(JSON.parse(text)).toMatchObject({ status: 401, code });
  expect(await counts()).toEqual(before);
  return JSON.parse(text) as Record<string, unknown>;
}

/** A correctly signed quote request by `partner`, before any tampering. */
async function signedQuote(
  partner: { id: string; key: PartnerSigningKey },
  options: { body?: string; url?: string; nonce?: string; scheme?: 'detached-jws' } = {},
) {
  const body = options.body ?? BODY;
  const headers = await signRequest(
    { method: 'POST', url: options.url ?? QUOTE_URL, headers: { 'content-type': 'application/json' }, body },
    {
      key: partner.key,
      partnerId: partner.id,
      now: () => gw.clock.now,
      ...(options.nonce ? { nonce: options.nonce } : {}),
      ...(options.scheme ? { scheme: options.scheme } : {}),
    },
  );
  return { headers, body };
}

/** Signs an RFC 9421 request with a hand-written `@signature-params` (for parameters the SDK never writes). */
async function customSigned(key: PartnerSigningKey, params: string, components: string[]) {
  const headers = new Headers({ 'content-type': 'application/json' });
  headers.set('content-digest', await contentDigest(utf8(BODY)));
  const ids = components.map(toComponentId);
  const serializedParams = `(${components.map((name) => `"${name}"`).join(' ')})${params}`;
  const base = signatureBase(
    { method: 'POST', url: QUOTE_URL, headers },
    { components: ids, serializedParams },
  );
  const algorithm = httpAlgorithmForJwk(key.privateJwk);
  const signature = await signBytes(algorithm, await importPrivateKey(key.privateJwk, algorithm), utf8(base));
  headers.set('signature-input', `sig=${serializedParams}`);
  headers.set('signature', `sig=:${Buffer.from(signature).toString('base64')}:`);
  return headers;
}

const created = () => Math.floor(gw.clock.now.getTime() / 1000);
const base64url = (value: string | Uint8Array) => Buffer.from(value).toString('base64url');

/** A complete, well-formed JWS protected header of the FR agency, with the algorithm under attack. */
const jwsProtectedHeader = (alg: string) =>
  base64url(
    JSON.stringify({
      alg,
      kid: jwsAgency.key.kid,
      iss: jwsAgency.id,
      iat: created(),
      jti: newNonce(),
      htm: 'POST',
      htu: QUOTE_URL,
      crit: ['iat', 'iss', 'jti', 'htm', 'htu'],
    }),
  );

beforeAll(async () => {
  gw = await createTestGateway();
  alice = await registerTestPartner(gw, { id: 'de-alice', jurisdiction: 'DE' });
  bob = await registerTestPartner(gw, { id: 'de-bob', jurisdiction: 'DE', kind: 'ecdsa-p256' });
  jwsAgency = await registerTestPartner(gw, { id: 'fr-jws', jurisdiction: 'FR', kind: 'ecdsa-p256' });
});
afterAll(async () => gw?.close());
beforeEach(() => {
  gw.clock.now = START;
});

describe('a correctly signed request', () => {
  it('is accepted, for both schemes (the baseline the attacks modify)', async () => {
    const signed = await signedQuote(alice);
    expect((await send(QUOTE_URL, signed)).status).toBe(201);
    const jws = await signedQuote(jwsAgency, {
      scheme: 'detached-jws',
      body: JSON.stringify({ ...CONTRIBUTION_QUOTE, partnerJurisdiction: 'FR' }),
    });
    expect((await send(QUOTE_URL, jws)).status).toBe(201);
  });
});

describe('attacks that must fail', () => {
  it('missing signature: Signature-Input without Signature', async () => {
    const { headers, body } = await signedQuote(alice);
    headers.delete('signature');
    await expectRefused('signature_missing', () => send(QUOTE_URL, { headers, body }));
  });

  it('no credentials at all is not a partner call: 401 unauthenticated', async () => {
    const headers = new Headers({ 'content-type': 'application/json' });
    const response = await send(QUOTE_URL, { headers, body: BODY });
    expect(response.status).toBe(401);
    expect((await response.json()).code).toBe('unauthenticated');
  });

  it('alg: none', async () => {
    const header = jwsProtectedHeader('none');
    const headers = new Headers({ 'content-type': 'application/json', 'x-jws-signature': `${header}..` });
    await expectRefused('signature_algorithm_refused', () => send(QUOTE_URL, { headers, body: BODY }));
  });

  it('HS256 with the public key as the shared secret', async () => {
    const protectedHeader = jwsProtectedHeader('HS256');
    const secret = utf8(JSON.stringify(jwsAgency.key.publicJwk));
    const hmacKey = await crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    const mac = await crypto.subtle.sign('HMAC', hmacKey, utf8(`${protectedHeader}.${base64url(BODY)}`));
    const headers = new Headers({
      'content-type': 'application/json',
      'x-jws-signature': `${protectedHeader}..${base64url(new Uint8Array(mac))}`,
    });
    await expectRefused('signature_algorithm_refused', () => send(QUOTE_URL, { headers, body: BODY }));
  });

  it('RFC 9421 with alg="hmac-sha256"', async () => {
    const headers = await customSigned(
      alice.key,
      `;created=${created()};keyid="${alice.key.kid}";nonce="${newNonce()}";tag="fapi-2-request";alg="hmac-sha256"`,
      ['@method', '@target-uri', 'content-type', 'content-digest'],
    );
    await expectRefused('signature_algorithm_refused', () => send(QUOTE_URL, { headers, body: BODY }));
  });

  it("a key belonging to another partner (claimed partner ≠ key's owner)", async () => {
    // Bob signs with his own key but claims to be Alice.
    const { headers, body } = await signedQuote({ id: alice.id, key: bob.key });
    await expectRefused('signature_key_mismatch', () => send(QUOTE_URL, { headers, body }));
    const jws = await signedQuote(
      { id: 'de-alice', key: jwsAgency.key },
      { scheme: 'detached-jws', body: JSON.stringify({ ...CONTRIBUTION_QUOTE, partnerJurisdiction: 'FR' }) },
    );
    await expectRefused('signature_key_mismatch', () => send(QUOTE_URL, jws));
  });

  it('unknown keyid', async () => {
    const stranger = await generatePartnerKey('ed25519', 'nobody-knows-me');
    const { headers, body } = await signedQuote({ id: alice.id, key: stranger });
    await expectRefused('signature_key_unknown', () => send(QUOTE_URL, { headers, body }));
  });

  it('created too old, and created in the future', async () => {
    const { headers, body } = await signedQuote(alice);
    gw.clock.advance(61);
    await expectRefused('signature_expired', () => send(QUOTE_URL, { headers, body }));
    gw.clock.now = START;
    gw.clock.advance(30);
    const future = await signedQuote(alice);
    gw.clock.now = START;
    await expectRefused('signature_not_yet_valid', () => send(QUOTE_URL, future));
  });

  it('a signature 60 seconds old is still accepted (the window is inclusive)', async () => {
    const { headers, body } = await signedQuote(alice);
    gw.clock.advance(60);
    expect((await send(QUOTE_URL, { headers, body })).status).toBe(201);
  });

  it('replayed nonce', async () => {
    const signed = await signedQuote(alice);
    expect((await send(QUOTE_URL, signed)).status).toBe(201);
    await expectRefused('signature_replayed', () => send(QUOTE_URL, signed));
    // The same nonce in a freshly signed request is a replay too.
    const nonce = newNonce();
    expect((await send(QUOTE_URL, await signedQuote(alice, { nonce }))).status).toBe(201);
    await expectRefused('signature_replayed', async () =>
      send(QUOTE_URL, await signedQuote(alice, { nonce })),
    );
  });

  it('a nonce accepted by one gateway process is a replay for every other one', async () => {
    // A second app over the same database stands for another process (or Worker isolate).
    const other = createApp(gw.deps);
    const signed = await signedQuote(alice);
    expect((await send(QUOTE_URL, signed)).status).toBe(201);
    const before = await counts();
    const replay = await other.request(QUOTE_URL, {
      method: 'POST',
      headers: signed.headers,
      body: signed.body,
    });
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as { code: string }).code).toBe('signature_replayed');
    expect(await counts()).toEqual(before);
  });

  it('replayed JWS (same jti)', async () => {
    const body = JSON.stringify({ ...CONTRIBUTION_QUOTE, partnerJurisdiction: 'FR' });
    const signed = await signedQuote(jwsAgency, { scheme: 'detached-jws', body });
    expect((await send(QUOTE_URL, signed)).status).toBe(201);
    await expectRefused('signature_replayed', () => send(QUOTE_URL, signed));
  });

  it('body changed after signing', async () => {
    const { headers } = await signedQuote(alice);
    const tampered = BODY.replace('250.00', '950.00');
    await expectRefused('content_digest_mismatch', () => send(QUOTE_URL, { headers, body: tampered }));
    // …and with the digest recomputed to match, the signature no longer verifies.
    headers.set('content-digest', await contentDigest(utf8(tampered)));
    await expectRefused('signature_invalid', () => send(QUOTE_URL, { headers, body: tampered }));
  });

  it('body changed after signing a detached JWS', async () => {
    const body = JSON.stringify({ ...CONTRIBUTION_QUOTE, partnerJurisdiction: 'FR' });
    const { headers } = await signedQuote(jwsAgency, { scheme: 'detached-jws', body });
    await expectRefused('signature_invalid', () =>
      send(QUOTE_URL, { headers, body: body.replace('250.00', '950.00') }),
    );
  });

  it('a covered header changed', async () => {
    const { headers, body } = await signedQuote(alice);
    headers.set('content-type', 'application/json; charset=utf-8');
    await expectRefused('signature_invalid', () => send(QUOTE_URL, { headers, body }));
  });

  it('Content-Digest not matching the body', async () => {
    const { headers, body } = await signedQuote(alice);
    headers.set('content-digest', `sha-256=:${Buffer.alloc(32).toString('base64')}:`);
    await expectRefused('content_digest_mismatch', () => send(QUOTE_URL, { headers, body }));
    headers.set('content-digest', `sha-512=:${Buffer.alloc(64).toString('base64')}:`);
    await expectRefused('content_digest_mismatch', () => send(QUOTE_URL, { headers, body }));
  });

  it('a signature made for another @target-uri', async () => {
    const { headers, body } = await signedQuote(alice, { url: 'https://elsewhere.example/v1/quotes' });
    await expectRefused('signature_invalid', () => send(QUOTE_URL, { headers, body }));
    const other = await signedQuote(alice, { url: `${GATEWAY_URL}/v1/quotes?x=1` });
    await expectRefused('signature_invalid', () => send(QUOTE_URL, other));
    const jws = await signedQuote(jwsAgency, {
      scheme: 'detached-jws',
      url: 'https://elsewhere.example/v1/quotes',
      body: JSON.stringify({ ...CONTRIBUTION_QUOTE, partnerJurisdiction: 'FR' }),
    });
    await expectRefused('signature_invalid', () => send(QUOTE_URL, jws));
  });

  it('an unknown critical parameter (JWS crit) and an unknown signature parameter (RFC 9421)', async () => {
    const key = await importPrivateKey(jwsAgency.key.privateJwk, 'ecdsa-p256-sha256');
    expect(key).toBeDefined();
    const body = JSON.stringify({ ...CONTRIBUTION_QUOTE, partnerJurisdiction: 'FR' });
    const { FlattenedSign, importJWK } = await import('jose');
    const jws = await new FlattenedSign(utf8(body))
      .setProtectedHeader({
        alg: 'ES256',
        kid: jwsAgency.key.kid,
        iss: jwsAgency.id,
        iat: created(),
        jti: newNonce(),
        htm: 'POST',
        htu: QUOTE_URL,
        'urn:example:must-understand': true,
        crit: ['iat', 'iss', 'jti', 'htm', 'htu', 'urn:example:must-understand'],
      })
      .sign(await importJWK(jwsAgency.key.privateJwk as never, 'ES256'), {
        crit: { iat: true, iss: true, jti: true, htm: true, htu: true, 'urn:example:must-understand': true },
      });
    const headers = new Headers({
      'content-type': 'application/json',
      'x-jws-signature': `${jws.protected}..${jws.signature}`,
    });
    const problem = await expectRefused('signature_parameter_unknown', () =>
      send(QUOTE_URL, { headers, body }),
    );
    expect(problem.parameter).toBe('urn:example:must-understand');

    const rfc = await customSigned(
      alice.key,
      `;created=${created()};keyid="${alice.key.kid}";nonce="${newNonce()}";tag="fapi-2-request";x-must-understand=?1`,
      ['@method', '@target-uri', 'content-type', 'content-digest'],
    );
    await expectRefused('signature_parameter_unknown', () => send(QUOTE_URL, { headers: rfc, body: BODY }));
  });

  it('a signature that covers too little', async () => {
    const headers = await customSigned(
      alice.key,
      `;created=${created()};keyid="${alice.key.kid}";nonce="${newNonce()}";tag="fapi-2-request"`,
      ['@method', '@target-uri', 'content-type'],
    );
    await expectRefused('signature_coverage_insufficient', () => send(QUOTE_URL, { headers, body: BODY }));
    const noNonce = await customSigned(
      alice.key,
      `;created=${created()};keyid="${alice.key.kid}";tag="fapi-2-request"`,
      ['@method', '@target-uri', 'content-type', 'content-digest'],
    );
    await expectRefused('signature_coverage_insufficient', () =>
      send(QUOTE_URL, { headers: noNonce, body: BODY }),
    );
  });

  it('a scheme the partner’s adapter does not allow (JWS from Japan)', async () => {
    const japan = await registerTestPartner(gw, { id: 'jp-agency', jurisdiction: 'JP', kind: 'ecdsa-p256' });
    const { headers, body } = await signedQuote(japan, { scheme: 'detached-jws' });
    await expectRefused('signature_algorithm_refused', () => send(QUOTE_URL, { headers, body }));
  });

  it('a key used after its retirement, and a key used before its activation', async () => {
    const agency = await registerTestPartner(gw, { id: 'de-rotating', jurisdiction: 'DE' });
    const next = await generatePartnerKey('ed25519', 'de-rotating-key-2');
    const context = { actor: 'test', now: gw.clock.now };
    await addPartnerKeys(
      gw.db.db,
      {
        partnerId: agency.id,
        keyText: JSON.stringify(next.publicJwk),
        activatesAt: new Date(START.getTime() + 3600_000),
      },
      context,
    );
    await expectRefused('signature_key_not_active', async () =>
      send(QUOTE_URL, await signedQuote({ id: agency.id, key: next })),
    );
    // Overlap: both keys work once the new one is active and before the old one retires.
    gw.clock.advance(3600);
    expect((await send(QUOTE_URL, await signedQuote({ id: agency.id, key: next }))).status).toBe(201);
    expect((await send(QUOTE_URL, await signedQuote(agency))).status).toBe(201);
    await retirePartnerKey(
      gw.db.db,
      { partnerId: agency.id, kid: agency.key.kid },
      { actor: 'test', now: gw.clock.now },
    );
    await expectRefused('signature_key_retired', async () => send(QUOTE_URL, await signedQuote(agency)));
    expect((await send(QUOTE_URL, await signedQuote({ id: agency.id, key: next }))).status).toBe(201);
  });
});

describe('attacks on certificate-bound keys', () => {
  const ca = createTestCa({ name: 'Attack Test Root CA' });
  let sealed: { id: string; key: PartnerSigningKey };
  let serial: string;

  beforeAll(async () => {
    const context = { actor: 'test', now: START };
    await addTrustAnchor(gw.db.db, gw.deps.registry, { jurisdiction: 'NL', pem: ca.certPem }, context);
    const certificate = issueAgencyCertificate(ca, {
      subject: 'SVB seal',
      keyType: 'ec-p256',
      notBefore: new Date('2026-11-01T00:00:00Z'),
      notAfter: new Date('2026-12-01T00:00:00Z'),
    });
    serial = certificate.serial;
    await upsertPartner(gw.db.db, gw.deps.registry, { id: 'nl-svb', jurisdiction: 'NL' }, context);
    const [key] = await addPartnerKeys(
      gw.db.db,
      { partnerId: 'nl-svb', keyText: certificate.certPem, kid: 'nl-svb-seal' },
      context,
    );
    expect(key?.certificate?.serial).toBe(serial);
    sealed = { id: 'nl-svb', key: { kid: 'nl-svb-seal', privateJwk: certificate.privateJwk } };
  });

  const nlQuote = () => JSON.stringify({ ...CONTRIBUTION_QUOTE, partnerJurisdiction: 'NL' });

  it('works while the certificate is valid', async () => {
    expect((await send(QUOTE_URL, await signedQuote(sealed, { body: nlQuote() }))).status).toBe(201);
  });

  it('expired certificate', async () => {
    gw.clock.now = new Date('2026-12-01T00:00:01Z');
    await expectRefused('certificate_expired', async () =>
      send(QUOTE_URL, await signedQuote(sealed, { body: nlQuote() })),
    );
  });

  it('not-yet-valid certificate', async () => {
    gw.clock.now = new Date('2026-10-31T23:59:00Z');
    await expectRefused('certificate_not_yet_valid', async () =>
      send(QUOTE_URL, await signedQuote(sealed, { body: nlQuote() })),
    );
  });

  it('revoked certificate (after the CRL is loaded)', async () => {
    const crl = createCrl(ca, {
      revoked: [{ serial, revokedAt: new Date('2026-11-22T00:00:00Z') }],
      thisUpdate: new Date('2026-11-22T12:00:00Z'),
      nextUpdate: new Date('2026-11-29T12:00:00Z'),
    });
    await importCrl(gw.db.db, { crlText: crl }, { actor: 'test', now: START });
    await expectRefused('certificate_revoked', async () =>
      send(QUOTE_URL, await signedQuote(sealed, { body: nlQuote() })),
    );
  });
});

describe('evidence', () => {
  it('records the key, scheme and signature base of every verified request, and re-verifies it after retirement', async () => {
    const agency = await registerTestPartner(gw, { id: 'de-archive', jurisdiction: 'DE' });
    const response = await send(QUOTE_URL, await signedQuote(agency));
    expect(response.status).toBe(201);
    const evidenceId = response.headers.get('pontis-verified-message');
    expect(evidenceId).toMatch(/^vm_/);
    await retirePartnerKey(
      gw.db.db,
      { partnerId: agency.id, kid: agency.key.kid },
      { actor: 'test', now: gw.clock.now },
    );
    gw.clock.advance(365 * 86_400);
    const evidence = await gw.request('GET', `/v1/verified-messages/${evidenceId}`, { role: 'auditor' });
    expect(evidence.status).toBe(200);
    expect(await evidence.json()).toMatchObject({
      partnerId: 'de-archive',
      kid: agency.key.kid,
      keyState: 'retired',
      scheme: 'http-message-signatures',
      algorithm: 'ed25519',
      method: 'POST',
      targetUri: QUOTE_URL,
      reverified: true,
    });
  });
});

describe('an unsigned JWS can never be forged with signDetachedJws of another key', () => {
  it('is refused as signature_invalid', async () => {
    const other = await generatePartnerKey('ecdsa-p256', 'unrelated');
    const body = JSON.stringify({ ...CONTRIBUTION_QUOTE, partnerJurisdiction: 'FR' });
    const { importJWK } = await import('jose');
    const header = await signDetachedJws({
      body: utf8(body),
      key: (await importJWK(other.privateJwk as never, 'ES256')) as CryptoKey,
      alg: 'ES256',
      kid: jwsAgency.key.kid,
      iss: jwsAgency.id,
      iat: created(),
      htm: 'POST',
      htu: QUOTE_URL,
    });
    const headers = new Headers({ 'content-type': 'application/json', 'x-jws-signature': header });
    await expectRefused('signature_invalid', () => send(QUOTE_URL, { headers, body }));
  });

  it('a RFC 9421 signature by another key under a registered keyid is signature_invalid', async () => {
    const other = await generatePartnerKey('ed25519', alice.key.kid);
    const { headers, body } = await signedQuote({ id: alice.id, key: other });
    await expectRefused('signature_invalid', () => send(QUOTE_URL, { headers, body }));
    expect(signMessage).toBeTypeOf('function');
  });
});
