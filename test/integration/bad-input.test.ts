/**
 * Every kind of bad input gets a 4xx `application/problem+json` with its stable `code`, says
 * nothing it should not (no stack, no personal data), and writes nothing.
 */
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/core/ids.ts';
import {
  auditEvents,
  idempotencyKeys,
  journalEntries,
  postings,
  quotes,
  transfers,
} from '../../src/db/schema.ts';
import { addUser } from '../../src/services/users/users.ts';
import {
  CONTRIBUTION_QUOTE,
  createTestGateway,
  json,
  type RequestOptions,
  type TestGateway,
} from '../helpers/gateway.ts';

let gw: TestGateway;
beforeAll(async () => {
  gw = await createTestGateway();
});
afterAll(async () => {
  await gw?.close();
});

const WRITE_TABLES = { quotes, transfers, idempotencyKeys, journalEntries, postings, auditEvents };

async function rowCounts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(WRITE_TABLES)) {
    const [row] = await gw.db.db.select({ n: count() }).from(table);
    out[name] = Number(row?.n ?? -1);
  }
  return out;
}

type Problem = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance: string;
  requestId: string;
  errors?: { path: string; message: string; code: string }[];
  [key: string]: unknown;
};

/** Checks the shape every problem response must have, and returns its body. */
async function expectProblem(
  response: Response,
  status: number,
  code: string,
  mustNotContain: string[] = [],
): Promise<Problem> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(text) as Problem;
  expect(body.code, text).toBe(code);
  expect(body.status).toBe(response.status);
  for (const field of ['type', 'title', 'detail', 'instance', 'requestId'] as const) {
    expect(typeof body[field], `${field} in ${text}`).toBe('string');
    expect(body[field].length, `${field} in ${text}`).toBeGreaterThan(0);
  }
  expect(body.type).toMatch(new RegExp(`/problems/${code}$`));
  const requestId = response.headers.get('x-request-id');
  expect(requestId).toBeTruthy();
  expect(body.requestId).toBe(requestId);
  expect(body.instance).toContain(requestId);
  // No stack frames, no source paths.
  expect(text).not.toMatch(/\bat \S+ \(|\n\s+at |\.ts:\d+|node_modules/);
  for (const value of mustNotContain) expect(text).not.toContain(value);
  return body;
}

/** Runs `send` and checks that no table a request could write to has changed. */
async function expectNothingWritten<T>(send: () => Promise<T>): Promise<T> {
  const before = await rowCounts();
  const result = await send();
  expect(await rowCounts()).toEqual(before);
  return result;
}

async function badRequest(
  method: string,
  path: string,
  init: RequestOptions,
  status: number,
  code: string,
  mustNotContain: string[] = [],
): Promise<Problem> {
  return expectNothingWritten(async () =>
    expectProblem(await gw.request(method, path, init), status, code, mustNotContain),
  );
}

const postQuote = (body: unknown, status: number, code: string) =>
  badRequest('POST', '/v1/quotes', { role: 'operator', body }, status, code);

let keyCounter = 0;
const freshKey = () => `bad-input-${Date.now()}-${++keyCounter}`;

async function newQuote(role = { role: 'operator' as const }, body: unknown = CONTRIBUTION_QUOTE) {
  const response = await gw.request('POST', '/v1/quotes', { ...role, body });
  const quote = await json<{ id: string; expiresAt: string }>(response);
  expect(response.status, JSON.stringify(quote)).toBe(201);
  return quote;
}

describe('request shape', () => {
  it.each([
    ['truncated JSON', '{"purpose":'],
    ['a trailing comma', '{"purpose":"contribution",}'],
    ['single quotes', "{'purpose':'contribution'}"],
    ['an empty body', ''],
  ])('answers invalid_json for %s', async (_label, rawBody) => {
    await badRequest(
      'POST',
      '/v1/quotes',
      { role: 'operator', rawBody, headers: { 'content-type': 'application/json' } },
      400,
      'invalid_json',
    );
  });

  it.each([
    ['text/plain', { 'content-type': 'text/plain' }],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['no content type', {}],
  ])('answers unsupported_media_type for JSON sent as %s', async (_label, headers) => {
    await badRequest(
      'POST',
      '/v1/quotes',
      { role: 'operator', rawBody: JSON.stringify(CONTRIBUTION_QUOTE), headers },
      415,
      'unsupported_media_type',
    );
  });

  it('answers unsupported_media_type on transfers too', async () => {
    await badRequest(
      'POST',
      '/v1/transfers',
      {
        role: 'operator',
        rawBody: JSON.stringify({ quoteId: 'qt_x' }),
        headers: { 'content-type': 'text/plain', 'idempotency-key': freshKey() },
      },
      415,
      'unsupported_media_type',
    );
  });

  it('refuses unknown fields on quotes and names them, without their values', async () => {
    const body = await postQuote({ ...CONTRIBUTION_QUOTE, insuredName: 'Zhang San' }, 400, 'unknown_field');
    expect(body.errors).toEqual([expect.objectContaining({ path: 'insuredName', code: 'unknown_field' })]);
    expect(JSON.stringify(body)).not.toContain('Zhang San');
  });

  it('refuses unknown fields on transfers', async () => {
    const quote = await newQuote();
    const body = await badRequest(
      'POST',
      '/v1/transfers',
      {
        role: 'operator',
        body: { quoteId: quote.id, amount: '10.00' },
        headers: { 'idempotency-key': freshKey() },
      },
      400,
      'unknown_field',
    );
    expect(body.errors?.map((error) => error.path)).toEqual(['amount']);
  });

  it('refuses a body of more than 64 KiB before reading it as JSON', async () => {
    const padding = 'x'.repeat(70 * 1024);
    await badRequest(
      'POST',
      '/v1/quotes',
      { role: 'operator', body: { ...CONTRIBUTION_QUOTE, padding } },
      413,
      'body_too_large',
    );
    await badRequest(
      'POST',
      '/v1/transfers',
      { role: 'operator', body: { quoteId: padding }, headers: { 'idempotency-key': freshKey() } },
      413,
      'body_too_large',
    );
  });
});

describe('quote fields', () => {
  const { sourceAmount: _omitted, ...withoutAmount } = CONTRIBUTION_QUOTE;

  it.each([
    ['an empty object', {}],
    ['no purpose', { ...CONTRIBUTION_QUOTE, purpose: undefined }],
    ['an unknown purpose', { ...CONTRIBUTION_QUOTE, purpose: 'gift' }],
    ['no partner jurisdiction', { ...CONTRIBUTION_QUOTE, partnerJurisdiction: undefined }],
    ['a lower-case jurisdiction', { ...CONTRIBUTION_QUOTE, partnerJurisdiction: 'de' }],
    ['no source currency', { ...CONTRIBUTION_QUOTE, sourceCurrency: undefined }],
    ['neither amount', withoutAmount],
    ['both amounts', { ...CONTRIBUTION_QUOTE, targetAmount: '2000.00' }],
    ['a JSON number as amount', { ...CONTRIBUTION_QUOTE, sourceAmount: 250 }],
    ['a fractional JSON number as amount', { ...CONTRIBUTION_QUOTE, sourceAmount: 250.5 }],
    ['null as amount', { ...CONTRIBUTION_QUOTE, sourceAmount: null }],
    ['an array body', [CONTRIBUTION_QUOTE]],
  ])('answers validation_failed for %s', async (_label, body) => {
    const problem = await postQuote(body, 400, 'validation_failed');
    expect(problem.errors?.length).toBeGreaterThan(0);
  });

  it.each([
    ['ABC', 'sourceCurrency'],
    ['eur', 'sourceCurrency'],
    ['XAU', 'sourceCurrency'],
    ['XAU', 'targetCurrency'],
    ['EURO', 'sourceCurrency'],
  ])('answers currency_unknown for %s as %s', async (code, field) => {
    const problem = await postQuote({ ...CONTRIBUTION_QUOTE, [field]: code }, 400, 'currency_unknown');
    expect(problem.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: field, code: 'currency_unknown' })]),
    );
  });

  it.each(['0', '0.00', '-5', '-0.01'])('answers amount_not_positive for %j', async (amount) => {
    await postQuote({ ...CONTRIBUTION_QUOTE, sourceAmount: amount }, 400, 'amount_not_positive');
  });

  it.each(['1e3', ' 10', '10 ', '+10', '1,000.00', '0x10', '007', '.5', '5.', '', 'ten'])(
    'answers amount_invalid for the string %j',
    async (amount) => {
      const problem = await postQuote({ ...CONTRIBUTION_QUOTE, sourceAmount: amount }, 400, 'amount_invalid');
      expect(problem.errors).toEqual([
        expect.objectContaining({ path: 'sourceAmount', code: 'amount_invalid' }),
      ]);
    },
  );

  it('answers amount_too_precise per currency: EUR and CNY have 2 decimals', async () => {
    const eur = await postQuote({ ...CONTRIBUTION_QUOTE, sourceAmount: '10.001' }, 400, 'amount_too_precise');
    expect(eur).toMatchObject({ errors: [expect.objectContaining({ path: 'sourceAmount' })] });
    await postQuote(
      { ...withoutAmount, targetAmount: '2035.301' }, // CNY target of a contribution
      400,
      'amount_too_precise',
    );
    await postQuote(
      {
        purpose: 'benefit',
        partnerJurisdiction: 'DE',
        sourceCurrency: 'CNY',
        targetCurrency: 'EUR',
        sourceAmount: '10.001',
      },
      400,
      'amount_too_precise',
    );
    await postQuote(
      {
        purpose: 'contribution',
        partnerJurisdiction: 'XR',
        sourceCurrency: 'EUR',
        targetCurrency: 'CNY',
        sourceAmount: '1.999',
      },
      400,
      'amount_too_precise',
    );
  });

  it('answers amount_out_of_range (422) beyond the sane maximum of 15 integer digits', async () => {
    await postQuote({ ...CONTRIBUTION_QUOTE, sourceAmount: '1234567890123456' }, 422, 'amount_out_of_range');
    await postQuote(
      { ...CONTRIBUTION_QUOTE, sourceAmount: '99999999999999999999.99' },
      422,
      'amount_out_of_range',
    );
  });

  it('answers amount_out_of_range (422) beyond the corridor limits, with the limits', async () => {
    const over = await postQuote(
      { ...CONTRIBUTION_QUOTE, sourceAmount: '100000.01' },
      422,
      'amount_out_of_range',
    );
    expect(over).toMatchObject({
      currency: 'EUR',
      min: expect.stringMatching(/^\d+\.\d{2}$/),
      max: '100000.00',
    });
    await postQuote({ ...CONTRIBUTION_QUOTE, sourceAmount: '0.99' }, 422, 'amount_out_of_range');
    // The limit itself is accepted.
    await newQuote(undefined, { ...CONTRIBUTION_QUOTE, sourceAmount: '100000.00' });
  });

  it.each([
    ['a currency the partner does not use', { sourceCurrency: 'USD' }],
    ['currencies the wrong way round', { sourceCurrency: 'CNY', targetCurrency: 'EUR' }],
    ['a benefit in contribution currencies', { purpose: 'benefit' }],
    ['the home jurisdiction as partner', { partnerJurisdiction: 'CN' }],
    [
      'the home jurisdiction as partner, in its currency',
      { partnerJurisdiction: 'CN', sourceCurrency: 'CNY' },
    ],
  ])('answers corridor_unsupported for %s', async (_label, change) => {
    await postQuote({ ...CONTRIBUTION_QUOTE, ...change }, 422, 'corridor_unsupported');
  });

  it.each(['BR', 'ZZ', 'US'])('answers jurisdiction_unknown for %s', async (code) => {
    await postQuote({ ...CONTRIBUTION_QUOTE, partnerJurisdiction: code }, 422, 'jurisdiction_unknown');
  });
});

describe('transfer fields and headers', () => {
  it('answers idempotency_key_missing without the header', async () => {
    const quote = await newQuote();
    await badRequest(
      'POST',
      '/v1/transfers',
      { role: 'operator', body: { quoteId: quote.id } },
      400,
      'idempotency_key_missing',
    );
  });

  it.each([
    ['256 characters', 'k'.repeat(256)],
    ['a space', 'my key'],
    ['non-ASCII', 'clé-1'],
    ['nothing', ''],
  ])('answers idempotency_key_invalid for a key of %s', async (_label, key) => {
    const quote = await newQuote();
    await badRequest(
      'POST',
      '/v1/transfers',
      { role: 'operator', body: { quoteId: quote.id }, headers: { 'idempotency-key': key } },
      400,
      'idempotency_key_invalid',
      key.length > 0 ? [key] : [],
    );
  });

  it('accepts a key of exactly 255 visible ASCII characters', async () => {
    const quote = await newQuote();
    const key = `~!${'a'.repeat(250)}{}"`;
    expect(key).toHaveLength(255);
    const response = await gw.request('POST', '/v1/transfers', {
      role: 'operator',
      body: { quoteId: quote.id },
      headers: { 'idempotency-key': key },
    });
    expect(response.status, await response.clone().text()).toBe(201);
  });

  it.each([
    ['no quoteId', { quoteId: undefined }],
    ['a numeric quoteId', { quoteId: 42 }],
    ['an empty quoteId', { quoteId: '' }],
    ['a reference of 36 characters', { reference: 'R'.repeat(36) }],
    ['an empty reference', { reference: '' }],
    ['a reference with an underscore', { reference: 'CONTRIB_2026' }],
    ['a reference with Chinese characters', { reference: '社保缴费' }],
  ])('answers validation_failed for %s', async (_label, change) => {
    const quote = await newQuote();
    const problem = await badRequest(
      'POST',
      '/v1/transfers',
      {
        role: 'operator',
        body: { quoteId: quote.id, ...change },
        headers: { 'idempotency-key': freshKey() },
      },
      400,
      'validation_failed',
    );
    expect(problem.errors?.length).toBeGreaterThan(0);
  });

  it('does not echo a refused reference that may be personal data, in the answer or the logs', async () => {
    const quote = await newQuote();
    const reference = 'Li Wei 110105194912310021X!';
    gw.logs.length = 0;
    const problem = await badRequest(
      'POST',
      '/v1/transfers',
      {
        role: 'operator',
        body: { quoteId: quote.id, reference },
        headers: { 'idempotency-key': freshKey() },
      },
      400,
      'validation_failed',
      [reference, 'Li Wei', '110105194912310021X'],
    );
    expect(problem.errors).toEqual([expect.objectContaining({ path: 'reference' })]);
    expect(gw.logs.length).toBeGreaterThan(0);
    for (const line of gw.logs) {
      expect(line).not.toContain('Li Wei');
      expect(line).not.toContain('110105194912310021X');
    }
  });
});

describe('routing', () => {
  it.each([
    ['GET', '/v1/nothing'],
    ['GET', '/v2/transfers'],
    ['POST', '/v1/quote'],
    ['GET', '/'],
  ])('answers not_found for %s %s', async (method, path) => {
    await badRequest(method, path, { role: 'operator' }, 404, 'not_found');
  });

  it.each([
    ['DELETE', '/v1/quotes', ['POST']],
    ['GET', '/v1/quotes', ['POST']],
    ['PUT', '/v1/transfers/tr_x', ['GET']],
    ['PATCH', '/v1/transfers', ['GET', 'POST']],
    ['POST', '/v1/ledger/balances', ['GET']],
  ])('answers method_not_allowed for %s %s with an Allow header', async (method, path, allowed) => {
    const response = await expectNothingWritten(() => gw.request(method, path, { role: 'operator' }));
    const allow = response.headers.get('allow');
    await expectProblem(response, 405, 'method_not_allowed');
    const methods = (allow ?? '').split(',').map((item) => item.trim());
    expect(methods).toEqual(expect.arrayContaining(allowed));
    expect(methods).not.toContain(method);
  });
});

describe('listing and reading transfers', () => {
  it.each(['limit=0', 'limit=101', 'limit=abc', 'limit=-1', 'limit=1.5', `starting_after=${'x'.repeat(65)}`])(
    'answers validation_failed for ?%s',
    async (query) => {
      const problem = await badRequest(
        'GET',
        `/v1/transfers?${query}`,
        { role: 'auditor' },
        400,
        'validation_failed',
      );
      expect(problem.errors?.[0]).toMatchObject({ code: 'validation_failed' });
    },
  );

  it('answers unknown_field for an unknown query parameter', async () => {
    await badRequest('GET', '/v1/transfers?page=2', { role: 'auditor' }, 400, 'unknown_field');
  });

  it('answers cursor_invalid for a garbage cursor and for a well-formed unknown transfer id', async () => {
    await badRequest(
      'GET',
      '/v1/transfers?starting_after=garbage',
      { role: 'auditor' },
      400,
      'cursor_invalid',
    );
    await badRequest(
      'GET',
      `/v1/transfers?starting_after=${newId('transfer')}`,
      { role: 'auditor' },
      400,
      'cursor_invalid',
    );
    // A quote id is well-formed but not a transfer id.
    await badRequest(
      'GET',
      `/v1/transfers?starting_after=${newId('quote')}`,
      { role: 'auditor' },
      400,
      'cursor_invalid',
    );
  });

  it('answers not_found for unknown transfer ids', async () => {
    await badRequest('GET', '/v1/transfers/unknown-id', { role: 'auditor' }, 404, 'not_found');
    await badRequest('GET', `/v1/transfers/${newId('transfer')}`, { role: 'auditor' }, 404, 'not_found');
    await badRequest('GET', `/v1/transfers/${'t'.repeat(65)}`, { role: 'auditor' }, 400, 'validation_failed');
  });

  it('answers currency_unknown for a bad ledger currency filter', async () => {
    await badRequest('GET', '/v1/ledger/balances?currency=eur', { role: 'auditor' }, 400, 'currency_unknown');
  });
});

describe('business rules', () => {
  const transfer = (quoteId: string, key = freshKey(), init: RequestOptions = { role: 'operator' }) =>
    gw.request('POST', '/v1/transfers', { ...init, body: { quoteId }, headers: { 'idempotency-key': key } });

  it('accepts a quote until its expiry and answers quote_expired from then on', async () => {
    const early = await newQuote();
    const late = await newQuote();
    expect(new Date(late.expiresAt).getTime() - gw.clock.now.getTime()).toBe(900_000);
    gw.clock.advance(899);
    expect((await transfer(early.id)).status).toBe(201);
    gw.clock.advance(1);
    const problem = await expectNothingWritten(async () =>
      expectProblem(await transfer(late.id), 422, 'quote_expired'),
    );
    expect(problem.expiresAt).toBe(late.expiresAt);
    gw.clock.advance(3600);
    await expectNothingWritten(async () => expectProblem(await transfer(late.id), 422, 'quote_expired'));
  });

  it('answers quote_used (409) for a second transfer from one quote with another key', async () => {
    const quote = await newQuote();
    const first = await transfer(quote.id);
    expect(first.status).toBe(201);
    await expectNothingWritten(async () => expectProblem(await transfer(quote.id), 409, 'quote_used'));
  });

  it('answers idempotency_conflict (409) for one key with a different body', async () => {
    const key = freshKey();
    expect((await transfer((await newQuote()).id, key)).status).toBe(201);
    const other = await newQuote();
    await expectNothingWritten(async () =>
      expectProblem(await transfer(other.id, key), 409, 'idempotency_conflict'),
    );
  });

  it('answers quote_not_found for ids that were never issued', async () => {
    for (const id of [newId('quote'), 'qt_nonsense', newId('transfer')]) {
      await expectNothingWritten(async () => expectProblem(await transfer(id), 422, 'quote_not_found'));
    }
  });

  it("answers quote_not_found for another operator's quote, and leaves it usable by its owner", async () => {
    await addUser(gw.db.db, { id: 'second-operator', displayName: 'Second operator', roles: ['operator'] });
    const token = await gw.token('operator', 'second-operator');
    const quote = await newQuote();
    await expectNothingWritten(async () =>
      expectProblem(await transfer(quote.id, freshKey(), { token }), 422, 'quote_not_found'),
    );
    expect((await transfer(quote.id)).status).toBe(201);
  });
});
