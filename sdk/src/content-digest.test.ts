import { describe, expect, it } from 'vitest';
import { contentDigest, verifyContentDigest } from './content-digest.ts';
import { utf8 } from './encoding.ts';

const BODY = utf8('{"hello": "world"}');
const SHA256 = 'sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:';
const SHA512 =
  'sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:';

describe('contentDigest (RFC 9530)', () => {
  it('computes the RFC 9530 examples', async () => {
    expect(await contentDigest(BODY)).toBe(SHA256);
    expect(await contentDigest(BODY, 'sha-256')).toBe(SHA256);
    expect(await contentDigest(BODY, 'sha-512')).toBe(SHA512);
  });

  it('digests an empty body', async () => {
    expect(await contentDigest(new Uint8Array())).toBe(
      'sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:',
    );
  });

  it('refuses an unknown algorithm', async () => {
    await expect(contentDigest(BODY, 'md5' as 'sha-256')).rejects.toMatchObject({
      reason: 'algorithm_refused',
    });
  });
});

describe('verifyContentDigest', () => {
  it('accepts sha-256, sha-512, and both, returning the strongest', async () => {
    expect(await verifyContentDigest(SHA256, BODY)).toBe('sha-256');
    expect(await verifyContentDigest(SHA512, BODY)).toBe('sha-512');
    expect(await verifyContentDigest(`${SHA256}, ${SHA512}`, BODY)).toBe('sha-512');
  });

  it('ignores unknown algorithms next to a supported one', async () => {
    expect(await verifyContentDigest(`md5=:AAAA:, unixsum=:AAAA:, ${SHA256}`, BODY)).toBe('sha-256');
  });

  it('checks every supported member', async () => {
    const wrong512 =
      'sha-512=:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==:';
    await expect(verifyContentDigest(`${SHA256}, ${wrong512}`, BODY)).rejects.toMatchObject({
      reason: 'digest_mismatch',
    });
  });

  it('refuses a changed body with digest_mismatch', async () => {
    await expect(verifyContentDigest(SHA256, utf8('{"hello": "World"}'))).rejects.toMatchObject({
      reason: 'digest_mismatch',
    });
  });

  it('refuses an absent or empty header with missing', async () => {
    for (const header of [null, undefined, '', '  ']) {
      await expect(verifyContentDigest(header, BODY)).rejects.toMatchObject({ reason: 'missing' });
    }
  });

  it('refuses a header that is not a dictionary, or a digest that is not a byte sequence, with malformed', async () => {
    for (const header of [
      'sha-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=',
      'sha-256="abc"',
      '=:',
      'sha-256=(:AA==:)',
    ]) {
      await expect(verifyContentDigest(header, BODY)).rejects.toMatchObject({ reason: 'malformed' });
    }
  });

  it('refuses a header with neither sha-256 nor sha-512 with algorithm_refused', async () => {
    await expect(verifyContentDigest('md5=:XrY7u+Ae7tCTyyK7j1rNww==:', BODY)).rejects.toMatchObject({
      reason: 'algorithm_refused',
    });
  });

  it('never puts the header value in the message', async () => {
    const error = await verifyContentDigest('sha-256=:c2VjcmV0Cg==:', BODY).catch((e: Error) => e);
    expect((error as Error).message).not.toContain('c2VjcmV0Cg');
  });
});
