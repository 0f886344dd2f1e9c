/**
 * RFC 9530 `Content-Digest`: computes the field for the exact body bytes and checks a received one,
 * so a signature that covers the field also covers the body.
 */
import { isInnerList, parseDictionary } from 'structured-headers';
import { base64Encode, equalBytes, toArrayBufferView } from './encoding.ts';
import { SignatureError } from './errors.ts';

/** The digest algorithms of the RFC 9530 registry that the SDK computes and accepts. */
export type DigestAlgorithm = 'sha-256' | 'sha-512';

const WEB_CRYPTO_HASH: Record<DigestAlgorithm, string> = { 'sha-256': 'SHA-256', 'sha-512': 'SHA-512' };

async function digest(body: Uint8Array, algorithm: DigestAlgorithm): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest(WEB_CRYPTO_HASH[algorithm], toArrayBufferView(body)));
}

/** The `Content-Digest` field value for `body`, e.g. `sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:`. */
export async function contentDigest(
  body: Uint8Array,
  algorithm: DigestAlgorithm = 'sha-256',
): Promise<string> {
  if (!(algorithm in WEB_CRYPTO_HASH))
    throw new SignatureError('algorithm_refused', 'unsupported digest algorithm');
  return `${algorithm}=:${base64Encode(await digest(body, algorithm))}:`;
}

/**
 * Checks a received `Content-Digest` against `body` and returns the strongest algorithm checked.
 *
 * Members with algorithms the SDK does not know (or refuses, such as `md5` or `sha`) are ignored;
 * every `sha-256` and `sha-512` member present must match. Failures:
 * - `missing`: no header (or an empty one);
 * - `malformed`: not an RFC 8941 dictionary, or a sha-256/sha-512 member that is not a byte sequence;
 * - `algorithm_refused`: a well-formed header with neither sha-256 nor sha-512;
 * - `digest_mismatch`: a supported member that does not match the body.
 */
export async function verifyContentDigest(
  header: string | null | undefined,
  body: Uint8Array,
): Promise<DigestAlgorithm> {
  if (header === null || header === undefined || header.trim() === '') {
    throw new SignatureError('missing', 'content-digest is missing');
  }
  let dictionary: ReturnType<typeof parseDictionary>;
  try {
    dictionary = parseDictionary(header);
  } catch {
    throw new SignatureError('malformed', 'content-digest is not a structured dictionary');
  }
  let strongest: DigestAlgorithm | undefined;
  for (const algorithm of ['sha-256', 'sha-512'] as const) {
    const member = dictionary.get(algorithm);
    if (member === undefined) continue;
    if (isInnerList(member) || !(member[0] instanceof ArrayBuffer)) {
      throw new SignatureError('malformed', `content-digest member ${algorithm} is not a byte sequence`);
    }
    if (!equalBytes(new Uint8Array(member[0]), await digest(body, algorithm))) {
      throw new SignatureError('digest_mismatch', `content-digest ${algorithm} does not match the body`);
    }
    strongest = algorithm;
  }
  if (strongest === undefined) {
    throw new SignatureError('algorithm_refused', 'content-digest has neither sha-256 nor sha-512');
  }
  return strongest;
}
