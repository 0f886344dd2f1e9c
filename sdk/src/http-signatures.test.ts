import { describe, expect, it } from 'vitest';
import { SignatureError } from './errors.ts';
import {
  checkSignaturePolicy,
  component,
  type HttpMessage,
  newNonce,
  type ParsedSignature,
  parseSignatures,
  serializeComponentId,
  signatureBase,
  signMessage,
  toComponentId,
  verifySignature,
} from './http-signatures.ts';

const URL_ = 'https://Example.COM:443/path/to;x?param=value&foo=bar&baz=batman&qux=#frag';

function request(url = URL_, headers: HeadersInit = {}): HttpMessage {
  return { method: 'POST', url, headers: new Headers(headers) };
}

function baseLine(
  message: HttpMessage,
  id: string | ReturnType<typeof component>,
  req?: HttpMessage,
): string {
  const base = signatureBase(message, { components: [toComponentId(id)], serializedParams: '()' }, req);
  const [line] = base.split('\n');
  return line ?? '';
}

function reason(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof SignatureError) return error.reason;
    throw error;
  }
  return undefined;
}

async function ed25519(): Promise<CryptoKeyPair> {
  return (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
}

function only(parsed: ParsedSignature[]): ParsedSignature {
  const [first] = parsed;
  if (!first) throw new Error('no signature');
  return first;
}

describe('derived components (RFC 9421 §2.2)', () => {
  it('@method is the method as given', () => {
    expect(baseLine(request(), '@method')).toBe('"@method": POST');
    expect(baseLine({ ...request(), method: 'patch' }, '@method')).toBe('"@method": patch');
  });

  it('@target-uri is the absolute URI without fragment or userinfo', () => {
    expect(baseLine(request(), '@target-uri')).toBe(
      '"@target-uri": https://example.com/path/to;x?param=value&foo=bar&baz=batman&qux=',
    );
    expect(baseLine(request('https://u:p@example.com/a'), '@target-uri')).toBe(
      '"@target-uri": https://example.com/a',
    );
  });

  it('@authority is the lowercased host, with the port only when it is not the default', () => {
    expect(baseLine(request(), '@authority')).toBe('"@authority": example.com');
    expect(baseLine(request('http://Example.com:80/'), '@authority')).toBe('"@authority": example.com');
    expect(baseLine(request('https://example.com:8443/'), '@authority')).toBe(
      '"@authority": example.com:8443',
    );
    expect(baseLine(request('http://example.com:443/'), '@authority')).toBe('"@authority": example.com:443');
  });

  it('@scheme, @request-target, @path', () => {
    expect(baseLine(request(), '@scheme')).toBe('"@scheme": https');
    expect(baseLine(request('HTTP://example.com/'), '@scheme')).toBe('"@scheme": http');
    expect(baseLine(request(), '@request-target')).toBe(
      '"@request-target": /path/to;x?param=value&foo=bar&baz=batman&qux=',
    );
    expect(baseLine(request(), '@path')).toBe('"@path": /path/to;x');
    expect(baseLine(request('https://example.com'), '@path')).toBe('"@path": /');
    expect(baseLine(request('https://example.com/a%2Fb'), '@path')).toBe('"@path": /a%2Fb');
  });

  it('@query keeps the leading ? and is ? alone when there is no query', () => {
    expect(baseLine(request(), '@query')).toBe('"@query": ?param=value&foo=bar&baz=batman&qux=');
    expect(baseLine(request('https://example.com/path?queryString'), '@query')).toBe(
      '"@query": ?queryString',
    );
    expect(baseLine(request('https://example.com/path'), '@query')).toBe('"@query": ?');
    expect(baseLine(request('https://example.com/path?'), '@query')).toBe('"@query": ?');
  });

  it('@query-param decodes and re-encodes names and values as in RFC 9421 §2.2.8', () => {
    expect(baseLine(request(), component('@query-param', { name: 'baz' }))).toBe(
      '"@query-param";name="baz": batman',
    );
    expect(baseLine(request(), component('@query-param', { name: 'qux' }))).toBe(
      '"@query-param";name="qux": ',
    );
    const url =
      'https://www.example.com/parameters?var=this%20is%20a%20big%0Amultiline%20value&bar=with+plus+whitespace&fa%C3%A7ade%22%3A%20=something';
    expect(baseLine(request(url), '"@query-param";name="var"')).toBe(
      '"@query-param";name="var": this%20is%20a%20big%0Amultiline%20value',
    );
    expect(baseLine(request(url), '"@query-param";name="bar"')).toBe(
      '"@query-param";name="bar": with%20plus%20whitespace',
    );
    expect(baseLine(request(url), '"@query-param";name="fa%C3%A7ade%22%3A%20"')).toBe(
      '"@query-param";name="fa%C3%A7ade%22%3A%20": something',
    );
  });

  it('@query-param refuses an absent, a repeated, or an unnamed parameter', () => {
    expect(reason(() => baseLine(request(), component('@query-param', { name: 'nope' })))).toBe(
      'component_missing',
    );
    const repeated = request('https://example.com/?a=1&a=2');
    expect(reason(() => baseLine(repeated, component('@query-param', { name: 'a' })))).toBe('malformed');
    expect(reason(() => baseLine(request(), '@query-param'))).toBe('malformed');
  });

  it('@status is the three-digit status of a response', () => {
    expect(baseLine({ status: 200, headers: new Headers() }, '@status')).toBe('"@status": 200');
    expect(reason(() => baseLine(request(), '@status'))).toBe('component_missing');
    expect(reason(() => baseLine({ status: 42, headers: new Headers() }, '@status'))).toBe('malformed');
    expect(reason(() => baseLine({ status: 200, headers: new Headers() }, '"@status";req', request()))).toBe(
      'malformed',
    );
  });

  it('request components are missing from a response, and a URL must be absolute', () => {
    const response = { status: 200, headers: new Headers() };
    for (const name of [
      '@method',
      '@target-uri',
      '@authority',
      '@scheme',
      '@request-target',
      '@path',
      '@query',
    ]) {
      expect(reason(() => baseLine(response, name))).toBe('component_missing');
    }
    expect(reason(() => baseLine(request('/relative'), '@path'))).toBe('component_missing');
  });
});

describe('HTTP field components (RFC 9421 §2.1)', () => {
  it('lowercases nothing itself but reads fields case-insensitively; combines values with ", "', () => {
    const headers = new Headers();
    headers.append('X-Multi', ' one ');
    headers.append('X-Multi', 'two');
    headers.set('X-Empty', '');
    const message = { ...request(), headers };
    expect(baseLine(message, 'x-multi')).toBe('"x-multi": one, two');
    expect(baseLine(message, 'x-empty')).toBe('"x-empty": ');
  });

  it('sf re-serializes dictionaries, lists and items strictly', () => {
    const message = request(URL_, {
      'example-dict': '  a=1,    b=2;x=1;y=2,   c=(a   b   c)',
      'example-list': '  a,   b;q=1 ,  (c  d)',
      'example-item': '  "text";p=?1  ',
      'content-digest': 'sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:,   sha-512=:AA==:',
    });
    expect(baseLine(message, '"example-dict";sf')).toBe('"example-dict";sf: a=1, b=2;x=1;y=2, c=(a b c)');
    expect(baseLine(message, '"example-list";sf')).toBe('"example-list";sf: a, b;q=1, (c d)');
    expect(baseLine(message, '"example-item";sf')).toBe('"example-item";sf: "text";p');
    expect(baseLine(message, '"content-digest";sf')).toBe(
      '"content-digest";sf: sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:, sha-512=:AA==:',
    );
    expect(reason(() => baseLine(request(URL_, { 'x-bad': '"unterminated' }), '"x-bad";sf'))).toBe(
      'malformed',
    );
  });

  it('key takes one dictionary member, serialized (RFC 9421 §2.1.2)', () => {
    const message = request(URL_, { 'example-dict': ' a=1, b=2;x=1;y=2, c=(a   b    c), d' });
    expect(baseLine(message, '"example-dict";key="a"')).toBe('"example-dict";key="a": 1');
    expect(baseLine(message, '"example-dict";key="d"')).toBe('"example-dict";key="d": ?1');
    expect(baseLine(message, '"example-dict";key="b"')).toBe('"example-dict";key="b": 2;x=1;y=2');
    expect(baseLine(message, '"example-dict";key="c"')).toBe('"example-dict";key="c": (a b c)');
    expect(reason(() => baseLine(message, '"example-dict";key="z"'))).toBe('component_missing');
    expect(reason(() => baseLine(request(URL_, { x: '(' }), '"x";key="a"'))).toBe('malformed');
  });

  it('bs wraps the field value as a byte sequence (RFC 9421 §2.1.3)', () => {
    const message = request(URL_, { 'example-header': 'value, with, lots' });
    expect(baseLine(message, '"example-header";bs')).toBe('"example-header";bs: :dmFsdWUsIHdpdGgsIGxvdHM=:');
  });

  it('req reads the component from the request a response answers (RFC 9421 §2.4)', () => {
    const req = request(URL_, { 'content-digest': 'sha-256=:AA==:', signature: 'sig=:AAEC:, other=:AwQ=:' });
    const response = { status: 200, headers: new Headers({ 'content-digest': 'sha-256=:BB==:' }) };
    expect(baseLine(response, '"content-digest";req', req)).toBe('"content-digest";req: sha-256=:AA==:');
    expect(baseLine(response, 'content-digest', req)).toBe('"content-digest": sha-256=:BB==:');
    expect(baseLine(response, '"@method";req', req)).toBe('"@method";req: POST');
    expect(baseLine(response, '"signature";req;key="sig"', req)).toBe('"signature";req;key="sig": :AAEC:');
    expect(reason(() => baseLine(response, '"@method";req'))).toBe('component_missing');
  });

  it('an absent field is component_missing', () => {
    expect(reason(() => baseLine(request(), 'content-digest'))).toBe('component_missing');
  });
});

describe('component identifiers', () => {
  it('parse from names and serialized identifiers', () => {
    expect(toComponentId('@method')).toEqual({ name: '@method', params: new Map() });
    expect(toComponentId('signature;req;key="sig"')).toEqual(
      component('signature', { req: true, key: 'sig' }),
    );
    expect(serializeComponentId(toComponentId('"signature";req;key="sig"'))).toBe(
      '"signature";req;key="sig"',
    );
    expect(reason(() => toComponentId('"unterminated'))).toBe('malformed');
  });

  it('refuse bad names and parameters as malformed', () => {
    const cases: (string | ReturnType<typeof component>)[] = [
      'Content-Type',
      component('a\nb'),
      component('x-a b'),
      '@unknown',
      '@signature-params',
      '"expires";tr',
      '"x";bs;sf',
      '"x";bs;key="a"',
      '"x";sf=?0',
      '"x";name="a"',
      '"@method";key="a"',
      '"@method";sf',
      '"x";key=1',
      '"x";other',
      '"@query-param";name=1',
    ];
    const message = request(URL_, { x: 'a=1', expires: 'x' });
    for (const id of cases) {
      expect(
        reason(() => baseLine(message, id)),
        JSON.stringify(typeof id === 'string' ? id : id.name),
      ).toBe('malformed');
    }
  });

  it('refuse duplicates, whatever the parameter order', () => {
    const components = [toComponentId('"x";req;sf'), toComponentId('"x";sf;req')];
    const req = request(URL_, { x: 'a' });
    expect(reason(() => signatureBase(request(), { components, serializedParams: '()' }, req))).toBe(
      'malformed',
    );
    expect(
      reason(() =>
        signatureBase(request(), {
          components: [toComponentId('@path'), toComponentId('@path')],
          serializedParams: '()',
        }),
      ),
    ).toBe('malformed');
    // the same name with and without req is two components (RFC 9421 §2.4)
    const both = [toComponentId('"@method";req'), toComponentId('@method')];
    expect(signatureBase(request(), { components: both, serializedParams: '()' }, req)).toBe(
      '"@method";req: POST\n"@method": POST\n"@signature-params": ()',
    );
  });
});

describe('parseSignatures', () => {
  const input = 'sig1=("@method" "@authority");created=1618884473;keyid="k1";foo=bar, sig2=();keyid="k2"';
  const signature = 'sig2=:AwQ=:, sig1=:AQI=:';

  it('pairs members by label in Signature-Input order, keeping unknown parameters', () => {
    const [first, second] = parseSignatures(input, signature);
    expect(first).toEqual({
      label: 'sig1',
      components: [toComponentId('@method'), toComponentId('@authority')],
      params: { created: 1618884473, keyid: 'k1', foo: 'bar' },
      unknownParams: ['foo'],
      signature: new Uint8Array([1, 2]),
      serializedParams: '("@method" "@authority");created=1618884473;keyid="k1";foo=bar',
    });
    expect(second).toMatchObject({ label: 'sig2', components: [], signature: new Uint8Array([3, 4]) });
  });

  it('re-serializes the inner list as @signature-params (RFC 9421 §2.3)', () => {
    const parsed = only(parseSignatures('sig=(  "@method"   "x";sf );created=1;keyid="k"', 'sig=:AA==:'));
    expect(parsed.serializedParams).toBe('("@method" "x";sf);created=1;keyid="k"');
  });

  it('missing: an absent or empty header', () => {
    expect(reason(() => parseSignatures(null, signature))).toBe('missing');
    expect(reason(() => parseSignatures(input, undefined))).toBe('missing');
    expect(reason(() => parseSignatures('', ''))).toBe('missing');
  });

  it('malformed: unparseable, unpaired, not bytes, wrong parameter types', () => {
    const cases: [string, string][] = [
      ['sig=("@method"', 'sig=:AA==:'],
      ['sig=()', 'sig=:AA==, '],
      ['sig=()', 'other=:AA==:'],
      ['sig=(), extra=()', 'sig=:AA==:'],
      ['sig=()', 'sig=:AA==:, extra=:AA==:'],
      ['sig=()', 'sig="AA=="'],
      ['sig=()', 'sig=(:AA==:)'],
      ['sig="@method"', 'sig=:AA==:'],
      ['sig=(@method)', 'sig=:AA==:'],
      ['sig=("x";p=:AA==:)', 'sig=:AA==:'],
      ['sig=();created="1"', 'sig=:AA==:'],
      ['sig=();created=1.5', 'sig=:AA==:'],
      ['sig=();expires=-1', 'sig=:AA==:'],
      ['sig=();keyid=k', 'sig=:AA==:'],
      ['sig=();alg=ed25519', 'sig=:AA==:'],
      ['sig=();nonce=1', 'sig=:AA==:'],
      ['sig=();tag=?1', 'sig=:AA==:'],
    ];
    for (const [i, s] of cases)
      expect(
        reason(() => parseSignatures(i, s)),
        i + s,
      ).toBe('malformed');
  });

  it('messages name labels and parameters, never values', () => {
    const error = (() => {
      try {
        parseSignatures('sig=();keyid=secretvalue', 'sig=:AA==:');
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toContain('keyid');
    expect(error?.message).not.toContain('secretvalue');
  });
});

describe('signMessage and verifySignature', () => {
  it('writes parameters in the order created, expires, keyid, nonce, tag, alg', async () => {
    const { privateKey } = await ed25519();
    const signed = await signMessage(request(), {
      components: ['@method'],
      keyid: 'k',
      algorithm: 'ed25519',
      key: privateKey,
      tag: 't',
      nonce: 'n',
      expires: 20,
      created: 10,
      includeAlg: true,
    });
    expect(signed.signatureInput).toBe(
      'sig=("@method");created=10;expires=20;keyid="k";nonce="n";tag="t";alg="ed25519"',
    );
    expect(signed.signature).toMatch(/^sig=:[A-Za-z0-9+/]{86}==:$/);
    expect(signed.base).toBe(
      '"@method": POST\n"@signature-params": ("@method");created=10;expires=20;keyid="k";nonce="n";tag="t";alg="ed25519"',
    );
    const minimal = await signMessage(request(), {
      components: [],
      keyid: 'k',
      algorithm: 'ed25519',
      key: privateKey,
    });
    expect(minimal.signatureInput).toMatch(/^sig=\(\);created=\d+;keyid="k"$/);
  });

  it('signs and verifies several signatures in one message, by label', async () => {
    const a = await ed25519();
    const b = await ed25519();
    const message = request(URL_, { 'content-type': 'application/json' });
    for (const [label, pair] of [
      ['first', a],
      ['second', b],
    ] as const) {
      const signed = await signMessage(message, {
        label,
        components: ['@method', '@target-uri', 'content-type'],
        keyid: label,
        algorithm: 'ed25519',
        key: pair.privateKey,
      });
      message.headers.append('signature-input', signed.signatureInput);
      message.headers.append('signature', signed.signature);
    }
    const parsed = parseSignatures(message.headers.get('signature-input'), message.headers.get('signature'));
    expect(parsed.map((p) => p.label)).toEqual(['first', 'second']);
    const [first, second] = parsed as [ParsedSignature, ParsedSignature];
    await verifySignature(message, first, a.publicKey, 'ed25519');
    await verifySignature(message, second, b.publicKey, 'ed25519');
    await expect(verifySignature(message, first, b.publicKey, 'ed25519')).rejects.toMatchObject({
      reason: 'invalid',
    });
  });

  it('invalid: a changed component or signature', async () => {
    const { privateKey, publicKey } = await ed25519();
    const message = request(URL_, { 'content-type': 'application/json' });
    const signed = await signMessage(message, {
      components: ['@method', 'content-type'],
      keyid: 'k',
      algorithm: 'ed25519',
      key: privateKey,
    });
    const parsed = only(parseSignatures(signed.signatureInput, signed.signature));
    await expect(verifySignature(message, parsed, publicKey, 'ed25519')).resolves.toBeUndefined();
    await expect(
      verifySignature({ ...message, method: 'PUT' }, parsed, publicKey, 'ed25519'),
    ).rejects.toMatchObject({ reason: 'invalid' });
    const flipped = { ...parsed, signature: parsed.signature.map((b, i) => (i === 0 ? b ^ 1 : b)) };
    await expect(verifySignature(message, flipped, publicKey, 'ed25519')).rejects.toMatchObject({
      reason: 'invalid',
    });
  });

  it('algorithm_refused: alg names another algorithm, or the key is of another kind', async () => {
    const { privateKey, publicKey } = await ed25519();
    const signed = await signMessage(request(), {
      components: ['@method'],
      keyid: 'k',
      algorithm: 'ed25519',
      key: privateKey,
      includeAlg: true,
    });
    const parsed = only(parseSignatures(signed.signatureInput, signed.signature));
    await expect(verifySignature(request(), parsed, publicKey, 'ecdsa-p256-sha256')).rejects.toMatchObject({
      reason: 'algorithm_refused',
    });
    const withoutAlg = { ...parsed, params: { ...parsed.params, alg: undefined } };
    await expect(
      verifySignature(request(), withoutAlg, publicKey, 'ecdsa-p256-sha256'),
    ).rejects.toMatchObject({
      reason: 'algorithm_refused',
    });
  });

  it('component_missing and malformed surface from the base when verifying', async () => {
    const { privateKey, publicKey } = await ed25519();
    const message = request(URL_, { 'content-digest': 'sha-256=:AA==:' });
    const signed = await signMessage(message, {
      components: ['content-digest'],
      keyid: 'k',
      algorithm: 'ed25519',
      key: privateKey,
    });
    const parsed = only(parseSignatures(signed.signatureInput, signed.signature));
    await expect(verifySignature(request(), parsed, publicKey, 'ed25519')).rejects.toMatchObject({
      reason: 'component_missing',
    });
    const tr = only(parseSignatures('sig=("content-digest";tr);created=1;keyid="k"', signed.signature));
    await expect(verifySignature(message, tr, publicKey, 'ed25519')).rejects.toMatchObject({
      reason: 'malformed',
    });
  });

  it('refuses a bad label and unserializable parameters as malformed', async () => {
    const { privateKey } = await ed25519();
    const base = { components: [], keyid: 'k', algorithm: 'ed25519' as const, key: privateKey };
    await expect(signMessage(request(), { ...base, label: 'Bad Label' })).rejects.toMatchObject({
      reason: 'malformed',
    });
    await expect(signMessage(request(), { ...base, keyid: 'ключ' })).rejects.toMatchObject({
      reason: 'malformed',
    });
    await expect(signMessage(request(), { ...base, created: 1.5 })).rejects.toMatchObject({
      reason: 'malformed',
    });
  });
});

describe('checkSignaturePolicy', () => {
  const parsed = only(
    parseSignatures(
      'sig=("@method" "@target-uri" "content-digest");created=1000;expires=1100;keyid="k";nonce="n";tag="fapi-2-request"',
      'sig=:AA==:',
    ),
  );

  it('accepts a signature that meets the policy', () => {
    expect(() =>
      checkSignaturePolicy(parsed, {
        requiredComponents: ['@method', '@target-uri', 'content-digest'],
        requiredParams: ['created', 'keyid', 'nonce'],
        tag: 'fapi-2-request',
        now: 1010,
        maxAgeSeconds: 60,
      }),
    ).not.toThrow();
  });

  it('parameter_unknown for parameters outside RFC 9421 §2.3, unless allowed', () => {
    const odd = only(parseSignatures('sig=();created=1000;keyid="k";foo=1', 'sig=:AA==:'));
    expect(reason(() => checkSignaturePolicy(odd, { now: 1000 }))).toBe('parameter_unknown');
    expect(reason(() => checkSignaturePolicy(odd, { now: 1000, allowUnknownParams: true }))).toBeUndefined();
  });

  it('coverage_insufficient when a required component is not covered', () => {
    expect(
      reason(() => checkSignaturePolicy(parsed, { now: 1000, requiredComponents: ['content-type'] })),
    ).toBe('coverage_insufficient');
    expect(
      reason(() => checkSignaturePolicy(parsed, { now: 1000, requiredComponents: ['"@method";req'] })),
    ).toBe('coverage_insufficient');
  });

  it('malformed when a required parameter or the tag is wrong', () => {
    const bare = only(parseSignatures('sig=();keyid="k"', 'sig=:AA==:'));
    expect(reason(() => checkSignaturePolicy(bare, { requiredParams: ['nonce'] }))).toBe('malformed');
    expect(reason(() => checkSignaturePolicy(parsed, { now: 1000, tag: 'fapi-2-response' }))).toBe(
      'malformed',
    );
    expect(reason(() => checkSignaturePolicy(bare, { maxAgeSeconds: 60 }))).toBe('malformed');
  });

  it('not_yet_valid and expired by created, expires and maximum age, with clock skew', () => {
    expect(reason(() => checkSignaturePolicy(parsed, { now: 994 }))).toBe('not_yet_valid');
    expect(reason(() => checkSignaturePolicy(parsed, { now: 995 }))).toBeUndefined();
    expect(reason(() => checkSignaturePolicy(parsed, { now: 1105 }))).toBeUndefined();
    expect(reason(() => checkSignaturePolicy(parsed, { now: 1106 }))).toBe('expired');
    expect(reason(() => checkSignaturePolicy(parsed, { now: 1061, maxAgeSeconds: 60 }))).toBe('expired');
    expect(reason(() => checkSignaturePolicy(parsed, { now: 1000, clockSkewSeconds: 0 }))).toBeUndefined();
  });
});

describe('newNonce', () => {
  it('is 32 base64url characters of randomness', () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });
});
