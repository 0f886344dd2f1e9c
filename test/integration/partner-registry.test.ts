/**
 * The operator API of the partner registry: partners, their keys (every format an agency may hand
 * over, and what is refused), rotation with overlap as the SDK client sees it, trust anchors and
 * CRLs, the audit trail of every change, and the gateway's public JWKS.
 */
import { generateKeyPairSync } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerClient, type PartnerClient } from '../../sdk/src/index.ts';
import { auditEvents } from '../../src/db/schema.ts';
import type {
  PartnerKeyView,
  PartnerView as RegistryPartnerView,
  TrustAnchorView,
} from '../../src/services/partners/registry.ts';
import { createTestGateway, json, type TestGateway } from '../helpers/gateway.ts';
import {
  appFetch,
  GATEWAY_URL,
  generatePartnerKey,
  registerTestPartner,
  type TestPartner,
} from '../helpers/partners.ts';
import { createCrl, createTestCa, issueAgencyCertificate } from '../helpers/pki.ts';

type Problem = { status: number; code: string; detail?: string; [member: string]: unknown };
// The wire shapes are the registry's own views.
type KeyView = PartnerKeyView;
type PartnerView = RegistryPartnerView;
type AnchorView = TrustAnchorView;

const START = new Date('2026-11-23T10:00:00.000Z');
const OPERATOR = 'demo-operator';

let gw: TestGateway;

beforeAll(async () => {
  gw = await createTestGateway();
});
afterAll(async () => gw?.close());

const post = (path: string, body?: unknown) => gw.request('POST', path, { role: 'operator', body });
const get = (path: string) => gw.request('GET', path, { role: 'operator' });

/** Expects a problem+json with this status and code; returns the body and the raw text. */
async function expectProblem(response: Response, status: number, code: string) {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(text) as Problem;
  expect(body).toMatchObject({ status, code });
  return { body, text };
}

async function createPartner(id: string, jurisdiction = 'DE', extra: Record<string, unknown> = {}) {
  const response = await post('/v1/partners', { id, jurisdiction, ...extra });
  expect(response.status, await response.clone().text()).toBe(200);
  return json<PartnerView>(response);
}

async function addKey(partnerId: string, body: Record<string, unknown>): Promise<KeyView[]> {
  const response = await post(`/v1/partners/${partnerId}/keys`, body);
  expect(response.status, await response.clone().text()).toBe(201);
  const list = await json<{ object: string; data: KeyView[] }>(response);
  expect(list.object).toBe('list');
  return list.data;
}

async function partner(id: string): Promise<PartnerView> {
  const response = await get(`/v1/partners/${id}`);
  expect(response.status).toBe(200);
  return json<PartnerView>(response);
}

const keyOf = (view: PartnerView, kid: string) => view.keys.find((key) => key.kid === kid);

/** An SDK client signing as `partnerId` with `key`, against the in-process app at the test clock. */
function clientFor(partnerId: string, key: { kid: string; privateJwk: JsonWebKey }): PartnerClient {
  return createPartnerClient({
    baseUrl: GATEWAY_URL,
    key,
    partnerId,
    scheme: 'http-message-signatures',
    fetch: appFetch(gw),
    now: () => gw.clock.now,
  });
}

/** A signed partner call that needs no rates: the partner's own transfers. */
async function signedStatus(client: PartnerClient): Promise<{ status: number; code?: string }> {
  const response = await client.request<{ code?: string }>('GET', '/v1/transfers');
  return response.status === 200 ? { status: 200 } : { status: response.status, code: response.body.code };
}

describe('POST /v1/partners', () => {
  it('registers a partner, changes its name and callback URL, never its jurisdiction', async () => {
    const created = await createPartner('de-registry', 'DE', {
      name: 'Rentenversicherung Registry',
      callbackUrl: 'https://agency.example/callbacks',
    });
    expect(created).toMatchObject({
      id: 'de-registry',
      object: 'partner',
      name: 'Rentenversicherung Registry',
      jurisdiction: 'DE',
      status: 'active',
      callbackUrl: 'https://agency.example/callbacks',
      keys: [],
    });
    expect(new Date(created.createdAt).toISOString()).toBe(created.createdAt);

    const renamed = await createPartner('de-registry', 'DE', {
      name: 'DRV Bund',
      callbackUrl: 'http://localhost:8080/cb',
    });
    expect(renamed).toMatchObject({ name: 'DRV Bund', callbackUrl: 'http://localhost:8080/cb' });
    expect(renamed.createdAt).toBe(created.createdAt);
    // Leaving the name out keeps it; null clears the callback URL.
    expect(await createPartner('de-registry', 'DE', { callbackUrl: null })).toMatchObject({
      name: 'DRV Bund',
      callbackUrl: null,
    });
    expect((await partner('de-registry')).name).toBe('DRV Bund');

    const moved = await expectProblem(
      await post('/v1/partners', { id: 'de-registry', jurisdiction: 'FR' }),
      409,
      'partner_conflict',
    );
    expect(moved.body.detail).toContain('DE');
    expect((await partner('de-registry')).jurisdiction).toBe('DE');

    const list = await json<{ data: PartnerView[] }>(await get('/v1/partners'));
    expect(list.data.map((item) => item.id)).toContain('de-registry');
  });

  it('refuses the home jurisdiction and unknown ones (422 jurisdiction_unknown)', async () => {
    await expectProblem(
      await post('/v1/partners', { id: 'cn-self', jurisdiction: 'CN' }),
      422,
      'jurisdiction_unknown',
    );
    await expectProblem(
      await post('/v1/partners', { id: 'zz-nowhere', jurisdiction: 'ZZ' }),
      422,
      'jurisdiction_unknown',
    );
    await expectProblem(await get('/v1/partners/cn-self'), 404, 'partner_not_found');
    await expectProblem(await get('/v1/partners/zz-nowhere'), 404, 'partner_not_found');
  });

  it('refuses callback URLs that are not https (http only to loopback) or carry credentials', async () => {
    for (const callbackUrl of [
      'http://agency.example/cb',
      'http://10.0.0.7/cb',
      'ftp://agency.example/cb',
      'https://user:secret@agency.example/cb',
      'https://user@agency.example/cb',
      'not a url',
      '/relative/cb',
    ]) {
      const { body } = await expectProblem(
        await post('/v1/partners', { id: 'de-badcb', jurisdiction: 'DE', callbackUrl }),
        400,
        'validation_failed',
      );
      expect(JSON.stringify(body)).not.toContain('secret');
    }
    await expectProblem(await get('/v1/partners/de-badcb'), 404, 'partner_not_found');
    // http to loopback is allowed for local testing.
    for (const callbackUrl of ['http://127.0.0.1:9000/cb', 'http://[::1]:9000/cb']) {
      expect((await createPartner('de-loopback', 'DE', { callbackUrl })).callbackUrl).toBe(callbackUrl);
    }
  });

  it('is for operators only', async () => {
    const auditor = await gw.request('POST', '/v1/partners', {
      role: 'auditor',
      body: { id: 'de-auditor', jurisdiction: 'DE' },
    });
    expect(auditor.status).toBe(403);
    expect(
      (await gw.request('POST', '/v1/partners', { body: { id: 'x-1', jurisdiction: 'DE' } })).status,
    ).toBe(401);
    expect((await gw.request('GET', '/v1/partners', { role: 'auditor' })).status).toBe(200);
  });
});

describe('POST /v1/partners/{id}/keys', () => {
  const ca = createTestCa({ name: 'Registry Test Root CA' });

  beforeAll(async () => {
    await createPartner('de-keys', 'DE');
    await createPartner('fr-keys', 'FR');
  });

  it('accepts an Ed25519 JWK, an EC P-256 PEM, an RSA-2048 JWK and a JWKS of two keys', async () => {
    const ed = await generatePartnerKey('ed25519', 'de-keys-ed');
    const [edKey] = await addKey('de-keys', { key: JSON.stringify(ed.publicJwk) });
    expect(edKey).toMatchObject({ kid: 'de-keys-ed', family: 'ed25519', state: 'active', certificate: null });
    expect(edKey?.publicJwk).toEqual({ kty: 'OKP', crv: 'Ed25519', x: ed.publicJwk.x, kid: 'de-keys-ed' });

    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const ecPem = ec.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const [ecKey] = await addKey('de-keys', { key: ecPem, kid: 'de-keys-ec' });
    expect(ecKey).toMatchObject({ kid: 'de-keys-ec', family: 'ecdsa-p256', state: 'active' });
    const ecJwk = ec.publicKey.export({ format: 'jwk' });
    expect(ecKey?.publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256', x: ecJwk.x, y: ecJwk.y });

    // Without a kid, the PEM key is named by its RFC 7638 thumbprint.
    const ec2 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const [thumbprinted] = await addKey('de-keys', {
      key: ec2.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    });
    expect(thumbprinted?.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const rsaJwk = { ...rsa.publicKey.export({ format: 'jwk' }), kid: 'de-keys-rsa', use: 'sig' };
    const [rsaKey] = await addKey('de-keys', { key: JSON.stringify(rsaJwk) });
    expect(rsaKey).toMatchObject({ kid: 'de-keys-rsa', family: 'rsa', state: 'active' });
    expect(rsaKey?.publicJwk).toEqual({ kty: 'RSA', n: rsaJwk.n, e: rsaJwk.e, kid: 'de-keys-rsa' });

    const one = await generatePartnerKey('ecdsa-p256', 'de-keys-set-1');
    const two = await generatePartnerKey('ed25519', 'de-keys-set-2');
    const fromSet = await addKey('de-keys', {
      key: JSON.stringify({ keys: [one.publicJwk, two.publicJwk] }),
    });
    expect(fromSet.map((key) => [key.kid, key.family])).toEqual([
      ['de-keys-set-1', 'ecdsa-p256'],
      ['de-keys-set-2', 'ed25519'],
    ]);

    const view = await partner('de-keys');
    expect(view.keys.map((key) => key.kid)).toEqual([
      'de-keys-ed',
      'de-keys-ec',
      thumbprinted?.kid,
      'de-keys-rsa',
      'de-keys-set-1',
      'de-keys-set-2',
    ]);
    for (const key of view.keys) {
      expect(key.state).toBe('active');
      expect(key.retiredAt).toBeNull();
      expect(key.certificate).toBeNull();
      expect(key.publicJwk).not.toHaveProperty('d');
    }
  });

  it('accepts a certificate that chains to a trust anchor of the jurisdiction, with serial and issuer', async () => {
    const anchor = await post('/v1/trust-anchors', { jurisdiction: 'DE', certificate: ca.certPem });
    expect(anchor.status, await anchor.clone().text()).toBe(201);
    expect(await json<AnchorView>(anchor)).toMatchObject({
      jurisdiction: 'DE',
      subject: 'CN=Registry Test Root CA, O=Pontis Test PKI, C=DE',
      crl: null,
    });
    const seal = issueAgencyCertificate(ca, { subject: 'DRV Registry Seal', keyType: 'ec-p256' });
    const [key] = await addKey('de-keys', { key: seal.certPem, kid: 'de-keys-seal' });
    expect(key).toMatchObject({
      kid: 'de-keys-seal',
      family: 'ecdsa-p256',
      state: 'active',
      certificate: {
        serial: seal.serial,
        issuer: 'CN=Registry Test Root CA, O=Pontis Test PKI, C=DE',
        subject: 'CN=DRV Registry Seal, O=Test Agency, C=DE',
        notBefore: '2024-01-01T00:00:00.000Z',
        notAfter: '2044-01-01T00:00:00.000Z',
      },
    });
    expect(keyOf(await partner('de-keys'), 'de-keys-seal')?.certificate?.serial).toBe(seal.serial);

    // An RSA seal with the chain (leaf first, then the anchor itself) works as well.
    const rsaSeal = issueAgencyCertificate(ca, { subject: 'DRV RSA Seal', keyType: 'rsa' });
    const [rsaKey] = await addKey('de-keys', {
      key: `${rsaSeal.certPem}${ca.certPem}`,
      kid: 'de-keys-rsa-seal',
    });
    expect(rsaKey).toMatchObject({ family: 'rsa', certificate: { serial: rsaSeal.serial } });
  });

  it('refuses a private key without echoing it (422 partner_key_invalid)', async () => {
    const ed = await generatePartnerKey('ed25519', 'de-keys-private');
    const privateJwk = ed.privateJwk as JsonWebKey & { d: string };
    const jwk = await expectProblem(
      await post('/v1/partners/de-keys/keys', {
        key: JSON.stringify({ ...privateJwk, kid: 'de-keys-private' }),
      }),
      422,
      'partner_key_invalid',
    );
    expect(jwk.text).not.toContain(privateJwk.d);
    expect(jwk.body).toMatchObject({ reason: 'private_key' });

    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = ec.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const pemBody = pem.split('\n')[1] as string;
    const fromPem = await expectProblem(
      await post('/v1/partners/de-keys/keys', { key: pem }),
      422,
      'partner_key_invalid',
    );
    expect(fromPem.text).not.toContain(pemBody);
    const d = ec.privateKey.export({ format: 'jwk' }).d as string;
    expect(fromPem.text).not.toContain(d);
    // Nor do the logs carry it.
    expect(gw.logs.join('\n')).not.toContain(privateJwk.d);
    expect(gw.logs.join('\n')).not.toContain(pemBody);
    expect(keyOf(await partner('de-keys'), 'de-keys-private')).toBeUndefined();
  });

  it('refuses RSA-1024 (422), a taken kid (409) and an unknown partner (404)', async () => {
    const weak = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const small = await expectProblem(
      await post('/v1/partners/de-keys/keys', {
        key: JSON.stringify({ ...weak.publicKey.export({ format: 'jwk' }), kid: 'de-keys-weak' }),
      }),
      422,
      'partner_key_invalid',
    );
    expect(small.body.detail).toContain('2048');
    await expectProblem(
      await post('/v1/partners/de-keys/keys', {
        key: weak.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      }),
      422,
      'partner_key_invalid',
    );

    // The same kid again, for this partner or another one: kids are unique across partners.
    const again = await generatePartnerKey('ed25519', 'de-keys-ed');
    const taken = await expectProblem(
      await post('/v1/partners/de-keys/keys', { key: JSON.stringify(again.publicJwk) }),
      409,
      'partner_conflict',
    );
    expect(taken.body).toMatchObject({ kid: 'de-keys-ed' });
    await expectProblem(
      await post('/v1/partners/fr-keys/keys', { key: JSON.stringify(again.publicJwk) }),
      409,
      'partner_conflict',
    );
    // A JWKS with one new and one taken kid stores neither.
    const fresh = await generatePartnerKey('ed25519', 'de-keys-fresh');
    await expectProblem(
      await post('/v1/partners/de-keys/keys', {
        key: JSON.stringify({ keys: [fresh.publicJwk, again.publicJwk] }),
      }),
      409,
      'partner_conflict',
    );
    expect(keyOf(await partner('de-keys'), 'de-keys-fresh')).toBeUndefined();

    await expectProblem(
      await post('/v1/partners/nobody-here/keys', { key: JSON.stringify(fresh.publicJwk) }),
      404,
      'partner_not_found',
    );
    await expectProblem(await get('/v1/partners/nobody-here'), 404, 'partner_not_found');
  });

  it('refuses certificates without an anchor of the jurisdiction, expired ones and untrusted ones (422 certificate_untrusted)', async () => {
    // The DE anchor does not help a French agency.
    const seal = issueAgencyCertificate(ca, { subject: 'CNAV Seal', keyType: 'ec-p256' });
    const noAnchor = await expectProblem(
      await post('/v1/partners/fr-keys/keys', { key: seal.certPem, kid: 'fr-keys-seal' }),
      422,
      'certificate_untrusted',
    );
    expect(noAnchor.body).toMatchObject({ reason: 'no_trust_anchor' });

    const expired = issueAgencyCertificate(ca, {
      subject: 'DRV Old Seal',
      keyType: 'ec-p256',
      notBefore: new Date('2024-01-01T00:00:00Z'),
      notAfter: new Date('2026-01-01T00:00:00Z'),
    });
    const old = await expectProblem(
      await post('/v1/partners/de-keys/keys', { key: expired.certPem, kid: 'de-keys-old-seal' }),
      422,
      'certificate_untrusted',
    );
    expect(old.body).toMatchObject({ reason: 'certificate_expired' });

    const stranger = createTestCa({ name: 'Stranger Root CA' });
    const foreign = issueAgencyCertificate(stranger, { subject: 'Foreign Seal', keyType: 'ec-p256' });
    await expectProblem(
      await post('/v1/partners/de-keys/keys', { key: foreign.certPem, kid: 'de-keys-foreign' }),
      422,
      'certificate_untrusted',
    );
    const view = await partner('de-keys');
    for (const kid of ['de-keys-old-seal', 'de-keys-foreign']) expect(keyOf(view, kid)).toBeUndefined();
    expect(keyOf(await partner('fr-keys'), 'fr-keys-seal')).toBeUndefined();
  });
});

describe('rotation with overlap', () => {
  let first: TestPartner;
  let second: PartnerClient;
  const nextKid = 'de-rotate-key-2';

  beforeAll(async () => {
    gw.clock.now = START;
    first = await registerTestPartner(gw, { id: 'de-rotate', jurisdiction: 'DE' });
  });

  it('a key registered ahead is pending until it activates, then both keys sign', async () => {
    const next = await generatePartnerKey('ecdsa-p256', nextKid);
    second = clientFor('de-rotate', next);
    const activatesAt = new Date(START.getTime() + 3600_000);
    const [pending] = await addKey('de-rotate', {
      key: JSON.stringify(next.publicJwk),
      activatesAt: activatesAt.toISOString(),
    });
    expect(pending).toMatchObject({ kid: nextKid, state: 'pending', activatesAt: activatesAt.toISOString() });
    expect(keyOf(await partner('de-rotate'), nextKid)?.state).toBe('pending');

    expect(await signedStatus(first.client)).toEqual({ status: 200 });
    expect(await signedStatus(second)).toEqual({ status: 401, code: 'signature_key_not_active' });

    gw.clock.advance(3601);
    const view = await partner('de-rotate');
    expect(keyOf(view, nextKid)?.state).toBe('active');
    expect(keyOf(view, first.key.kid)?.state).toBe('active');
    expect(await signedStatus(first.client)).toEqual({ status: 200 });
    expect(await signedStatus(second)).toEqual({ status: 200 });
  });

  it('retiring the old key at a later time keeps it active until then', async () => {
    const retireAt = new Date(gw.clock.now.getTime() + 600_000);
    const retire = await post(`/v1/partners/de-rotate/keys/${first.key.kid}/retire`, {
      at: retireAt.toISOString(),
    });
    expect(retire.status, await retire.clone().text()).toBe(200);
    expect(await json<KeyView>(retire)).toMatchObject({
      kid: first.key.kid,
      state: 'active',
      retiredAt: retireAt.toISOString(),
    });
    expect(await signedStatus(first.client)).toEqual({ status: 200 });

    gw.clock.advance(601);
    const view = await partner('de-rotate');
    expect(keyOf(view, first.key.kid)).toMatchObject({ state: 'retired', retiredAt: retireAt.toISOString() });
    expect(keyOf(view, nextKid)?.state).toBe('active');
    expect(await signedStatus(first.client)).toEqual({ status: 401, code: 'signature_key_retired' });
    expect(await signedStatus(second)).toEqual({ status: 200 });
  });

  it('refuses to retire a retired key (409) or an unknown one (404)', async () => {
    await expectProblem(
      await post(`/v1/partners/de-rotate/keys/${first.key.kid}/retire`, {}),
      409,
      'invalid_state_transition',
    );
    await expectProblem(
      await post('/v1/partners/de-rotate/keys/no-such-kid/retire', {}),
      404,
      'partner_key_not_found',
    );
    // A kid of another partner is not this partner's to retire.
    await expectProblem(
      await post('/v1/partners/de-rotate/keys/de-keys-ed/retire', {}),
      404,
      'partner_key_not_found',
    );
    await expectProblem(
      await post(`/v1/partners/nobody-here/keys/${nextKid}/retire`, {}),
      404,
      'partner_not_found',
    );
  });

  it('retires at once when no time is given, even without a body', async () => {
    const third = await generatePartnerKey('ed25519', 'de-rotate-key-3');
    await addKey('de-rotate', { key: JSON.stringify(third.publicJwk) });
    const response = await gw.request('POST', '/v1/partners/de-rotate/keys/de-rotate-key-3/retire', {
      role: 'operator',
    });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await json<KeyView>(response)).toMatchObject({
      state: 'retired',
      retiredAt: gw.clock.now.toISOString(),
    });
    expect(await signedStatus(clientFor('de-rotate', third))).toEqual({
      status: 401,
      code: 'signature_key_retired',
    });
  });
});

describe('trust anchors and CRLs', () => {
  const ca = createTestCa({ name: 'CRL Test Root CA' });
  let seal: ReturnType<typeof issueAgencyCertificate>;
  let sealClient: PartnerClient;

  beforeAll(async () => {
    gw.clock.now = START;
  });

  it('refuses a certificate that is not a CA, and lists the anchors', async () => {
    const notCa = createTestCa({ name: 'Not A CA', isCa: false });
    const refused = await expectProblem(
      await post('/v1/trust-anchors', { jurisdiction: 'NL', certificate: notCa.certPem }),
      422,
      'certificate_untrusted',
    );
    expect(refused.body.detail).toContain('CA');
    await expectProblem(
      await post('/v1/trust-anchors', { jurisdiction: 'NL', certificate: 'not a certificate' }),
      422,
      'certificate_untrusted',
    );
    await expectProblem(
      await post('/v1/trust-anchors', { jurisdiction: 'ZZ', certificate: ca.certPem }),
      422,
      'jurisdiction_unknown',
    );

    const added = await post('/v1/trust-anchors', { jurisdiction: 'NL', certificate: ca.certPem });
    expect(added.status).toBe(201);
    const anchor = await json<AnchorView>(added);
    // Adding the same anchor again changes nothing.
    const again = await post('/v1/trust-anchors', { jurisdiction: 'NL', certificate: ca.certPem });
    expect((await json<AnchorView>(again)).id).toBe(anchor.id);

    const list = await json<{ object: string; data: AnchorView[] }>(
      await gw.request('GET', '/v1/trust-anchors', { role: 'auditor' }),
    );
    expect(list.object).toBe('list');
    const nl = list.data.filter((item) => item.jurisdiction === 'NL');
    expect(nl).toEqual([
      expect.objectContaining({
        id: anchor.id,
        subject: 'CN=CRL Test Root CA, O=Pontis Test PKI, C=DE',
        fingerprintSha256: anchor.fingerprintSha256,
        crl: null,
      }),
    ]);
    expect(list.data.some((item) => item.subject.includes('Not A CA'))).toBe(false);

    await createPartner('nl-crl', 'NL');
    seal = issueAgencyCertificate(ca, {
      subject: 'SVB CRL Seal',
      keyType: 'ec-p256',
      notBefore: new Date('2026-01-01T00:00:00Z'),
      notAfter: new Date('2027-12-31T00:00:00Z'),
    });
    await addKey('nl-crl', { key: seal.certPem, kid: 'nl-crl-seal' });
    sealClient = clientFor('nl-crl', { kid: 'nl-crl-seal', privateJwk: seal.privateJwk as JsonWebKey });
    expect(await signedStatus(sealClient)).toEqual({ status: 200 });
  });

  it('loads a CRL, refuses an older one and one of an unknown CA, and refuses revoked certificates', async () => {
    const first = createCrl(ca, {
      revoked: [{ serial: '11aa22bb', revokedAt: new Date('2026-11-01T00:00:00Z') }],
      thisUpdate: new Date('2026-11-20T00:00:00Z'),
      nextUpdate: new Date('2026-11-27T00:00:00Z'),
    });
    const loaded = await post('/v1/trust-anchors/crl', { crl: first });
    expect(loaded.status, await loaded.clone().text()).toBe(200);
    expect(await json<AnchorView>(loaded)).toMatchObject({
      jurisdiction: 'NL',
      crl: {
        thisUpdate: '2026-11-20T00:00:00.000Z',
        nextUpdate: '2026-11-27T00:00:00.000Z',
        revoked: 1,
      },
    });
    // The same CRL again is no change; the seal is not on it.
    expect((await post('/v1/trust-anchors/crl', { crl: first })).status).toBe(200);
    expect(await signedStatus(sealClient)).toEqual({ status: 200 });

    const older = createCrl(ca, {
      revoked: [],
      thisUpdate: new Date('2026-11-13T00:00:00Z'),
      nextUpdate: new Date('2026-11-20T00:00:00Z'),
    });
    await expectProblem(await post('/v1/trust-anchors/crl', { crl: older }), 422, 'crl_invalid');

    const unknown = createTestCa({ name: 'Unknown CRL Issuer CA' });
    const foreign = createCrl(unknown, {
      revoked: [{ serial: seal.serial, revokedAt: new Date('2026-11-21T00:00:00Z') }],
      thisUpdate: new Date('2026-11-22T00:00:00Z'),
    });
    await expectProblem(await post('/v1/trust-anchors/crl', { crl: foreign }), 422, 'crl_invalid');
    // A CRL in the CA's name but signed with another key is refused as well.
    const forged = createCrl(ca, {
      revoked: [{ serial: seal.serial, revokedAt: new Date('2026-11-21T00:00:00Z') }],
      thisUpdate: new Date('2026-11-22T00:00:00Z'),
      signingKey: unknown.forgeKey,
    });
    await expectProblem(await post('/v1/trust-anchors/crl', { crl: forged }), 422, 'crl_invalid');
    await expectProblem(await post('/v1/trust-anchors/crl', { crl: 'garbage' }), 422, 'crl_invalid');
    expect(await signedStatus(sealClient)).toEqual({ status: 200 });

    const revoking = createCrl(ca, {
      revoked: [
        { serial: '11aa22bb', revokedAt: new Date('2026-11-01T00:00:00Z') },
        { serial: seal.serial, revokedAt: new Date('2026-11-21T00:00:00Z') },
      ],
      thisUpdate: new Date('2026-11-22T00:00:00Z'),
      nextUpdate: new Date('2026-11-29T00:00:00Z'),
    });
    const newer = await post('/v1/trust-anchors/crl', { crl: revoking });
    expect(newer.status, await newer.clone().text()).toBe(200);
    expect((await json<AnchorView>(newer)).crl?.revoked).toBe(2);
    expect(await signedStatus(sealClient)).toEqual({ status: 401, code: 'certificate_revoked' });
    // A revoked certificate cannot be registered again (under another kid) either.
    const again = await post('/v1/partners/nl-crl/keys', { key: seal.certPem, kid: 'nl-crl-seal-again' });
    await expectProblem(again, 422, 'certificate_untrusted');
    // Adding the same anchor again reports its CRL as it is.
    const readded = await post('/v1/trust-anchors', { jurisdiction: 'NL', certificate: ca.certPem });
    expect((await json<AnchorView>(readded)).crl?.revoked).toBe(2);

    const list = await json<{ data: AnchorView[] }>(await get('/v1/trust-anchors'));
    expect(list.data.find((item) => item.jurisdiction === 'NL')?.crl).toMatchObject({
      thisUpdate: '2026-11-22T00:00:00.000Z',
      revoked: 2,
    });
  });

  it('revokes keys in every jurisdiction that trusts the same CA', async () => {
    const shared = createTestCa({ name: 'Shared EU Root CA' });
    for (const jurisdiction of ['DE', 'FR']) {
      const added = await post('/v1/trust-anchors', { jurisdiction, certificate: shared.certPem });
      expect(added.status).toBe(201);
    }
    await createPartner('fr-shared', 'FR');
    await createPartner('de-shared', 'DE');
    const frSeal = issueAgencyCertificate(shared, { subject: 'FR Shared Seal', keyType: 'ec-p256' });
    const deSeal = issueAgencyCertificate(shared, { subject: 'DE Shared Seal', keyType: 'ec-p256' });
    await addKey('fr-shared', { key: frSeal.certPem, kid: 'fr-shared-seal' });
    await addKey('de-shared', { key: deSeal.certPem, kid: 'de-shared-seal' });
    const fr = clientFor('fr-shared', { kid: 'fr-shared-seal', privateJwk: frSeal.privateJwk as JsonWebKey });
    const de = clientFor('de-shared', { kid: 'de-shared-seal', privateJwk: deSeal.privateJwk as JsonWebKey });
    expect(await signedStatus(fr)).toEqual({ status: 200 });
    expect(await signedStatus(de)).toEqual({ status: 200 });

    const crl = createCrl(shared, {
      revoked: [
        { serial: frSeal.serial, revokedAt: new Date('2026-11-21T00:00:00Z') },
        { serial: deSeal.serial, revokedAt: new Date('2026-11-21T00:00:00Z') },
      ],
      thisUpdate: new Date('2026-11-22T00:00:00Z'),
    });
    expect((await post('/v1/trust-anchors/crl', { crl })).status).toBe(200);
    expect(await signedStatus(fr)).toEqual({ status: 401, code: 'certificate_revoked' });
    expect(await signedStatus(de)).toEqual({ status: 401, code: 'certificate_revoked' });
    const list = await json<{ data: AnchorView[] }>(await get('/v1/trust-anchors'));
    const sharedAnchors = list.data.filter((item) => item.subject.includes('Shared EU Root CA'));
    expect(sharedAnchors.map((item) => [item.jurisdiction, item.crl?.revoked])).toEqual([
      ['DE', 2],
      ['FR', 2],
    ]);
  });
});

describe('audit trail', () => {
  it('records every registry change with the operator as actor and no key material', async () => {
    gw.clock.now = START;
    const ca = createTestCa({ name: 'Audit Test Root CA' });
    const created = await createPartner('ch-audit', 'CH', { name: 'Audit Agency' });
    await createPartner('ch-audit', 'CH', { callbackUrl: 'https://audit.example/cb' });
    const key = await generatePartnerKey('ed25519', 'ch-audit-key');
    await addKey('ch-audit', { key: JSON.stringify(key.publicJwk) });
    const anchorResponse = await post('/v1/trust-anchors', { jurisdiction: 'CH', certificate: ca.certPem });
    const anchor = await json<AnchorView>(anchorResponse);
    const seal = issueAgencyCertificate(ca, { subject: 'Audit Seal', keyType: 'rsa' });
    await addKey('ch-audit', { key: seal.certPem, kid: 'ch-audit-seal' });
    const retired = await post('/v1/partners/ch-audit/keys/ch-audit-key/retire', {});
    expect(retired.status).toBe(200);
    const crl = createCrl(ca, {
      revoked: [{ serial: seal.serial, revokedAt: new Date('2026-11-21T00:00:00Z') }],
      thisUpdate: new Date('2026-11-22T00:00:00Z'),
    });
    expect((await post('/v1/trust-anchors/crl', { crl })).status).toBe(200);
    expect(created.id).toBe('ch-audit');

    const rows = await gw.db.db
      .select()
      .from(auditEvents)
      .where(
        inArray(auditEvents.action, [
          'partner.created',
          'partner.updated',
          'partner_key.added',
          'partner_key.retired',
          'trust_anchor.added',
          'trust_anchor.crl_loaded',
        ]),
      );
    const mine = rows.filter(
      (row) =>
        row.subjectId === 'ch-audit' ||
        row.subjectId === anchor.id ||
        (row.data as { partnerId?: string }).partnerId === 'ch-audit',
    );
    const actions = mine.map((row) => row.action).sort();
    expect(actions).toEqual([
      'partner.created',
      'partner.updated',
      'partner_key.added',
      'partner_key.added',
      'partner_key.retired',
      'trust_anchor.added',
      'trust_anchor.crl_loaded',
    ]);
    for (const row of mine) {
      expect(row.actor, row.action).toBe(OPERATOR);
      expect(row.requestId, row.action).toBeTruthy();
    }
    const byAction = (action: string) => mine.filter((row) => row.action === action);
    expect(byAction('partner.created')[0]).toMatchObject({
      subjectType: 'partner',
      subjectId: 'ch-audit',
      data: { jurisdiction: 'CH' },
    });
    expect(byAction('partner.updated')[0]?.data).toEqual({ fields: ['callbackUrl'] });
    expect(
      byAction('partner_key.added')
        .map((row) => (row.data as { kid: string }).kid)
        .sort(),
    ).toEqual(['ch-audit-key', 'ch-audit-seal']);
    expect(
      byAction('partner_key.added').find((row) => (row.data as { kid: string }).kid === 'ch-audit-seal')
        ?.data,
    ).toMatchObject({ certificateSerial: seal.serial, family: 'rsa' });
    expect(byAction('partner_key.retired')[0]?.data).toMatchObject({
      partnerId: 'ch-audit',
      kid: 'ch-audit-key',
    });
    expect(byAction('trust_anchor.added')[0]).toMatchObject({
      subjectType: 'trust_anchor',
      data: { jurisdiction: 'CH', fingerprintSha256: anchor.fingerprintSha256 },
    });
    expect(byAction('trust_anchor.crl_loaded')[0]?.data).toMatchObject({ revoked: 1 });

    const text = JSON.stringify(mine.map((row) => row.data));
    expect(text).not.toContain(key.publicJwk.x as string);
    expect(text).not.toContain((key.privateJwk as { d: string }).d);
    expect(text).not.toContain(seal.publicJwk.n as string);
    expect(text).not.toContain('BEGIN');
    expect(text).not.toMatch(/"(x|y|n|d|publicJwk|certificatePem|pem)"/);
  });

  it('a refused change writes no audit event', async () => {
    const before = (await gw.db.db.select().from(auditEvents)).length;
    const ed = await generatePartnerKey('ed25519', 'ch-audit-refused');
    await post('/v1/partners/ch-audit/keys', { key: JSON.stringify({ ...ed.privateJwk, kid: 'x' }) });
    await post('/v1/partners', { id: 'ch-audit', jurisdiction: 'DE' });
    await post('/v1/trust-anchors/crl', { crl: 'garbage' });
    expect((await gw.db.db.select().from(auditEvents)).length).toBe(before);
  });
});

describe('GET /.well-known/jwks.json', () => {
  it('is public and lists the active key first, public members only', async () => {
    const response = await gw.request('GET', '/.well-known/jwks.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('public');
    const body = await json<{ keys: Record<string, unknown>[] }>(response);
    expect(body.keys.length).toBeGreaterThanOrEqual(1);
    expect(body.keys[0]).toEqual({
      kty: 'EC',
      crv: 'P-256',
      x: gw.key.publicJwk.x,
      y: gw.key.publicJwk.y,
      kid: gw.key.kid,
      alg: 'ES256',
      use: 'sig',
    });
    for (const key of body.keys) expect(key).not.toHaveProperty('d');
    expect(JSON.stringify(body)).not.toContain(gw.key.privateJwk.d as string);
  });
});
