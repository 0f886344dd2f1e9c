/**
 * The gateway's privacy keys: the pseudonymisation master key and the key-encryption keys of the
 * environment provider. Parsed from `PONTIS_PSEUDONYM_KEY` and `PONTIS_KEKS`; in demo mode on
 * Node they are generated once into the data directory (see `src/cli/privacy-key-file.ts`).
 */
import { base64Decode, base64UrlDecode, base64UrlEncode } from '../../../sdk/src/encoding.ts';
import { GatewayError } from '../../core/errors.ts';
import type { KeyEncryptionKeyProvider } from '../../ports/key-encryption.ts';
import { envKekProvider } from './kek.ts';
import { createPseudonymizer, type Pseudonymizer } from './pseudonyms.ts';

export interface PrivacyKeys {
  readonly pseudonyms: Pseudonymizer;
  readonly kek: KeyEncryptionKeyProvider;
}

/** 32 bytes of key material from base64 or base64url text. */
export function decodeKey(text: string, what: string): Uint8Array<ArrayBuffer> {
  const trimmed = text.trim();
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = /[-_]/.test(trimmed) ? base64UrlDecode(trimmed.replace(/=+$/, '')) : base64Decode(trimmed);
  } catch {
    throw new GatewayError('configuration_invalid', `${what} is not base64 or base64url.`);
  }
  if (bytes.length !== 32) {
    throw new GatewayError(
      'configuration_invalid',
      `${what} must be 32 bytes (256 bits), not ${bytes.length}.`,
    );
  }
  return bytes;
}

/** `PONTIS_KEKS`: `<id>:<base64 key>` entries separated by commas, the current (newest) first. */
export function parseKekList(text: string): { id: string; key: Uint8Array<ArrayBuffer> }[] {
  const entries = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  if (entries.length === 0) throw new GatewayError('configuration_invalid', 'PONTIS_KEKS names no key.');
  const seen = new Set<string>();
  return entries.map((entry) => {
    const colon = entry.indexOf(':');
    const id = entry.slice(0, colon);
    if (colon < 1 || !/^[A-Za-z0-9._-]{1,64}$/.test(id)) {
      throw new GatewayError(
        'configuration_invalid',
        'PONTIS_KEKS entries are `<id>:<base64 key>`, ids of letters, digits, ".", "_" or "-".',
      );
    }
    if (seen.has(id)) throw new GatewayError('configuration_invalid', `PONTIS_KEKS names ${id} twice.`);
    seen.add(id);
    return { id, key: decodeKey(entry.slice(colon + 1), `PONTIS_KEKS key ${id}`) };
  });
}

export async function privacyKeysFromText(pseudonymKey: string, keks: string): Promise<PrivacyKeys> {
  return {
    pseudonyms: await createPseudonymizer(decodeKey(pseudonymKey, 'PONTIS_PSEUDONYM_KEY')),
    kek: await envKekProvider(parseKekList(keks)),
  };
}

/** Fresh keys (tests, first demo start): a pseudonym key and one KEK named `kek-<date>`. */
export function generatePrivacyKeyText(now = new Date()): { pseudonymKey: string; keks: string } {
  const random = () => base64UrlEncode(crypto.getRandomValues(new Uint8Array(32)));
  return { pseudonymKey: random(), keks: `kek-${now.toISOString().slice(0, 10)}:${random()}` };
}

export async function generatePrivacyKeys(now = new Date()): Promise<PrivacyKeys> {
  const text = generatePrivacyKeyText(now);
  return privacyKeysFromText(text.pseudonymKey, text.keks);
}
