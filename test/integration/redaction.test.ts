/**
 * Canary test of the redaction layer: requests carry distinctive personal values in places where
 * validation fails and an echo could happen (unknown fields, unknown keys, broken JSON, a body
 * over the limit, the query string, an insured person next to a bad quote id). No canary may
 * appear — raw, JSON-escaped or URL-encoded — in a response body or header or in any log line,
 * and every refusal is still valid problem+json with its `code`.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { GatewayError } from '../../src/core/errors.ts';
import { newId } from '../../src/core/ids.ts';
import { CONTRIBUTION_QUOTE, createTestGateway, type TestGateway } from '../helpers/gateway.ts';

const GIVEN = 'Zoëquilla';
const FAMILY = 'Müllerkanarie';
const ORIGINAL = '柯娜莉';
const NATIONAL_ID = '65170839K7341';
const BIRTH_DATE = '1931-07-19';
const STREET = 'Kanarienweg 77';
const CITY = 'Vogelsang-Warsin';
const EMAIL = 'zoe.canary+pontis@example.org';
const PHONE = '+4915123456789';
const IBAN = 'FR1420041010050500013M02606';
const IBAN_PRINTED = 'FR14 2004 1010 0505 0001 3M02 606';
const ACCOUNT = '0099887766554433';

const CANARIES = [
  GIVEN,
  FAMILY,
  ORIGINAL,
  NATIONAL_ID,
  BIRTH_DATE,
  STREET,
  'Kanarienweg',
  CITY,
  EMAIL,
  'zoe.canary',
  PHONE,
  '15123456789',
  IBAN,
  IBAN_PRINTED,
  ACCOUNT,
];

const INSURED_PERSON = {
  nationalIdentifier: { scheme: 'de-rentenversicherungsnummer', value: NATIONAL_ID },
  name: { given: GIVEN, family: FAMILY, original: ORIGINAL },
  birthDate: BIRTH_DATE,
  address: { lines: [STREET], postalCode: '17373', city: CITY, country: 'DE' },
  contact: { email: EMAIL, phone: PHONE },
  bankAccount: { iban: IBAN_PRINTED, bic: 'BNPAFRPPXXX' },
  preferredLanguage: 'de',
};

/** The forms a canary could take in a response or a log line. */
function formsOf(value: string): string[] {
  const json = JSON.stringify(value).slice(1, -1);
  const ascii = json.replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  const uri = encodeURIComponent(value);
  return [...new Set([value, value.normalize('NFD'), json, ascii, uri, uri.replaceAll('%20', '+')])];
}

function expectNoCanary(text: string, where: string) {
  const lower = text.toLowerCase();
  for (const canary of CANARIES) {
    for (const form of formsOf(canary)) {
      expect(lower.includes(form.toLowerCase()), `${where} contains ${form}: ${text}`).toBe(false);
    }
  }
}

let gw: TestGateway;
let counter = 0;
const freshKey = () => `redaction-${Date.now()}-${++counter}`;

beforeAll(async () => {
  gw = await createTestGateway();
});
afterAll(async () => {
  await gw?.close();
});
beforeEach(() => {
  gw.logs.length = 0;
});

/**
 * Checks that nothing of the canaries left in the response (body, headers) or the log lines of
 * the request, and that the answer is problem+json with one of `codes`; returns the problem.
 */
async function expectRedactedProblem(response: Response, codes: string[]) {
  const text = await response.text();
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(text) as { code: string; status: number; errors?: { path: string }[] };
  expect(codes, text).toContain(problem.code);
  expect(problem.status).toBe(response.status);
  expectNoCanary(text, 'response body');
  for (const [name, value] of response.headers) expectNoCanary(value, `header ${name}`);
  expect(gw.logs.length).toBeGreaterThan(0);
  for (const line of gw.logs) {
    expect(() => JSON.parse(line), line).not.toThrow();
    expectNoCanary(line, 'log line');
  }
  return problem;
}

describe('canaries in request bodies', () => {
  it('unknown fields on a quote whose values are an IBAN, an e-mail, a phone number and a name', async () => {
    const response = await gw.request('POST', '/v1/quotes', {
      role: 'operator',
      body: {
        ...CONTRIBUTION_QUOTE,
        iban: IBAN,
        payerIban: IBAN_PRINTED,
        email: EMAIL,
        phone: PHONE,
        insuredName: `${GIVEN} ${FAMILY}`,
        note: `${ORIGINAL} ${STREET}, ${CITY}`,
      },
    });
    expect(response.status).toBe(400);
    const problem = await expectRedactedProblem(response, ['unknown_field']);
    expect(problem.errors?.map((error) => error.path)).toEqual([
      'iban,payerIban,email,phone,insuredName,note',
    ]);
  });

  it('a whole insured person as an unknown field of a quote', async () => {
    const response = await gw.request('POST', '/v1/quotes', {
      role: 'operator',
      body: { ...CONTRIBUTION_QUOTE, insuredPerson: INSURED_PERSON },
    });
    expect(response.status).toBe(400);
    await expectRedactedProblem(response, ['unknown_field']);
  });

  it('personal data as the keys of unknown fields', async () => {
    const response = await gw.request('POST', '/v1/quotes', {
      role: 'operator',
      body: { ...CONTRIBUTION_QUOTE, [EMAIL]: 1, [`${GIVEN} ${FAMILY}`]: 2, [IBAN]: 3 },
    });
    expect(response.status).toBe(400);
    const problem = await expectRedactedProblem(response, ['unknown_field']);
    expect(problem.errors?.[0]?.path).toBe('[redacted],[redacted],[redacted]');
  });

  it('personal data in fields that fail validation', async () => {
    const response = await gw.request('POST', '/v1/quotes', {
      role: 'operator',
      body: { ...CONTRIBUTION_QUOTE, sourceAmount: IBAN, partnerJurisdiction: EMAIL, purpose: GIVEN },
    });
    expect(response.status).toBe(400);
    await expectRedactedProblem(response, ['validation_failed', 'amount_invalid', 'currency_unknown']);
  });

  it('a body that is not valid JSON', async () => {
    const rawBody = `{"insuredPerson":{"name":{"given":"${GIVEN}","family":"${FAMILY}"},"contact":{"email":"${EMAIL}"},"iban":"${IBAN}",`;
    const response = await gw.request('POST', '/v1/quotes', {
      role: 'operator',
      rawBody,
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    await expectRedactedProblem(response, ['invalid_json']);
  });

  it('a body over the size limit', async () => {
    const body = {
      ...CONTRIBUTION_QUOTE,
      insuredPerson: INSURED_PERSON,
      padding: `${'x'.repeat(70 * 1024)} ${GIVEN} ${EMAIL} ${IBAN}`,
    };
    const response = await gw.request('POST', '/v1/quotes', { role: 'operator', body });
    expect(response.status).toBe(413);
    await expectRedactedProblem(response, ['body_too_large']);
  });

  it('an insured person on a transfer with an unknown quote id', async () => {
    const response = await gw.request('POST', '/v1/transfers', {
      role: 'operator',
      body: { quoteId: newId('quote'), reference: 'CANARY-1', insuredPerson: INSURED_PERSON },
      headers: { 'idempotency-key': freshKey() },
    });
    expect([400, 422]).toContain(response.status);
    await expectRedactedProblem(response, [
      'quote_not_found',
      'unknown_field',
      'validation_failed',
      'person_invalid',
    ]);
  });

  it('an insured person whose parts fail validation, on a transfer', async () => {
    const response = await gw.request('POST', '/v1/transfers', {
      role: 'operator',
      body: {
        quoteId: newId('quote'),
        insuredPerson: {
          ...INSURED_PERSON,
          birthDate: `${BIRTH_DATE} ${GIVEN}`,
          contact: { email: `${GIVEN} at ${EMAIL}`, phone: `${PHONE} ${FAMILY}` },
          bankAccount: { iban: `${IBAN}${ACCOUNT}`, accountNumber: ACCOUNT, bic: CITY },
          nickname: `${GIVEN} ${ORIGINAL}`,
        },
      },
      headers: { 'idempotency-key': freshKey() },
    });
    expect(response.status).toBe(400);
    await expectRedactedProblem(response, ['unknown_field', 'validation_failed']);
  });
});

describe('canaries in the query string and the path', () => {
  it.each([
    `/v1/transfers?email=${encodeURIComponent(EMAIL)}`,
    `/v1/transfers?email=${EMAIL}&phone=${encodeURIComponent(PHONE)}`,
    `/v1/transfers?starting_after=${encodeURIComponent(EMAIL)}`,
    `/v1/transfers?starting_after=${IBAN}`,
    `/v1/transfers?limit=${encodeURIComponent(`${GIVEN} ${FAMILY}`)}`,
    `/v1/transfers/${encodeURIComponent(EMAIL)}`,
    `/v1/transfers/${IBAN}`,
    `/v1/no-such-path/${encodeURIComponent(`${GIVEN} ${FAMILY}`)}?iban=${IBAN}`,
  ])('GET %s', async (path) => {
    const response = await gw.request('GET', path, { role: 'auditor' });
    expect(response.status).toBeGreaterThanOrEqual(400);
    await expectRedactedProblem(response, [
      'unknown_field',
      'validation_failed',
      'cursor_invalid',
      'not_found',
    ]);
  });
});

describe('an echo of the body, as a careless handler would write it', () => {
  /** The real app over the test gateway's dependencies, with one route that echoes everything. */
  function echoApp() {
    const app = createApp(gw.deps);
    app.post('/v1/echo', async (c) => {
      const body = (await c.req.json()) as { insuredPerson: typeof INSURED_PERSON };
      const person = body.insuredPerson;
      // The logger has no request to look values up in: its pattern backstop still applies.
      gw.deps.logger.warn(`echo for ${person.contact.email}`, {
        note: `iban ${person.bankAccount.iban}, phone ${person.contact.phone}`,
        [person.contact.email]: 'as a key',
      });
      throw new GatewayError('validation_failed', `Refused ${person.name.given} ${person.name.family}.`, {
        details: {
          errors: [
            {
              in: 'body',
              path: 'insuredPerson',
              message: `"${person.name.original}" born ${person.birthDate}, ${JSON.stringify(person)}`,
              code: 'validation_failed',
            },
          ],
          echoed: person,
          url: `https://example.test/?name=${encodeURIComponent(`${person.name.given} ${person.name.family}`)}`,
        },
      });
    });
    return app;
  }

  it('redacts the problem (and keeps it valid JSON) and the log lines', async () => {
    const app = echoApp();
    const person = { ...INSURED_PERSON, name: { ...INSURED_PERSON.name, family: `O"${FAMILY}\\` } };
    const response = await app.request('/v1/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ insuredPerson: person }),
    });
    expect(response.status).toBe(400);
    const problem = (await expectRedactedProblem(response, ['validation_failed'])) as unknown as {
      detail: string;
      echoed: { name: { given: string }; address: { country: string } };
      errors: { path: string; message: string }[];
    };
    // The family name with its quote and backslash is one value, replaced as a whole.
    expect(problem.detail).toMatch(/^Refused \[redacted\] \[redacted\]\. /);
    expect(problem.echoed.name.given).toBe('[redacted]');
    // Two letters are no personal value on their own.
    expect(problem.echoed.address.country).toBe('DE');
    expect(problem.errors[0]?.path).toBe('insuredPerson');
    const echo = gw.logs.map((line) => JSON.parse(line)).find((line) => line.note !== undefined);
    expect(echo).toMatchObject({ msg: 'echo for [redacted]', note: 'iban [redacted], phone [redacted]' });
  });

  it('redacts the words of a partial echo and the URL-encoded form', async () => {
    const app = echoApp();
    const person = { ...INSURED_PERSON, name: { ...INSURED_PERSON.name, given: `${GIVEN} Annabella` } };
    const response = await app.request('/v1/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ insuredPerson: person }),
    });
    const problem = await expectRedactedProblem(response, ['validation_failed']);
    expect(JSON.stringify(problem)).not.toContain('Annabella');
  });
});
