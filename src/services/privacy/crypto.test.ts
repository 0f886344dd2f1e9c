/**
 * The cryptography of personal data: keyed pseudonyms (HMAC under HKDF-derived domain keys),
 * field envelopes (AES-256-GCM with the person and field as additional data), the environment
 * KEK provider, the parsing of PONTIS_PSEUDONYM_KEY / PONTIS_KEKS, and the check of an insured
 * person before anything about them is stored.
 */
import { describe, expect, it } from 'vitest';
import { adapterDefinitions } from '../../../adapters/index.ts';
import type { InsuredPerson } from '../../../schemas/privacy.ts';
import { base64Encode, base64UrlDecode, base64UrlEncode, utf8 } from '../../../sdk/src/encoding.ts';
import { germanPerson } from '../../../test/helpers/persons.ts';
import { GatewayError } from '../../core/errors.ts';
import { createAdapterRegistry } from '../adapters/registry.ts';
import { generateDataKey, importDataKey, openField, sealField } from './envelope.ts';
import { envKekProvider } from './kek.ts';
import { decodeKey, generatePrivacyKeyText, parseKekList, privacyKeysFromText } from './keys.ts';
import { checkInsuredPerson, pseudonymInput } from './person.ts';
import { createPseudonymizer, PSEUDONYM_DOMAINS } from './pseudonyms.ts';

const randomKey = () => crypto.getRandomValues(new Uint8Array(32));

/** The error `fn` throws (sync or async); fails the test when it throws nothing. */
async function caught(fn: () => unknown): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  expect.fail('expected an error');
}

async function gatewayError(fn: () => unknown): Promise<GatewayError> {
  const error = await caught(fn);
  expect(error).toBeInstanceOf(GatewayError);
  return error as GatewayError;
}

// --- pseudonyms -------------------------------------------------------------------------------

describe('keyed pseudonyms', () => {
  const input = pseudonymInput({ scheme: 'de-rentenversicherungsnummer', value: '65170839J003' });

  it('are stable for the same domain, value and master key (also across instances)', async () => {
    const master = randomKey();
    const a = await createPseudonymizer(master);
    const b = await createPseudonymizer(new Uint8Array(master));
    for (const domain of PSEUDONYM_DOMAINS) {
      const first = await a.pseudonym(domain, input);
      expect(await a.pseudonym(domain, input)).toBe(first);
      expect(await b.pseudonym(domain, input)).toBe(first);
    }
  });

  it('are 43 base64url characters (256 bits, unpadded)', async () => {
    const pseudonymizer = await createPseudonymizer(randomKey());
    for (const domain of PSEUDONYM_DOMAINS) {
      const value = await pseudonymizer.pseudonym(domain, input);
      expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(base64UrlDecode(value)).toHaveLength(32);
    }
  });

  it('differ across domains, across values and with another master key', async () => {
    const master = randomKey();
    const pseudonymizer = await createPseudonymizer(master);
    const other = await createPseudonymizer(randomKey());
    const all = new Set<string>();
    for (const domain of PSEUDONYM_DOMAINS) {
      all.add(await pseudonymizer.pseudonym(domain, input));
      all.add(await pseudonymizer.pseudonym(domain, `${input}x`));
      all.add(await other.pseudonym(domain, input));
    }
    expect(all.size).toBe(PSEUDONYM_DOMAINS.length * 3);
  });

  it('refuses an unknown domain', async () => {
    const pseudonymizer = await createPseudonymizer(randomKey());
    await expect(pseudonymizer.pseudonym('marketing' as never, input)).rejects.toThrow(TypeError);
  });

  it('use HKDF domain separation: each domain has its own key; the aml pseudonym is not derivable from the subject one', async () => {
    const master = randomKey();
    const pseudonymizer = await createPseudonymizer(master);
    const hkdf = await crypto.subtle.importKey('raw', master, 'HKDF', false, ['deriveBits']);
    const domainKey = async (domain: string) =>
      crypto.subtle.importKey(
        'raw',
        await crypto.subtle.deriveBits(
          {
            name: 'HKDF',
            hash: 'SHA-256',
            salt: utf8('pontis/pseudonyms/v1'),
            info: utf8(`domain:${domain}`),
          },
          hkdf,
          256,
        ),
        { name: 'HMAC', hash: 'SHA-256' },
        false,
        ['sign'],
      );
    const hmac = async (key: CryptoKey, value: string) =>
      base64UrlEncode(new Uint8Array(await crypto.subtle.sign('HMAC', key, utf8(value))));
    const hmacRaw = async (raw: Uint8Array<ArrayBuffer>, value: string) =>
      hmac(
        await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
        value,
      );

    const subject = await pseudonymizer.pseudonym('subject', input);
    const aml = await pseudonymizer.pseudonym('aml', input);
    // The reference construction: HMAC-SHA-256 under HKDF(master, salt, "domain:<name>").
    expect(subject).toBe(await hmac(await domainKey('subject'), input));
    expect(aml).toBe(await hmac(await domainKey('aml'), input));
    // Neither is HMAC under the master key itself, so the master key is never used directly.
    expect(aml).not.toBe(await hmacRaw(master, input));
    expect(subject).not.toBe(await hmacRaw(master, input));
    // The subject domain key does not give the aml pseudonym, and the subject pseudonym is not a
    // key, a hash input or a chain step towards it: whoever holds subject pseudonyms (or even the
    // subject domain key) cannot link them to the AML tables.
    expect(aml).not.toBe(await hmac(await domainKey('subject'), input));
    expect(aml).not.toBe(await hmacRaw(base64UrlDecode(subject), input));
    expect(aml).not.toBe(await hmac(await domainKey('aml'), subject));
    expect(aml).not.toBe(await hmac(await domainKey('subject'), subject));
    const sha = base64UrlEncode(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(subject))));
    expect(aml).not.toBe(sha);
  });
});

// --- envelope ---------------------------------------------------------------------------------

describe('field envelopes (AES-256-GCM)', () => {
  const subjectId = 'ds_01KAT2Y8N0D4R9W2G6B3C5M7QX';
  const otherSubjectId = 'ds_01KAT2Y8N0D4R9W2G6B3C5M7QY';

  it('seal and open round-trip any JSON value', async () => {
    const key = await importDataKey(generateDataKey());
    const values: unknown[] = [
      { given: 'Mei', family: 'Lindqvist-Wang', original: '王美' },
      '1939-08-17',
      { incapacityPercent: 40 },
      ['Friedrichstraße 12'],
      0,
    ];
    for (const value of values) {
      const sealed = await sealField(key, subjectId, 'name', value);
      expect(sealed.iv).toMatch(/^[A-Za-z0-9_-]{16}$/); // 12 bytes
      expect(JSON.stringify(sealed)).not.toContain('Lindqvist');
      expect(await openField(key, subjectId, 'name', sealed)).toEqual(value);
    }
  });

  it('a ciphertext moved to another person or another field does not open (additional data)', async () => {
    const key = await importDataKey(generateDataKey());
    const sealed = await sealField(key, subjectId, 'health', { incapacityPercent: 40 });
    await expect(openField(key, otherSubjectId, 'health', sealed)).rejects.toThrow();
    await expect(openField(key, subjectId, 'benefit', sealed)).rejects.toThrow();
    await expect(openField(key, subjectId, 'health', sealed)).resolves.toEqual({ incapacityPercent: 40 });
  });

  it('does not open with another data key', async () => {
    const sealed = await sealField(await importDataKey(generateDataKey()), subjectId, 'name', 'x');
    await expect(
      openField(await importDataKey(generateDataKey()), subjectId, 'name', sealed),
    ).rejects.toThrow();
  });

  it('a tampered ciphertext, tag or IV does not open', async () => {
    const key = await importDataKey(generateDataKey());
    const sealed = await sealField(key, subjectId, 'name', { given: 'Mei', family: 'Wang' });
    const flip = (text: string, index: number) => {
      const bytes = base64UrlDecode(text);
      bytes[index] = (bytes[index] ?? 0) ^ 0x01;
      return base64UrlEncode(bytes);
    };
    const ctLength = base64UrlDecode(sealed.ct).length;
    await expect(openField(key, subjectId, 'name', { ...sealed, ct: flip(sealed.ct, 0) })).rejects.toThrow();
    await expect(
      openField(key, subjectId, 'name', { ...sealed, ct: flip(sealed.ct, ctLength - 1) }),
    ).rejects.toThrow(); // the GCM tag
    await expect(openField(key, subjectId, 'name', { ...sealed, iv: flip(sealed.iv, 0) })).rejects.toThrow();
    await expect(
      openField(key, subjectId, 'name', {
        ...sealed,
        ct: base64UrlEncode(base64UrlDecode(sealed.ct).slice(0, -1)),
      }),
    ).rejects.toThrow();
  });

  it('uses a fresh IV for every seal of the same value', async () => {
    const key = await importDataKey(generateDataKey());
    const seals = await Promise.all(
      Array.from({ length: 50 }, () => sealField(key, subjectId, 'name', 'the same value')),
    );
    expect(new Set(seals.map((sealed) => sealed.iv)).size).toBe(50);
    expect(new Set(seals.map((sealed) => sealed.ct)).size).toBe(50);
  });

  it('data keys are 32 random bytes', () => {
    const a = generateDataKey();
    const b = generateDataKey();
    expect(a).toHaveLength(32);
    expect(base64Encode(a)).not.toBe(base64Encode(b));
  });
});

// --- KEK provider -----------------------------------------------------------------------------

describe('environment KEK provider', () => {
  it('wraps with the current (first) KEK and unwraps with any configured one', async () => {
    const k1 = { id: 'k1', key: randomKey() };
    const k2 = { id: 'k2', key: randomKey() };
    const old = await envKekProvider([k1]);
    const rotated = await envKekProvider([k2, k1]);
    expect(old.name).toBe('env');
    expect(rotated.currentKeyId()).toBe('k2');
    expect(rotated.knownKeyIds()).toEqual(['k2', 'k1']);

    const dataKey = generateDataKey();
    const underK1 = await old.wrap(dataKey);
    expect(underK1.kekId).toBe('k1');
    expect(underK1.wrapped).toHaveLength(12 + 32 + 16); // IV, key, GCM tag
    expect(await old.unwrap(underK1)).toEqual(dataKey);
    expect(await rotated.unwrap(underK1)).toEqual(dataKey);

    const underK2 = await rotated.wrap(dataKey);
    expect(underK2.kekId).toBe('k2');
    expect(await rotated.unwrap(underK2)).toEqual(dataKey);
    // Two wraps of the same key differ (fresh IV).
    expect(base64Encode((await old.wrap(dataKey)).wrapped)).not.toBe(base64Encode(underK1.wrapped));
  });

  it('refuses to unwrap with a KEK it does not hold: privacy_key_unavailable', async () => {
    const k1 = { id: 'k1', key: randomKey() };
    const k2 = { id: 'k2', key: randomKey() };
    const wrapped = await (await envKekProvider([k1])).wrap(generateDataKey());
    const error = await gatewayError(() => envKekProvider([k2]).then((provider) => provider.unwrap(wrapped)));
    expect(error.code).toBe('privacy_key_unavailable');
    expect(error.status).toBe(500);
    expect(error.message).toContain('k1');
    expect(error.message).not.toContain(base64Encode(k1.key));
  });

  it('a wrapped key relabelled with another KEK id does not unwrap (the id is additional data)', async () => {
    const shared = randomKey();
    // Even the same key material under another id refuses: the id is bound into the tag.
    const provider = await envKekProvider([
      { id: 'k1', key: shared },
      { id: 'k2', key: randomKey() },
      { id: 'k1-copy', key: shared },
    ]);
    const wrapped = await provider.wrap(generateDataKey());
    expect(wrapped.kekId).toBe('k1');
    await expect(provider.unwrap({ ...wrapped, kekId: 'k2' })).rejects.toThrow();
    await expect(provider.unwrap({ ...wrapped, kekId: 'k1-copy' })).rejects.toThrow();
    const tampered = new Uint8Array(wrapped.wrapped);
    tampered[20] = (tampered[20] ?? 0) ^ 0x80;
    await expect(provider.unwrap({ kekId: 'k1', wrapped: tampered })).rejects.toThrow();
  });

  it('needs at least one KEK', async () => {
    expect((await gatewayError(() => envKekProvider([]))).code).toBe('configuration_invalid');
  });
});

// --- keys.ts ----------------------------------------------------------------------------------

describe('privacy key configuration', () => {
  const key1 = randomKey();
  const key2 = randomKey();
  const b64 = base64Encode(key1);
  const b64url = base64UrlEncode(key2);

  it('decodeKey accepts base64 (padded) and base64url (unpadded or padded)', () => {
    // Make sure both alphabets' special characters occur at least once.
    const special = new Uint8Array(32).fill(0xfb); // base64 "+/…", base64url "-_…"
    expect(base64Encode(special)).toMatch(/[+/]/);
    expect(decodeKey(base64Encode(special), 'K')).toEqual(special);
    expect(decodeKey(base64UrlEncode(special), 'K')).toEqual(special);
    expect(decodeKey(`${base64UrlEncode(special)}=`, 'K')).toEqual(special);
    expect(decodeKey(`  ${b64}\n`, 'K')).toEqual(key1);
    expect(decodeKey(b64url, 'K')).toEqual(key2);
  });

  it('decodeKey refuses text that is not base64 and keys of the wrong length, without echoing them', async () => {
    const short = base64Encode(randomKey().slice(0, 16));
    const long = base64UrlEncode(crypto.getRandomValues(new Uint8Array(48)));
    for (const [text, expected] of [
      [short, /must be 32 bytes \(256 bits\), not 16/],
      [long, /must be 32 bytes \(256 bits\), not 48/],
      ['not*base64!', /is not base64 or base64url/],
      [`${b64.slice(0, 10)}-+${b64.slice(12)}`, /is not base64 or base64url/],
    ] as const) {
      const error = await gatewayError(() => decodeKey(text, 'PONTIS_PSEUDONYM_KEY'));
      expect(error.code).toBe('configuration_invalid');
      expect(error.message).toMatch(expected);
      expect(error.message).toContain('PONTIS_PSEUDONYM_KEY');
      expect(error.message).not.toContain(text);
      expect(error.message).not.toContain(text.slice(0, 8));
    }
  });

  it('parseKekList keeps the order (current first) and trims entries', () => {
    const list = parseKekList(` k2:${b64url} , k1:${b64},`);
    expect(list.map((entry) => entry.id)).toEqual(['k2', 'k1']);
    expect(list[0]?.key).toEqual(key2);
    expect(list[1]?.key).toEqual(key1);
    expect(parseKekList(`kek-2026-11-23.a_B:${b64}`)[0]?.id).toBe('kek-2026-11-23.a_B');
  });

  it('parseKekList refuses an empty list, duplicate ids and bad ids', async () => {
    for (const text of [
      '',
      ' , ',
      `k1:${b64},k1:${b64url}`,
      `:${b64}`,
      b64,
      `k 1:${b64}`,
      `k/1:${b64}`,
      `${'k'.repeat(65)}:${b64}`,
    ]) {
      const error = await gatewayError(() => parseKekList(text));
      expect(error.code, text).toBe('configuration_invalid');
      expect(error.message).not.toContain(b64);
      expect(error.message).not.toContain(b64url);
    }
    expect((await gatewayError(() => parseKekList(`k1:${b64},k1:${b64url}`))).message).toMatch(/k1 twice/);
  });

  it('parseKekList refuses a key of the wrong length with a message that names the id, not the key', async () => {
    const short = base64Encode(crypto.getRandomValues(new Uint8Array(31)));
    const error = await gatewayError(() => parseKekList(`k2:${b64},k1:${short}`));
    expect(error.code).toBe('configuration_invalid');
    expect(error.message).toBe('PONTIS_KEKS key k1 must be 32 bytes (256 bits), not 31.');
    expect(error.message).not.toContain(short);
    expect(error.message).not.toContain(b64);
  });

  it('privacyKeysFromText builds both: the same pseudonym key gives the same pseudonyms; the KEKs in order', async () => {
    const text = generatePrivacyKeyText(new Date('2026-11-23T10:00:00Z'));
    expect(text.keks).toMatch(/^kek-2026-11-23:[A-Za-z0-9_-]{43}$/);
    expect(text.pseudonymKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const a = await privacyKeysFromText(text.pseudonymKey, text.keks);
    const b = await privacyKeysFromText(text.pseudonymKey, `k2:${b64url},${text.keks}`);
    expect(await a.pseudonyms.pseudonym('subject', 'x')).toBe(await b.pseudonyms.pseudonym('subject', 'x'));
    expect(a.kek.currentKeyId()).toBe('kek-2026-11-23');
    expect(b.kek.currentKeyId()).toBe('k2');
    expect(b.kek.knownKeyIds()).toEqual(['k2', 'kek-2026-11-23']);
    const dataKey = generateDataKey();
    expect(await b.kek.unwrap(await a.kek.wrap(dataKey))).toEqual(dataKey);

    const error = await gatewayError(() => privacyKeysFromText('short', text.keks));
    expect(error.code).toBe('configuration_invalid');
    expect(error.message).toContain('PONTIS_PSEUDONYM_KEY');
  });

  it('generated key texts are fresh each time', () => {
    const a = generatePrivacyKeyText();
    const b = generatePrivacyKeyText();
    expect(a.pseudonymKey).not.toBe(b.pseudonymKey);
    expect(a.keks).not.toBe(b.keks);
  });
});

// --- checkInsuredPerson ----------------------------------------------------------------------

describe('checkInsuredPerson', () => {
  const registry = createAdapterRegistry(adapterDefinitions, { home: 'CN', includeExamples: true });
  const now = new Date('2026-11-23T10:00:00.000Z');

  /** The refusal, checked for code and for not repeating any of `secrets`. */
  async function refusal(person: InsuredPerson, secrets: readonly string[]) {
    const error = await gatewayError(() => checkInsuredPerson(registry, person, now));
    expect(error.code).toBe('person_invalid');
    expect(error.status).toBe(422);
    const text = `${error.message} ${JSON.stringify(error.details)}`;
    for (const secret of secrets) expect(text, `the refusal repeats ${secret}`).not.toContain(secret);
    return (error.details as { errors: { path: string; code: string; message: string }[] }).errors;
  }

  it('normalises the national identifier and the IBAN', () => {
    const { person, identifier } = checkInsuredPerson(
      registry,
      germanPerson({
        nationalIdentifier: { scheme: 'de-rentenversicherungsnummer', value: '65 170839 j 00 3' },
        bankAccount: { iban: 'de89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX' },
      }),
      now,
    );
    expect(person.nationalIdentifier).toEqual({
      scheme: 'de-rentenversicherungsnummer',
      value: '65170839J003',
    });
    expect(person.bankAccount).toEqual({ iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' });
    expect(identifier.jurisdiction.identity.code).toBe('DE');
    expect(identifier.scheme.id).toBe('de-rentenversicherungsnummer');
    expect(identifier.normalized).toBe('65170839J003');
    // Everything else is kept as given.
    expect(person.name).toEqual(germanPerson().name);
    expect(person.health).toEqual({ incapacityPercent: 40 });
    expect(pseudonymInput(person.nationalIdentifier)).toBe('de-rentenversicherungsnummer:65170839J003');
    const dotted = checkInsuredPerson(
      registry,
      germanPerson({ bankAccount: { iban: 'DE89-3704.0044 0532 0130 00' } }),
      now,
    );
    expect(dotted.person.bankAccount?.iban).toBe('DE89370400440532013000');
  });

  it('keeps a person without a bank account without one', () => {
    const { bankAccount: _ignored, ...rest } = germanPerson();
    const { person } = checkInsuredPerson(registry, rest, now);
    expect(person).not.toHaveProperty('bankAccount');
  });

  it('accepts a birth date of today', () => {
    expect(() => checkInsuredPerson(registry, germanPerson({ birthDate: '2026-11-23' }), now)).not.toThrow();
  });

  it('refuses an unknown scheme and a scheme that does not identify a person', async () => {
    for (const scheme of ['xx-passport', 'de-iban', 'de-bic']) {
      const value = scheme === 'de-iban' ? 'DE89370400440532013000' : '65170839J003';
      const errors = await refusal(germanPerson({ nationalIdentifier: { scheme, value } }), [value]);
      expect(errors).toEqual([
        expect.objectContaining({
          path: 'insuredPerson.nationalIdentifier.scheme',
          code: 'identifier_scheme_unknown',
        }),
      ]);
    }
  });

  it('refuses a bad check digit, naming the rule and not the value', async () => {
    const errors = await refusal(
      germanPerson({
        nationalIdentifier: { scheme: 'de-rentenversicherungsnummer', value: '65 170839 J 00 4' },
      }),
      ['65170839J004', '65 170839 J 00 4', '170839'],
    );
    expect(errors).toEqual([
      expect.objectContaining({
        path: 'insuredPerson.nationalIdentifier.value',
        code: 'identifier_checksum',
      }),
    ]);
    const cn = await refusal(
      germanPerson({
        nationalIdentifier: { scheme: 'cn-resident-identity-number', value: '110105194912310021' },
      }),
      ['110105194912310021', '19491231'],
    );
    expect(cn[0]?.code).toBe('identifier_checksum');
  });

  it('refuses an invalid IBAN (check digits, format)', async () => {
    const badCheck = 'DE88 3704 0044 0532 0130 00';
    const errors = await refusal(germanPerson({ bankAccount: { iban: badCheck } }), [
      badCheck,
      badCheck.replace(/ /g, ''),
      '0532',
    ]);
    expect(errors).toEqual([
      expect.objectContaining({ path: 'insuredPerson.bankAccount.iban', code: 'iban_checksum' }),
    ]);
    // A German IBAN two digits short: the country's length rule.
    const format = await refusal(germanPerson({ bankAccount: { iban: 'DE89 3704 0044 0532 0130' } }), [
      'DE89 3704',
      '0532',
    ]);
    expect(format).toEqual([
      expect.objectContaining({ path: 'insuredPerson.bankAccount.iban', code: 'iban_format' }),
    ]);
  });

  it('refuses a future or impossible birth date', async () => {
    for (const birthDate of [
      '2026-11-24',
      '2031-01-01',
      '1939-02-30',
      '1939-13-01',
      '1939-8-17',
      '1879-12-31',
    ]) {
      const errors = await refusal(germanPerson({ birthDate }), [birthDate]);
      expect(errors, birthDate).toEqual([
        { path: 'insuredPerson.birthDate', code: 'date_invalid', message: 'not a past calendar date' },
      ]);
    }
  });

  it('lists every bad field at once (birth date and IBAN), under the given path', async () => {
    const error = await gatewayError(() =>
      checkInsuredPerson(
        registry,
        germanPerson({ birthDate: '2099-01-01', bankAccount: { iban: 'DE88370400440532013000' } }),
        now,
        'person',
      ),
    );
    const errors = (error.details as { errors: { path: string }[] }).errors;
    expect(errors.map((problem) => problem.path).sort()).toEqual([
      'person.bankAccount.iban',
      'person.birthDate',
    ]);
  });

  // person.ts promises "throws `person_invalid` listing every bad field": a bad identifier
  // together with a bad IBAN and birth date should be refused with all three, so the caller can
  // correct them in one go.
  it('lists a bad identifier together with the other bad fields', async () => {
    const errors = await refusal(
      germanPerson({
        nationalIdentifier: { scheme: 'de-rentenversicherungsnummer', value: '65170839J004' },
        birthDate: '2099-01-01',
        bankAccount: { iban: 'DE88370400440532013000' },
      }),
      ['65170839J004', 'DE88370400440532013000', '2099-01-01'],
    );
    expect(errors.map((problem) => problem.path).sort()).toEqual([
      'insuredPerson.bankAccount.iban',
      'insuredPerson.birthDate',
      'insuredPerson.nationalIdentifier.value',
    ]);
  });
});
