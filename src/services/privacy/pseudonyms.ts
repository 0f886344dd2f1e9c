/**
 * Keyed pseudonyms: HMAC-SHA-256 of a normalised value under a key per domain, derived with HKDF
 * from one master key. The same person gets the same pseudonym in a domain (AML velocity links
 * their transfers) and unrelated pseudonyms across domains (the audit trail cannot be joined with
 * the AML tables without the key). Nobody without the key can compute or reverse one.
 */
import { base64UrlEncode, utf8 } from '../../../sdk/src/encoding.ts';

export const PSEUDONYM_DOMAINS = ['subject', 'aml', 'audit', 'statistics'] as const;
export type PseudonymDomain = (typeof PSEUDONYM_DOMAINS)[number];

export interface Pseudonymizer {
  /** 43 base64url characters (256 bits); stable for the same domain, value and key. */
  pseudonym(domain: PseudonymDomain, value: string): Promise<string>;
}

const HKDF_SALT = utf8('pontis/pseudonyms/v1');

export async function createPseudonymizer(masterKey: Uint8Array<ArrayBuffer>): Promise<Pseudonymizer> {
  const master = await crypto.subtle.importKey('raw', masterKey, 'HKDF', false, ['deriveKey']);
  const domainKeys = new Map<PseudonymDomain, CryptoKey>();
  for (const domain of PSEUDONYM_DOMAINS) {
    domainKeys.set(
      domain,
      await crypto.subtle.deriveKey(
        { name: 'HKDF', hash: 'SHA-256', salt: HKDF_SALT, info: utf8(`domain:${domain}`) },
        master,
        { name: 'HMAC', hash: 'SHA-256', length: 256 },
        false,
        ['sign'],
      ),
    );
  }
  return {
    async pseudonym(domain, value) {
      const key = domainKeys.get(domain);
      if (!key) throw new TypeError(`unknown pseudonymisation domain ${domain}`);
      return base64UrlEncode(new Uint8Array(await crypto.subtle.sign('HMAC', key, utf8(value))));
    },
  };
}
