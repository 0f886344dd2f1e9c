/**
 * Turns the RFC 9421 test keys (PEM: PKCS#1, SEC1, SPKI, PKCS#8 with the id-RSASSA-PSS OID) into
 * JWKs with a minimal DER reader and Web Crypto, so tests exercise the SDK's JWK import path.
 */
import { base64Decode, base64UrlEncode } from '../encoding.ts';

interface Tlv {
  tag: number;
  start: number;
  end: number;
}

function readTlv(der: Uint8Array, offset: number): Tlv {
  const tag = der[offset] ?? 0;
  let length = der[offset + 1] ?? 0;
  let start = offset + 2;
  if (length & 0x80) {
    const octets = length & 0x7f;
    length = 0;
    for (let i = 0; i < octets; i++) length = length * 256 + (der[start + i] ?? 0);
    start += octets;
  }
  return { tag, start, end: start + length };
}

function children(der: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let offset = parent.start; offset < parent.end; ) {
    const tlv = readTlv(der, offset);
    out.push(tlv);
    offset = tlv.end;
  }
  return out;
}

function unsignedInteger(der: Uint8Array, tlv: Tlv): string {
  let bytes = der.subarray(tlv.start, tlv.end);
  while (bytes.length > 1 && bytes[0] === 0) bytes = bytes.subarray(1);
  return base64UrlEncode(bytes);
}

function pemBody(pem: string): Uint8Array<ArrayBuffer> {
  return base64Decode(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''));
}

function at<T>(items: T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error('truncated DER');
  return item;
}

function rsaJwkFromPkcs1(der: Uint8Array, sequence: Tlv, isPrivate: boolean): JsonWebKey {
  const ints = children(der, sequence).map((tlv) => unsignedInteger(der, tlv));
  if (!isPrivate) return { kty: 'RSA', n: at(ints, 0), e: at(ints, 1) };
  const [, n, e, d, p, q, dp, dq, qi] = ints;
  return { kty: 'RSA', n, e, d, p, q, dp, dq, qi };
}

/** A JWK from an RFC 9421 test key PEM (public or private). */
export async function jwkFromPem(pem: string): Promise<JsonWebKey> {
  const der = pemBody(pem);
  const outer = readTlv(der, 0);
  if (pem.includes('BEGIN RSA PUBLIC KEY')) return rsaJwkFromPkcs1(der, outer, false);
  if (pem.includes('BEGIN RSA PRIVATE KEY')) return rsaJwkFromPkcs1(der, outer, true);
  if (pem.includes('BEGIN EC PRIVATE KEY')) {
    const [, d, , publicKey] = children(der, outer);
    if (!d || !publicKey) throw new Error('not a SEC1 key');
    const bitString = readTlv(der, publicKey.start);
    const point = der.subarray(bitString.start + 2, bitString.end);
    return {
      kty: 'EC',
      crv: 'P-256',
      d: base64UrlEncode(der.subarray(d.start, d.end)),
      x: base64UrlEncode(point.subarray(0, 32)),
      y: base64UrlEncode(point.subarray(32, 64)),
    };
  }
  const parts = children(der, outer);
  if (pem.includes('BEGIN PUBLIC KEY')) {
    const algorithm = children(der, at(parts, 0));
    const oid = base64UrlEncode(der.subarray(at(algorithm, 0).start, at(algorithm, 0).end));
    const params =
      oid === base64UrlEncode(new Uint8Array([0x2b, 0x65, 0x70]))
        ? { name: 'Ed25519' }
        : oid === base64UrlEncode(new Uint8Array([0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01]))
          ? { name: 'ECDSA', namedCurve: 'P-256' }
          : { name: 'RSA-PSS', hash: 'SHA-512' };
    const key = await crypto.subtle.importKey('spki', der, params, true, ['verify']);
    return crypto.subtle.exportKey('jwk', key);
  }
  // PKCS#8: the RSA-PSS key wraps a PKCS#1 key; the Ed25519 key is imported as is.
  const inner = at(parts, 2);
  if (der[inner.start] === 0x30) return rsaJwkFromPkcs1(der, readTlv(der, inner.start), true);
  const key = await crypto.subtle.importKey('pkcs8', der, { name: 'Ed25519' }, true, ['sign']);
  return crypto.subtle.exportKey('jwk', key);
}
