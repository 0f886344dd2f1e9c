/**
 * `@pontis/partner-sdk`: the standards core shared by partners and the Pontis gateway — RFC 9530
 * digests, RFC 9421 message signatures and detached JWS — on Web Crypto, `jose` and
 * `structured-headers` only.
 */
export * from './algorithms.ts';
export * from './client.ts';
export * from './content-digest.ts';
export * from './detached-jws.ts';
export * from './encoding.ts';
export * from './errors.ts';
export * from './http-signatures.ts';
