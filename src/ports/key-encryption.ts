/**
 * The key-encryption-key (KEK) provider: wraps and unwraps the per-person data keys. The
 * environment provider (`src/services/privacy/kek.ts`) holds the KEKs in memory; a KMS provider
 * implements the same calls with the KMS's encrypt/decrypt, so no KEK ever reaches the gateway.
 */
export interface WrappedKey {
  /** Which KEK wrapped the key; kept beside it so old keys unwrap after a rotation. */
  readonly kekId: string;
  readonly wrapped: Uint8Array;
}

export interface KeyEncryptionKeyProvider {
  /** `env`, `kms:<name>`: shown to operators, never secret. */
  readonly name: string;
  /** The KEK new data keys are wrapped with. */
  currentKeyId(): string;
  /** Every KEK this provider can still unwrap with, newest first. */
  knownKeyIds(): readonly string[];
  wrap(dataKey: Uint8Array): Promise<WrappedKey>;
  unwrap(key: WrappedKey): Promise<Uint8Array>;
}
