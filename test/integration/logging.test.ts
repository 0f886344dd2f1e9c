/**
 * One structured log line per request, with the route pattern and never the data: no
 * Authorization header, token, subject, body value, query value or error message.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTRIBUTION_QUOTE, createTestGateway, json, type TestGateway } from '../helpers/gateway.ts';

type LogLine = {
  time: string;
  level: string;
  msg: string;
  requestId?: string;
  method?: string;
  route?: string;
  status?: number;
  durationMs?: number;
  roles?: string[];
  [key: string]: unknown;
};

let gw: TestGateway;
let counter = 0;

beforeAll(async () => {
  gw = await createTestGateway();
});
afterAll(async () => {
  await gw?.close();
});
beforeEach(() => {
  gw.logs.length = 0;
});

function parsedLogs(): LogLine[] {
  return gw.logs.map((line) => {
    expect(line).not.toContain('\n');
    return JSON.parse(line) as LogLine;
  });
}

function requestLines(requestId: string): LogLine[] {
  return parsedLogs().filter((line) => line.msg === 'request' && line.requestId === requestId);
}

const nextRequestId = () => `log-test-${++counter}`;

async function createTransfer(reference: string, key: string) {
  const quote = await json(
    await gw.request('POST', '/v1/quotes', { role: 'operator', body: CONTRIBUTION_QUOTE }),
  );
  const response = await gw.request('POST', '/v1/transfers', {
    role: 'operator',
    body: { quoteId: quote.id, reference },
    headers: { 'idempotency-key': key },
  });
  expect(response.status).toBe(201);
  return json<{ id: string }>(response);
}

describe('request log lines', () => {
  it('writes exactly one line per request with id, method, route pattern, status and duration', async () => {
    const transfer = await createTransfer('LOG-ONE-LINE', `log-${Date.now()}`);
    const cases: {
      method: string;
      path: string;
      role?: 'operator' | 'auditor';
      body?: unknown;
      route: string;
    }[] = [
      { method: 'GET', path: '/health', route: '/health' },
      { method: 'GET', path: `/v1/transfers/${transfer.id}`, role: 'auditor', route: '/v1/transfers/:id' },
      { method: 'GET', path: '/v1/transfers/tr_unknown', role: 'auditor', route: '/v1/transfers/:id' },
      { method: 'GET', path: '/v1/transfers?limit=2', role: 'operator', route: '/v1/transfers' },
      { method: 'POST', path: '/v1/quotes', role: 'operator', body: CONTRIBUTION_QUOTE, route: '/v1/quotes' },
      { method: 'POST', path: '/v1/quotes', role: 'operator', body: { nope: 1 }, route: '/v1/quotes' },
      { method: 'GET', path: '/v1/ledger/balances', route: '/v1/ledger/balances' },
      { method: 'GET', path: '/problems/quote_used', route: '/problems/:code' },
    ];
    for (const item of cases) {
      gw.logs.length = 0;
      const requestId = nextRequestId();
      const response = await gw.request(item.method, item.path, {
        ...(item.role ? { role: item.role } : {}),
        ...(item.body === undefined ? {} : { body: item.body }),
        headers: { 'x-request-id': requestId },
      });
      expect(response.headers.get('x-request-id')).toBe(requestId);
      const lines = requestLines(requestId);
      expect(lines, `${item.method} ${item.path}`).toHaveLength(1);
      const [line] = lines;
      expect(line).toMatchObject({
        level: response.status >= 500 ? 'error' : 'info',
        msg: 'request',
        requestId,
        method: item.method,
        route: item.route,
        status: response.status,
      });
      expect(typeof line?.durationMs).toBe('number');
      expect(line?.durationMs).toBeGreaterThanOrEqual(0);
      expect(Number.isNaN(Date.parse(line?.time ?? ''))).toBe(false);
      if (item.role && response.status !== 401) expect(line?.roles).toEqual([item.role]);
      // No other line of this request carries more than the id (e.g. no second request line).
      expect(parsedLogs().filter((entry) => entry.msg === 'request')).toHaveLength(1);
    }
  });

  it('logs the route pattern, never the concrete path or query', async () => {
    const transfer = await createTransfer('LOG-PATTERN', `log-${Date.now()}`);
    gw.logs.length = 0;
    await gw.request('GET', `/v1/transfers/${transfer.id}`, { role: 'auditor' });
    await gw.request('GET', `/v1/transfers?limit=1&starting_after=${transfer.id}`, { role: 'auditor' });
    await gw.request('GET', '/v1/no-such-thing-4711');
    await gw.request('DELETE', `/v1/transfers/${transfer.id}`, { role: 'operator' });
    const lines = parsedLogs().filter((line) => line.msg === 'request');
    expect(lines.map((line) => line.status)).toEqual([200, 200, 404, 405]);
    expect(lines[0]?.route).toBe('/v1/transfers/:id');
    expect(lines[1]?.route).toBe('/v1/transfers');
    for (const raw of gw.logs) {
      expect(raw).not.toContain(transfer.id);
      expect(raw).not.toContain('no-such-thing-4711');
      expect(raw).not.toContain('starting_after');
    }
  });

  it('never logs the Authorization header, the token or the user id', async () => {
    const token = await gw.token('operator');
    const signature = token.split('.')[2] ?? '';
    await gw.request('GET', '/v1/transfers', { token });
    await gw.request('POST', '/v1/quotes', { token, body: CONTRIBUTION_QUOTE });
    await gw.request('GET', '/v1/ledger/check', { token: `${token}x` });
    await gw.request('GET', '/v1/transfers', {
      headers: { authorization: `Basic ${btoa('demo-operator:pw')}` },
    });
    expect(gw.logs.length).toBeGreaterThanOrEqual(4);
    for (const raw of gw.logs) {
      expect(raw).not.toContain(token);
      expect(raw).not.toContain(signature);
      expect(raw).not.toMatch(/bearer|basic /i);
      expect(raw.toLowerCase()).not.toContain('authorization');
      expect(raw).not.toContain('demo-operator');
    }
  });

  it('never logs request body values, the idempotency key or the response', async () => {
    const reference = 'ZHANG-SAN-REF-0042';
    const key = 'idem-key-logcheck-0042';
    const transfer = await createTransfer(reference, key);
    // A refused body too.
    await gw.request('POST', '/v1/quotes', {
      role: 'operator',
      body: { ...CONTRIBUTION_QUOTE, sourceAmount: '4321.09', insuredName: 'Wang Fang' },
    });
    expect(parsedLogs().filter((line) => line.msg === 'request')).toHaveLength(3);
    for (const raw of gw.logs) {
      for (const value of [
        reference,
        key,
        transfer.id,
        '250.00',
        '2035.30',
        '4321.09',
        'Wang Fang',
        'insuredName',
      ]) {
        expect(raw).not.toContain(value);
      }
    }
  });
});

describe('unexpected errors', () => {
  const secret = 'Zhang San 110105194912310021 connection to 10.1.2.3 refused';

  /** Makes the quote path fail with `error` inside the service, as a broken dependency would. */
  async function withFailingRates(error: unknown, run: () => Promise<void>) {
    const registry = gw.deps.registry as { require: (code: string) => unknown };
    const original = registry.require;
    registry.require = () => {
      throw error;
    };
    try {
      await run();
    } finally {
      registry.require = original;
    }
  }

  async function expectProblem(response: Response, status: number, code: string) {
    const text = await response.text();
    expect(response.status, text).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(text)).toMatchObject({ status, code });
    expect(text).not.toContain('Zhang San');
    expect(text).not.toContain('110105194912310021');
    expect(text).not.toContain('10.1.2.3');
    expect(text).not.toMatch(/\n\s+at |\.ts:\d+/);
    return JSON.parse(text) as Record<string, unknown>;
  }

  function expectNoSecretInLogs() {
    for (const raw of gw.logs) {
      expect(raw).not.toContain('Zhang San');
      expect(raw).not.toContain('110105194912310021');
      expect(raw).not.toContain('10.1.2.3');
    }
  }

  it('answers internal_error without the message, and logs an error line without it', async () => {
    await withFailingRates(new Error(secret), async () => {
      const requestId = nextRequestId();
      const response = await gw.request('POST', '/v1/quotes', {
        role: 'operator',
        body: CONTRIBUTION_QUOTE,
        headers: { 'x-request-id': requestId },
      });
      const body = await expectProblem(response, 500, 'internal_error');
      expect(body).toMatchObject({ status: 500, code: 'internal_error', requestId });
      const lines = parsedLogs();
      const failure = lines.find((line) => line.msg === 'request failed');
      expect(failure).toMatchObject({
        level: 'error',
        requestId,
        code: 'internal_error',
        errorClass: 'Error',
      });
      // Stack frames say where it failed; they do not repeat the message.
      expect(String(failure?.stack)).toMatch(/^\s*at /);
      expect(requestLines(requestId)).toEqual([
        expect.objectContaining({ level: 'error', status: 500, route: '/v1/quotes' }),
      ]);
      expectNoSecretInLogs();
    });
    // The gateway works again once the dependency does.
    expect(
      (await gw.request('POST', '/v1/quotes', { role: 'operator', body: CONTRIBUTION_QUOTE })).status,
    ).toBe(201);
  });

  it('answers a thrown non-Error value like any other failure, and logs nothing of it', async () => {
    await withFailingRates(secret, async () => {
      const response = await gw.request('POST', '/v1/quotes', { role: 'operator', body: CONTRIBUTION_QUOTE });
      await expectProblem(response, 500, 'internal_error');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(parsedLogs().find((line) => line.msg === 'request failed')).toMatchObject({
        errorClass: 'string',
        code: 'internal_error',
      });
      expect(parsedLogs().filter((line) => line.msg === 'request')).toEqual([
        expect.objectContaining({ level: 'error', status: 500, route: '/v1/quotes' }),
      ]);
      expectNoSecretInLogs();
    });
  });

  it('logs the SQLSTATE of a database error, not its message', async () => {
    const driverError = Object.assign(new Error(`duplicate key: (name)=(${secret})`), {
      code: '23505',
      constraint_name: 'quotes_pkey',
    });
    await withFailingRates(driverError, async () => {
      await expectProblem(
        await gw.request('POST', '/v1/quotes', { role: 'operator', body: CONTRIBUTION_QUOTE }),
        500,
        'internal_error',
      );
      const failure = parsedLogs().find((line) => line.msg === 'request failed');
      expect(failure).toMatchObject({ sqlstate: '23505', constraint: 'quotes_pkey', code: 'internal_error' });
      expect(failure?.stack).toBeUndefined();
      expectNoSecretInLogs();
    });
  });

  it('answers service_unavailable (503, Retry-After) when the database is unreachable', async () => {
    const unreachable = Object.assign(new Error(`connect ECONNREFUSED ${secret}`), { code: 'ECONNREFUSED' });
    await withFailingRates(unreachable, async () => {
      const response = await gw.request('POST', '/v1/quotes', { role: 'operator', body: CONTRIBUTION_QUOTE });
      expect(response.headers.get('retry-after')).toBe('1');
      await expectProblem(response, 503, 'service_unavailable');
      expect(parsedLogs().find((line) => line.msg === 'request failed')).toMatchObject({
        level: 'error',
        code: 'service_unavailable',
        sqlstate: 'ECONNREFUSED',
      });
      expectNoSecretInLogs();
    });
  });
});
