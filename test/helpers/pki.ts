/**
 * A small test PKI: RSA CAs (roots and intermediates), agency certificates with RSA, EC P-256 or
 * Ed25519 keys, and signed CRLs — for the certificate and key-material tests and for integration
 * tests of partner registration.
 *
 *   const ca = createTestCa({ name: 'DE Test Root' });
 *   const agency = issueAgencyCertificate(ca, { subject: 'Agency Seal', keyType: 'ec-p256' });
 *   const crl = createCrl(ca, { revoked: [{ serial: agency.serial, revokedAt }], thisUpdate });
 *
 * RSA keys come from node:crypto (native, fast) and are cached per process by name: two CAs with
 * the same name share a key (as a re-issued CA certificate would) unless `freshKey` is set.
 * Certificates and CRLs are sha256WithRSAEncryption. Dates default to 2024-01-01 – 2044-01-01.
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type JsonWebKey,
  randomBytes,
} from 'node:crypto';
import forge from 'node-forge';

export const DEFAULT_NOT_BEFORE = new Date('2024-01-01T00:00:00Z');
export const DEFAULT_NOT_AFTER = new Date('2044-01-01T00:00:00Z');

export interface TestCa {
  name: string;
  certPem: string;
  /** PKCS#1 PEM ("RSA PRIVATE KEY"). */
  keyPem: string;
  forgeKey: forge.pki.rsa.PrivateKey;
  cert: forge.pki.Certificate;
}

export interface TestCaOptions {
  /** The CN; default "Pontis Test Root CA". O is "Pontis Test PKI", C is "DE". */
  name?: string;
  notBefore?: Date;
  notAfter?: Date;
  /** Issue an intermediate under this CA instead of a self-signed root. */
  issuer?: TestCa;
  /** basicConstraints cA (default true); false makes a "CA" that is not one. */
  isCa?: boolean;
  /** A new key even if a CA of this name was created before. */
  freshKey?: boolean;
  serial?: string;
}

export interface AgencyCertificate {
  certPem: string;
  /** PKCS#8 PEM. */
  privateKeyPem: string;
  /** For signing requests in tests. */
  privateJwk: JsonWebKey;
  publicJwk: JsonWebKey;
  /** As node-forge and `ValidatedCertificate.serial` write it. */
  serial: string;
  keyType: 'rsa' | 'ec-p256' | 'ed25519';
}

export interface AgencyCertificateOptions {
  /** The CN. O is `organization` (default "Test Agency"), C is `country` (default "DE"). */
  subject: string;
  organization?: string;
  country?: string;
  /** Lowercase hex of the serial's content octets; random 16 bytes by default. */
  serial?: string;
  notBefore?: Date;
  notAfter?: Date;
  /** Default: digitalSignature and nonRepudiation. `false` leaves the extension out. */
  keyUsage?: { digitalSignature: boolean } | false;
  keyType?: 'rsa' | 'ec-p256' | 'ed25519';
  /** Sign with this key instead of the CA's (a certificate with a bad signature). */
  signingKey?: forge.pki.rsa.PrivateKey;
}

export interface CrlOptions {
  revoked: { serial: string; revokedAt: Date; reason?: number }[];
  thisUpdate: Date;
  nextUpdate?: Date;
  /** The cRLNumber extension; default 1. `null` leaves the crlExtensions out. */
  crlNumber?: number | null;
  /** Leave out the version field (a v1 CRL); only valid without extensions. */
  omitVersion?: boolean;
  /** Write every time as GeneralizedTime (by default UTCTime before 2050). */
  generalizedTime?: boolean;
  /** Sign with this key instead of the CA's (a CRL with a bad signature). */
  signingKey?: forge.pki.rsa.PrivateKey;
}

const rsaKeys = new Map<string, string>();

/** A PKCS#1 PEM RSA-2048 private key, cached by label. */
export function testRsaKeyPem(label: string, fresh = false): string {
  const cached = rsaKeys.get(label);
  if (cached && !fresh) return cached;
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  if (!fresh) rsaKeys.set(label, privateKey);
  return privateKey;
}

function publicFromPrivate(key: forge.pki.rsa.PrivateKey): forge.pki.rsa.PublicKey {
  return forge.pki.setRsaPublicKey(key.n, key.e);
}

function randomSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x3f) | 0x10;
  return bytes.toString('hex');
}

export function createTestCa(options: TestCaOptions = {}): TestCa {
  const name = options.name ?? 'Pontis Test Root CA';
  const keyPem = testRsaKeyPem(`ca:${name}`, options.freshKey);
  const forgeKey = forge.pki.privateKeyFromPem(keyPem);
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicFromPrivate(forgeKey);
  cert.serialNumber = options.serial ?? randomSerial();
  cert.validity.notBefore = options.notBefore ?? DEFAULT_NOT_BEFORE;
  cert.validity.notAfter = options.notAfter ?? DEFAULT_NOT_AFTER;
  // Most general first, as CAs write names; RFC 4514 text shows them reversed (CN first).
  const subject = [
    { shortName: 'C', value: 'DE' },
    { shortName: 'O', value: 'Pontis Test PKI' },
    { shortName: 'CN', value: name },
  ];
  cert.setSubject(subject);
  cert.setIssuer(options.issuer ? options.issuer.cert.subject.attributes : subject);
  const isCa = options.isCa ?? true;
  cert.setExtensions([
    { name: 'basicConstraints', cA: isCa, critical: true },
    isCa
      ? { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true }
      : { name: 'keyUsage', digitalSignature: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(options.issuer?.forgeKey ?? forgeKey, forge.md.sha256.create());
  return { name, certPem: forge.pki.certificateToPem(cert), keyPem, forgeKey, cert };
}

export function issueAgencyCertificate(ca: TestCa, options: AgencyCertificateOptions): AgencyCertificate {
  const keyType = options.keyType ?? 'rsa';
  const serial = options.serial ?? randomSerial();
  const privateKeyPem =
    keyType === 'rsa'
      ? createPrivateKey(testRsaKeyPem(`agency:${options.subject}`))
          .export({ type: 'pkcs8', format: 'pem' })
          .toString()
      : keyType === 'ec-p256'
        ? generateKeyPairSync('ec', {
            namedCurve: 'P-256',
            privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
            publicKeyEncoding: { type: 'spki', format: 'pem' },
          }).privateKey
        : generateKeyPairSync('ed25519', {
            privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
            publicKeyEncoding: { type: 'spki', format: 'pem' },
          }).privateKey;
  const privateKey = createPrivateKey(privateKeyPem);
  const publicKey = createPublicKey(privateKey);

  const cert = forge.pki.createCertificate();
  // forge writes only RSA keys; a non-RSA leaf gets its SPKI swapped in below.
  cert.publicKey =
    keyType === 'rsa'
      ? forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString())
      : ca.cert.publicKey;
  cert.serialNumber = serial;
  cert.validity.notBefore = options.notBefore ?? DEFAULT_NOT_BEFORE;
  cert.validity.notAfter = options.notAfter ?? DEFAULT_NOT_AFTER;
  cert.setSubject([
    { shortName: 'C', value: options.country ?? 'DE' },
    { shortName: 'O', value: options.organization ?? 'Test Agency' },
    { shortName: 'CN', value: options.subject },
  ]);
  cert.setIssuer(ca.cert.subject.attributes);
  const extensions: object[] = [{ name: 'basicConstraints', cA: false, critical: true }];
  if (options.keyUsage !== false) {
    const digitalSignature = options.keyUsage?.digitalSignature ?? true;
    extensions.push({ name: 'keyUsage', digitalSignature, nonRepudiation: true, critical: true });
  }
  if (keyType === 'rsa') extensions.push({ name: 'subjectKeyIdentifier' });
  cert.setExtensions(extensions);
  const signingKey = options.signingKey ?? ca.forgeKey;
  cert.sign(signingKey, forge.md.sha256.create());

  if (keyType !== 'rsa') {
    const spkiDer = publicKey.export({ type: 'spki', format: 'der' });
    const tbs = cert.tbsCertificate;
    const fields = tbs.value as forge.asn1.Asn1[];
    fields[6] = forge.asn1.fromDer(forge.util.binary.raw.encode(spkiDer));
    const md = forge.md.sha256.create();
    md.update(forge.asn1.toDer(tbs).getBytes());
    cert.signature = signingKey.sign(md);
  }
  const certPem = forge.pem.encode({
    type: 'CERTIFICATE',
    body: forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(),
  });
  return {
    certPem,
    privateKeyPem,
    privateJwk: privateKey.export({ format: 'jwk' }),
    publicJwk: publicKey.export({ format: 'jwk' }),
    serial,
    keyType,
  };
}

const { Class, Type } = forge.asn1;

function timeAsn1(date: Date, generalized: boolean): forge.asn1.Asn1 {
  return generalized || date.getUTCFullYear() >= 2050
    ? forge.asn1.create(Class.UNIVERSAL, Type.GENERALIZEDTIME, false, forge.asn1.dateToGeneralizedTime(date))
    : forge.asn1.create(Class.UNIVERSAL, Type.UTCTIME, false, forge.asn1.dateToUtcTime(date));
}

function integerAsn1(hex: string): forge.asn1.Asn1 {
  return forge.asn1.create(Class.UNIVERSAL, Type.INTEGER, false, forge.util.hexToBytes(hex));
}

function extensionAsn1(oid: string, value: forge.asn1.Asn1): forge.asn1.Asn1 {
  return forge.asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, [
    forge.asn1.create(Class.UNIVERSAL, Type.OID, false, forge.asn1.oidToDer(oid).getBytes()),
    forge.asn1.create(Class.UNIVERSAL, Type.OCTETSTRING, false, forge.asn1.toDer(value).getBytes()),
  ]);
}

function sha256WithRsa(): forge.asn1.Asn1 {
  return forge.asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, [
    forge.asn1.create(
      Class.UNIVERSAL,
      Type.OID,
      false,
      forge.asn1.oidToDer('1.2.840.113549.1.1.11').getBytes(),
    ),
    forge.asn1.create(Class.UNIVERSAL, Type.NULL, false, ''),
  ]);
}

/** A CRL (RFC 5280 §5) issued by `ca`, as PEM "X509 CRL". */
export function createCrl(ca: TestCa, options: CrlOptions): string {
  const caAsn1 = forge.pki.certificateToAsn1(ca.cert);
  const caTbs = (caAsn1.value as forge.asn1.Asn1[])[0] as forge.asn1.Asn1;
  const issuerName = (caTbs.value as forge.asn1.Asn1[])[5] as forge.asn1.Asn1;
  const generalized = options.generalizedTime ?? false;

  const fields: forge.asn1.Asn1[] = [];
  if (!options.omitVersion) fields.push(integerAsn1('01'));
  fields.push(sha256WithRsa(), issuerName, timeAsn1(options.thisUpdate, generalized));
  if (options.nextUpdate) fields.push(timeAsn1(options.nextUpdate, generalized));
  if (options.revoked.length > 0) {
    fields.push(
      forge.asn1.create(
        Class.UNIVERSAL,
        Type.SEQUENCE,
        true,
        options.revoked.map((entry) => {
          const parts = [integerAsn1(entry.serial), timeAsn1(entry.revokedAt, generalized)];
          if (entry.reason !== undefined) {
            const reason = forge.asn1.create(
              Class.UNIVERSAL,
              Type.ENUMERATED,
              false,
              String.fromCharCode(entry.reason),
            );
            parts.push(
              forge.asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, [extensionAsn1('2.5.29.21', reason)]),
            );
          }
          return forge.asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, parts);
        }),
      ),
    );
  }
  const crlNumber = options.crlNumber === undefined ? 1 : options.crlNumber;
  if (crlNumber !== null) {
    const number = forge.asn1.create(
      Class.UNIVERSAL,
      Type.INTEGER,
      false,
      forge.asn1.integerToDer(crlNumber).getBytes(),
    );
    fields.push(
      forge.asn1.create(Class.CONTEXT_SPECIFIC, 0, true, [
        forge.asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, [extensionAsn1('2.5.29.20', number)]),
      ]),
    );
  }
  const tbs = forge.asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, fields);
  const md = forge.md.sha256.create();
  md.update(forge.asn1.toDer(tbs).getBytes());
  const signature = (options.signingKey ?? ca.forgeKey).sign(md);
  const crl = forge.asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, [
    tbs,
    sha256WithRsa(),
    forge.asn1.create(Class.UNIVERSAL, Type.BITSTRING, false, `\u0000${signature}`),
  ]);
  return forge.pem.encode({ type: 'X509 CRL', body: forge.asn1.toDer(crl).getBytes() });
}
