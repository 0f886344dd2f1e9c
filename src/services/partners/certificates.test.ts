import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { afterAll, describe, expect, it } from 'vitest';
import { createCrl, createTestCa, issueAgencyCertificate, type TestCa } from '../../../test/helpers/pki.ts';
import { GatewayError } from '../../core/errors.ts';
import { describeCertificate, parseCrl, validateCertificateChain } from './certificates.ts';

const AT = new Date('2026-06-01T12:00:00Z');

const root = createTestCa({ name: 'DE Test Root CA' });
const issuing = createTestCa({ name: 'DE Test Issuing CA', issuer: root });
const otherRoot = createTestCa({ name: 'FR Test Root CA' });

function thrown(fn: () => unknown): GatewayError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    return error as GatewayError;
  }
  throw new Error('expected a GatewayError');
}

function derOf(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[A-Z0-9 ]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

function sha256(pem: string): string {
  return createHash('sha256').update(derOf(pem)).digest('hex');
}

/** Validates a leaf issued directly by the test root, at AT. */
const underRoot = (leafPem: string) =>
  validateCertificateChain({ leafPem, chainPems: [], anchorPems: [root.certPem], at: AT });

describe('validateCertificateChain', () => {
  it('accepts anchor → agency certificate and reports its fields', () => {
    const agency = issueAgencyCertificate(root, {
      subject: 'Deutsche Rentenversicherung Seal',
      serial: '1a2b3c',
    });
    const result = validateCertificateChain({
      leafPem: agency.certPem,
      chainPems: [],
      anchorPems: [otherRoot.certPem, root.certPem],
      at: AT,
    });
    expect(result).toEqual({
      serial: '1a2b3c',
      issuer: 'CN=DE Test Root CA, O=Pontis Test PKI, C=DE',
      subject: 'CN=Deutsche Rentenversicherung Seal, O=Test Agency, C=DE',
      notBefore: new Date('2024-01-01T00:00:00Z'),
      notAfter: new Date('2044-01-01T00:00:00Z'),
      fingerprintSha256: sha256(agency.certPem),
      anchorFingerprintSha256: sha256(root.certPem),
    });
    // Same serial as node:crypto / OpenSSL sees it.
    expect(new X509Certificate(agency.certPem).serialNumber.toLowerCase()).toBe('1a2b3c');
  });

  it('accepts anchor → intermediate → agency certificate, chain in any order, anchor included or not', () => {
    const agency = issueAgencyCertificate(issuing, { subject: 'Agency Seal' });
    const base = { leafPem: agency.certPem, anchorPems: [root.certPem], at: AT };
    const result = validateCertificateChain({ ...base, chainPems: [issuing.certPem] });
    expect(result.issuer).toBe('CN=DE Test Issuing CA, O=Pontis Test PKI, C=DE');
    expect(result.serial).toBe(agency.serial);
    expect(result.anchorFingerprintSha256).toBe(sha256(root.certPem));
    expect(validateCertificateChain({ ...base, chainPems: [root.certPem, issuing.certPem] })).toEqual(result);
    // An intermediate configured as the anchor itself.
    const direct = validateCertificateChain({ ...base, chainPems: [], anchorPems: [issuing.certPem] });
    expect(direct.anchorFingerprintSha256).toBe(sha256(issuing.certPem));
  });

  it('accepts EC P-256 and Ed25519 agency certificates issued by an RSA CA', () => {
    for (const keyType of ['ec-p256', 'ed25519'] as const) {
      const agency = issueAgencyCertificate(issuing, { subject: `Agency ${keyType}`, keyType });
      const result = validateCertificateChain({
        leafPem: agency.certPem,
        chainPems: [issuing.certPem],
        anchorPems: [root.certPem],
        at: AT,
      });
      expect(result.serial).toBe(agency.serial);
      expect(result.subject).toBe(`CN=Agency ${keyType}, O=Test Agency, C=DE`);
    }
  });

  it('refuses a non-RSA leaf whose signature does not verify', () => {
    const agency = issueAgencyCertificate(root, {
      subject: 'Forged EC',
      keyType: 'ec-p256',
      signingKey: otherRoot.forgeKey,
    });
    const error = thrown(() => underRoot(agency.certPem));
    expect(error.code).toBe('certificate_untrusted');
    expect(error.message).toMatch(/not signed by a trust anchor/);
  });

  it('refuses an EC agency certificate whose key was swapped after signing', () => {
    const agency = issueAgencyCertificate(root, { subject: 'Swapped EC', keyType: 'ec-p256' });
    const other = issueAgencyCertificate(root, { subject: 'Other EC', keyType: 'ec-p256' });
    const der = derOf(agency.certPem);
    const x = Buffer.from(String(agency.publicJwk.x), 'base64url');
    const at = der.indexOf(x);
    expect(at).toBeGreaterThan(0);
    Buffer.from(String(other.publicJwk.x), 'base64url').copy(der, at);
    Buffer.from(String(other.publicJwk.y), 'base64url').copy(der, at + 32);
    const pem = `-----BEGIN CERTIFICATE-----\n${der.toString('base64')}\n-----END CERTIFICATE-----\n`;
    const error = thrown(() => underRoot(pem));
    expect(error.code).toBe('certificate_untrusted');
  });

  it('refuses an expired agency certificate or intermediate', () => {
    const agency = issueAgencyCertificate(root, {
      subject: 'Old Seal',
      notBefore: new Date('2020-01-01T00:00:00Z'),
      notAfter: new Date('2025-01-01T00:00:00Z'),
    });
    const error = thrown(() => underRoot(agency.certPem));
    expect(error.code).toBe('certificate_expired');
    expect(error.message).toMatch(
      /agency certificate expired at 2025-01-01T00:00:00.000Z; register the renewed/,
    );
    expect(error.details).toMatchObject({ depth: 0, reason: 'expired' });

    const oldIssuing = createTestCa({
      name: 'DE Old Issuing CA',
      issuer: root,
      notBefore: new Date('2020-01-01T00:00:00Z'),
      notAfter: new Date('2026-01-01T00:00:00Z'),
    });
    const leaf = issueAgencyCertificate(oldIssuing, { subject: 'Seal under old CA' });
    const chainError = thrown(() =>
      validateCertificateChain({
        leafPem: leaf.certPem,
        chainPems: [oldIssuing.certPem],
        anchorPems: [root.certPem],
        at: AT,
      }),
    );
    expect(chainError.code).toBe('certificate_expired');
    expect(chainError.message).toMatch(/intermediate certificate "CN=DE Old Issuing CA/);
    expect(chainError.details).toMatchObject({ depth: 1 });
  });

  it('refuses a certificate that is not valid yet', () => {
    const agency = issueAgencyCertificate(root, {
      subject: 'Future Seal',
      notBefore: new Date('2027-01-01T00:00:00Z'),
      notAfter: new Date('2030-01-01T00:00:00Z'),
    });
    const error = thrown(() => underRoot(agency.certPem));
    expect(error.code).toBe('certificate_not_yet_valid');
    expect(error.message).toMatch(/not valid before 2027-01-01T00:00:00.000Z/);
  });

  it('refuses a certificate of another CA, and one whose chain is missing', () => {
    const agency = issueAgencyCertificate(otherRoot, { subject: 'French Seal' });
    const error = thrown(() => underRoot(agency.certPem));
    expect(error.code).toBe('certificate_untrusted');
    expect(error.message).toMatch(/does not chain to a trust anchor.*trust-anchor add/);

    const underIssuing = issueAgencyCertificate(issuing, { subject: 'Agency Seal' });
    const missing = thrown(() => underRoot(underIssuing.certPem));
    expect(missing.code).toBe('certificate_untrusted');
    expect(missing.message).toMatch(/send the full chain/);
  });

  it('refuses an impostor CA with the anchor’s name but another key', () => {
    const impostor = createTestCa({ name: 'DE Test Root CA', freshKey: true });
    const agency = issueAgencyCertificate(impostor, { subject: 'Impostor Seal' });
    const error = thrown(() => underRoot(agency.certPem));
    expect(error.code).toBe('certificate_untrusted');
    // …also when the impostor's self-signed root is sent as chain.
    const withRoot = thrown(() =>
      validateCertificateChain({
        leafPem: agency.certPem,
        chainPems: [impostor.certPem],
        anchorPems: [root.certPem],
        at: AT,
      }),
    );
    expect(withRoot.code).toBe('certificate_untrusted');
  });

  it('refuses when no anchor is configured', () => {
    const agency = issueAgencyCertificate(root, { subject: 'Agency Seal' });
    const error = thrown(() =>
      validateCertificateChain({ leafPem: agency.certPem, chainPems: [], anchorPems: [], at: AT }),
    );
    expect(error.code).toBe('certificate_untrusted');
    expect(error.message).toMatch(/No trust anchor.*pontis partners trust-anchor add/);
  });

  it('refuses an agency certificate without digitalSignature key usage', () => {
    for (const keyUsage of [{ digitalSignature: false }, false] as const) {
      const agency = issueAgencyCertificate(root, { subject: 'Encryption Only', keyUsage });
      const error = thrown(() => underRoot(agency.certPem));
      expect(error.code).toBe('partner_key_invalid');
      expect(error.message).toMatch(keyUsage ? /key usage does not include digitalSignature/ : /no keyUsage/);
    }
  });

  it('refuses an intermediate that is not a CA', () => {
    const notCa = createTestCa({ name: 'DE Not A CA', issuer: root, isCa: false });
    const agency = issueAgencyCertificate(notCa, { subject: 'Agency Seal' });
    const error = thrown(() =>
      validateCertificateChain({
        leafPem: agency.certPem,
        chainPems: [notCa.certPem],
        anchorPems: [root.certPem],
        at: AT,
      }),
    );
    expect(error.code).toBe('certificate_untrusted');
    expect(error.details).toMatchObject({ depth: 1, reason: 'not_ca' });
    expect(error.message).toMatch(/intermediate certificate "CN=DE Not A CA.*is not a CA certificate/);
  });

  it('refuses SHA-1 signed certificates', () => {
    const cert = forge.pki.createCertificate();
    const agency = issueAgencyCertificate(root, { subject: 'Agency Seal' });
    cert.publicKey = forge.pki.certificateFromPem(agency.certPem).publicKey;
    cert.serialNumber = '05';
    cert.validity.notBefore = new Date('2025-01-01T00:00:00Z');
    cert.validity.notAfter = new Date('2030-01-01T00:00:00Z');
    cert.setSubject([{ shortName: 'CN', value: 'SHA1 Seal' }]);
    cert.setIssuer(root.cert.subject.attributes);
    cert.setExtensions([{ name: 'keyUsage', digitalSignature: true }]);
    cert.sign(root.forgeKey, forge.md.sha1.create());
    const error = thrown(() => underRoot(forge.pki.certificateToPem(cert)));
    expect(error.code).toBe('certificate_untrusted');
    expect(error.details).toMatchObject({ reason: 'signature_algorithm' });
  });

  it('refuses garbage certificates with partner_key_invalid', () => {
    const error = thrown(() => underRoot('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----'));
    expect(error.code).toBe('partner_key_invalid');
  });
});

describe('describeCertificate', () => {
  it('describes a CA certificate', () => {
    const description = describeCertificate(root.certPem);
    expect(description).toEqual({
      serial: root.cert.serialNumber,
      issuer: 'CN=DE Test Root CA, O=Pontis Test PKI, C=DE',
      subject: 'CN=DE Test Root CA, O=Pontis Test PKI, C=DE',
      notBefore: new Date('2024-01-01T00:00:00Z'),
      notAfter: new Date('2044-01-01T00:00:00Z'),
      fingerprintSha256: sha256(root.certPem),
      isCa: true,
    });
  });

  it('says when a certificate is not a CA', () => {
    const agency = issueAgencyCertificate(root, { subject: 'Agency Seal', keyType: 'ec-p256' });
    expect(describeCertificate(agency.certPem).isCa).toBe(false);
  });

  it('refuses input that is not exactly one certificate', () => {
    expect(thrown(() => describeCertificate('nope')).code).toBe('certificate_untrusted');
    expect(thrown(() => describeCertificate(`${root.certPem}${otherRoot.certPem}`)).message).toMatch(
      /exactly one PEM certificate/,
    );
  });

  it('formats names as RFC 4514, escaping special characters', () => {
    const ca = createTestCa({ name: 'Müller, Schmidt + Co "CA"' });
    expect(describeCertificate(ca.certPem).subject).toBe(
      'CN=Müller\\, Schmidt \\+ Co \\"CA\\", O=Pontis Test PKI, C=DE',
    );
  });
});

describe('parseCrl', () => {
  const thisUpdate = new Date('2026-05-01T00:00:00Z');
  const nextUpdate = new Date('2026-06-01T00:00:00Z');

  function revokedPair(ca: TestCa) {
    const a = issueAgencyCertificate(ca, { subject: 'Revoked A' });
    const b = issueAgencyCertificate(ca, { subject: 'Revoked B', keyType: 'ec-p256', serial: '00ff01' });
    const c = issueAgencyCertificate(ca, { subject: 'Revoked C', serial: '7f' });
    return [a, b, c];
  }

  it('parses a CRL with several entries whose serials match the certificates’', () => {
    const certs = revokedPair(root);
    const revokedAt = [
      new Date('2026-04-01T10:00:00Z'),
      new Date('2026-04-02T11:00:00Z'),
      new Date('2055-01-01T00:00:00Z'),
    ];
    const pem = createCrl(root, {
      revoked: certs.map((cert, i) => ({
        serial: cert.serial,
        revokedAt: revokedAt[i] as Date,
        ...(i === 0 ? { reason: 1 } : {}),
      })),
      thisUpdate,
      nextUpdate,
      crlNumber: 42,
    });
    const crl = parseCrl(pem, root.certPem, new Date('2026-05-15T00:00:00Z'));
    expect(crl.issuer).toBe('CN=DE Test Root CA, O=Pontis Test PKI, C=DE');
    expect(crl.thisUpdate).toEqual(thisUpdate);
    expect(crl.nextUpdate).toEqual(nextUpdate);
    expect(crl.crlNumber).toBe('42');
    expect(crl.stale).toBe(false);
    expect(crl.fingerprintSha256).toBe(sha256(pem));
    expect(crl.revoked).toEqual([
      { serial: certs[0]?.serial, revokedAt: revokedAt[0], reason: 'keyCompromise' },
      { serial: '00ff01', revokedAt: revokedAt[1] },
      { serial: '7f', revokedAt: revokedAt[2] },
    ]);
    // The serials are the ones chain validation reports.
    for (const cert of certs) {
      const validated = underRoot(cert.certPem);
      expect(crl.revoked.map((entry) => entry.serial)).toContain(validated.serial);
    }
    // Base64 DER works too, and a passed nextUpdate makes it stale.
    const der = derOf(pem).toString('base64');
    expect(parseCrl(der, root.certPem, AT).stale).toBe(true);
  });

  it('parses a v1 CRL without nextUpdate, entries or extensions, and GeneralizedTime', () => {
    const minimal = parseCrl(
      createCrl(root, { revoked: [], thisUpdate, crlNumber: null, omitVersion: true }),
      root.certPem,
    );
    expect(minimal).toMatchObject({ thisUpdate, revoked: [], stale: false });
    expect(minimal.nextUpdate).toBeUndefined();
    expect(minimal.crlNumber).toBeUndefined();
    const generalized = parseCrl(
      createCrl(root, {
        revoked: [{ serial: '0a', revokedAt: new Date('2026-04-01T00:00:00Z') }],
        thisUpdate,
        nextUpdate,
        generalizedTime: true,
      }),
      root.certPem,
    );
    expect(generalized.thisUpdate).toEqual(thisUpdate);
    expect(generalized.revoked).toEqual([{ serial: '0a', revokedAt: new Date('2026-04-01T00:00:00Z') }]);
  });

  it('refuses a CRL with a bad signature', () => {
    const pem = createCrl(root, { revoked: [], thisUpdate, signingKey: otherRoot.forgeKey });
    const error = thrown(() => parseCrl(pem, root.certPem));
    expect(error.code).toBe('crl_invalid');
    expect(error.details).toMatchObject({ reason: 'bad_signature' });
    // A flipped byte inside the signed part.
    const der = derOf(createCrl(root, { revoked: [{ serial: '01', revokedAt: thisUpdate }], thisUpdate }));
    const index = der.indexOf(Buffer.from([0x02, 0x01, 0x01]), 20);
    der[index + 2] = 0x02;
    expect(thrown(() => parseCrl(der.toString('base64'), root.certPem)).details).toMatchObject({
      reason: 'bad_signature',
    });
  });

  it('refuses a CRL signed by a certificate without cRLSign', () => {
    const notCa = createTestCa({ name: 'DE CRL Not A CA', issuer: root, isCa: false });
    const error = thrown(() => parseCrl(createCrl(notCa, { revoked: [], thisUpdate }), notCa.certPem));
    expect(error.code).toBe('crl_invalid');
    expect(error.details).toMatchObject({ reason: 'key_usage' });
  });

  it('refuses a CRL of another issuer', () => {
    const pem = createCrl(otherRoot, { revoked: [], thisUpdate });
    const error = thrown(() => parseCrl(pem, root.certPem));
    expect(error.code).toBe('crl_invalid');
    expect(error.details).toMatchObject({ reason: 'wrong_issuer' });
    expect(error.message).toMatch(/issued by "CN=FR Test Root CA/);
  });

  it('refuses garbage', () => {
    for (const input of [
      '',
      'garbage!',
      'AAAA',
      '-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----',
      root.certPem,
    ]) {
      const error = thrown(() => parseCrl(input, root.certPem));
      expect(error.code).toBe('crl_invalid');
    }
    // Truncated DER.
    const der = derOf(createCrl(root, { revoked: [], thisUpdate }));
    expect(
      thrown(() => parseCrl(der.subarray(0, der.length - 10).toString('base64'), root.certPem)).details,
    ).toMatchObject({
      reason: 'malformed',
    });
  });

  it('refuses a CRL whose thisUpdate lies in the future', () => {
    const pem = createCrl(root, { revoked: [], thisUpdate: new Date('2026-07-01T00:00:00Z') });
    expect(thrown(() => parseCrl(pem, root.certPem, AT)).details).toMatchObject({ reason: 'not_yet_valid' });
  });
});

const openssl = ['/usr/bin/openssl', '/usr/local/bin/openssl'].find((path) => existsSync(path));

describe.runIf(openssl)('interoperability with OpenSSL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pontis-pki-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  function file(name: string, content: string): string {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  }
  function run(...args: string[]): string {
    return execFileSync(openssl as string, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  it('OpenSSL reads and verifies the CRLs the helper builds', () => {
    const pem = createCrl(root, {
      revoked: [
        { serial: '1a2b3c', revokedAt: new Date('2026-04-01T10:00:00Z'), reason: 1 },
        { serial: '00ff01', revokedAt: new Date('2026-04-02T11:00:00Z') },
      ],
      thisUpdate: new Date('2026-05-01T00:00:00Z'),
      nextUpdate: new Date('2026-06-01T00:00:00Z'),
      crlNumber: 7,
    });
    const crlPath = file('helper.crl.pem', pem);
    const caPath = file('root.pem', root.certPem);
    const text = run('crl', '-in', crlPath, '-noout', '-text');
    expect(text).toMatch(/Serial Number: 1A2B3C/i);
    expect(text).toMatch(/Serial Number: (00)?FF01/i);
    expect(text).toMatch(/Key Compromise/);
    expect(text).toMatch(/X509v3 CRL Number:\s+7/);
    const verified = spawnSync(openssl as string, ['crl', '-in', crlPath, '-CAfile', caPath, '-noout'], {
      encoding: 'utf8',
    });
    expect(verified.status).toBe(0);
    expect(`${verified.stdout}${verified.stderr}`).toMatch(/verify OK/);
  });

  it('OpenSSL verifies the helper’s EC and Ed25519 agency certificates', () => {
    const caPath = file('root2.pem', root.certPem);
    const untrusted = file('issuing.pem', issuing.certPem);
    for (const keyType of ['ec-p256', 'ed25519', 'rsa'] as const) {
      const agency = issueAgencyCertificate(issuing, { subject: `OpenSSL ${keyType}`, keyType });
      const leaf = file(`leaf-${keyType}.pem`, agency.certPem);
      expect(
        run(
          'verify',
          '-attime',
          String(AT.getTime() / 1000),
          '-CAfile',
          caPath,
          '-untrusted',
          untrusted,
          leaf,
        ),
      ).toMatch(/OK/);
    }
  });

  it('parses a CRL and certificates OpenSSL made', () => {
    const caKey = file('ca.key', root.keyPem);
    const caCert = file('ca.pem', root.certPem);
    const index = file(
      'index.txt',
      [
        'R\t360101000000Z\t260401100000Z,keyCompromise\t1A2B3C\tunknown\t/CN=A',
        'R\t360101000000Z\t260402110000Z\t00FF01\tunknown\t/CN=B',
        'V\t360101000000Z\t\t0D\tunknown\t/CN=C',
        '',
      ].join('\n'),
    );
    file('crlnumber', '1000\n');
    const config = file(
      'ca.cnf',
      [
        '[ ca ]',
        'default_ca = test',
        '[ test ]',
        `database = ${index}`,
        `crlnumber = ${join(dir, 'crlnumber')}`,
        'default_md = sha384',
        'default_crl_days = 30',
        'crl_extensions = crl_ext',
        '[ crl_ext ]',
        'authorityKeyIdentifier = keyid:always',
        '',
      ].join('\n'),
    );
    const out = join(dir, 'openssl.crl.pem');
    run('ca', '-gencrl', '-config', config, '-keyfile', caKey, '-cert', caCert, '-out', out);
    const crlPem = execFileSync('cat', [out], { encoding: 'utf8' });
    const crl = parseCrl(crlPem, root.certPem, new Date());
    expect(crl.crlNumber).toBe(String(0x1000));
    expect(crl.revoked).toEqual(
      expect.arrayContaining([
        { serial: '1a2b3c', revokedAt: new Date('2026-04-01T10:00:00Z'), reason: 'keyCompromise' },
        { serial: '00ff01', revokedAt: new Date('2026-04-02T11:00:00Z') },
      ]),
    );
    expect(crl.revoked).toHaveLength(2);
    // DER as base64, as `openssl crl -outform DER | base64` gives it.
    expect(parseCrl(derOf(crlPem).toString('base64'), root.certPem).revoked).toHaveLength(2);

    // An EC agency key certified by OpenSSL with the RSA CA.
    const ecKey = join(dir, 'ec.key');
    run('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', ecKey);
    const ext = file(
      'leaf.ext',
      'keyUsage = critical, digitalSignature, nonRepudiation\nbasicConstraints = CA:FALSE\n',
    );
    const csr = join(dir, 'ec.csr');
    run('req', '-new', '-key', ecKey, '-subj', '/C=FR/O=Caisse Test/CN=Cachet Serveur', '-out', csr);
    const leafPath = join(dir, 'ec.pem');
    run(
      'x509',
      '-req',
      '-in',
      csr,
      '-CA',
      caCert,
      '-CAkey',
      caKey,
      '-set_serial',
      '0x0123456789abcdef',
      '-days',
      '30',
      '-sha256',
      '-extfile',
      ext,
      '-out',
      leafPath,
    );
    const leafPem = execFileSync('cat', [leafPath], { encoding: 'utf8' });
    const validated = validateCertificateChain({
      leafPem,
      chainPems: [],
      anchorPems: [root.certPem],
      at: new Date(),
    });
    expect(validated.serial).toBe('0123456789abcdef');
    expect(validated.subject).toBe('CN=Cachet Serveur, O=Caisse Test, C=FR');
    expect(validated.subject).toBe(
      run('x509', '-in', leafPath, '-noout', '-subject', '-nameopt', 'RFC2253')
        .replace(/^subject=/, '')
        .trim()
        .replace(/,/g, ', '),
    );
  });
});
