/**
 * Field-level envelope encryption with AES-256-GCM (Web Crypto): one data key per person, each
 * field sealed separately with the person's id and the field's name as additional data, so a
 * ciphertext copied to another person or field fails to open. The data key itself is stored only
 * wrapped by the KEK provider; destroying it destroys every field it sealed (crypto-shredding).
 */
import { base64UrlDecode, base64UrlEncode, utf8 } from '../../../sdk/src/encoding.ts';

const IV_BYTES = 12;

/** One sealed field as stored: base64url IV and ciphertext (with the GCM tag). */
export interface SealedField {
  readonly iv: string;
  readonly ct: string;
}

export function generateDataKey(): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(32));
}

export function importDataKey(raw: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', new Uint8Array(raw), 'AES-GCM', false, ['encrypt', 'decrypt']);
}

const aad = (subjectId: string, field: string) => utf8(`pontis/field/${subjectId}/${field}`);

export async function sealField(
  key: CryptoKey,
  subjectId: string,
  field: string,
  value: unknown,
): Promise<SealedField> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: aad(subjectId, field) },
    key,
    utf8(JSON.stringify(value)),
  );
  return { iv: base64UrlEncode(iv), ct: base64UrlEncode(new Uint8Array(ct)) };
}

export async function openField(
  key: CryptoKey,
  subjectId: string,
  field: string,
  sealed: SealedField,
): Promise<unknown> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: base64UrlDecode(sealed.iv), additionalData: aad(subjectId, field) },
    key,
    base64UrlDecode(sealed.ct),
  );
  return JSON.parse(new TextDecoder().decode(plain));
}
