/**
 * The privacy canary test (privacy by design: GDPR Art. 25, PIPL Art. 51).
 *
 * Every personal field of an insured person gets a unique canary value that still passes the
 * field's validation (`test/helpers/canary.ts` builds the persons from the classification
 * registry). For every enabled partner destination and purpose a transfer is made with a fresh
 * canary person — contributions through a signed call of a partner agency of that jurisdiction
 * (with a callback URL served by msw), benefits by staff — and then every outbound message type
 * of the catalogue (`src/services/privacy/outbound.ts`) is driven: partners' answers and
 * callbacks, staff answers for every role, the person's own access export (JSON and HTML),
 * problem+json answers to bad requests that carry canaries, every log line and every audit
 * event. For each message and each canary: a canary whose category the message's allowance does
 * not cover, or that belongs to another person, must not appear (raw, in any letter case,
 * JSON-, doubly JSON-, `\u`-, URL- or HTML-escaped); and where the allowance does cover a
 * category, the canary must appear — proof that the driver looked at real data.
 *
 * Finally every working table is dumped: no canary of any category may be there in clear (the
 * person's fields are sealed per person; the national identifier only as keyed pseudonyms).
 *
 * A catalogue entry without a driver here fails, so a new outbound message type cannot ship
 * unchecked.
 */
import { eq, getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InsuredPerson } from '../../schemas/privacy.ts';
import { rows } from '../../src/db/migrations-journal.ts';
import { auditEvents, complianceCases, dataSubjects, schema, verifiedMessages } from '../../src/db/schema.ts';
import { DATA_CATEGORIES, type JurisdictionAdapter } from '../../src/ports/index.ts';
import type { AdapterRegistry } from '../../src/services/adapters/registry.ts';
import { ROLES, type Role } from '../../src/services/auth/roles.ts';
import {
  categoriesForRecipient,
  processingPurposeOf,
  ROLE_VISIBILITY,
} from '../../src/services/privacy/disclosure.ts';
import { OUTBOUND_MESSAGES, type OutboundMessage } from '../../src/services/privacy/outbound.ts';
import {
  brokenIban,
  type Canary,
  type CanaryCategory,
  type CanaryPerson,
  canaryFormIn,
  canaryIban,
  canaryPerson,
  containsCanary,
  describeCanary,
  extraCanary,
  fieldsWithoutCanary,
  personScheme,
  validIdentifiers,
} from '../helpers/canary.ts';
import { createTestGateway, type TestGateway } from '../helpers/gateway.ts';
import { dispatchTestCallbacks, registerTestPartner, type TestPartner } from '../helpers/partners.ts';
import { seededRandom } from '../helpers/random.ts';

const SEED = 20_261_123;
const CALLBACKS = 'https://callbacks.example';
const PURPOSES = ['contribution', 'benefit'] as const;
type Purpose = (typeof PURPOSES)[number];

/** The IBAN country of a destination's people (jurisdictions without IBANs: a German account). */
const IBAN_COUNTRY: Readonly<Record<string, string>> = { DE: 'DE', FR: 'FR', NL: 'NL', CH: 'CH' };

/**
 * The transfer's `reference` (`TransferRequest.reference`, classified `transaction`) is not part
 * of the insured person: it is the creator's own reference, carried to the rail as the ISO 20022
 * EndToEndId. The gateway echoes it — to its creator in the answer and the callbacks, to every
 * staff role (auditors included) in the transfer view — and stores it with the transfer, the
 * callback and the idempotent answer; the catalogue (`none`) and ROLE_VISIBILITY (no role lists
 * `transaction`) do not spell that out. Those echoes are accepted here for the reference's own
 * transfer only; everywhere else (logs, problems, audit, other people's messages, other
 * partners, other tables) the reference is a canary like any.
 */
const REFERENCE_ECHOED_IN: ReadonlySet<string> = new Set([
  'partner.transfer.created',
  'partner.callback',
  'staff.transfer.read',
  // The review case and the suspicious-activity report summarise the transfer as staff see it.
  'staff.case.read',
  'staff.case.sar',
]);
const TABLES_HOLDING_REFERENCE: ReadonlySet<string> = new Set([
  'transfers',
  'callback_outbox',
  'idempotency_keys',
]);

/** What may appear in one message: per owner of canaries, the categories allowed. */
type Allowed = ReadonlyMap<string, ReadonlySet<CanaryCategory>>;
const NOTHING: Allowed = new Map();

interface Captured {
  readonly type: string;
  /** Which request or line, for whom: what a failure names. */
  readonly where: string;
  /** Status line, headers and body (or the log line, the row). */
  readonly text: string;
  readonly allowed: Allowed;
  /** Canaries that must appear: the message carried real data of an allowed category. */
  readonly mustShow: readonly Canary[];
  readonly html?: boolean;
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

interface TransferCase {
  destination: JurisdictionAdapter;
  purpose: Purpose;
  owner: string;
  person: CanaryPerson;
  reference: Canary;
  /** The partner agency that created it (contributions). */
  partner: TestPartner | undefined;
  idempotencyKey: string;
  transferId: string;
  subjectId: string;
}

const server = setupServer();
const received: { partner: string; text: string }[] = [];
let gw: TestGateway;
let registry: AdapterRegistry;
const cases: TransferCase[] = [];
const partners = new Map<string, TestPartner>();
/** Every canary planted anywhere: the persons', the references, and those of bad requests. */
const everyCanary: Canary[] = [];
/** Persons only ever sent in requests that must fail (never stored). */
const problemPersons: CanaryPerson[] = [];
/** Answers collected while setting up, by catalogue type. */
const setupCaptures = new Map<string, Captured[]>();
/** Answers to requests that name a person but have no catalogue entry (consents, identifier checks). */
const uncataloguedAnswers: Captured[] = [];
let baseline: { tables: string[]; logs: string[] } = { tables: [], logs: [] };

// --- helpers ----------------------------------------------------------------------------------

async function answerOf(response: Response): Promise<Answer> {
  return { status: response.status, headers: response.headers, text: await response.text() };
}

function messageText(answer: Answer): string {
  const headers = [...answer.headers].map(([name, value]) => `${name}: ${value}`);
  return [`HTTP ${answer.status}`, ...headers, '', answer.text].join('\n');
}

function capture(
  type: string,
  where: string,
  answer: Answer,
  allowed: Allowed,
  mustShow: readonly Canary[] = [],
  html = false,
): Captured {
  return { type, where: `${where} → ${answer.status}`, text: messageText(answer), allowed, mustShow, html };
}

function remember(type: string, captured: Captured): void {
  setupCaptures.set(type, [...(setupCaptures.get(type) ?? []), captured]);
}

function catalogueEntry(type: string): OutboundMessage {
  const entry = OUTBOUND_MESSAGES.find((message) => message.type === type);
  if (!entry) throw new Error(`the test drives ${type}, which OUTBOUND_MESSAGES does not list`);
  return entry;
}

/** The categories a message of `type` may carry to this reader, from the catalogue's allowance. */
function categoriesFor(
  type: string,
  reader: { adapter?: JurisdictionAdapter; purpose?: Purpose; role?: Role } = {},
): Set<CanaryCategory> {
  const { allowance } = catalogueEntry(type);
  const categories = new Set<CanaryCategory>();
  switch (allowance.kind) {
    case 'none':
      break;
    case 'adapter': {
      if (!reader.adapter || !reader.purpose)
        throw new Error(`${type}: an adapter allowance needs the adapter`);
      const purpose = processingPurposeOf(reader.purpose);
      for (const category of categoriesForRecipient(reader.adapter, purpose, allowance.recipient)) {
        categories.add(category);
      }
      break;
    }
    case 'role':
      if (!reader.role) throw new Error(`${type}: a role allowance needs the role`);
      for (const category of ROLE_VISIBILITY[reader.role]) categories.add(category);
      break;
    case 'subject':
      for (const category of DATA_CATEGORIES) categories.add(category);
      break;
  }
  if (REFERENCE_ECHOED_IN.has(type)) categories.add('transaction');
  return categories;
}

/** The canaries of a case a reader with `categories` must be shown. */
function showable(transfer: TransferCase, categories: ReadonlySet<CanaryCategory>, withReference = true) {
  const shown = transfer.person.canaries.filter(
    (canary) => !canary.retired && categories.has(canary.category),
  );
  if (withReference && categories.has('transaction')) shown.push(transfer.reference);
  return shown;
}

const only = (owner: string, categories: ReadonlySet<CanaryCategory>): Allowed =>
  new Map([[owner, categories]]);

function verdict(messages: readonly Captured[]): { leaks: string[]; missing: string[] } {
  const leaks: string[] = [];
  const missing: string[] = [];
  for (const message of messages) {
    const lower = message.text.toLowerCase();
    for (const canary of everyCanary) {
      const form = canaryFormIn(lower, canary);
      if (form === undefined || message.allowed.get(canary.owner)?.has(canary.category)) continue;
      leaks.push(
        `${message.type} | ${message.where}: leaks ${describeCanary(canary)}, found as ${JSON.stringify(form)}`,
      );
    }
    for (const canary of message.mustShow) {
      if (message.html && !canary.inHtml) continue;
      if (!containsCanary(lower, canary)) {
        missing.push(`${message.type} | ${message.where}: does not show ${describeCanary(canary)}`);
      }
    }
  }
  return { leaks, missing };
}

const dispatch = () => dispatchTestCallbacks(gw);

const bigintSafe = (_key: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value);

/**
 * Every column of every table as JSON text: the drizzle `schema` tables through drizzle, and any
 * other table of the database (one a migration made without a schema entry, drizzle's own)
 * through plain SQL. Table name → column name → the JSON of all its values.
 */
async function dumpTables(): Promise<Map<string, Map<string, string>>> {
  const dumps = new Map<string, Map<string, string>>();
  const add = (table: string, found: readonly Record<string, unknown>[], columns: readonly string[]) => {
    dumps.set(
      table,
      new Map(
        columns.map((column) => [
          column,
          JSON.stringify(
            found.map((row) => row[column]),
            bigintSafe,
          ),
        ]),
      ),
    );
  };
  for (const table of Object.values(schema) as PgTable[]) {
    const found = (await gw.db.db.select().from(table)) as Record<string, unknown>[];
    add(getTableName(table), found, Object.keys(getTableColumns(table)));
  }
  const tables = rows<{ table_schema: string; table_name: string }>(
    await gw.db.db.execute(sql`
      select table_schema, table_name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`),
  );
  for (const { table_schema: tableSchema, table_name: tableName } of tables) {
    if (tableSchema === 'public' && dumps.has(tableName)) continue;
    const found = rows<Record<string, unknown>>(
      await gw.db.db.execute(sql`select * from ${sql.identifier(tableSchema)}.${sql.identifier(tableName)}`),
    );
    add(`${tableSchema}.${tableName}`, found, [...new Set(found.flatMap((row) => Object.keys(row)))]);
  }
  return dumps;
}

function contributionAmount(adapter: JurisdictionAdapter): string {
  const min = adapter.fx.corridors.contribution?.limits.min;
  if (!min) throw new Error(`${adapter.identity.code} has no contribution corridor`);
  return (Number(min) * 25).toFixed(min.split('.')[1]?.length ?? 0);
}

function parsed<T>(answer: Answer): T {
  return JSON.parse(answer.text) as T;
}

// --- setup: a canary person per destination and purpose ------------------------------------------

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  server.use(
    http.post(`${CALLBACKS}/:partner`, async ({ request, params }) => {
      const body = await request.text();
      const headers = [...request.headers].map(([name, value]) => `${name}: ${value}`);
      received.push({ partner: String(params.partner), text: [...headers, '', body].join('\n') });
      return new HttpResponse(null, { status: 204 });
    }),
  );
  gw = await createTestGateway();
  registry = gw.deps.registry;
  const home = registry.home;
  const destinations = registry.list().filter((adapter) => adapter.identity.kind !== 'home');

  // Nothing of a canary may be in the database or the logs before the first person is sent.
  baseline = {
    tables: [...(await dumpTables()).values()].flatMap((columns) => [...columns.values()]),
    logs: [...gw.logs],
  };

  const random = seededRandom(SEED);
  const takenIdentifiers = new Set<string>();
  const takenIbans = new Set<string>();
  let index = 0;
  const newPerson = (owner: string, jurisdiction: string): CanaryPerson => {
    // The destination's own personal scheme; a German one where a jurisdiction has none.
    const scheme = personScheme(registry, jurisdiction) ?? personScheme(registry, 'DE');
    if (!scheme) throw new Error('no personal identifier scheme for canaries');
    const [identifier] = validIdentifiers(registry, scheme.id, 1, random, takenIdentifiers);
    if (!identifier) throw new Error(`no ${scheme.id} identifier drawn`);
    const person = canaryPerson({
      owner,
      index: index++,
      identifier,
      iban: canaryIban(IBAN_COUNTRY[jurisdiction] ?? 'DE', random, takenIbans),
      country: jurisdiction,
    });
    everyCanary.push(...person.canaries);
    return person;
  };

  for (const destination of destinations) {
    const code = destination.identity.code;
    const partnerId = `${code.toLowerCase()}-canary`;
    partners.set(
      code,
      await registerTestPartner(gw, {
        id: partnerId,
        jurisdiction: code,
        kind: 'ecdsa-p256',
        callbackUrl: `${CALLBACKS}/${partnerId}`,
      }),
    );
  }

  for (const destination of destinations) {
    const code = destination.identity.code;
    for (const purpose of PURPOSES.filter((item) => destination.fx.corridors[item] !== undefined)) {
      const owner = `${code} ${purpose}`;
      const person = newPerson(owner, code);
      const reference = extraCanary(
        owner,
        'TransferRequest.reference',
        'transaction',
        `CNRYREF-${String(index).padStart(2, '0')}-${code}`,
      );
      everyCanary.push(reference);
      const idempotencyKey = `canary-${code}-${purpose}`;
      let created: Answer;
      let partner: TestPartner | undefined;
      let where: string;

      if (purpose === 'contribution') {
        partner = partners.get(code);
        if (!partner) throw new Error(`no partner for ${code}`);
        const quote = await partner.client.request<{ id: string }>('POST', '/v1/quotes', {
          body: {
            purpose,
            partnerJurisdiction: code,
            sourceCurrency: destination.identity.currency,
            targetCurrency: home.identity.currency,
            sourceAmount: contributionAmount(destination),
          },
        });
        expect(quote.status, `${owner}: quote ${quote.text}`).toBe(201);
        const body = { quoteId: quote.body.id, reference: reference.value, insuredPerson: person.person };
        created = await partner.client.request('POST', '/v1/transfers', { body, idempotencyKey });
        where = `POST /v1/transfers signed by ${partner.id} (${owner})`;
        // The idempotent replay is the same answer, sent again.
        const replay = await partner.client.request('POST', '/v1/transfers', { body, idempotencyKey });
        expect(replay.headers.get('idempotent-replayed'), `${owner}: replay`).toBe('true');
        remember(
          'partner.transfer.created',
          capture(
            'partner.transfer.created',
            `${where}, idempotent replay`,
            replay,
            only(owner, categoriesFor('partner.transfer.created')),
          ),
        );
      } else {
        // Consent where the law of the exporting fund (home, for benefits) or of the destination
        // needs it: PIPL Art. 39 separate consent for benefits paid out of CN.
        const processing = processingPurposeOf(purpose);
        const consent = home.privacy.consent?.[processing] ?? destination.privacy.consent?.[processing];
        if (consent) {
          const recorded = await answerOf(
            await gw.request('POST', '/v1/privacy/consents', {
              role: 'privacy_officer',
              body: {
                nationalIdentifier: person.person.nationalIdentifier,
                purpose: processing,
                kind: consent.kind,
                textVersion: consent.textVersion,
                channel: 'paper_form',
              },
            }),
          );
          expect(recorded.status, `${owner}: consent ${recorded.text}`).toBe(201);
          uncataloguedAnswers.push(
            capture('answer', `POST /v1/privacy/consents as privacy_officer (${owner})`, recorded, NOTHING),
          );
        }
        const quote = await answerOf(
          await gw.request('POST', '/v1/quotes', {
            role: 'operator',
            body: {
              purpose,
              partnerJurisdiction: code,
              sourceCurrency: home.identity.currency,
              targetCurrency: destination.identity.currency,
              sourceAmount: '1000.00',
            },
          }),
        );
        expect(quote.status, `${owner}: quote ${quote.text}`).toBe(201);
        created = await answerOf(
          await gw.request('POST', '/v1/transfers', {
            role: 'operator',
            body: {
              quoteId: parsed<{ id: string }>(quote).id,
              reference: reference.value,
              insuredPerson: person.person,
            },
            headers: { 'idempotency-key': idempotencyKey },
          }),
        );
        // Benefits are made by staff: the same answer as a partner's POST, to an operator.
        where = `POST /v1/transfers by operator (${owner})`;
      }
      expect(created.status, `${owner}: transfer ${created.text}`).toBe(201);
      remember(
        'partner.transfer.created',
        capture(
          'partner.transfer.created',
          where,
          created,
          only(owner, categoriesFor('partner.transfer.created')),
        ),
      );
      const transfer = parsed<{ id: string; insuredPerson: { dataSubjectId: string } | null }>(created);
      if (!transfer.insuredPerson) throw new Error(`${owner}: the transfer names nobody`);
      cases.push({
        destination,
        purpose,
        owner,
        person,
        reference,
        partner,
        idempotencyKey,
        transferId: transfer.id,
        subjectId: transfer.insuredPerson.dataSubjectId,
      });
    }
  }

  // A rectification (new contact details, a reason quoting the data) and the end of a
  // relationship: both answer with the person as the caller's role may see them.
  const [first, second] = cases;
  if (!first || !second) throw new Error('fewer than two transfer cases');
  const email = extraCanary(
    first.owner,
    'InsuredPerson.contact.email',
    'contact',
    'cnry-rectified-k00z@example.org',
  );
  const phone = extraCanary(
    first.owner,
    'InsuredPerson.contact.phone',
    'contact',
    '+49305559997731',
    '49305559997731',
  );
  const reason = extraCanary(
    'rectification reason',
    'RectificationRequest.reason',
    'free_text',
    'Cnryreasonk00z',
  );
  everyCanary.push(email, phone, reason);
  const rectified = await answerOf(
    await gw.request('PATCH', `/v1/privacy/subjects/${first.subjectId}`, {
      role: 'privacy_officer',
      body: {
        contact: { email: email.value, phone: phone.value },
        reason: `${reason.value} wrote that the old address was wrong`,
      },
    }),
  );
  expect(rectified.status, `rectification ${rectified.text}`).toBe(200);
  for (const canary of first.person.canaries) if (canary.category === 'contact') canary.retired = true;
  first.person.canaries.push(email, phone);
  const officer = categoriesFor('staff.subject.read', { role: 'privacy_officer' });
  remember(
    'staff.subject.read',
    capture(
      'staff.subject.read',
      `PATCH /v1/privacy/subjects/{id} (rectification) as privacy_officer (${first.owner})`,
      rectified,
      only(first.owner, officer),
      showable(first, officer, false),
    ),
  );
  const ended = await answerOf(
    await gw.request('POST', `/v1/privacy/subjects/${second.subjectId}/relationship-end`, {
      role: 'operator',
      body: {},
    }),
  );
  expect(ended.status, `relationship end ${ended.text}`).toBe(200);
  const operator = categoriesFor('staff.subject.read', { role: 'operator' });
  remember(
    'staff.subject.read',
    capture(
      'staff.subject.read',
      `POST /v1/privacy/subjects/{id}/relationship-end as operator (${second.owner})`,
      ended,
      only(second.owner, operator),
      showable(second, operator, false),
    ),
  );

  // Persons that only ever travel in requests that must fail (named after those requests).
  for (const [label, jurisdiction] of [
    ['unknown field in a transfer', 'DE'],
    ['bad IBAN, bad e-mail in transfers', 'DE'],
    ['reused idempotency key', 'DE'],
    ['identifier under another scheme', 'DE'],
    ['IBAN as identifier', 'FR'],
    ['benefit without consent', 'FR'],
    ['person on a quote, consent under an unknown scheme', 'FR'],
    ['rejected rectification, searches', 'FR'],
    ['identifier and IBAN in request URLs', 'DE'],
  ] as const) {
    problemPersons.push(newPerson(`problem person (${label})`, jurisdiction));
  }
});

afterAll(async () => {
  server.close();
  await gw?.close();
});

// --- drivers: one per outbound message type of the catalogue ------------------------------------

interface Driver {
  /** Passive drivers read what the others left behind (logs, audit): they run last. */
  readonly phase: 'active' | 'passive';
  run(): Promise<Captured[]>;
}

const contributions = () => cases.filter((item) => item.purpose === 'contribution');

/** The review case of each canary transfer that was held (benefits wait for a life certificate). */
async function heldCases(): Promise<{ item: TransferCase; caseId: string }[]> {
  const found: { item: TransferCase; caseId: string }[] = [];
  for (const item of cases) {
    const [row] = await gw.db.db
      .select({ id: complianceCases.id })
      .from(complianceCases)
      .where(eq(complianceCases.transferId, item.transferId));
    if (row) found.push({ item, caseId: row.id });
  }
  return found;
}

/** Drivers for the case view and the suspicious-activity report, for every role that reads them. */
function caseDrivers(): Record<string, Driver> {
  const drive = (type: string, paths: (caseId: string) => { path: string; html: boolean }[]): Driver => ({
    phase: 'active',
    run: async () => {
      const out: Captured[] = [];
      const held = await heldCases();
      expect(held.length, 'some canary transfers are held for review').toBeGreaterThan(0);
      for (const role of ROLES) {
        const categories = categoriesFor(type, { role });
        for (const { item, caseId } of held) {
          for (const { path, html } of paths(caseId)) {
            const read = await answerOf(await gw.request('GET', path, { role }));
            const ok = read.status === 200;
            out.push(
              capture(
                type,
                `GET ${path.replace(caseId, '{id}')} as ${role} (${item.owner})`,
                read,
                ok ? only(item.owner, categories) : NOTHING,
                [],
                html,
              ),
            );
          }
        }
      }
      expect(out.filter((message) => message.where.endsWith('→ 200')).length).toBeGreaterThan(0);
      return out;
    },
  });
  return {
    'staff.case.read': drive('staff.case.read', (id) => [
      { path: `/v1/compliance/cases/${id}`, html: false },
    ]),
    'staff.case.sar': drive('staff.case.sar', (id) => [
      { path: `/v1/compliance/cases/${id}/sar`, html: false },
      { path: `/v1/compliance/cases/${id}/sar.html`, html: true },
    ]),
  };
}

const DRIVERS: Readonly<Record<string, Driver>> = {
  'partner.transfer.created': {
    phase: 'active',
    // The transfers were made in the setup; their answers (and idempotent replays) were kept.
    run: async () => setupCaptures.get('partner.transfer.created') ?? [],
  },

  'partner.transfer.read': {
    phase: 'active',
    run: async () => {
      const out: Captured[] = [];
      const type = 'partner.transfer.read';
      for (const item of contributions()) {
        const partner = item.partner as TestPartner;
        const read = await partner.client.request('GET', `/v1/transfers/${item.transferId}`);
        const categories = categoriesFor(type, { adapter: item.destination, purpose: item.purpose });
        out.push(
          capture(
            type,
            `GET /v1/transfers/{id} signed by ${partner.id} (${item.owner})`,
            read,
            only(item.owner, categories),
            showable(item, categories),
          ),
        );
        // Partners see only transfers they created: benefits are made by staff, so a partner
        // never reads one (the adapter's benefit allowance is driven by no partner read today),
        // nor another agency's contribution. Both answers must be a bare 404.
        const own = contributions();
        const next = own[(own.indexOf(item) + 1) % own.length];
        const others = cases.filter(
          (other) => other.partner !== partner && (other.destination === item.destination || other === next),
        );
        for (const other of others) {
          const foreign = await partner.client.request('GET', `/v1/transfers/${other.transferId}`);
          expect.soft(foreign.status, `${partner.id} reading ${other.owner}`).toBe(404);
          out.push(
            capture(
              type,
              `GET /v1/transfers/{id} signed by ${partner.id} (${other.owner})`,
              foreign,
              NOTHING,
            ),
          );
        }
      }
      return out;
    },
  },

  'partner.transfer.list': {
    phase: 'active',
    run: async () => {
      const out: Captured[] = [];
      const type = 'partner.transfer.list';
      for (const partner of partners.values()) {
        const mine = cases.filter((item) => item.partner === partner);
        const list = await partner.client.request('GET', '/v1/transfers?limit=100');
        expect.soft(list.status, `${partner.id} list`).toBe(200);
        const allowed = new Map<string, ReadonlySet<CanaryCategory>>();
        const mustShow: Canary[] = [];
        for (const item of mine) {
          const categories = categoriesFor(type, { adapter: item.destination, purpose: item.purpose });
          allowed.set(item.owner, categories);
          mustShow.push(...showable(item, categories));
        }
        out.push(capture(type, `GET /v1/transfers signed by ${partner.id}`, list, allowed, mustShow));
      }
      return out;
    },
  },

  'partner.callback': {
    phase: 'active',
    run: async () => {
      for (let round = 0; round < 50; round += 1) {
        const result = await dispatch();
        if (result.delivered + result.retrying + result.dead === 0) break;
      }
      const type = 'partner.callback';
      for (const item of contributions()) {
        const partnerId = item.partner?.id ?? '';
        expect
          .soft(
            received.some((callback) => callback.partner === partnerId),
            `${partnerId} received no callback for ${item.owner}`,
          )
          .toBe(true);
      }
      return received.map((callback) => {
        const allowed = new Map<string, ReadonlySet<CanaryCategory>>();
        for (const item of cases.filter((candidate) => candidate.partner?.id === callback.partner)) {
          allowed.set(item.owner, categoriesFor(type));
        }
        return {
          type,
          where: `callback POST to ${callback.partner}`,
          text: callback.text,
          allowed,
          mustShow: [],
        };
      });
    },
  },

  'staff.transfer.read': {
    phase: 'active',
    run: async () => {
      const out: Captured[] = [];
      const type = 'staff.transfer.read';
      for (const role of ROLES) {
        const categories = categoriesFor(type, { role });
        for (const item of cases) {
          const read = await answerOf(await gw.request('GET', `/v1/transfers/${item.transferId}`, { role }));
          const ok = read.status === 200;
          out.push(
            capture(
              type,
              `GET /v1/transfers/{id} as ${role} (${item.owner})`,
              read,
              ok ? only(item.owner, categories) : NOTHING,
              ok ? showable(item, categories) : [],
            ),
          );
        }
        const list = await answerOf(await gw.request('GET', '/v1/transfers?limit=100', { role }));
        const ok = list.status === 200;
        if (ok) {
          const ids = parsed<{ data: { id: string }[] }>(list).data.map((transfer) => transfer.id);
          expect
            .soft(ids, `${role}: the list holds every canary transfer`)
            .toEqual(expect.arrayContaining(cases.map((item) => item.transferId)));
        }
        out.push(
          capture(
            type,
            `GET /v1/transfers as ${role}`,
            list,
            ok ? new Map(cases.map((item) => [item.owner, categories])) : NOTHING,
            ok ? cases.flatMap((item) => showable(item, categories)) : [],
          ),
        );
      }
      expect(out.filter((message) => message.where.endsWith('→ 200')).length).toBeGreaterThan(0);
      return out;
    },
  },

  'staff.transfer.compliance': {
    phase: 'active',
    run: async () => {
      const out: Captured[] = [];
      const type = 'staff.transfer.compliance';
      for (const role of ['compliance_officer', 'auditor'] as const) {
        for (const item of cases) {
          const read = await answerOf(
            await gw.request('GET', `/v1/transfers/${item.transferId}/compliance`, { role }),
          );
          expect(read.status, read.text).toBe(200);
          out.push(
            capture(type, `GET /v1/transfers/{id}/compliance as ${role} (${item.owner})`, read, NOTHING),
          );
        }
      }
      return out;
    },
  },

  ...caseDrivers(),

  'staff.subject.read': {
    phase: 'active',
    run: async () => {
      const out: Captured[] = [...(setupCaptures.get('staff.subject.read') ?? [])];
      const type = 'staff.subject.read';
      for (const role of ROLES) {
        const categories = categoriesFor(type, { role });
        for (const item of cases) {
          const reads = [
            {
              where: `GET /v1/privacy/subjects/{id} as ${role} (${item.owner})`,
              answer: await answerOf(
                await gw.request('GET', `/v1/privacy/subjects/${item.subjectId}`, { role }),
              ),
            },
            {
              where: `POST /v1/privacy/subjects/search as ${role} (${item.owner})`,
              answer: await answerOf(
                await gw.request('POST', '/v1/privacy/subjects/search', {
                  role,
                  body: { nationalIdentifier: item.person.person.nationalIdentifier },
                }),
              ),
            },
          ];
          for (const { where, answer } of reads) {
            const ok = answer.status === 200;
            out.push(
              capture(
                type,
                where,
                answer,
                ok ? only(item.owner, categories) : NOTHING,
                ok ? showable(item, categories, false) : [],
              ),
            );
          }
        }
      }
      return out;
    },
  },

  'subject.export': {
    phase: 'active',
    run: async () => {
      const out: Captured[] = [];
      const type = 'subject.export';
      const categories = categoriesFor(type);
      for (const item of cases) {
        for (const format of ['json', 'html'] as const) {
          const exported = await answerOf(
            await gw.request('GET', `/v1/privacy/subjects/${item.subjectId}/export?format=${format}`, {
              role: 'privacy_officer',
            }),
          );
          expect.soft(exported.status, `${item.owner}: ${format} export`).toBe(200);
          out.push(
            capture(
              type,
              `GET /v1/privacy/subjects/{id}/export?format=${format} as privacy_officer (${item.owner})`,
              exported,
              only(item.owner, categories),
              // Everything held about the person (the transfer reference is not part of it).
              showable(item, categories, false),
              format === 'html',
            ),
          );
        }
      }
      const [first] = cases;
      for (const role of ROLES.filter((candidate) => candidate !== 'privacy_officer')) {
        const refused = await answerOf(
          await gw.request('GET', `/v1/privacy/subjects/${first?.subjectId}/export`, { role }),
        );
        out.push(
          capture(
            type,
            `GET /v1/privacy/subjects/{id}/export as ${role} (${first?.owner})`,
            refused,
            NOTHING,
          ),
        );
      }
      return out;
    },
  },

  problem: {
    phase: 'active',
    run: async () => problemAnswers(),
  },

  log: {
    phase: 'passive',
    run: async () => {
      expect(gw.logs.length).toBeGreaterThan(0);
      return gw.logs.map((line, number) => ({
        type: 'log',
        where: `log line ${number + 1}: ${line.slice(0, 160)}`,
        text: line,
        allowed: NOTHING,
        mustShow: [],
      }));
    },
  },

  audit: {
    phase: 'passive',
    run: async () => {
      const events = await gw.db.db.select().from(auditEvents);
      expect(events.length).toBeGreaterThan(0);
      return events.map((event) => ({
        type: 'audit',
        where: `audit event ${event.action} ${event.id}`,
        text: JSON.stringify(event, bigintSafe),
        allowed: NOTHING,
        mustShow: [],
      }));
    },
  },
};

/** Bad requests that carry canaries; every answer must be problem+json without any. */
async function problemAnswers(): Promise<Captured[]> {
  const out: Captured[] = [];
  const [a, b, c, d, e, f, g, h, i] = problemPersons;
  const [first] = cases;
  const de = partners.get('DE');
  if (!a || !b || !c || !d || !e || !f || !g || !h || !i || !first || !de)
    throw new Error('problem setup incomplete');
  const fresh = (person: CanaryPerson, field: string, category: CanaryCategory, value: string) => {
    const canary = extraCanary(person.owner, field, category, value);
    everyCanary.push(canary);
    return canary;
  };
  const record = (where: string, answer: Answer) => {
    expect.soft(answer.status, `${where}: ${answer.text}`).toBeGreaterThanOrEqual(400);
    expect.soft(answer.headers.get('content-type'), where).toMatch(/^application\/problem\+json/);
    out.push(capture('problem', where, answer, NOTHING));
  };
  const partnerQuote = async () =>
    (
      await de.client.request<{ id: string }>('POST', '/v1/quotes', {
        body: {
          purpose: 'contribution',
          partnerJurisdiction: 'DE',
          sourceCurrency: 'EUR',
          targetCurrency: registry.home.identity.currency,
          sourceAmount: '250.00',
        },
      })
    ).body.id;
  const staffQuote = async (purpose: Purpose) =>
    parsed<{ id: string }>(
      await answerOf(
        await gw.request('POST', '/v1/quotes', {
          role: 'operator',
          body:
            purpose === 'contribution'
              ? {
                  purpose,
                  partnerJurisdiction: 'DE',
                  sourceCurrency: 'EUR',
                  targetCurrency: registry.home.identity.currency,
                  sourceAmount: '250.00',
                }
              : {
                  purpose,
                  partnerJurisdiction: 'DE',
                  sourceCurrency: registry.home.identity.currency,
                  targetCurrency: 'EUR',
                  sourceAmount: '1000.00',
                },
        }),
      ),
    ).id;
  const staffTransfer = async (where: string, body: unknown, key: string) =>
    record(
      where,
      await answerOf(
        await gw.request('POST', '/v1/transfers', {
          role: 'operator',
          body,
          headers: { 'idempotency-key': key },
        }),
      ),
    );

  // A partner's transfer whose person has an unknown field next to the canaries (400).
  const nickname = fresh(a, 'InsuredPerson.*', 'free_text', 'Cnrynicknamek90z');
  record(
    'POST /v1/transfers signed by de-canary: unknown field in insuredPerson',
    await de.client.request('POST', '/v1/transfers', {
      body: { quoteId: await partnerQuote(), insuredPerson: { ...a.person, nickname: nickname.value } },
      idempotencyKey: 'problem-unknown-field',
    }),
  );
  // A partner's transfer with an IBAN whose check digits do not match (422).
  const badIban = fresh(
    b,
    'InsuredPerson.bankAccount.iban',
    'bank_account',
    brokenIban(b.person.bankAccount?.iban ?? ''),
  );
  record(
    'POST /v1/transfers signed by de-canary: IBAN with a wrong check',
    await de.client.request('POST', '/v1/transfers', {
      body: {
        quoteId: await partnerQuote(),
        insuredPerson: { ...b.person, bankAccount: { ...b.person.bankAccount, iban: badIban.value } },
      },
      idempotencyKey: 'problem-bad-iban',
    }),
  );
  // An e-mail address that is not one (400, validation_failed).
  const badEmail = fresh(b, 'InsuredPerson.contact.email', 'contact', 'cnry-bademail-k91z');
  record(
    'POST /v1/transfers signed by de-canary: invalid e-mail address',
    await de.client.request('POST', '/v1/transfers', {
      body: {
        quoteId: await partnerQuote(),
        insuredPerson: { ...b.person, contact: { ...b.person.contact, email: badEmail.value } },
      },
      idempotencyKey: 'problem-bad-email',
    }),
  );
  // The key of an earlier transfer, with another person (409, idempotency_conflict).
  const deContribution = cases.find((item) => item.partner === de);
  if (deContribution) {
    record(
      'POST /v1/transfers signed by de-canary: idempotency key reused with another person',
      await de.client.request('POST', '/v1/transfers', {
        body: { quoteId: await partnerQuote(), insuredPerson: c.person },
        idempotencyKey: deContribution.idempotencyKey,
      }),
    );
  }
  // A German identifier under the French scheme (422, identifier check fails).
  await staffTransfer(
    'POST /v1/transfers by operator: identifier of another scheme',
    {
      quoteId: await staffQuote('contribution'),
      insuredPerson: {
        ...d.person,
        nationalIdentifier: { scheme: 'fr-nir', value: d.person.nationalIdentifier.value },
      },
    },
    'problem-wrong-scheme',
  );
  // An IBAN given as a national identifier, under an account scheme (422, identifier_scheme_unknown).
  await staffTransfer(
    'POST /v1/transfers by operator: an IBAN as the national identifier',
    {
      quoteId: await staffQuote('contribution'),
      insuredPerson: {
        ...e.person,
        nationalIdentifier: { scheme: 'de-iban', value: e.person.bankAccount?.iban },
      },
    },
    'problem-account-scheme',
  );
  // A benefit for a person without the consent its export needs (consent_required).
  await staffTransfer(
    'POST /v1/transfers by operator: benefit without consent',
    { quoteId: await staffQuote('benefit'), insuredPerson: f.person },
    'problem-no-consent',
  );
  // A whole person as an unknown field of a quote (400).
  record(
    'POST /v1/quotes by operator: insuredPerson on a quote',
    await answerOf(
      await gw.request('POST', '/v1/quotes', {
        role: 'operator',
        body: {
          purpose: 'contribution',
          partnerJurisdiction: 'DE',
          sourceCurrency: 'EUR',
          targetCurrency: registry.home.identity.currency,
          sourceAmount: '250.00',
          insuredPerson: g.person,
        },
      }),
    ),
  );
  // A consent for an identifier of a scheme nobody has (422).
  record(
    'POST /v1/privacy/consents as privacy_officer: unknown identifier scheme',
    await answerOf(
      await gw.request('POST', '/v1/privacy/consents', {
        role: 'privacy_officer',
        body: {
          nationalIdentifier: { scheme: 'zz-canary-register', value: g.person.nationalIdentifier.value },
          purpose: 'benefit_payment',
          kind: 'pipl_separate_consent',
          textVersion: 'cn-cross-border-2026-01',
          channel: 'paper_form',
        },
      }),
    ),
  );
  // A rectification with a future birth date and a broken IBAN, next to new names (422).
  const reason = fresh(h, 'RectificationRequest.reason', 'free_text', 'Cnryreasonk92z');
  const hBroken = fresh(
    h,
    'InsuredPerson.bankAccount.iban',
    'bank_account',
    brokenIban(h.person.bankAccount?.iban ?? ''),
  );
  record(
    'PATCH /v1/privacy/subjects/{id} as privacy_officer: future birth date, broken IBAN',
    await answerOf(
      await gw.request('PATCH', `/v1/privacy/subjects/${first.subjectId}`, {
        role: 'privacy_officer',
        body: {
          name: h.person.name,
          birthDate: '2099-01-01',
          bankAccount: { iban: hBroken.value },
          reason: `${reason.value} said so`,
        },
      }),
    ),
  );
  // A rectification with an unknown field (400).
  const unknown = fresh(h, 'RectificationRequest.*', 'free_text', 'Cnrynicknamek93z');
  record(
    'PATCH /v1/privacy/subjects/{id} as privacy_officer: unknown field',
    await answerOf(
      await gw.request('PATCH', `/v1/privacy/subjects/${first.subjectId}`, {
        role: 'privacy_officer',
        body: { address: h.person.address, nickname: unknown.value, reason: reason.value },
      }),
    ),
  );
  // A search with an identifier whose check digit is wrong (422), and one nobody has (404).
  const value = h.person.nationalIdentifier.value;
  const wrongCheck = fresh(
    h,
    'InsuredPerson.nationalIdentifier.value',
    'national_identifier',
    `${value.slice(0, -1)}${(Number(value.at(-1)) + 1) % 10}`,
  );
  for (const [label, identifier] of [
    ['wrong check digit', { scheme: h.person.nationalIdentifier.scheme, value: wrongCheck.value }],
    ['nobody has it', h.person.nationalIdentifier],
  ] as const) {
    record(
      `POST /v1/privacy/subjects/search as privacy_officer: ${label}`,
      await answerOf(
        await gw.request('POST', '/v1/privacy/subjects/search', {
          role: 'privacy_officer',
          body: { nationalIdentifier: identifier },
        }),
      ),
    );
  }
  // Personal data in the path and the query string (404, 400): the route pattern is logged, not the path.
  const identifier = i.person.nationalIdentifier.value;
  const iban = (i.person.bankAccount?.iban ?? '').replace(/\s+/g, '').toUpperCase();
  for (const [role, path] of [
    ['privacy_officer', `/v1/privacy/subjects/${identifier}`],
    ['operator', `/v1/transfers/${iban}`],
    ['operator', `/v1/transfers?starting_after=${iban}`],
  ] as const) {
    record(`GET ${path} as ${role}`, await answerOf(await gw.request('GET', path, { role })));
  }
  for (const path of [`/v1/transfers/${identifier}`, `/v1/transfers?starting_after=${iban}`]) {
    record(`GET ${path} signed by de-canary`, await de.client.request('GET', path));
  }
  return out;
}

// --- the test -----------------------------------------------------------------------------------

const ordered = [...OUTBOUND_MESSAGES].sort(
  (x, y) => (DRIVERS[x.type]?.phase === 'passive' ? 1 : 0) - (DRIVERS[y.type]?.phase === 'passive' ? 1 : 0),
);
const activeTypes = ordered.filter((entry) => DRIVERS[entry.type]?.phase !== 'passive');
const passiveTypes = ordered.filter((entry) => DRIVERS[entry.type]?.phase === 'passive');

function outboundTest(entry: OutboundMessage) {
  const allowance =
    entry.allowance.kind === 'adapter' ? `adapter: ${entry.allowance.recipient}` : entry.allowance.kind;
  it(`${entry.type} (${allowance}) carries only what its allowance lets through`, async () => {
    const driver = DRIVERS[entry.type];
    expect(
      driver,
      `the outbound message type "${entry.type}" has no driver: add one to DRIVERS in test/integration/privacy-canary.test.ts`,
    ).toBeDefined();
    const messages = await (driver as Driver).run();
    expect(messages.length, `the ${entry.type} driver produced no message`).toBeGreaterThan(0);
    const { leaks, missing } = verdict(messages);
    expect(leaks, `${entry.type}: personal data the allowance does not cover`).toEqual([]);
    expect(
      missing,
      `${entry.type}: allowed data the message should carry (did the driver read real data?)`,
    ).toEqual([]);
  });
}

describe('privacy canaries: no personal data leaves outside its allowance', () => {
  it('has a driver for every outbound message type of the catalogue, and none for unknown types', () => {
    const catalogued = OUTBOUND_MESSAGES.map((entry) => entry.type);
    expect(
      catalogued.filter((type) => !(type in DRIVERS)),
      'outbound message types without a driver in test/integration/privacy-canary.test.ts',
    ).toEqual([]);
    expect(
      Object.keys(DRIVERS).filter((type) => !catalogued.includes(type)),
      'drivers for types OUTBOUND_MESSAGES no longer lists',
    ).toEqual([]);
  });

  it('plants valid, unique canaries in every personal field that can hold one, absent before the test', () => {
    const destinations = registry.list().filter((adapter) => adapter.identity.kind !== 'home');
    expect(cases.length, 'a transfer per destination and purpose').toBe(
      destinations.reduce(
        (sum, adapter) =>
          sum + PURPOSES.filter((purpose) => adapter.fx.corridors[purpose] !== undefined).length,
        0,
      ),
    );
    for (const { person, owner } of [...cases.map((item) => item.person), ...problemPersons]) {
      expect(InsuredPerson.safeParse(person).success, `${owner}: a valid insured person`).toBe(true);
    }
    // No canary is a part of another: a find names the right one.
    const overlaps: string[] = [];
    for (const x of everyCanary) {
      for (const y of everyCanary) {
        if (x !== y && x.value.toLowerCase().includes(y.value.toLowerCase())) {
          overlaps.push(`${describeCanary(x)} contains ${describeCanary(y)}`);
        }
      }
    }
    expect(overlaps).toEqual([]);
    // The fields without a canary are the few that cannot hold a unique value, each with its reason.
    expect(fieldsWithoutCanary().map((field) => field.path)).toEqual([
      'InsuredPerson.nationalIdentifier.scheme',
      'InsuredPerson.address.country',
      'InsuredPerson.benefit.type',
      'InsuredPerson.preferredLanguage',
    ]);
    const before = [...baseline.tables, ...baseline.logs].join('\n').toLowerCase();
    expect(everyCanary.filter((canary) => containsCanary(before, canary)).map(describeCanary)).toEqual([]);
  });

  for (const entry of activeTypes) outboundTest(entry);

  it('answers outside the catalogue (consents, identifier checks, partner-request evidence) give no personal data out', async () => {
    const [first] = cases;
    if (!first) throw new Error('no case');
    const { nationalIdentifier } = first.person.person;
    const value = nationalIdentifier.value;
    for (const [label, checked] of [
      ['valid', value],
      ['wrong check digit', `${value.slice(0, -1)}${(Number(value.at(-1)) + 1) % 10}`],
    ] as const) {
      const answer = await answerOf(
        await gw.request(
          'POST',
          `/v1/jurisdictions/${first.destination.identity.code}/identifiers/validate`,
          {
            role: 'operator',
            body: { scheme: nationalIdentifier.scheme, value: checked },
          },
        ),
      );
      expect(answer.status).toBe(200);
      uncataloguedAnswers.push(
        capture(
          'answer',
          `POST /v1/jurisdictions/{code}/identifiers/validate (${label}, ${first.owner})`,
          answer,
          NOTHING,
        ),
      );
    }
    // The evidence of every verified partner request, as staff read it.
    const evidence = await gw.db.db.select({ id: verifiedMessages.id }).from(verifiedMessages);
    expect(evidence.length).toBeGreaterThan(cases.length);
    for (const { id } of evidence) {
      const answer = await answerOf(
        await gw.request('GET', `/v1/verified-messages/${id}`, { role: 'auditor' }),
      );
      expect(answer.status).toBe(200);
      uncataloguedAnswers.push(
        capture('answer', `GET /v1/verified-messages/${id} as auditor`, answer, NOTHING),
      );
    }
    expect(uncataloguedAnswers.length).toBeGreaterThan(1);
    const { leaks } = verdict(uncataloguedAnswers);
    expect(leaks, 'personal data in answers outside the catalogue').toEqual([]);
  });

  for (const entry of passiveTypes) outboundTest(entry);

  it('keeps no personal data in clear in any working table (sealed fields, pseudonyms only)', async () => {
    const dumps = await dumpTables();
    const leaks: string[] = [];
    for (const [table, columns] of dumps) {
      for (const [column, text] of columns) {
        const lower = text.toLowerCase();
        for (const canary of everyCanary) {
          const form = canaryFormIn(lower, canary);
          if (form === undefined) continue;
          // The transfer reference is stored with its transfer (see REFERENCE_ECHOED_IN).
          if (canary.category === 'transaction' && TABLES_HOLDING_REFERENCE.has(table)) continue;
          leaks.push(
            `table ${table}, column ${column}: holds ${describeCanary(canary)} in clear, as ${JSON.stringify(form)}`,
          );
        }
      }
    }
    expect(leaks, 'personal data in clear in the working tables').toEqual([]);
    // The people are there — sealed, with every category they were sent with.
    const subjects = await gw.db.db.select().from(dataSubjects);
    for (const item of cases) {
      const subject = subjects.find((row) => row.id === item.subjectId);
      expect(subject, `${item.owner}: a data subject`).toBeDefined();
      expect(Object.keys(subject?.fields ?? {}).sort(), `${item.owner}: sealed fields`).toEqual(
        Object.keys(item.person.person).sort(),
      );
    }
  });
});
