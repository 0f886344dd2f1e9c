import { describe, expect, it } from 'vitest';
import { isSignatureError, SignatureError } from './errors.ts';

describe('SignatureError', () => {
  it('carries a reason and is recognisable', () => {
    const error = new SignatureError('digest_mismatch', 'content-digest sha-256 does not match the body');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('SignatureError');
    expect(error.reason).toBe('digest_mismatch');
    expect(isSignatureError(error)).toBe(true);
    expect(isSignatureError(error, 'digest_mismatch')).toBe(true);
    expect(isSignatureError(error, 'invalid')).toBe(false);
    expect(isSignatureError(new Error('x'))).toBe(false);
  });
});
