/**
 * The OpenAPI document is complete: every operation lists the responses it can give, errors are
 * problem+json, every error code is documented at `/problems`, and `/docs` renders the document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, ERROR_CODES } from '../../src/core/errors.ts';
import { createTestGateway, json, type TestGateway } from '../helpers/gateway.ts';

type Media = Record<string, { schema?: { $ref?: string } }>;
type Operation = {
  'x-roles'?: string[];
  security?: unknown[];
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Media };
  responses: Record<string, { description?: string; content?: Media }>;
};
type OpenApiDoc = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, { enum?: string[] }> }> };
};

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);
const PROBLEM_REF = '#/components/schemas/Problem';

/** Error responses that are deliberately not problem+json. */
const NON_PROBLEM_ERRORS = new Set([
  // Readiness answers its checks (database, migrations) in the same shape as when it is ready.
  'GET /ready 503',
]);

let gw: TestGateway;
let doc: OpenApiDoc;
let operations: { label: string; template: string; operation: Operation }[];

beforeAll(async () => {
  gw = await createTestGateway();
  const response = await gw.request('GET', '/openapi.json');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  doc = await json<OpenApiDoc>(response);
  operations = Object.entries(doc.paths).flatMap(([template, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.has(method))
      .map(([method, operation]) => ({ label: `${method.toUpperCase()} ${template}`, template, operation })),
  );
});
afterAll(async () => {
  await gw?.close();
});

describe('the document', () => {
  it('is OpenAPI 3.1.0 with a title, the version and a bearer scheme', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: expect.any(String), version: 'test' });
    expect(doc).toMatchObject({
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    });
    expect(operations.length).toBeGreaterThanOrEqual(9);
  });

  it('gives every operation a success response and a 500 problem', () => {
    for (const { label, operation } of operations) {
      const statuses = Object.keys(operation.responses);
      expect(
        statuses.some((status) => /^2\d\d$/.test(status)),
        `${label} has no 2xx`,
      ).toBe(true);
      expect(statuses, label).toContain('500');
    }
  });

  it('declares 400 where an operation takes input, 401/403 where it is protected, 413/415 with a body', () => {
    for (const { label, template, operation } of operations) {
      const statuses = Object.keys(operation.responses);
      const takesInput =
        Boolean(operation.requestBody) || (operation.parameters?.length ?? 0) > 0 || template.includes('{');
      if (takesInput) expect(statuses, `${label} takes input`).toContain('400');
      const isPublic = operation['x-roles']?.includes('public') ?? false;
      if (!isPublic) {
        expect(statuses, `${label} is protected`).toEqual(expect.arrayContaining(['401', '403']));
      } else {
        expect(statuses, `${label} is public`).not.toContain('401');
      }
      if (operation.requestBody) {
        expect(statuses, `${label} has a body`).toEqual(expect.arrayContaining(['413', '415']));
        expect(Object.keys(operation.requestBody.content ?? {}), label).toEqual(['application/json']);
      }
    }
  });

  it('describes every error response as a Problem in application/problem+json', () => {
    let checked = 0;
    for (const { label, operation } of operations) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400 || NON_PROBLEM_ERRORS.has(`${label} ${status}`)) continue;
        expect(response.description, `${label} ${status}`).toBeTruthy();
        expect(Object.keys(response.content ?? {}), `${label} ${status}`).toEqual([
          'application/problem+json',
        ]);
        expect(response.content?.['application/problem+json']?.schema?.$ref, `${label} ${status}`).toBe(
          PROBLEM_REF,
        );
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(operations.length);
  });

  it('lists every error code in the Problem schema', () => {
    const problem = doc.components.schemas.Problem;
    expect(problem?.properties?.code?.enum?.slice().sort()).toEqual([...ERROR_CODES].sort());
  });
});

describe('/problems', () => {
  it('lists every code of the catalogue with its status, title and fix', async () => {
    const response = await gw.request('GET', '/problems');
    expect(response.status).toBe(200);
    const listed = await json<{ code: string; status: number; title: string; fix: string }[]>(response);
    expect(listed.map((item) => item.code).sort()).toEqual([...ERROR_CODES].sort());
    for (const item of listed) {
      expect(item).toEqual({
        code: item.code,
        ...ERROR_CATALOGUE[item.code as keyof typeof ERROR_CATALOGUE],
      });
    }
  });

  it('answers every code at /problems/{code}', async () => {
    for (const code of ERROR_CODES) {
      const response = await gw.request('GET', `/problems/${code}`);
      expect(response.status, code).toBe(200);
      expect(await json(response)).toEqual({ code, ...ERROR_CATALOGUE[code] });
    }
  });

  it('answers not_found for an unknown code', async () => {
    for (const code of ['no_such_code', 'toString', '__proto__']) {
      const response = await gw.request('GET', `/problems/${code}`);
      expect(response.status, code).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await json(response)).toMatchObject({ status: 404, code: 'not_found' });
    }
  });

  it('is where the `type` of a problem points', async () => {
    const response = await gw.request('GET', '/v1/transfers');
    const problem = await json<{ type: string; code: string }>(response);
    expect(problem.code).toBe('unauthenticated');
    const typePath = new URL(problem.type).pathname;
    expect(typePath).toBe('/problems/unauthenticated');
    expect(await json(await gw.request('GET', typePath))).toMatchObject({
      code: 'unauthenticated',
      status: 401,
    });
  });
});

describe('/docs', () => {
  it('serves a Swagger UI page that loads its init script and vendored assets', async () => {
    const response = await gw.request('GET', '/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).toContain('<div id="swagger-ui">');
    expect(html).toContain('src="/docs/init.js"');
    for (const asset of ['swagger-ui.css', 'swagger-ui-bundle.js']) {
      expect(html).toContain(`/docs/assets/${asset}`);
    }
    // Nothing from a CDN.
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('points the init script at /openapi.json', async () => {
    const response = await gw.request('GET', '/docs/init.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    const script = await response.text();
    expect(script).toContain('SwaggerUIBundle');
    expect(script).toContain("url: '/openapi.json'");
  });

  it('serves the vendored assets and nothing else from the assets folder', async () => {
    for (const asset of ['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png']) {
      const response = await gw.request('GET', `/docs/assets/${asset}`);
      expect(response.status, asset).toBe(200);
      expect(await response.text()).toBe(`asset ${asset}`);
    }
    const missing = await gw.request('GET', '/docs/assets/package.json');
    expect(missing.status).toBe(404);
    expect(await json(missing)).toMatchObject({ code: 'not_found' });
  });
});

describe('X-Request-Id', () => {
  it('echoes a well-formed request id, on success and in problems', async () => {
    const ok = await gw.request('GET', '/health', { headers: { 'x-request-id': 'abc-123' } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-request-id')).toBe('abc-123');
    const problem = await gw.request('GET', '/v1/transfers', { headers: { 'x-request-id': 'abc-124' } });
    expect(problem.headers.get('x-request-id')).toBe('abc-124');
    expect(await json(problem)).toMatchObject({
      requestId: 'abc-124',
      instance: 'urn:pontis:request:abc-124',
    });
  });

  it('replaces a malformed request id with a generated one', async () => {
    const generated = new Set<string>();
    for (const sent of ['has spaces in it', 'x'.repeat(300), 'semi;colon', '<script>']) {
      const response = await gw.request('GET', '/v1/transfers', { headers: { 'x-request-id': sent } });
      const id = response.headers.get('x-request-id') ?? '';
      expect(id, sent).not.toBe(sent);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      const body = await response.text();
      expect(body).not.toContain(sent);
      expect(JSON.parse(body)).toMatchObject({ requestId: id });
      generated.add(id);
    }
    expect(generated.size).toBe(4);
  });

  it('generates one when none is sent', async () => {
    const first = (await gw.request('GET', '/health')).headers.get('x-request-id');
    const second = (await gw.request('GET', '/health')).headers.get('x-request-id');
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toMatch(/^[0-9a-f-]{36}$/);
    expect(first).not.toBe(second);
  });
});
