/**
 * The environment KEK provider: AES-256-GCM key-encryption keys held in memory, the first one
 * current. A data key is wrapped as IV ‖ ciphertext with the KEK id as additional data, so a
 * wrapped key cannot be presented as wrapped by another KEK.
 */
import { utf8 } from '../../../sdk/src/encoding.ts';
import { GatewayError } from '../../core/errors.ts';
import type { KeyEncryptionKeyProvider } from '../../ports/key-encryption.ts';

const IV_BYTES = 12;

export async function envKekProvider(
  keys: readonly { id: string; key: Uint8Array<ArrayBuffer> }[],
): Promise<KeyEncryptionKeyProvider> {
  const current = keys[0];
  if (!current) throw new GatewayError('configuration_invalid', 'No key-encryption key is configured.');
  const imported = new Map<string, CryptoKey>();
  for (const { id, key } of keys) {
    imported.set(id, await crypto.subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt', 'decrypt']));
  }
  const ids = keys.map((item) => item.id);
  return {
    name: 'env',
    currentKeyId: () => current.id,
    knownKeyIds: () => ids,
    async wrap(dataKey) {
      const kek = imported.get(current.id) as CryptoKey;
      const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
      const sealed = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: utf8(`pontis/dek/${current.id}`) },
        kek,
        new Uint8Array(dataKey),
      );
      const wrapped = new Uint8Array(IV_BYTES + sealed.byteLength);
      wrapped.set(iv);
      wrapped.set(new Uint8Array(sealed), IV_BYTES);
      return { kekId: current.id, wrapped };
    },
    async unwrap({ kekId, wrapped }) {
      const kek = imported.get(kekId);
      if (!kek) {
        throw new GatewayError(
          'privacy_key_unavailable',
          `The key-encryption key ${kekId} is not configured; add it to PONTIS_KEKS (after the current one) until every data key is re-wrapped.`,
        );
      }
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: wrapped.slice(0, IV_BYTES), additionalData: utf8(`pontis/dek/${kekId}`) },
        kek,
        wrapped.slice(IV_BYTES),
      );
      return new Uint8Array(plain);
    },
  };
}
