/** How a jurisdiction's agency signs the messages it sends to the gateway. */
import { z } from 'zod';

export const SIGNATURE_SCHEMES = ['http-message-signatures', 'detached-jws'] as const;
/** Algorithms as named by RFC 9421 §3.3 (JWS names map onto these). */
export const SIGNATURE_ALGORITHMS = [
  'ed25519',
  'ecdsa-p256-sha256',
  'rsa-pss-sha512',
  'rsa-v1_5-sha256',
] as const;

export const signingPolicySchema = z
  .object({
    schemes: z.array(z.enum(SIGNATURE_SCHEMES)).min(1),
    algorithms: z.array(z.enum(SIGNATURE_ALGORITHMS)).min(1),
    /** How old a signature's `created` may be (FAPI 2.0 message signing: 60 s). */
    maxSignatureAgeSeconds: z.number().int().min(1).max(300),
  })
  .strict();

export type SigningPolicy = z.infer<typeof signingPolicySchema>;
