import { base64url, importJWK, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTokenVerifier, generateSigningKey, issueToken, signingKeyFromJwk } from './tokens.ts';

async function reason(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return `${(error as { code: string }).code}: ${(error as Error).message}`;
  }
  return 'accepted';
}

describe('staff tokens', () => {
  it('round-trip subject and roles', async () => {
    const key = await generateSigningKey();
    const verify = createTokenVerifier(key.publicJwk);
    const token = await issueToken(key, { subject: 'demo-operator', roles: ['operator'], ttlSeconds: 60 });
    expect(await verify(token)).toEqual({ subject: 'demo-operator', roles: ['operator'] });
  });

  it('refuse expired tokens, foreign keys, alg none and HS256 with the public key', async () => {
    const key = await generateSigningKey();
    const other = await generateSigningKey();
    const verify = createTokenVerifier(key.publicJwk);
    expect(
      await reason(verify(await issueToken(other, { subject: 'x', roles: ['operator'], ttlSeconds: 60 }))),
    ).toMatch(/^unauthenticated/);
    const expired = await issueToken(key, { subject: 'x', roles: ['operator'], ttlSeconds: -120 });
    expect(await reason(verify(expired))).toBe('unauthenticated: The token has expired.');

    const claims = {
      sub: 'x',
      roles: ['operator'],
      iss: 'pontis',
      aud: 'pontis-api',
      iat: 1,
      exp: 4102444800,
    };
    const none = `${base64url.encode(JSON.stringify({ alg: 'none' }))}.${base64url.encode(JSON.stringify(claims))}.`;
    expect(await reason(verify(none))).toMatch(/^unauthenticated/);
    const hs256 = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(JSON.stringify(key.publicJwk)));
    expect(await reason(verify(hs256))).toMatch(/^unauthenticated/);
  });

  it('refuse unknown roles and tokens without roles', async () => {
    const key = await generateSigningKey();
    const verify = createTokenVerifier(key.publicJwk);
    const privateKey = await importJWK(key.privateJwk, 'ES256');
    const token = (roles: unknown) =>
      new SignJWT({ roles })
        .setProtectedHeader({ alg: 'ES256' })
        .setIssuer('pontis')
        .setAudience('pontis-api')
        .setSubject('x')
        .setIssuedAt()
        .setExpirationTime('1m')
        .sign(privateKey);
    expect(await reason(verify(await token(['superuser'])))).toMatch(/^unauthenticated/);
    expect(await reason(verify(await token([])))).toMatch(/^unauthenticated/);
    expect(await reason(verify(await token(['auditor'])))).toBe('accepted');
  });

  it('validate configured keys', async () => {
    await expect(signingKeyFromJwk({ kty: 'RSA' })).rejects.toMatchObject({ code: 'configuration_invalid' });
    const key = await generateSigningKey();
    expect((await signingKeyFromJwk(key.privateJwk)).kid).toBe(key.kid);
    expect(key.publicJwk).not.toHaveProperty('d');
  });
});
