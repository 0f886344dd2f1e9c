/**
 * A gateway for tests: the real app over a fresh database with the demo seeded, a controllable
 * clock, captured log lines, tokens for each role, and a request helper that checks every
 * response status is one the route declares in the OpenAPI document.
 */
import { expect } from 'vitest';
import { target2Calendar } from '../../adapters/_shared/target2-calendar.ts';
import { adapterDefinitions } from '../../adapters/index.ts';
import { createApp } from '../../src/app.ts';
import { createLogger } from '../../src/core/logger.ts';
import type { AppDeps } from '../../src/http/context.ts';
import { createAdapterRegistry } from '../../src/services/adapters/registry.ts';
import { gatewayKeySet } from '../../src/services/auth/gateway-keys.ts';
import type { Role } from '../../src/services/auth/roles.ts';
import {
  createTokenVerifier,
  generateSigningKey,
  issueToken,
  type SigningKey,
} from '../../src/services/auth/tokens.ts';
import {
  fromDayNumber,
  latestBusinessDay,
  toDayNumber,
} from '../../src/services/calendar/business-calendar.ts';
import { ecbDate } from '../../src/services/calendar/target-age.ts';
import { demoUserFor, seedDemo, syncJurisdictions } from '../../src/services/demo/seed.ts';
import { loadDemoRates } from '../../src/services/fx/demo-rate-table.ts';
import { generatePrivacyKeys, type PrivacyKeys } from '../../src/services/privacy/keys.ts';
import { createScreeningIndexCache } from '../../src/services/screening/index-cache.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { importFixtureLists } from './sanctions.ts';

export interface TestGateway {
  app: ReturnType<typeof createApp>;
  db: TestDatabase;
  deps: AppDeps;
  key: SigningKey;
  logs: string[];
  clock: { now: Date; advance(seconds: number): void };
  token(role: Role, subject?: string): Promise<string>;
  request(method: string, path: string, init?: RequestOptions): Promise<Response>;
  close(): Promise<void>;
}

export interface RequestOptions {
  role?: Role;
  token?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

type OpenApiDoc = { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
let openApiCache: OpenApiDoc | undefined;

/** The operation of the OpenAPI document that a concrete path matches. */
function declaredStatuses(doc: OpenApiDoc, method: string, path: string): string[] | undefined {
  const pathname = path.split('?')[0] ?? path;
  for (const [template, operations] of Object.entries(doc.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (pattern.test(pathname)) return Object.keys(operations[method.toLowerCase()]?.responses ?? {});
  }
  return undefined;
}

/** Rates per 1 EUR the test gateway starts with, as the demo table of Friday 2026-11-20. */
export const TEST_RATES_DATE = '2026-11-20';
export const TEST_EUR_RATES: Readonly<Record<string, string>> = {
  CNY: '8.2150',
  JPY: '172.45',
  KRW: '1621.80',
  CHF: '0.9312',
  CAD: '1.6125',
  USD: '1.1710',
  GBP: '0.8695',
};

/** The TARGET business day before `now`'s date in Frankfurt: a rate of that day is fresh at `now`. */
export function previousTargetDay(now: Date): string {
  return latestBusinessDay(target2Calendar, fromDayNumber(toDayNumber(ecbDate(now)) - 1));
}

/** Loads a one-day rate table as the `demo-table` source. */
export async function loadTestRates(
  db: TestDatabase['db'],
  date: string,
  rates: Readonly<Record<string, string>>,
  now: Date,
) {
  return loadDemoRates(db, { date, rates, origin: 'test', now });
}

export async function createTestGateway(
  options: {
    includeExamples?: boolean;
    rates?: 'test' | 'none';
    privacyKeys?: PrivacyKeys;
    /** `fixtures` (default): the four fictional lists of test/fixtures/sanctions are active. */
    sanctions?: 'fixtures' | 'none';
  } = {},
): Promise<TestGateway> {
  const db = await createTestDatabase();
  const registry = createAdapterRegistry(adapterDefinitions, {
    home: 'CN',
    includeExamples: options.includeExamples ?? true,
  });
  const key = await generateSigningKey();
  const logs: string[] = [];
  const clock = {
    now: new Date('2026-11-23T10:00:00.000Z'),
    advance(seconds: number) {
      this.now = new Date(this.now.getTime() + seconds * 1000);
    },
  };
  const deps: AppDeps = {
    version: 'test',
    registry,
    verifyToken: createTokenVerifier(key.publicJwk),
    gatewayKeys: await gatewayKeySet(key),
    privacyKeys: options.privacyKeys ?? (await generatePrivacyKeys()),
    screening: createScreeningIndexCache(),
    openDatabase: async () => ({ db: db.db }),
    databaseKind: db.kind,
    clock: () => clock.now,
    logger: createLogger('debug', (line) => logs.push(line)),
    docsAsset: async (file) => new Response(`asset ${file}`),
  };
  await syncJurisdictions(db.db, registry);
  await seedDemo(db.db, registry, clock.now);
  if (options.rates !== 'none') await loadTestRates(db.db, TEST_RATES_DATE, TEST_EUR_RATES, clock.now);
  if (options.sanctions !== 'none') await importFixtureLists(db.db, clock.now);
  const app = createApp(deps);

  const token = (role: Role, subject?: string) =>
    issueToken(key, { subject: subject ?? demoUserFor(role), roles: [role], ttlSeconds: 3600 });

  async function request(method: string, path: string, init: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    const bearer = init.token ?? (init.role ? await token(init.role) : undefined);
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    let body: string | undefined = init.rawBody;
    if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await app.request(path, { method, headers, body });
    openApiCache ??= (await (await app.request('/openapi.json')).json()) as OpenApiDoc;
    const declared = declaredStatuses(openApiCache, method, path);
    if (declared && declared.length > 0) {
      expect(
        declared,
        `${method} ${path} answered ${response.status}, which its route does not declare`,
      ).toContain(String(response.status));
    }
    return response;
  }

  return { app, db, deps, key, logs, clock, token, request, close: () => db.close() };
}

export async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

export const CONTRIBUTION_QUOTE = {
  purpose: 'contribution',
  partnerJurisdiction: 'DE',
  sourceCurrency: 'EUR',
  targetCurrency: 'CNY',
  sourceAmount: '250.00',
} as const;
