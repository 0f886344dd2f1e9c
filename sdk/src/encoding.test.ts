import { describe, expect, it } from 'vitest';
import {
  base64Decode,
  base64Encode,
  base64UrlDecode,
  base64UrlEncode,
  equalBytes,
  toArrayBufferView,
  utf8,
} from './encoding.ts';

describe('encoding', () => {
  it('round-trips base64 and base64url (RFC 4648 examples)', () => {
    expect(base64Encode(utf8('foobar'))).toBe('Zm9vYmFy');
    expect(base64Encode(utf8('fo'))).toBe('Zm8=');
    expect(base64UrlEncode(new Uint8Array([0xfb, 0xff, 0xfe]))).toBe('-__-');
    expect(base64UrlDecode('-__-')).toEqual(new Uint8Array([0xfb, 0xff, 0xfe]));
    expect(base64Decode('Zm8=')).toEqual(utf8('fo'));
    const big = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 31) % 256);
    expect(base64UrlDecode(base64UrlEncode(big))).toEqual(big);
  });

  it('refuses text that is not base64 or base64url', () => {
    expect(() => base64Decode('a-b_')).toThrow(TypeError);
    expect(() => base64UrlDecode('a+b/')).toThrow(TypeError);
    expect(() => base64UrlDecode('abcde')).toThrow(TypeError);
  });

  it('compares bytes and copies views', () => {
    expect(equalBytes(utf8('abc'), utf8('abc'))).toBe(true);
    expect(equalBytes(utf8('abc'), utf8('abd'))).toBe(false);
    expect(equalBytes(utf8('abc'), utf8('ab'))).toBe(false);
    const view = new Uint8Array([1, 2, 3, 4]).subarray(1, 3);
    const copy = toArrayBufferView(view);
    expect(copy).toEqual(new Uint8Array([2, 3]));
    expect(copy.buffer.byteLength).toBe(2);
  });
});
