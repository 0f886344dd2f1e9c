/**
 * X.509 for partner agencies: the agency's certificate chained to a trust anchor of its
 * jurisdiction, trust anchors described for registration, and CRLs (RFC 5280 §5) parsed and
 * verified. Everything here is synchronous and runs at registration or CRL import only; the request
 * path compares stored dates and revocation rows (design 0003). No `node:` modules: it also runs on
 * Workers.
 *
 * What is supported, honestly:
 * - agency (leaf) certificates with RSA, EC P-256 or Ed25519 keys;
 * - CA certificates (intermediates and trust anchors) and CRL issuers with RSA keys only. node-forge
 *   verifies only RSA signatures (PKCS#1 v1.5 with SHA-256/384/512, and RSASSA-PSS for
 *   certificates); a chain with an EC or Ed25519 CA is refused as untrusted, never accepted
 *   unchecked. CRLs must be signed with sha256/384/512WithRSAEncryption;
 * - certificates and CRLs signed with MD5 or SHA-1 are refused;
 * - intermediates must carry basicConstraints cA (forge checks it, and pathLenConstraint, name
 *   constraints and unknown critical extensions); the leaf must have keyUsage digitalSignature;
 * - chain certificates may come in any order; ones that do not lead from the leaf are ignored;
 * - full and partial CRLs of the anchor itself; delta CRLs and indirect CRLs are refused.
 *
 * node-forge parses only certificates with RSA keys. A leaf with another key is handed to forge
 * with a placeholder key in its copy of the TBSCertificate while forge keeps the original
 * TBSCertificate for the signature check, so forge still verifies the issuer's signature over the
 * original bytes, the dates, the names and the extensions. The placeholder is never used: a leaf
 * verifies nothing, and a CA needs an RSA key.
 */
import forge from 'node-forge';
import { type ErrorCode, GatewayError } from '../../core/errors.ts';

// --- errors -----------------------------------------------------------------------------------

export type PkiErrorCode =
  | 'partner_key_invalid'
  | 'certificate_untrusted'
  | 'certificate_expired'
  | 'certificate_not_yet_valid'
  | 'crl_invalid';

/** A GatewayError with one of the PKI codes. Messages never contain key material. */
export function pkiError(
  code: PkiErrorCode,
  message: string,
  details?: Record<string, unknown>,
): GatewayError {
  return new GatewayError(code as string as ErrorCode, message, details ? { details } : {});
}

// --- PEM and DER --------------------------------------------------------------------------------

export interface PemBlock {
  label: string;
  der: Uint8Array;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END ([A-Z0-9 ]+)-----/g;

/** Decodes standard base64 (whitespace ignored); undefined when it is not base64. */
export function decodeBase64(text: string): Uint8Array | undefined {
  const compact = text.replace(/\s+/g, '');
  if (compact.length === 0 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    return undefined;
  }
  const binary = atob(compact);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function encodeBase64(bytes: Uint8Array): string {
  return btoa(toBinaryString(bytes));
}

/** Every PEM block of the text, in order. Throws (plain Error) on a block that is not base64. */
export function pemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const match of text.matchAll(PEM_BLOCK)) {
    const label = match[1] ?? '';
    if (match[3] !== label) throw new Error(`PEM block "${label}" ends with "${match[3]}"`);
    // RFC 1421 headers (Proc-Type, DEK-Info) only occur in encrypted private keys.
    const body = (match[2] ?? '').replace(/^[A-Za-z-]+:.*$/gm, '');
    const der = decodeBase64(body);
    if (!der) throw new Error(`PEM block "${label}" is not base64`);
    blocks.push({ label, der });
  }
  return blocks;
}

export function toPem(label: string, der: Uint8Array): string {
  const lines = encodeBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

function toBinaryString(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return out;
}

function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

function sha256Hex(bytes: Uint8Array): string {
  return forge.md.sha256.create().update(toBinaryString(bytes)).digest().toHex();
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** One DER TLV; `raw` is the whole encoding, `content` the value octets. */
export interface DerNode {
  tag: number;
  raw: Uint8Array;
  content: Uint8Array;
}

export class DerError extends Error {
  override readonly name = 'DerError';
}

export const TAG = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  enumerated: 0x0a,
  utf8String: 0x0c,
  numericString: 0x12,
  printableString: 0x13,
  teletexString: 0x14,
  ia5String: 0x16,
  utcTime: 0x17,
  generalizedTime: 0x18,
  visibleString: 0x1a,
  universalString: 0x1c,
  bmpString: 0x1e,
  sequence: 0x30,
  set: 0x31,
} as const;

/** Context-specific tag [n], constructed or primitive. */
export function contextTag(n: number, constructed: boolean): number {
  return 0x80 | (constructed ? 0x20 : 0) | n;
}

function byteAt(buf: Uint8Array, index: number): number {
  const byte = buf[index];
  if (byte === undefined) throw new DerError('truncated DER');
  return byte;
}

function readNode(buf: Uint8Array, offset: number): DerNode {
  const tag = byteAt(buf, offset);
  if ((tag & 0x1f) === 0x1f) throw new DerError('high tag numbers are not used in X.509');
  let length = byteAt(buf, offset + 1);
  let pos = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0) throw new DerError('indefinite length is not DER');
    if (count > 4) throw new DerError('length too large');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + byteAt(buf, pos++);
  }
  if (pos + length > buf.length) throw new DerError('truncated DER');
  return { tag, raw: buf.subarray(offset, pos + length), content: buf.subarray(pos, pos + length) };
}

/** Parses exactly one DER element spanning all of `buf`. */
export function parseDer(buf: Uint8Array): DerNode {
  const node = readNode(buf, 0);
  if (node.raw.length !== buf.length) throw new DerError('trailing bytes after DER');
  return node;
}

/** The elements inside a constructed node. */
export function derChildren(node: DerNode): DerNode[] {
  if (!(node.tag & 0x20)) throw new DerError('expected a constructed element');
  const out: DerNode[] = [];
  let offset = 0;
  while (offset < node.content.length) {
    const child = readNode(node.content, offset);
    out.push(child);
    offset += child.raw.length;
  }
  return out;
}

function expectTag(node: DerNode | undefined, tag: number, what: string): DerNode {
  if (!node || node.tag !== tag) throw new DerError(`expected ${what}`);
  return node;
}

export function decodeOid(node: DerNode): string {
  const bytes = expectTag(node, TAG.oid, 'an OBJECT IDENTIFIER').content;
  if (bytes.length === 0) throw new DerError('empty OBJECT IDENTIFIER');
  const arcs: number[] = [];
  let value = 0;
  for (const byte of bytes) {
    value = value * 128 + (byte & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER) throw new DerError('OBJECT IDENTIFIER arc too large');
    if (!(byte & 0x80)) {
      if (arcs.length === 0) {
        const first = value < 80 ? Math.floor(value / 40) : 2;
        arcs.push(first, value - first * 40);
      } else {
        arcs.push(value);
      }
      value = 0;
    }
  }
  if ((bytes[bytes.length - 1] ?? 0) & 0x80) throw new DerError('truncated OBJECT IDENTIFIER');
  return arcs.join('.');
}

/** An INTEGER as node-forge writes serial numbers: lowercase hex of the content octets. */
function integerHex(node: DerNode | undefined, what: string): string {
  const content = expectTag(node, TAG.integer, what).content;
  if (content.length === 0) throw new DerError(`empty ${what}`);
  return toHex(content);
}

function smallInteger(node: DerNode, what: string): number {
  const content = expectTag(node, TAG.integer, what).content;
  if (content.length === 0 || content.length > 6) throw new DerError(`${what} out of range`);
  let value = 0;
  for (const byte of content) value = value * 256 + byte;
  return value;
}

const UTC_TIME = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/;
const GENERALIZED_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z$/;

/** UTCTime (years 1950–2049, RFC 5280 §4.1.2.5.1) or GeneralizedTime, in UTC ("Z"). */
export function decodeTime(node: DerNode | undefined, what: string): Date {
  if (!node || (node.tag !== TAG.utcTime && node.tag !== TAG.generalizedTime)) {
    throw new DerError(`expected ${what} as UTCTime or GeneralizedTime`);
  }
  const text = new TextDecoder().decode(node.content);
  const match = (node.tag === TAG.utcTime ? UTC_TIME : GENERALIZED_TIME).exec(text);
  if (!match) throw new DerError(`${what} is not a valid UTC time`);
  const [, y, mo, d, h, mi, s] = match.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const year = node.tag === TAG.utcTime ? (y >= 50 ? 1900 + y : 2000 + y) : y;
  const date = new Date(Date.UTC(year, mo - 1, d, h, mi, s));
  if (
    Number.isNaN(date.getTime()) ||
    date.getUTCMonth() !== mo - 1 ||
    date.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    s > 59
  ) {
    throw new DerError(`${what} is not a valid date`);
  }
  return date;
}

// --- names --------------------------------------------------------------------------------------

/** Attribute names as OpenSSL prints them with `-nameopt RFC2253`. */
const ATTRIBUTE_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '2.5.4.42': 'GN',
  '2.5.4.97': 'organizationIdentifier',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC',
  '1.2.840.113549.1.9.1': 'emailAddress',
};

function decodeString(node: DerNode): string | undefined {
  switch (node.tag) {
    case TAG.utf8String:
      return new TextDecoder('utf-8', { fatal: true }).decode(node.content);
    case TAG.printableString:
    case TAG.ia5String:
    case TAG.numericString:
    case TAG.visibleString:
    case TAG.teletexString:
      return String.fromCharCode(...node.content);
    case TAG.bmpString:
      return new TextDecoder('utf-16be', { fatal: true }).decode(node.content);
    case TAG.universalString: {
      let out = '';
      for (let i = 0; i + 3 < node.content.length; i += 4) {
        const view = new DataView(node.content.buffer, node.content.byteOffset + i, 4);
        out += String.fromCodePoint(view.getUint32(0));
      }
      return out;
    }
    default:
      return undefined;
  }
}

function escapeRfc4514(value: string): string {
  let out = value.replace(/[\\,+"<>;=]/g, (c) => `\\${c}`);
  if (out.startsWith('#') || out.startsWith(' ')) out = `\\${out}`;
  if (out.endsWith(' ') && out.length > 0) out = `${out.slice(0, -1)}\\ `;
  return out;
}

/** A Name as RFC 4514 text, most specific first: `CN=Agency Seal, O=Agency, C=DE`. */
export function formatName(name: DerNode): string {
  const rdns = derChildren(expectTag(name, TAG.sequence, 'a Name'));
  const parts = rdns.map((rdn) =>
    derChildren(expectTag(rdn, TAG.set, 'a RelativeDistinguishedName'))
      .map((atv) => {
        const [type, value] = derChildren(expectTag(atv, TAG.sequence, 'an AttributeTypeAndValue'));
        const oid = decodeOid(expectTag(type, TAG.oid, 'an attribute type'));
        if (!value) throw new DerError('attribute without value');
        const text = decodeString(value);
        const key = ATTRIBUTE_NAMES[oid] ?? oid;
        return `${key}=${text === undefined ? `#${toHex(value.raw)}` : escapeRfc4514(text)}`;
      })
      .join('+'),
  );
  return parts.reverse().join(', ');
}

// --- certificates -------------------------------------------------------------------------------

export type CertificateKeyFamily = 'rsa' | 'ecdsa-p256' | 'ed25519' | 'other';

const OID = {
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsassaPss: '1.2.840.113549.1.1.10',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  sha384WithRsa: '1.2.840.113549.1.1.12',
  sha512WithRsa: '1.2.840.113549.1.1.13',
  ecPublicKey: '1.2.840.10045.2.1',
  p256: '1.2.840.10045.3.1.7',
  ed25519: '1.3.101.112',
  crlNumber: '2.5.29.20',
  deltaCrlIndicator: '2.5.29.27',
  issuingDistributionPoint: '2.5.29.28',
  authorityKeyIdentifier: '2.5.29.35',
  reasonCode: '2.5.29.21',
  invalidityDate: '2.5.29.24',
  certificateIssuer: '2.5.29.29',
} as const;

/** Certificate signature algorithms accepted on the leaf and on intermediates. */
const ACCEPTED_CERTIFICATE_SIGNATURES = new Set<string>([
  OID.sha256WithRsa,
  OID.sha384WithRsa,
  OID.sha512WithRsa,
  OID.rsassaPss,
]);

export interface SubjectPublicKeyInfo {
  /** The SubjectPublicKeyInfo DER, as `importSPKI` wants it. */
  der: Uint8Array;
  algorithmOid: string;
  /** The named curve for id-ecPublicKey. */
  curveOid?: string;
  family: CertificateKeyFamily;
}

export function readSubjectPublicKeyInfo(spki: DerNode): SubjectPublicKeyInfo {
  const [algorithm, key] = derChildren(expectTag(spki, TAG.sequence, 'a SubjectPublicKeyInfo'));
  expectTag(key, TAG.bitString, 'the subjectPublicKey BIT STRING');
  const [oidNode, parameters] = derChildren(expectTag(algorithm, TAG.sequence, 'an AlgorithmIdentifier'));
  const algorithmOid = decodeOid(expectTag(oidNode, TAG.oid, 'the key algorithm'));
  let curveOid: string | undefined;
  if (algorithmOid === OID.ecPublicKey && parameters?.tag === TAG.oid) curveOid = decodeOid(parameters);
  const family: CertificateKeyFamily =
    algorithmOid === OID.rsaEncryption
      ? 'rsa'
      : algorithmOid === OID.ed25519
        ? 'ed25519'
        : algorithmOid === OID.ecPublicKey && curveOid === OID.p256
          ? 'ecdsa-p256'
          : 'other';
  return { der: spki.raw, algorithmOid, ...(curveOid ? { curveOid } : {}), family };
}

/** The parts of a certificate read directly from its DER (any key type). */
export interface CertificateParts {
  der: Uint8Array;
  serial: string;
  issuer: string;
  subject: string;
  issuerDer: Uint8Array;
  subjectDer: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  publicKey: SubjectPublicKeyInfo;
  fingerprintSha256: string;
}

/** Reads a DER certificate's TBSCertificate fields. Throws DerError when it is not one. */
export function readCertificate(der: Uint8Array): CertificateParts {
  const [tbs, signatureAlgorithm, signature] = derChildren(
    expectTag(parseDer(der), TAG.sequence, 'a Certificate'),
  );
  expectTag(signatureAlgorithm, TAG.sequence, 'the signatureAlgorithm');
  expectTag(signature, TAG.bitString, 'the signatureValue');
  const fields = derChildren(expectTag(tbs, TAG.sequence, 'a TBSCertificate'));
  const offset = fields[0]?.tag === contextTag(0, true) ? 1 : 0;
  const [serial, , issuer, validity, subject, spki] = fields.slice(offset);
  const [notBefore, notAfter] = derChildren(expectTag(validity, TAG.sequence, 'the validity'));
  const issuerNode = expectTag(issuer, TAG.sequence, 'the issuer');
  const subjectNode = expectTag(subject, TAG.sequence, 'the subject');
  return {
    der,
    serial: integerHex(serial, 'the serial number'),
    issuer: formatName(issuerNode),
    subject: formatName(subjectNode),
    issuerDer: issuerNode.raw,
    subjectDer: subjectNode.raw,
    notBefore: decodeTime(notBefore, 'notBefore'),
    notAfter: decodeTime(notAfter, 'notAfter'),
    publicKey: readSubjectPublicKeyInfo(expectTag(spki, TAG.sequence, 'the SubjectPublicKeyInfo')),
    fingerprintSha256: sha256Hex(der),
  };
}

interface LoadedCertificate {
  parts: CertificateParts;
  forge: forge.pki.Certificate;
}

let placeholderSpki: forge.asn1.Asn1 | undefined;

function rsaPlaceholder(): forge.asn1.Asn1 {
  placeholderSpki ??= forge.pki.publicKeyToAsn1(
    forge.pki.setRsaPublicKey(new forge.jsbn.BigInteger('ff', 16), new forge.jsbn.BigInteger('10001', 16)),
  );
  return placeholderSpki;
}

/** Parses a certificate for forge; see the module comment for leaves with non-RSA keys. */
function loadCertificate(der: Uint8Array): LoadedCertificate {
  const parts = readCertificate(der);
  const node = forge.asn1.fromDer(toBinaryString(der));
  if (parts.publicKey.family === 'rsa') return { parts, forge: forge.pki.certificateFromAsn1(node, true) };
  const [tbs, ...rest] = node.value as forge.asn1.Asn1[];
  if (!tbs || !Array.isArray(tbs.value)) throw new DerError('expected a TBSCertificate');
  const fields = tbs.value;
  const spkiIndex = fields[0]?.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC ? 6 : 5;
  const patchedTbs: forge.asn1.Asn1 = {
    ...tbs,
    value: fields.map((field, i) => (i === spkiIndex ? rsaPlaceholder() : field)),
  };
  const cert = forge.pki.certificateFromAsn1({ ...node, value: [patchedTbs, ...rest] }, false);
  // forge digests `tbsCertificate` when it verifies this certificate's signature: the original one.
  cert.tbsCertificate = tbs;
  (cert as unknown as { md: null }).md = null;
  (cert as unknown as { publicKey: null }).publicKey = null;
  return { parts, forge: cert };
}

function parseCertificatePem(
  pem: string,
  what: string,
  code: PkiErrorCode,
  index?: number,
): LoadedCertificate {
  let blocks: PemBlock[];
  try {
    blocks = pemBlocks(pem);
  } catch {
    throw pkiError(code, `The ${what} is not valid PEM; send it as "-----BEGIN CERTIFICATE-----".`, {
      reason: 'pem_invalid',
      ...(index === undefined ? {} : { index }),
    });
  }
  const certificates = blocks.filter((block) => block.label === 'CERTIFICATE');
  const [block] = certificates;
  if (!block || certificates.length !== 1 || blocks.length !== 1) {
    throw pkiError(
      code,
      `The ${what} must be exactly one PEM certificate ("-----BEGIN CERTIFICATE-----"); found ${certificates.length} certificate(s) in ${blocks.length} PEM block(s).`,
      { reason: 'pem_invalid', ...(index === undefined ? {} : { index }) },
    );
  }
  try {
    return loadCertificate(block.der);
  } catch {
    throw pkiError(code, `The ${what} is not a valid X.509 certificate.`, {
      reason: 'certificate_malformed',
      ...(index === undefined ? {} : { index }),
    });
  }
}

interface BasicConstraints {
  cA?: boolean;
  pathLenConstraint?: number;
}

interface KeyUsage {
  digitalSignature?: boolean;
  keyCertSign?: boolean;
  cRLSign?: boolean;
}

function basicConstraints(cert: forge.pki.Certificate): BasicConstraints | undefined {
  // By id: forge also names the deprecated 2.5.29.10 "basicConstraints".
  return (cert.getExtension({ id: '2.5.29.19' } as unknown as { name: string }) ?? undefined) as
    | BasicConstraints
    | undefined;
}

function keyUsage(cert: forge.pki.Certificate): KeyUsage | undefined {
  return (cert.getExtension('keyUsage') ?? undefined) as KeyUsage | undefined;
}

function isCaCertificate(cert: forge.pki.Certificate): boolean {
  return basicConstraints(cert)?.cA === true;
}

// --- chain validation ---------------------------------------------------------------------------

/** What the registry records of a certificate. */
export interface CertificateFacts {
  /** Lowercase hex of the serial number's DER content octets, as node-forge writes it. */
  serial: string;
  /** RFC 4514 text, most specific first: `CN=…, O=…, C=DE`. */
  issuer: string;
  subject: string;
  notBefore: Date;
  notAfter: Date;
  /** SHA-256 of the certificate's DER, lowercase hex. */
  fingerprintSha256: string;
}

export interface ValidatedCertificate extends CertificateFacts {
  /** SHA-256 of the trust anchor's DER the chain ends at, lowercase hex. */
  anchorFingerprintSha256: string;
}

function iso(date: Date): string {
  return date.toISOString();
}

function describeRole(depth: number, parts: CertificateParts): string {
  return depth === 0 ? 'the agency certificate' : `the intermediate certificate "${parts.subject}"`;
}

/** Orders the chain from the leaf upwards; certificates that do not continue the path are dropped. */
function buildPath(leaf: LoadedCertificate, chain: LoadedCertificate[]): LoadedCertificate[] {
  const path = [leaf];
  const unused = [...chain];
  for (;;) {
    const current = path[path.length - 1] as LoadedCertificate;
    if (bytesEqual(current.parts.issuerDer, current.parts.subjectDer)) break;
    const index = unused.findIndex((candidate) =>
      bytesEqual(candidate.parts.subjectDer, current.parts.issuerDer),
    );
    if (index < 0) break;
    const [next] = unused.splice(index, 1);
    if (!next) break;
    path.push(next);
  }
  return path;
}

/**
 * Checks that the agency certificate chains to one of the anchors and is usable at `at`.
 * `chainPems` are the intermediates (and optionally the anchor itself), in any order.
 */
export function validateCertificateChain(input: {
  leafPem: string;
  chainPems: string[];
  anchorPems: string[];
  at: Date;
}): ValidatedCertificate {
  if (input.anchorPems.length === 0) {
    throw pkiError(
      'certificate_untrusted',
      "No trust anchor is configured for the partner's jurisdiction; add the CA certificate that issues agency certificates with `pontis partners trust-anchor add`, then register the key again.",
      { reason: 'no_trust_anchor' },
    );
  }
  const leaf = parseCertificatePem(input.leafPem, 'agency certificate', 'partner_key_invalid');
  const chain = input.chainPems.map((pem, index) =>
    parseCertificatePem(pem, `chain certificate ${index + 1}`, 'partner_key_invalid', index),
  );
  const anchors = input.anchorPems.map((pem, index) =>
    parseCertificatePem(pem, `trust anchor ${index + 1}`, 'certificate_untrusted', index),
  );
  const path = buildPath(leaf, chain);

  for (const [depth, cert] of path.entries()) {
    const isAnchor = anchors.some(
      (anchor) => anchor.parts.fingerprintSha256 === cert.parts.fingerprintSha256,
    );
    if (isAnchor) continue;
    if (!ACCEPTED_CERTIFICATE_SIGNATURES.has(cert.forge.signatureOid)) {
      throw pkiError(
        'certificate_untrusted',
        `${capitalise(describeRole(depth, cert.parts))} is signed with an algorithm the gateway does not accept (OID ${cert.forge.signatureOid}); only RSA signatures with SHA-256, SHA-384 or SHA-512 are accepted.`,
        { reason: 'signature_algorithm', depth },
      );
    }
    if (depth > 0 && cert.parts.publicKey.family !== 'rsa') {
      throw pkiError(
        'certificate_untrusted',
        `${capitalise(describeRole(depth, cert.parts))} has a ${cert.parts.publicKey.family} key; only CA certificates with RSA keys are supported.`,
        { reason: 'ca_key_unsupported', depth },
      );
    }
    if (depth > 0 && !isCaCertificate(cert.forge)) {
      throw pkiError(
        'certificate_untrusted',
        `${capitalise(describeRole(depth, cert.parts))} is not a CA certificate (basicConstraints cA is not set), so it cannot issue the agency certificate; send the chain the CA issued.`,
        { reason: 'not_ca', depth, subject: cert.parts.subject },
      );
    }
  }

  const store = forge.pki.createCaStore(
    anchors.filter((a) => a.parts.publicKey.family === 'rsa').map((a) => a.forge),
  );
  let failure: { code: string | boolean; depth: number } | undefined;
  try {
    forge.pki.verifyCertificateChain(
      store,
      path.map((cert) => cert.forge),
      {
        validityCheckDate: input.at,
        verify: (verified, depth) => {
          if (verified !== true) failure = { code: verified, depth };
          return verified === true;
        },
      },
    );
  } catch (error) {
    throw chainError(error, failure, path, input.at);
  }

  const top = path[path.length - 1] as LoadedCertificate;
  const anchor = anchors.find(
    (candidate) =>
      candidate.parts.fingerprintSha256 === top.parts.fingerprintSha256 ||
      (bytesEqual(candidate.parts.subjectDer, top.parts.issuerDer) && verifies(candidate, top)),
  );
  if (!anchor) {
    // forge accepted the chain, so its top is signed by an anchor; this is a safety net.
    throw pkiError(
      'certificate_untrusted',
      'The certificate chain does not end at a configured trust anchor.',
      {
        reason: 'unknown_ca',
      },
    );
  }
  if (!isCaCertificate(anchor.forge)) {
    throw pkiError(
      'certificate_untrusted',
      `The trust anchor "${anchor.parts.subject}" is not a CA certificate (basicConstraints cA); replace it with the issuing CA's certificate.`,
      { reason: 'anchor_not_ca' },
    );
  }
  if (input.at < anchor.parts.notBefore || input.at > anchor.parts.notAfter) {
    throw pkiError(
      'certificate_untrusted',
      `The trust anchor "${anchor.parts.subject}" is not valid at ${iso(input.at)} (valid ${iso(anchor.parts.notBefore)} to ${iso(anchor.parts.notAfter)}); add the CA's current certificate with \`pontis partners trust-anchor add\`.`,
      {
        reason: 'anchor_expired',
        notBefore: iso(anchor.parts.notBefore),
        notAfter: iso(anchor.parts.notAfter),
      },
    );
  }

  const usage = keyUsage(leaf.forge);
  if (!usage?.digitalSignature) {
    throw pkiError(
      'partner_key_invalid',
      usage
        ? "The certificate's key usage does not include digitalSignature; ask the CA for a sealing certificate with keyUsage digitalSignature."
        : 'The certificate has no keyUsage extension; ask the CA for a sealing certificate with keyUsage digitalSignature.',
      { reason: 'key_usage' },
    );
  }

  return {
    serial: leaf.forge.serialNumber.toLowerCase(),
    issuer: leaf.parts.issuer,
    subject: leaf.parts.subject,
    notBefore: leaf.parts.notBefore,
    notAfter: leaf.parts.notAfter,
    fingerprintSha256: leaf.parts.fingerprintSha256,
    anchorFingerprintSha256: anchor.parts.fingerprintSha256,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function verifies(issuer: LoadedCertificate, child: LoadedCertificate): boolean {
  if (issuer.parts.publicKey.family !== 'rsa') return false;
  try {
    return issuer.forge.verify(child.forge);
  } catch {
    return false;
  }
}

function chainError(
  error: unknown,
  failure: { code: string | boolean; depth: number } | undefined,
  path: LoadedCertificate[],
  at: Date,
): GatewayError {
  const depth = failure?.depth ?? 0;
  const cert = path[depth] ?? path[0];
  const parts = (cert as LoadedCertificate).parts;
  const role = describeRole(depth, parts);
  const forgeMessage =
    typeof error === 'object' && error !== null && 'message' in error
      ? String(error.message)
      : 'unknown error';
  const details = { depth, subject: parts.subject };
  const errors = (forge.pki as unknown as { certificateError: Record<string, string> }).certificateError;
  switch (failure?.code) {
    case errors.certificate_expired:
      if (at < parts.notBefore) {
        return pkiError(
          'certificate_not_yet_valid',
          `${capitalise(role)} is not valid before ${iso(parts.notBefore)}; register it once it is valid, or check the date.`,
          { ...details, reason: 'not_yet_valid', notBefore: iso(parts.notBefore) },
        );
      }
      return pkiError(
        'certificate_expired',
        `${capitalise(role)} expired at ${iso(parts.notAfter)}; register the renewed certificate${depth > 0 ? ' and its current chain' : ''}.`,
        { ...details, reason: 'expired', notAfter: iso(parts.notAfter) },
      );
    case errors.unknown_ca:
      return pkiError(
        'certificate_untrusted',
        `${capitalise(role)} does not chain to a trust anchor of the partner's jurisdiction; send the full chain, or add the issuing CA with \`pontis partners trust-anchor add\`.`,
        { ...details, reason: 'unknown_ca' },
      );
    case errors.unsupported_certificate:
      return pkiError('certificate_untrusted', `${capitalise(role)} cannot be validated: ${forgeMessage}`, {
        ...details,
        reason: 'unsupported_certificate',
      });
    default: {
      const top = depth === path.length - 1;
      const message = /signature is invalid/i.test(forgeMessage)
        ? top
          ? `${capitalise(role)} is not signed by a trust anchor of the partner's jurisdiction (issuer "${parts.issuer}"); send the full chain, or add the issuing CA with \`pontis partners trust-anchor add\`.`
          : `The signature on ${role} does not verify with its issuer's key; send the chain the CA issued.`
        : `${capitalise(role)} is not accepted: ${forgeMessage}`;
      return pkiError('certificate_untrusted', message, { ...details, reason: 'bad_certificate' });
    }
  }
}

// --- trust anchors ------------------------------------------------------------------------------

export interface CertificateDescription extends CertificateFacts {
  /** basicConstraints cA is set. */
  isCa: boolean;
}

/**
 * Describes a certificate offered as a trust anchor. The caller decides what to do with a
 * certificate that is not a CA (`isCa`); a CA whose key is not RSA is refused here, since chains
 * and CRLs under it could never be verified.
 */
export function describeCertificate(pem: string): CertificateDescription {
  const cert = parseCertificatePem(pem, 'trust anchor', 'certificate_untrusted');
  const isCa = isCaCertificate(cert.forge);
  if (isCa && cert.parts.publicKey.family !== 'rsa') {
    throw pkiError(
      'certificate_untrusted',
      `The CA certificate "${cert.parts.subject}" has a ${cert.parts.publicKey.family === 'other' ? 'non-RSA' : cert.parts.publicKey.family} key; only CA certificates with RSA keys are supported as trust anchors.`,
      { reason: 'ca_key_unsupported' },
    );
  }
  return {
    serial: cert.forge.serialNumber.toLowerCase(),
    issuer: cert.parts.issuer,
    subject: cert.parts.subject,
    notBefore: cert.parts.notBefore,
    notAfter: cert.parts.notAfter,
    fingerprintSha256: cert.parts.fingerprintSha256,
    isCa,
  };
}

// --- CRLs ---------------------------------------------------------------------------------------

export interface RevokedCertificate {
  /** Same format as `ValidatedCertificate.serial`. */
  serial: string;
  revokedAt: Date;
  /** RFC 5280 §5.3.1 reason name, when the entry has one. */
  reason?: string;
}

export interface ParsedCrl {
  issuer: string;
  thisUpdate: Date;
  nextUpdate?: Date;
  revoked: RevokedCertificate[];
  /** SHA-256 of the CRL's DER, lowercase hex. */
  fingerprintSha256: string;
  /** The cRLNumber extension, decimal, when present. */
  crlNumber?: string;
  /** nextUpdate lies before `at` (only computed when `at` is given): a newer CRL should exist. */
  stale: boolean;
}

const REASONS = [
  'unspecified',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  'unused',
  'removeFromCRL',
  'privilegeWithdrawn',
  'aACompromise',
];

const CRL_DIGESTS: Record<string, () => forge.md.MessageDigest> = {
  [OID.sha256WithRsa]: () => forge.md.sha256.create(),
  [OID.sha384WithRsa]: () => forge.md.sha384.create(),
  [OID.sha512WithRsa]: () => forge.md.sha512.create(),
};

/** How far a CRL's thisUpdate may lie after `at` (clock skew). */
const CRL_FUTURE_SKEW_MS = 5 * 60 * 1000;

class CrlError extends Error {
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
  }
}

interface Extension {
  oid: string;
  critical: boolean;
  value: Uint8Array;
}

function readExtensions(node: DerNode): Extension[] {
  return derChildren(expectTag(node, TAG.sequence, 'Extensions')).map((ext) => {
    const fields = derChildren(expectTag(ext, TAG.sequence, 'an Extension'));
    const oid = decodeOid(expectTag(fields[0], TAG.oid, 'an extension id'));
    const hasCritical = fields[1]?.tag === TAG.boolean;
    const critical = hasCritical && (fields[1]?.content[0] ?? 0) !== 0;
    const value = expectTag(fields[hasCritical ? 2 : 1], TAG.octetString, 'an extension value').content;
    return { oid, critical, value };
  });
}

function decodeCrlBytes(input: string): Uint8Array {
  const text = input.trim();
  if (text.includes('-----BEGIN')) {
    let blocks: PemBlock[];
    try {
      blocks = pemBlocks(text);
    } catch {
      throw new CrlError('The CRL is not valid PEM.', 'pem_invalid');
    }
    const crls = blocks.filter((block) => block.label === 'X509 CRL');
    const [block] = crls;
    if (!block || crls.length !== 1) {
      throw new CrlError(
        `Expected exactly one "-----BEGIN X509 CRL-----" block; found ${crls.length} in ${blocks.length} PEM block(s).`,
        'pem_invalid',
      );
    }
    return block.der;
  }
  const der = decodeBase64(text);
  if (!der) {
    throw new CrlError('The CRL is neither PEM ("-----BEGIN X509 CRL-----") nor base64 DER.', 'not_a_crl');
  }
  return der;
}

/**
 * Parses a CRL (PEM "X509 CRL" or base64 DER) and verifies it was issued and signed by
 * `issuerPem`. With `at`, a CRL whose thisUpdate lies more than 5 minutes after `at` is refused
 * and `stale` tells whether its nextUpdate has passed. Every failure is `crl_invalid`.
 */
export function parseCrl(input: string, issuerPem: string, at?: Date): ParsedCrl {
  const der = (() => {
    try {
      return decodeCrlBytes(input);
    } catch (error) {
      if (error instanceof CrlError) throw pkiError('crl_invalid', error.message, { reason: error.reason });
      throw error;
    }
  })();
  const issuer = parseCertificatePem(issuerPem, 'CRL issuer certificate', 'crl_invalid');

  let tbsNode: DerNode;
  let outerAlgorithm: string;
  let signature: Uint8Array;
  let parsed: Omit<ParsedCrl, 'fingerprintSha256' | 'stale'> & {
    issuerDer: Uint8Array;
    innerAlgorithm: string;
  };
  try {
    const [tbs, algorithm, signatureValue] = derChildren(
      expectTag(parseDer(der), TAG.sequence, 'a CertificateList'),
    );
    tbsNode = expectTag(tbs, TAG.sequence, 'a TBSCertList');
    outerAlgorithm = decodeOid(
      expectTag(
        derChildren(expectTag(algorithm, TAG.sequence, 'the signatureAlgorithm'))[0],
        TAG.oid,
        'an OID',
      ),
    );
    const bits = expectTag(signatureValue, TAG.bitString, 'the signatureValue').content;
    if (bits[0] !== 0) throw new DerError('the signature BIT STRING has unused bits');
    signature = bits.subarray(1);
    parsed = readTbsCertList(tbsNode);
  } catch (error) {
    if (error instanceof CrlError) throw pkiError('crl_invalid', error.message, { reason: error.reason });
    if (error instanceof DerError || error instanceof TypeError) {
      throw pkiError(
        'crl_invalid',
        `The CRL is malformed (${error.message}); load the CRL file exactly as the CA publishes it.`,
        {
          reason: 'malformed',
        },
      );
    }
    throw error;
  }

  if (!bytesEqual(parsed.issuerDer, issuer.parts.subjectDer) && parsed.issuer !== issuer.parts.subject) {
    throw pkiError(
      'crl_invalid',
      `The CRL was issued by "${parsed.issuer}", not by "${issuer.parts.subject}"; load the CRL of that CA.`,
      { reason: 'wrong_issuer', crlIssuer: parsed.issuer },
    );
  }
  if (outerAlgorithm !== parsed.innerAlgorithm) {
    throw pkiError('crl_invalid', 'The CRL names two different signature algorithms; it is malformed.', {
      reason: 'malformed',
    });
  }
  const digest = CRL_DIGESTS[outerAlgorithm];
  if (!digest) {
    throw pkiError(
      'crl_invalid',
      `The CRL is signed with an unsupported algorithm (OID ${outerAlgorithm}); only sha256/384/512WithRSAEncryption are accepted.`,
      { reason: 'signature_algorithm' },
    );
  }
  if (issuer.parts.publicKey.family !== 'rsa') {
    throw pkiError('crl_invalid', 'Only CRLs of CAs with RSA keys can be verified.', {
      reason: 'issuer_key_unsupported',
    });
  }
  const usage = keyUsage(issuer.forge);
  if (usage && !usage.cRLSign) {
    throw pkiError(
      'crl_invalid',
      `The certificate of "${issuer.parts.subject}" does not allow signing CRLs (keyUsage cRLSign).`,
      {
        reason: 'key_usage',
      },
    );
  }
  const md = digest().update(toBinaryString(tbsNode.raw));
  let valid = false;
  try {
    valid = (issuer.forge.publicKey as forge.pki.rsa.PublicKey).verify(
      md.digest().bytes(),
      toBinaryString(signature),
    );
  } catch {
    valid = false;
  }
  if (!valid) {
    throw pkiError(
      'crl_invalid',
      `The CRL's signature does not verify with the key of "${issuer.parts.subject}"; load the CRL file exactly as the CA publishes it.`,
      { reason: 'bad_signature' },
    );
  }
  if (at && parsed.thisUpdate.getTime() > at.getTime() + CRL_FUTURE_SKEW_MS) {
    throw pkiError(
      'crl_invalid',
      `The CRL's thisUpdate (${iso(parsed.thisUpdate)}) lies in the future; check the gateway's clock and the CRL.`,
      { reason: 'not_yet_valid', thisUpdate: iso(parsed.thisUpdate) },
    );
  }

  return {
    issuer: parsed.issuer,
    thisUpdate: parsed.thisUpdate,
    ...(parsed.nextUpdate ? { nextUpdate: parsed.nextUpdate } : {}),
    revoked: parsed.revoked,
    fingerprintSha256: sha256Hex(der),
    ...(parsed.crlNumber === undefined ? {} : { crlNumber: parsed.crlNumber }),
    stale: at !== undefined && parsed.nextUpdate !== undefined && parsed.nextUpdate.getTime() < at.getTime(),
  };
}

function readTbsCertList(tbs: DerNode): Omit<ParsedCrl, 'fingerprintSha256' | 'stale'> & {
  issuerDer: Uint8Array;
  innerAlgorithm: string;
} {
  const fields = derChildren(tbs);
  let i = 0;
  if (fields[i]?.tag === TAG.integer) {
    const version = smallInteger(fields[i] as DerNode, 'the CRL version');
    if (version !== 1) throw new DerError(`unknown CRL version ${version + 1}`);
    i++;
  }
  const algorithm = derChildren(expectTag(fields[i++], TAG.sequence, 'the signature AlgorithmIdentifier'));
  const innerAlgorithm = decodeOid(expectTag(algorithm[0], TAG.oid, 'the signature algorithm'));
  const issuerNode = expectTag(fields[i++], TAG.sequence, 'the issuer');
  const thisUpdate = decodeTime(fields[i++], 'thisUpdate');
  let nextUpdate: Date | undefined;
  const maybeNext = fields[i];
  if (maybeNext && (maybeNext.tag === TAG.utcTime || maybeNext.tag === TAG.generalizedTime)) {
    nextUpdate = decodeTime(maybeNext, 'nextUpdate');
    i++;
  }
  const revoked: RevokedCertificate[] = [];
  if (fields[i]?.tag === TAG.sequence) {
    for (const entry of derChildren(fields[i++] as DerNode)) {
      const [serial, date, extensions, ...extra] = derChildren(
        expectTag(entry, TAG.sequence, 'a revoked entry'),
      );
      if (extra.length > 0) throw new DerError('unexpected fields in a revoked entry');
      const item: RevokedCertificate = {
        serial: integerHex(serial, 'a revoked serial number'),
        revokedAt: decodeTime(date, 'revocationDate'),
      };
      if (extensions) {
        for (const ext of readExtensions(extensions)) {
          if (ext.oid === OID.reasonCode) {
            const code = parseDer(ext.value);
            const value = expectTag(code, TAG.enumerated, 'a reason code').content[0] ?? 0;
            const reason = REASONS[value];
            if (reason) item.reason = reason;
          } else if (ext.oid === OID.certificateIssuer) {
            throw new CrlError(
              'The CRL is an indirect CRL (entries name another certificate issuer); only CRLs of the anchor itself are supported.',
              'indirect_crl',
            );
          } else if (ext.critical) {
            throw new CrlError(
              `A CRL entry has an unsupported critical extension (${ext.oid}).`,
              'critical_extension',
            );
          }
        }
      }
      revoked.push(item);
    }
  }
  let crlNumber: string | undefined;
  if (fields[i]?.tag === contextTag(0, true)) {
    const [extensions, ...extra] = derChildren(fields[i++] as DerNode);
    if (!extensions || extra.length > 0) throw new DerError('malformed crlExtensions');
    for (const ext of readExtensions(extensions)) {
      if (ext.oid === OID.crlNumber) {
        const number = expectTag(parseDer(ext.value), TAG.integer, 'the CRL number').content;
        crlNumber = BigInt(`0x${toHex(number) || '0'}`).toString();
      } else if (ext.oid === OID.deltaCrlIndicator) {
        throw new CrlError('The CRL is a delta CRL; load the full CRL the CA publishes.', 'delta_crl');
      } else if (ext.oid === OID.issuingDistributionPoint) {
        checkIssuingDistributionPoint(ext.value);
      } else if (ext.critical && ext.oid !== OID.authorityKeyIdentifier) {
        throw new CrlError(
          `The CRL has an unsupported critical extension (${ext.oid}).`,
          'critical_extension',
        );
      }
    }
  }
  if (i !== fields.length) throw new DerError('unexpected fields in the TBSCertList');
  return {
    issuer: formatName(issuerNode),
    issuerDer: issuerNode.raw,
    innerAlgorithm,
    thisUpdate,
    ...(nextUpdate ? { nextUpdate } : {}),
    revoked,
    ...(crlNumber === undefined ? {} : { crlNumber }),
  };
}

/** Refuses indirect CRLs and CRLs of attribute certificates (RFC 5280 §5.2.5). */
function checkIssuingDistributionPoint(value: Uint8Array): void {
  for (const field of derChildren(expectTag(parseDer(value), TAG.sequence, 'an IssuingDistributionPoint'))) {
    const isTrue = (field.content[0] ?? 0) !== 0;
    if (field.tag === contextTag(4, false) && isTrue) {
      throw new CrlError(
        'The CRL is an indirect CRL; only CRLs of the anchor itself are supported.',
        'indirect_crl',
      );
    }
    if (field.tag === contextTag(5, false) && isTrue) {
      throw new CrlError(
        "The CRL covers attribute certificates only; load the CA's CRL for certificates.",
        'wrong_scope',
      );
    }
  }
}
