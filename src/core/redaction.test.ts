import { describe, expect, it } from 'vitest';
import {
  collectPersonalValues,
  collectPersonalValuesFromText,
  isPrivacyOperation,
  MAX_PERSONAL_VALUES,
  REDACTED,
  readPersonalValues,
  redactDeep,
  redactPatterns,
  redactString,
  redactText,
} from './redaction.ts';

const PERSON = {
  nationalIdentifier: { scheme: 'de-rentenversicherungsnummer', value: '65170839J003' },
  name: { given: 'Zoë', family: 'Müller', original: '张伟' },
  birthDate: '1956-03-14',
  address: { lines: ['Hauptstraße 12', 'Hinterhaus'], postalCode: '10115', city: 'Berlin', country: 'DE' },
  contact: { email: 'zoe.mueller@example.org', phone: '+4930123456' },
  bankAccount: { iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX' },
  benefit: { type: 'old_age_pension', period: '2026-10' },
  health: { incapacityPercent: 100 },
  preferredLanguage: 'de',
};

describe('collectPersonalValues', () => {
  it('takes every string and number leaf under insuredPerson, at any depth', () => {
    const values = collectPersonalValues({
      quoteId: 'qt_01KAT2Y8N0D4R9W2G6B3C5M7QX',
      reference: 'CONTRIB-2026',
      nested: [{ insuredPerson: PERSON }],
    });
    expect(values).toEqual(
      expect.arrayContaining([
        'de-rentenversicherungsnummer',
        '65170839J003',
        'Zoë',
        'Müller',
        '张伟',
        '1956-03-14',
        'Hauptstraße 12',
        'Hauptstraße',
        'Hinterhaus',
        '10115',
        'Berlin',
        'zoe.mueller@example.org',
        '+4930123456',
        'DE89 3704 0044 0532 0130 00',
        'COBADEFFXXX',
        'old_age_pension',
        '2026-10',
        '100',
      ]),
    );
    // Not under insuredPerson; too short; parts of a value without a letter.
    for (const absent of ['qt_01KAT2Y8N0D4R9W2G6B3C5M7QX', 'CONTRIB-2026', 'DE', 'de', '1956', '12']) {
      expect(values).not.toContain(absent);
    }
    // Longest first.
    expect([...values].sort((a, b) => b.length - a.length)).toEqual(values);
  });

  it('adds the words of multi-word values (4 characters or more, CJK from 2)', () => {
    const values = collectPersonalValues({
      insuredPerson: { name: { given: 'Anna Lena', family: 'von der Leyen-Schmidt', original: '山田 太郎' } },
    });
    expect(values).toEqual(
      expect.arrayContaining(['Anna Lena', 'Anna', 'Lena', 'von der Leyen-Schmidt', 'Leyen', 'Schmidt']),
    );
    expect(values).toEqual(expect.arrayContaining(['山田 太郎', '山田', '太郎']));
    expect(values).not.toContain('von');
    expect(values).not.toContain('der');
  });

  it('takes the person fields of privacy operations only when asked', () => {
    const rectification = {
      name: { given: 'Wei', family: 'Zhang' },
      address: null,
      reason: 'family name misspelled',
      contact: { email: 'wei.zhang@example.cn' },
    };
    expect(collectPersonalValues(rectification)).toEqual([]);
    expect(collectPersonalValues(rectification, { personFields: true })).toEqual(
      expect.arrayContaining([
        'Wei',
        'Zhang',
        'family name misspelled',
        'misspelled',
        'wei.zhang@example.cn',
      ]),
    );
    const search = { nationalIdentifier: { scheme: 'cn-resident-id', value: '11010519491231002X' } };
    expect(collectPersonalValues(search, { personFields: true })).toEqual(
      expect.arrayContaining(['cn-resident-id', '11010519491231002X']),
    );
  });

  it('survives deep nesting and caps the number of values', () => {
    let deep: unknown = { insuredPerson: { name: { given: 'Deepvalue' } } };
    for (let index = 0; index < 20_000; index += 1) deep = [deep];
    expect(collectPersonalValues(deep)).toEqual(['Deepvalue']);
    const many = Array.from({ length: 2000 }, (_, index) => `value-${index}`);
    expect(collectPersonalValues({ insuredPerson: many })).toHaveLength(MAX_PERSONAL_VALUES);
  });

  it('takes the value literals of a body that is not JSON but names an insured person', () => {
    const text = '{"insuredPerson": {"name": {"given": "Zoë", "family": "Mül\\u006cer"}, "x": 1,,}';
    expect(collectPersonalValuesFromText(text)).toEqual(expect.arrayContaining(['Zoë', 'Müller']));
    expect(collectPersonalValuesFromText(text)).not.toContain('given');
    expect(collectPersonalValuesFromText('{"quoteId": "Zoë Müller",,}')).toEqual([]);
    expect(collectPersonalValuesFromText('{"name": "Zoë Müller",,}', { personFields: true })).toEqual(
      expect.arrayContaining(['Zoë Müller', 'Müller']),
    );
  });

  it('knows the privacy operations by path', () => {
    expect(isPrivacyOperation('/v1/privacy/subjects/search')).toBe(true);
    expect(isPrivacyOperation('/v1/transfers')).toBe(false);
  });
});

describe('readPersonalValues', () => {
  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    new Request('http://gateway.test/v1/transfers', { method: 'POST', headers, body });

  it('reads a clone: the request body stays readable, byte for byte', async () => {
    const body = JSON.stringify({ quoteId: 'qt_1', insuredPerson: { name: { given: 'Zoë' } } });
    const request = post(body);
    expect(await readPersonalValues(request, { maxBytes: 65_536, personFields: false })).toEqual(['Zoë']);
    expect(request.bodyUsed).toBe(false);
    expect(new Uint8Array(await request.arrayBuffer())).toEqual(new TextEncoder().encode(body));
  });

  it('skips bodies that are not JSON and requests without a body', async () => {
    const body = JSON.stringify({ insuredPerson: { name: { given: 'Zoë' } } });
    expect(await readPersonalValues(post(body, { 'content-type': 'text/plain' }), opts())).toEqual([]);
    expect(await readPersonalValues(new Request('http://gateway.test/health'), opts())).toEqual([]);
  });

  it('refuses a body longer than the limit, whatever its Content-Length says', async () => {
    const body = JSON.stringify({ insuredPerson: { name: { given: 'x'.repeat(200) } } });
    await expect(
      readPersonalValues(post(body), { maxBytes: 100, personFields: false }),
    ).rejects.toMatchObject({
      code: 'body_too_large',
    });
  });

  function opts() {
    return { maxBytes: 65_536, personFields: false };
  }
});

describe('redactText', () => {
  const values = collectPersonalValues({ insuredPerson: PERSON });

  it('replaces values in any letter case, longest first', () => {
    expect(redactText('Zoë Müller lives in BERLIN', values)).toBe(
      `${REDACTED} ${REDACTED} lives in ${REDACTED}`,
    );
    expect(redactText('name: zoë müller', ['Zoë Müller', 'Müller'])).toBe(`name: ${REDACTED}`);
    expect(redactText('ZOË', values)).toBe(REDACTED);
    expect(redactText('Zoë   Müller', ['Zoë Müller'])).toBe(REDACTED);
  });

  it('replaces unicode and CJK names, also in NFD', () => {
    expect(redactText('申请人张伟的信息', values)).toBe(`申请人${REDACTED}的信息`);
    expect(redactText('Zoe\u0308 Mu\u0308ller', ['Zoë Müller'])).toBe(REDACTED);
  });

  it('replaces the JSON-escaped forms inside JSON text and keeps it valid JSON', () => {
    const quoted = 'Anna "Nan" O\\Brien';
    const cases = [
      JSON.stringify({ message: `got ${quoted}` }),
      JSON.stringify({ inner: JSON.stringify({ message: `got ${quoted}` }) }),
      JSON.stringify({ message: 'got Zoë Müller' }).replace(
        /[\u007f-\uffff]/g,
        (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
      ),
      JSON.stringify({ message: 'got Zoë Müller' }).replace(
        /[\u007f-\uffff]/g,
        (char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
      ),
    ];
    for (const text of cases) {
      const redacted = redactText(text, [quoted, 'Zoë Müller']);
      expect(redacted, text).toContain(REDACTED);
      expect(redacted).not.toMatch(/Nan|Brien|M\\u00fcller|Zo\\u00eb/i);
      expect(() => JSON.parse(redacted)).not.toThrow();
    }
    expect(JSON.parse(redactText(JSON.stringify({ m: `got ${quoted}!` }), [quoted]))).toEqual({
      m: `got ${REDACTED}!`,
    });
  });

  it('replaces values inside URLs and query strings', () => {
    const url = `https://example.test/cb?name=${encodeURIComponent('Zoë Müller')}&mail=${encodeURIComponent('zoe.mueller@example.org')}`;
    // Given and family name are two values: each is caught in its URL-encoded form.
    expect(redactText(url, values)).toBe(
      `https://example.test/cb?name=${REDACTED}%20${REDACTED}&mail=${REDACTED}`,
    );
    expect(redactText(url, ['Zoë Müller', 'zoe.mueller@example.org'])).toBe(
      `https://example.test/cb?name=${REDACTED}&mail=${REDACTED}`,
    );
    expect(redactText('/search?q=Zo%C3%AB+M%C3%BCller', ['Zoë Müller'])).toBe(`/search?q=${REDACTED}`);
    expect(redactText('/search?q=zo%c3%ab%20m%c3%bcller', ['Zoë Müller'])).toBe(`/search?q=${REDACTED}`);
  });

  it('replaces an IBAN in print and electronic form, whichever was sent', () => {
    expect(redactText('iban DE89370400440532013000', values)).toBe(`iban ${REDACTED}`);
    expect(redactText('iban DE89 3704 0044 0532 0130 00', ['DE89370400440532013000'])).toBe(
      `iban ${REDACTED}`,
    );
  });

  it('leaves text without known values alone', () => {
    const text = '2026-11-23T10:00:00.000Z tr_01KAT2Y8N0D4R9W2G6B3C5M7QX 250.00 EUR 1956-03-15';
    expect(redactText(text, values)).toBe(text);
    expect(redactText(text, [])).toBe(text);
  });
});

describe('redactPatterns', () => {
  it('replaces valid IBANs with or without spaces, in any case, and gives back a word caught with them', () => {
    expect(redactPatterns('pay to DE89370400440532013000 now')).toBe(`pay to ${REDACTED} now`);
    expect(redactPatterns('pay to DE89 3704 0044 0532 0130 00, thanks')).toBe(`pay to ${REDACTED}, thanks`);
    expect(redactPatterns('pay to gb82west12345698765432')).toBe(`pay to ${REDACTED}`);
    expect(redactPatterns('"iban":"NL91ABNA0417164300"')).toBe(`"iban":"${REDACTED}"`);
    expect(redactPatterns('BE68 5390 0754 7034 DATA')).toBe(`${REDACTED} DATA`);
  });

  it('keeps IBAN-shaped strings that fail the check', () => {
    for (const text of ['DE89370400440532013001', 'NL92ABNA0517164300', 'AB12CDEFGHIJKLMNOP']) {
      expect(redactPatterns(text)).toBe(text);
    }
  });

  it('replaces e-mail addresses, also URL-encoded and with unicode', () => {
    expect(redactPatterns('mail zoe.mueller+x@example.org.')).toBe(`mail ${REDACTED}.`);
    expect(redactPatterns('?mail=zoe.mueller%40example.org&x=1')).toBe(`?mail=${REDACTED}&x=1`);
    expect(redactPatterns('contact: zoë@müller.de')).toBe(`contact: ${REDACTED}`);
    expect(redactPatterns('{"email":"a.b@c.io"}')).toBe(`{"email":"${REDACTED}"}`);
  });

  it('replaces E.164 phone numbers, also URL-encoded', () => {
    expect(redactPatterns('call +4930123456 today')).toBe(`call ${REDACTED} today`);
    expect(redactPatterns('call +49 30 123456')).toBe(`call ${REDACTED}`);
    expect(redactPatterns('?phone=%2B8613800138000')).toBe(`?phone=${REDACTED}`);
    expect(redactPatterns('"phone":"+12025550123"')).toBe(`"phone":"${REDACTED}"`);
  });

  it('keeps timestamps, ids, amounts, dates and short numbers', () => {
    for (const text of [
      '2026-11-23T10:00:00.000Z',
      '2026-11-23T10:00:00+01:00',
      'tr_01KAT2Y8N0D4R9W2G6B3C5M7QX',
      'qt_01KAT2Y8N0D4R9W2G6B3C5M7QX',
      '{"amount":"1234567.89","rate":"+0.25","fee":"+12"}',
      '1956-03-14',
      'sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:',
      'urn:pontis:request:log-test-12',
      'Content-Digest mismatch at 42%',
    ]) {
      expect(redactPatterns(text)).toBe(text);
    }
  });

  it('is cheap on lines with nothing to find', () => {
    const line = JSON.stringify({
      time: '2026-11-23T10:00:00.000Z',
      level: 'info',
      msg: 'request',
      status: 200,
    });
    const started = performance.now();
    for (let index = 0; index < 20_000; index += 1) redactPatterns(line);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('redactDeep', () => {
  it('redacts strings at any depth, keeps keys, numbers and catalogue fields', () => {
    const problem = {
      type: 'https://gw.test/problems/person_invalid',
      code: 'person_invalid',
      status: 422,
      detail: 'Zoë Müller (zoe.mueller@example.org) was refused.',
      errors: [{ path: 'insuredPerson.name', message: 'not Zoë', code: 'person_invalid' }],
    };
    const out = redactDeep(problem, ['Zoë Müller', 'Zoë'], new Set(['type', 'code']));
    expect(out).toEqual({
      type: problem.type,
      code: 'person_invalid',
      status: 422,
      detail: `${REDACTED} (${REDACTED}) was refused.`,
      errors: [{ path: 'insuredPerson.name', message: `not ${REDACTED}`, code: 'person_invalid' }],
    });
    expect(problem.detail).toContain('Zoë');
    expect(redactString('Zoë, +4930123456', ['Zoë'])).toBe(`${REDACTED}, ${REDACTED}`);
  });
});
