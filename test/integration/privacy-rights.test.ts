/**
 * Privacy by design (GDPR / PIPL) through the HTTP API: the insured person on a transfer and the
 * legal bases of its flows, consent and its withdrawal, finding a person by identifier, what each
 * role sees, rectification, erasure (restriction under the AML retention obligation, then
 * crypto-shredding — and why a backup of the data does not bring the person back), the retention
 * purge, KEK rotation without downtime, the access export (JSON and HTML), the records of
 * processing, and an audit trail that has every action and no personal value.
 *
 * Clock-moving scenarios (erasure after five years, retention, KEK rotation) each get their own
 * gateway so that the main one keeps fresh rates; all gateways stay open until the end so that
 * the last block can read every audit trail.
 */
import type { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCharacter } from '../../adapters/cn/resident-identity-number.ts';
import { rentenversicherungsnummerCheckDigit } from '../../adapters/de/rentenversicherungsnummer.ts';
import {
  type Consent,
  type DataSubject,
  type ErasureOutcome,
  type InsuredPerson,
  type PurgeRun,
  RecordsOfProcessing,
  type RewrapReport,
  SubjectExport,
} from '../../schemas/privacy.ts';
import type { Transfer } from '../../schemas/transfers.ts';
import { base64UrlDecode } from '../../sdk/src/encoding.ts';
import { createApp } from '../../src/app.ts';
import {
  auditEvents,
  consents,
  dataSubjects,
  idempotencyKeys,
  subjectKeys,
  transfers,
} from '../../src/db/schema.ts';
import type { Role } from '../../src/services/auth/roles.ts';
import { importDataKey, openField, type SealedField } from '../../src/services/privacy/envelope.ts';
import {
  generatePrivacyKeyText,
  type PrivacyKeys,
  privacyKeysFromText,
} from '../../src/services/privacy/keys.ts';
import { CONTRIBUTION_QUOTE, createTestGateway, json, type TestGateway } from '../helpers/gateway.ts';
import { chinesePerson, germanPerson } from '../helpers/persons.ts';

type ConsentBody = z.infer<typeof Consent>;
type Erasure = z.infer<typeof ErasureOutcome>;
type PurgeRunBody = z.infer<typeof PurgeRun>;
type Rewrap = z.infer<typeof RewrapReport>;
type Problem = {
  code: string;
  status: number;
  detail: string;
  errors?: { path: string; code: string; message: string }[];
  consent?: { purpose: string; kind: string; textVersion: string };
};

const DAY = 86_400;
/** 2026-11-23 + 5 calendar years is 2031-11-23 (1826 days, 2028 being a leap year); one day more. */
const FIVE_YEARS_AND_A_DAY = (5 * 365 + 1 + 1) * DAY;

const BENEFIT_QUOTE = {
  purpose: 'benefit',
  partnerJurisdiction: 'DE',
  sourceCurrency: 'CNY',
  targetCurrency: 'EUR',
  sourceAmount: '5000.00',
} as const;

/** What the home fund (CN) asks for before a person's data leaves for a benefit (PIPL Art. 39). */
const PIPL_CONSENT = {
  purpose: 'benefit_payment',
  kind: 'pipl_separate_consent',
  textVersion: 'cn-cross-border-2026-01',
} as const;

const GDPR_FLOW = {
  regime: 'GDPR',
  mechanism: 'gdpr_public_authority_instrument',
  article: 'GDPR Art. 46(2)(a)',
};
const PIPL_FLOW = { regime: 'PIPL', mechanism: 'pipl_contract_necessity' };

// --- synthetic people ---------------------------------------------------------------------------

/** A valid German pension insurance number (birth part 170839, letter J) with this serial. */
function deIdentifier(serial: number): string {
  const first = `65170839J${String(serial).padStart(2, '0')}`;
  return `${first}${rentenversicherungsnummerCheckDigit(first)}`;
}

/** The same number as printed on the card: `65 170839 J 12 4`. */
function printed(value: string): string {
  return `${value.slice(0, 2)} ${value.slice(2, 8)} ${value.slice(8, 9)} ${value.slice(9, 11)} ${value.slice(11)}`;
}

/** A valid PRC resident identity number (Beijing, born 1949-12-31) with this sequence number. */
function cnIdentifier(sequence: number): string {
  const first = `11010519491231${String(sequence).padStart(3, '0')}`;
  return `${first}${checkCharacter(first)}`;
}

/** Every person a test submitted, for the final search of the audit trail. */
const submitted: InsuredPerson[] = [];

function dePerson(serial: number, family: string, overrides: Partial<InsuredPerson> = {}): InsuredPerson {
  const person = germanPerson({
    nationalIdentifier: { scheme: 'de-rentenversicherungsnummer', value: deIdentifier(serial) },
    name: { given: 'Mei', family },
    contact: { email: `${family.toLowerCase()}@example.org`, phone: '+4930555123' },
    ...overrides,
  });
  submitted.push(person);
  return person;
}

function cnPerson(sequence: number, family: string, overrides: Partial<InsuredPerson> = {}): InsuredPerson {
  const person = chinesePerson({
    nationalIdentifier: { scheme: 'cn-resident-identity-number', value: cnIdentifier(sequence) },
    name: { given: 'Jian', family, original: '刘建' },
    ...overrides,
  });
  submitted.push(person);
  return person;
}

const deId = (person: InsuredPerson) => person.nationalIdentifier;

// --- calls ----------------------------------------------------------------------------------

const gateways: TestGateway[] = [];
afterAll(async () => {
  for (const gateway of gateways) await gateway.close();
});

async function openGateway(privacyKeys?: PrivacyKeys): Promise<TestGateway> {
  const gateway = await createTestGateway(privacyKeys ? { privacyKeys } : {});
  gateways.push(gateway);
  return gateway;
}

let keyCounter = 0;
const freshKey = () => `privacy-rights-${++keyCounter}`;

async function createQuote(g: TestGateway, body: object = CONTRIBUTION_QUOTE): Promise<string> {
  const response = await g.request('POST', '/v1/quotes', { role: 'operator', body });
  const quote = await json(response);
  expect(response.status, JSON.stringify(quote)).toBe(201);
  return quote.id as string;
}

async function postTransfer(
  g: TestGateway,
  person: InsuredPerson | undefined,
  quote: object = CONTRIBUTION_QUOTE,
): Promise<Response> {
  const quoteId = await createQuote(g, quote);
  return g.request('POST', '/v1/transfers', {
    role: 'operator',
    body: { quoteId, ...(person ? { insuredPerson: person } : {}) },
    headers: { 'idempotency-key': freshKey() },
  });
}

async function transfer(
  g: TestGateway,
  person: InsuredPerson | undefined,
  quote?: object,
): Promise<Transfer> {
  const response = await postTransfer(g, person, quote);
  const body = await json<Transfer>(response);
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body;
}

async function giveConsent(
  g: TestGateway,
  identifier: InsuredPerson['nationalIdentifier'],
  overrides: Record<string, unknown> = {},
): Promise<Response> {
  return g.request('POST', '/v1/privacy/consents', {
    role: 'privacy_officer',
    body: { nationalIdentifier: identifier, ...PIPL_CONSENT, channel: 'paper_form', ...overrides },
  });
}

async function consent(
  g: TestGateway,
  identifier: InsuredPerson['nationalIdentifier'],
  overrides: Record<string, unknown> = {},
): Promise<ConsentBody & { dataSubjectId: string }> {
  const response = await giveConsent(g, identifier, overrides);
  const body = await json<ConsentBody & { dataSubjectId: string }>(response);
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body;
}

async function subject(g: TestGateway, id: string, role: Role = 'privacy_officer'): Promise<DataSubject> {
  const response = await g.request('GET', `/v1/privacy/subjects/${id}`, { role });
  const body = await json<DataSubject>(response);
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body;
}

async function search(
  g: TestGateway,
  identifier: InsuredPerson['nationalIdentifier'],
  role: Role = 'privacy_officer',
): Promise<Response> {
  return g.request('POST', '/v1/privacy/subjects/search', { role, body: { nationalIdentifier: identifier } });
}

async function exportJson(g: TestGateway, id: string): Promise<z.infer<typeof SubjectExport>> {
  const response = await g.request('GET', `/v1/privacy/subjects/${id}/export`, { role: 'privacy_officer' });
  const body = await json(response);
  expect(response.status, JSON.stringify(body)).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return SubjectExport.parse(body);
}

async function erase(g: TestGateway, id: string): Promise<Response> {
  return g.request('POST', `/v1/privacy/subjects/${id}/erasure`, {
    role: 'privacy_officer',
    body: { channel: 'paper_form' },
  });
}

async function endRelationship(g: TestGateway, id: string, endedAt?: string): Promise<DataSubject> {
  const response = await g.request('POST', `/v1/privacy/subjects/${id}/relationship-end`, {
    role: 'operator',
    body: endedAt ? { endedAt } : {},
  });
  const body = await json<DataSubject>(response);
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body;
}

async function purge(g: TestGateway): Promise<PurgeRunBody> {
  const response = await g.request('POST', '/v1/privacy/purge-runs', { role: 'privacy_officer' });
  const body = await json<PurgeRunBody>(response);
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body;
}

async function auditRows(g: TestGateway) {
  return g.db.db.select().from(auditEvents);
}

async function auditOf(g: TestGateway, action: string, subjectId?: string) {
  return (await auditRows(g)).filter(
    (row) => row.action === action && (subjectId === undefined || row.subjectId === subjectId),
  );
}

const normalised = (person: InsuredPerson): InsuredPerson => ({
  ...person,
  ...(person.bankAccount?.iban
    ? { bankAccount: { ...person.bankAccount, iban: person.bankAccount.iban.replace(/\s+/g, '') } }
    : {}),
});

// =============================================================================================
// The main gateway: transfers, consent, search, role views, rectification, export.
// =============================================================================================

let gw: TestGateway;
beforeAll(async () => {
  gw = await openGateway();
});

/** The German person most tests look at: has transfers of both purposes and a consent. */
const MEI = germanPerson();
submitted.push(MEI);
let meiId: string;

describe('an insured person on a transfer', () => {
  it('records the legal bases of both flows: a contribution from DE goes DE→CN (GDPR Art. 46(2)(a)), the answers CN→DE (PIPL)', async () => {
    const created = await transfer(gw, MEI);
    meiId = created.insuredPerson?.dataSubjectId as string;
    expect(meiId).toMatch(/^ds_/);
    // The creator's answer names the person by id only (it is stored for replays).
    expect(created.insuredPerson).toEqual({ dataSubjectId: meiId, disclosedCategories: [] });
    expect(created.legalBases).toEqual([
      expect.objectContaining({ from: 'DE', to: 'CN', ...GDPR_FLOW }),
      expect.objectContaining({ from: 'CN', to: 'DE', ...PIPL_FLOW }),
    ]);
    expect(created.legalBases[1]?.article).toContain('PIPL');
    expect(created.legalBases[0]?.reference).toMatch(/Soziale Sicherheit/);

    // Reading it back gives the same legal bases, recorded on the transfer.
    const read = await json<Transfer>(
      await gw.request('GET', `/v1/transfers/${created.id}`, { role: 'auditor' }),
    );
    expect(read.legalBases).toEqual(created.legalBases);
  });

  it('a transfer without a person carries no personal data and no legal basis', async () => {
    const created = await transfer(gw, undefined);
    expect(created.insuredPerson).toBeNull();
    expect(created.legalBases).toEqual([]);
    const read = await json<Transfer>(
      await gw.request('GET', `/v1/transfers/${created.id}`, { role: 'operator' }),
    );
    expect(read.insuredPerson).toBeNull();
    expect(read.legalBases).toEqual([]);
  });

  it('the same person twice (the identifier formatted differently) is the same data subject', async () => {
    const again = await transfer(gw, {
      ...MEI,
      nationalIdentifier: { scheme: MEI.nationalIdentifier.scheme, value: '65 170839 j 00 3' },
    });
    expect(again.insuredPerson?.dataSubjectId).toBe(meiId);
    const rows = await gw.db.db.select().from(dataSubjects);
    expect(rows.filter((row) => row.id === meiId)).toHaveLength(1);
    expect(rows).toHaveLength(1);
  });

  it('an idempotent replay returns the same body and records nothing twice', async () => {
    const quoteId = await createQuote(gw);
    const request = {
      role: 'operator' as const,
      body: { quoteId, insuredPerson: MEI },
      headers: { 'idempotency-key': freshKey() },
    };
    const first = await gw.request('POST', '/v1/transfers', request);
    const second = await gw.request('POST', '/v1/transfers', request);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const body = await json<Transfer>(first);
    expect(await json<Transfer>(second)).toEqual(body);
    expect(body.insuredPerson).toEqual({ dataSubjectId: meiId, disclosedCategories: [] });
    // The stored answer is not a clear copy of the person.
    const stored = JSON.stringify(await gw.db.db.select().from(idempotencyKeys));
    expect(stored).not.toContain(MEI.name.family);
    expect(stored).not.toContain('65170839J003');
  });

  it('each reader of the transfer sees what their role allows', async () => {
    const created = await transfer(gw, MEI);
    const as = async (role: Role) =>
      (await json<Transfer>(await gw.request('GET', `/v1/transfers/${created.id}`, { role }))).insuredPerson;
    expect(await as('operator')).toEqual({
      dataSubjectId: meiId,
      disclosedCategories: ['bank_account', 'name'],
      name: MEI.name,
      bankAccount: { iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' },
    });
    expect(await as('auditor')).toEqual({ dataSubjectId: meiId, disclosedCategories: [] });
    const compliance = await as('compliance_officer');
    expect(compliance?.nationalIdentifier).toEqual({
      scheme: 'de-rentenversicherungsnummer',
      value: '65170839J003',
    });
    expect(compliance?.health).toBeUndefined();
    expect(compliance?.contact).toBeUndefined();
  });

  it('refuses an invalid person with person_invalid, naming fields not values, and writes nothing', async () => {
    const quoteId = await createQuote(gw);
    const bad = { ...MEI, bankAccount: { iban: 'DE88 3704 0044 0532 0130 00' } };
    const response = await gw.request('POST', '/v1/transfers', {
      role: 'operator',
      body: { quoteId, insuredPerson: bad },
      headers: { 'idempotency-key': freshKey() },
    });
    expect(response.status).toBe(422);
    const text = await response.text();
    const problem = JSON.parse(text) as Problem;
    expect(problem.code).toBe('person_invalid');
    expect(problem.errors).toEqual([expect.objectContaining({ path: 'insuredPerson.bankAccount.iban' })]);
    expect(text).not.toContain('DE88');
    expect(text).not.toContain('0532');
    // Nothing was written: the quote can still be used.
    const retry = await gw.request('POST', '/v1/transfers', {
      role: 'operator',
      body: { quoteId, insuredPerson: MEI },
      headers: { 'idempotency-key': freshKey() },
    });
    expect(retry.status).toBe(201);
  });
});

describe('consent (PIPL Art. 39 separate consent for a benefit)', () => {
  const person = dePerson(11, 'Okonkwo-Brandt');
  let subjectId: string;
  let consentId: string;

  it('a benefit for a person without the separate consent is refused with consent_required', async () => {
    const response = await postTransfer(gw, person, BENEFIT_QUOTE);
    const problem = await json<Problem>(response);
    expect(response.status).toBe(422);
    expect(problem.code).toBe('consent_required');
    expect(problem.consent).toEqual(PIPL_CONSENT);
    expect(JSON.stringify(problem)).not.toContain('Okonkwo');
    // Refused as a whole: the person was not recorded either.
    expect((await search(gw, deId(person))).status).toBe(404);
  });

  it('a contribution for the same person needs no consent (DE exports under GDPR Art. 46)', async () => {
    const created = await transfer(gw, person);
    subjectId = created.insuredPerson?.dataSubjectId as string;
    expect(subjectId).toMatch(/^ds_/);
  });

  it('a consent to another text version does not count', async () => {
    await consent(gw, deId(person), { textVersion: 'cn-cross-border-2025-01' });
    const response = await postTransfer(gw, person, BENEFIT_QUOTE);
    expect(response.status).toBe(422);
    expect((await json<Problem>(response)).code).toBe('consent_required');
  });

  it('after the consent is recorded the benefit goes through, CN→DE under PIPL first', async () => {
    const given = await consent(gw, {
      scheme: person.nationalIdentifier.scheme,
      value: printed(person.nationalIdentifier.value),
    });
    consentId = given.id;
    expect(given).toMatchObject({
      object: 'consent',
      dataSubjectId: subjectId,
      ...PIPL_CONSENT,
      channel: 'paper_form',
      recordedBy: 'demo-privacy',
      withdrawnAt: null,
      givenAt: gw.clock.now.toISOString(),
    });
    const created = await transfer(gw, person, BENEFIT_QUOTE);
    expect(created.insuredPerson?.dataSubjectId).toBe(subjectId);
    expect(created.legalBases).toEqual([
      expect.objectContaining({ from: 'CN', to: 'DE', ...PIPL_FLOW }),
      expect.objectContaining({ from: 'DE', to: 'CN', ...GDPR_FLOW }),
    ]);
  });

  it('a withdrawal takes effect at once: the next benefit is refused', async () => {
    const response = await gw.request(
      'POST',
      `/v1/privacy/subjects/${subjectId}/consents/${consentId}/withdrawal`,
      {
        role: 'privacy_officer',
        body: { channel: 'online' },
      },
    );
    const withdrawn = await json<ConsentBody>(response);
    expect(response.status).toBe(200);
    expect(withdrawn).toMatchObject({
      id: consentId,
      withdrawnAt: gw.clock.now.toISOString(),
      withdrawalChannel: 'online',
    });
    const refused = await postTransfer(gw, person, BENEFIT_QUOTE);
    expect(refused.status).toBe(422);
    expect((await json<Problem>(refused)).code).toBe('consent_required');
  });

  it('withdrawing twice is refused with consent_withdrawn; an unknown consent with consent_not_found', async () => {
    const again = await gw.request(
      'POST',
      `/v1/privacy/subjects/${subjectId}/consents/${consentId}/withdrawal`,
      {
        role: 'operator',
        body: { channel: 'online' },
      },
    );
    expect(again.status).toBe(409);
    expect((await json<Problem>(again)).code).toBe('consent_withdrawn');
    const unknown = await gw.request(
      'POST',
      `/v1/privacy/subjects/${subjectId}/consents/cs_01KAT2Y8N0D4R9W2G6B3C5M7QX/withdrawal`,
      { role: 'operator', body: { channel: 'online' } },
    );
    expect(unknown.status).toBe(404);
    expect((await json<Problem>(unknown)).code).toBe('consent_not_found');
    // Another person's consent id does not work through this person either.
    const other = await consent(gw, deId(dePerson(12, 'Abernathy-Kowalczyk')));
    const foreign = await gw.request(
      'POST',
      `/v1/privacy/subjects/${subjectId}/consents/${other.id}/withdrawal`,
      { role: 'operator', body: { channel: 'online' } },
    );
    expect(foreign.status).toBe(404);
  });

  it('a consent given in the future is refused (400)', async () => {
    const response = await giveConsent(gw, deId(person), {
      givenAt: new Date(gw.clock.now.getTime() + 3_600_000).toISOString(),
    });
    expect(response.status).toBe(400);
    const problem = await json<Problem>(response);
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors?.[0]?.path).toBe('givenAt');
  });

  it('consents are listed on the subject, withdrawn ones included', async () => {
    const view = await subject(gw, subjectId);
    expect(view.consents.map((item) => [item.textVersion, item.withdrawnAt !== null])).toEqual([
      ['cn-cross-border-2025-01', false],
      ['cn-cross-border-2026-01', true],
    ]);
  });

  it('Mei consents through her partner agency, and her benefit goes through', async () => {
    await consent(gw, deId(MEI), { channel: 'partner_agency' });
    const created = await transfer(gw, MEI, BENEFIT_QUOTE);
    expect(created.insuredPerson?.dataSubjectId).toBe(meiId);
  });
});

describe('finding a person by national identifier', () => {
  it('finds the subject by the identifier in another formatting (privacy and compliance officers)', async () => {
    for (const [value, role] of [
      ['65 170839 J 00 3', 'privacy_officer'],
      ['65.170839.j.00.3', 'compliance_officer'],
      ['65170839J003', 'privacy_officer'],
    ] as const) {
      const response = await search(gw, { scheme: 'de-rentenversicherungsnummer', value }, role);
      const found = await json<DataSubject>(response);
      expect(response.status, value).toBe(200);
      expect(found.id).toBe(meiId);
      expect(found.person?.name).toEqual(MEI.name);
    }
    expect((await auditOf(gw, 'data_subject.looked_up', meiId)).length).toBeGreaterThanOrEqual(3);
  });

  it('an unknown (valid) identifier gives data_subject_not_found; an invalid one person_invalid', async () => {
    const unknown = await search(gw, { scheme: 'de-rentenversicherungsnummer', value: deIdentifier(99) });
    expect(unknown.status).toBe(404);
    expect((await json<Problem>(unknown)).code).toBe('data_subject_not_found');
    const invalid = await search(gw, { scheme: 'de-rentenversicherungsnummer', value: '65170839J004' });
    expect(invalid.status).toBe(422);
    const text = await invalid.text();
    expect(JSON.parse(text).code).toBe('person_invalid');
    expect(text).not.toContain('65170839J004');
  });

  it('auditors and operators may not search', async () => {
    expect((await search(gw, deId(MEI), 'auditor')).status).toBe(403);
    expect((await search(gw, deId(MEI), 'operator')).status).toBe(403);
  });
});

describe('what each role sees of a data subject', () => {
  it('the privacy officer sees every field, health included', async () => {
    const view = await subject(gw, meiId, 'privacy_officer');
    expect(view.person).toEqual({
      dataSubjectId: meiId,
      disclosedCategories: [
        'address',
        'bank_account',
        'benefit_information',
        'birth_date',
        'contact',
        'health_information',
        'name',
        'national_identifier',
      ],
      ...normalised(MEI),
    });
    expect(view.person?.health).toEqual({ incapacityPercent: 40 });
    expect(view.jurisdiction).toBe('DE');
    expect(view.heldCategories).toEqual(view.person?.disclosedCategories);
  });

  it('a compliance officer sees the identifier but not health or contact', async () => {
    const view = await subject(gw, meiId, 'compliance_officer');
    expect(view.person?.nationalIdentifier).toEqual({
      scheme: 'de-rentenversicherungsnummer',
      value: '65170839J003',
    });
    expect(view.person?.name).toEqual(MEI.name);
    expect(view.person?.bankAccount?.iban).toBe('DE89370400440532013000');
    expect(view.person).not.toHaveProperty('health');
    expect(view.person).not.toHaveProperty('contact');
    expect(view.person).not.toHaveProperty('preferredLanguage');
    expect(view.person?.disclosedCategories).not.toContain('health_information');
  });

  it('an auditor sees no personal field, but the pseudonyms and categories', async () => {
    const view = await subject(gw, meiId, 'auditor');
    expect(view.person).toEqual({ dataSubjectId: meiId, disclosedCategories: [] });
    expect(view.pseudonyms.aml).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(view.pseudonyms.audit).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(view.pseudonyms.aml).not.toBe(view.pseudonyms.audit);
    expect(view.heldCategories).toContain('health_information');
    const text = JSON.stringify(view);
    for (const value of [
      MEI.name.family,
      '65170839J003',
      'DE89370400440532013000',
      'mei.lw@example.org',
      '1939-08-17',
    ]) {
      expect(text).not.toContain(value);
    }
  });

  it('an operator may not read a data subject (403); an unknown id is data_subject_not_found', async () => {
    const response = await gw.request('GET', `/v1/privacy/subjects/${meiId}`, { role: 'operator' });
    expect(response.status).toBe(403);
    expect((await json<Problem>(response)).code).toBe('forbidden');
    for (const id of ['ds_01KAT2Y8N0D4R9W2G6B3C5M7QX', 'not-an-id']) {
      const missing = await gw.request('GET', `/v1/privacy/subjects/${id}`, { role: 'auditor' });
      expect(missing.status).toBe(404);
      expect((await json<Problem>(missing)).code).toBe('data_subject_not_found');
    }
  });
});

describe('rectification', () => {
  const person = dePerson(13, 'Vasquez-Lindgren');
  let subjectId: string;

  beforeAll(async () => {
    subjectId = (await transfer(gw, person)).insuredPerson?.dataSubjectId as string;
  });

  async function rectify(body: Record<string, unknown>, id = subjectId) {
    return gw.request('PATCH', `/v1/privacy/subjects/${id}`, { role: 'privacy_officer', body });
  }

  it('corrects the name; the audit event lists the field names, never the values or the reason', async () => {
    const reason = 'Family name misspelt on the DRV form (Vasquez-Lindgreen)';
    const response = await rectify({ name: { given: 'Mei', family: 'Vasquez-Lindgreen' }, reason });
    const view = await json<DataSubject>(response);
    expect(response.status, JSON.stringify(view)).toBe(200);
    expect(view.person?.name).toEqual({ given: 'Mei', family: 'Vasquez-Lindgreen' });
    expect(view.person?.birthDate).toBe(person.birthDate);
    expect((await subject(gw, subjectId)).person?.name?.family).toBe('Vasquez-Lindgreen');
    submitted.push({ ...person, name: { given: 'Mei', family: 'Vasquez-Lindgreen' } });

    const [event] = await auditOf(gw, 'data_subject.rectified', subjectId);
    expect(event?.actor).toBe('demo-privacy');
    expect(event?.data).toMatchObject({ fields: ['name'], reasonLength: reason.length });
    const text = JSON.stringify(event);
    expect(text).not.toContain('Vasquez');
    expect(text).not.toContain('misspelt');
  });

  it('removes an optional part with null and corrects the IBAN (normalised)', async () => {
    const response = await rectify({
      contact: null,
      bankAccount: { iban: 'de44 5001 0517 5407 3249 31' },
      reason: 'Moved account; no e-mail any more',
    });
    const view = await json<DataSubject>(response);
    expect(response.status, JSON.stringify(view)).toBe(200);
    expect(view.person).not.toHaveProperty('contact');
    expect(view.person?.bankAccount).toEqual({ iban: 'DE44500105175407324931' });
    // preferredLanguage is a contact category too, so the category stays.
    expect(view.heldCategories).toContain('contact');
    const events = await auditOf(gw, 'data_subject.rectified', subjectId);
    expect(events.map((event) => (event.data as { fields: string[] }).fields)).toContainEqual([
      'bankAccount',
      'contact',
    ]);
  });

  it('refuses an invalid IBAN with person_invalid, naming the field and not the value', async () => {
    const response = await rectify({ bankAccount: { iban: 'DE45 5001 0517 5407 3249 31' }, reason: 'Typo' });
    expect(response.status).toBe(422);
    const text = await response.text();
    const problem = JSON.parse(text) as Problem;
    expect(problem.code).toBe('person_invalid');
    expect(text).not.toContain('DE45');
    expect(text).not.toContain('5407');
    expect((await subject(gw, subjectId)).person?.bankAccount?.iban).toBe('DE44500105175407324931');
    expect(problem.errors).toHaveLength(1);
    expect(problem.errors?.[0]?.code).toBe('iban_checksum');
    // The path names the field of the request body, as in every other refusal (a transfer says
    // `insuredPerson.bankAccount.iban`, a bad identifier here `nationalIdentifier.value`).
    expect(problem.errors?.[0]?.path).toBe('bankAccount.iban');
  });

  it('a corrected identifier of another country moves the person under that country’s law', async () => {
    const wrong = dePerson(16, 'Sorensen-Ito');
    const id = (await transfer(gw, wrong)).insuredPerson?.dataSubjectId as string;
    expect((await subject(gw, id)).jurisdiction).toBe('DE');
    const corrected = { scheme: 'cn-resident-identity-number', value: cnIdentifier(6) };
    submitted.push({ ...wrong, nationalIdentifier: corrected });
    const response = await rectify(
      { nationalIdentifier: corrected, reason: 'Recorded under the wrong scheme' },
      id,
    );
    expect(response.status).toBe(200);
    expect((await json<DataSubject>(await search(gw, corrected))).id).toBe(id);
    // The person is identified by a Chinese number now: PIPL, the CAC and CN retention apply.
    const exported = await exportJson(gw, id);
    expect(exported.person?.nationalIdentifier).toEqual(corrected);
    expect(exported.jurisdiction).toBe('CN');
    expect(exported.complaint.authority).toContain('Cyberspace Administration of China');
  });

  it('refuses an identifier that belongs to another person with data_subject_conflict', async () => {
    const response = await rectify({ nationalIdentifier: deId(MEI), reason: 'Wrong number recorded' });
    expect(response.status).toBe(409);
    const text = await response.text();
    expect(JSON.parse(text).code).toBe('data_subject_conflict');
    expect(text).not.toContain('65170839J003');
    // Nothing changed for either person.
    expect((await subject(gw, subjectId)).person?.nationalIdentifier).toEqual(deId(person));
    expect((await json<DataSubject>(await search(gw, deId(MEI)))).id).toBe(meiId);
  });

  it('a corrected identifier finds the person; the old one no longer does', async () => {
    const corrected = deIdentifier(14);
    dePerson(14, 'Vasquez-Lindgreen'); // recorded for the audit search
    const response = await rectify({
      nationalIdentifier: { scheme: 'de-rentenversicherungsnummer', value: printed(corrected) },
      reason: 'Transposed serial number',
    });
    const view = await json<DataSubject>(response);
    expect(response.status, JSON.stringify(view)).toBe(200);
    expect(view.person?.nationalIdentifier).toEqual({
      scheme: 'de-rentenversicherungsnummer',
      value: corrected,
    });
    const old = await search(gw, deId(person));
    expect(old.status).toBe(404);
    const found = await search(gw, { scheme: 'de-rentenversicherungsnummer', value: corrected });
    expect(found.status).toBe(200);
    expect((await json<DataSubject>(found)).id).toBe(subjectId);
    const [event] = (await auditOf(gw, 'data_subject.rectified', subjectId)).filter((row) =>
      (row.data as { fields: string[] }).fields.includes('nationalIdentifier'),
    );
    expect(event?.data).toMatchObject({ fields: ['nationalIdentifier'], newPseudonym: expect.any(String) });
    expect(JSON.stringify(event)).not.toContain(corrected);
  });

  // subjects.ts/rights.ts: "A person recorded from a consent alone has no name or birth date
  // yet: check what is there." An IBAN or a birth date given for such a person must be checked
  // like any other.
  it('checks an IBAN and a birth date given for a person known only from a consent', async () => {
    const onlyConsent = dePerson(17, 'Papadopoulos-Weiss');
    const { dataSubjectId } = await consent(gw, deId(onlyConsent));
    const iban = await rectify(
      { bankAccount: { iban: 'DE45 5001 0517 5407 3249 31' }, reason: 'Typo' },
      dataSubjectId,
    );
    expect(iban.status).toBe(422);
    expect((await json<Problem>(iban)).code).toBe('person_invalid');
    const birthDate = await rectify({ birthDate: '2099-01-01', reason: 'Typo' }, dataSubjectId);
    expect(birthDate.status).toBe(422);
    expect((await json<Problem>(birthDate)).code).toBe('person_invalid');
    expect((await subject(gw, dataSubjectId)).heldCategories).toEqual(['national_identifier']);
  });

  it('only the privacy officer may rectify', async () => {
    const response = await gw.request('PATCH', `/v1/privacy/subjects/${subjectId}`, {
      role: 'compliance_officer',
      body: { birthDate: '1939-08-18', reason: 'x' },
    });
    expect(response.status).toBe(403);
  });
});

describe('access export', () => {
  it('JSON: parses with SubjectExport and holds transfers with legal bases, consents, disclosures, retention, complaint', async () => {
    const exported = await exportJson(gw, meiId);
    expect(exported.dataSubjectId).toBe(meiId);
    expect(exported.jurisdiction).toBe('DE');
    expect(exported.person).toEqual(normalised(MEI));
    expect(exported.controller.jurisdiction).toBe('CN');
    const purposes = exported.transfers.map((item) => item.purpose);
    expect(purposes).toContain('contribution_collection');
    expect(purposes).toContain('benefit_payment');
    for (const item of exported.transfers) {
      expect(item.partnerJurisdiction).toBe('DE');
      expect(item.legalBases).toHaveLength(2);
    }
    const benefit = exported.transfers.find((item) => item.purpose === 'benefit_payment');
    expect(benefit?.legalBases[0]).toMatchObject({ from: 'CN', to: 'DE', regime: 'PIPL' });
    expect(benefit?.sourceCurrency).toBe('CNY');
    const contribution = exported.transfers.find((item) => item.purpose === 'contribution_collection');
    expect(contribution?.legalBases[0]).toMatchObject({
      from: 'DE',
      to: 'CN',
      article: 'GDPR Art. 46(2)(a)',
    });
    expect(exported.consents).toEqual([
      expect.objectContaining({ ...PIPL_CONSENT, channel: 'partner_agency', withdrawnAt: null }),
    ]);
    expect(exported.disclosures).toContainEqual({
      jurisdiction: 'DE',
      recipient: 'partner_agency',
      purpose: 'benefit_payment',
      categories: ['national_identifier', 'name', 'bank_account', 'benefit_information', 'transaction'],
    });
    expect(exported.retention).toContainEqual({ category: 'transaction', years: 10 });
    expect(exported.retention).toContainEqual({ category: 'health_information', years: 5 });
    expect(exported.amlRetentionYears).toBe(5);
    expect(exported.restriction).toBeNull();
    expect(exported.complaint.authority).toContain('BfDI');
    expect(exported.complaint.url).toBe('https://www.bfdi.bund.de');
    expect((await auditOf(gw, 'data_subject.exported', meiId)).length).toBeGreaterThanOrEqual(1);
  });

  it('HTML with lang=de: a printable document in German beside English', async () => {
    const response = await gw.request('GET', `/v1/privacy/subjects/${meiId}/export?format=html&lang=de`, {
      role: 'privacy_officer',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-disposition')).toContain(`${meiId}.html`);
    const html = await response.text();
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('Auskunft über Ihre personenbezogenen Daten');
    expect(html).toContain('Information about your personal data');
    expect(html).toContain('Lindqvist-Wang');
    expect(html).toContain('BfDI');
  });

  it('HTML defaults to the person’s language: German for Mei, German for a DE person without one, Chinese for a CN person', async () => {
    const html = async (id: string, query = '') => {
      const response = await gw.request('GET', `/v1/privacy/subjects/${id}/export?format=html${query}`, {
        role: 'privacy_officer',
      });
      expect(response.status).toBe(200);
      return response.text();
    };
    expect(await html(meiId)).toContain('<html lang="de">');
    expect(await html(meiId, '&lang=fr')).toContain('<html lang="fr">');

    const { preferredLanguage: _none, ...noLanguage } = dePerson(15, 'Harjunpaa-Osei');
    const withoutLanguage = (await transfer(gw, noLanguage)).insuredPerson?.dataSubjectId as string;
    const german = await html(withoutLanguage);
    expect(german).toContain('<html lang="de">');
    expect(german).toContain('Auskunft über Ihre personenbezogenen Daten');

    const { preferredLanguage: _zh, ...cnNoLanguage } = cnPerson(2, 'Liu-Hartmann');
    const cn = (await transfer(gw, cnNoLanguage)).insuredPerson?.dataSubjectId as string;
    expect(await html(cn)).toContain('<html lang="zh">');
  });

  it('only the privacy officer may export', async () => {
    for (const role of ['auditor', 'compliance_officer', 'operator'] as const) {
      expect((await gw.request('GET', `/v1/privacy/subjects/${meiId}/export`, { role })).status).toBe(403);
    }
  });
});

describe('records of processing', () => {
  it('an auditor reads them; they parse with RecordsOfProcessing', async () => {
    const response = await gw.request('GET', '/v1/privacy/records-of-processing', { role: 'auditor' });
    expect(response.status).toBe(200);
    const records = RecordsOfProcessing.parse(await json(response));
    expect(records.controller.jurisdiction).toBe('CN');
    expect(records.generatedAt).toBe(gw.clock.now.toISOString());
    // One record per partner and purpose; the exporter's law governs the third-country transfer.
    const record = (purpose: string) =>
      records.records.find((item) => item.jurisdiction === 'DE' && item.purpose === purpose);
    expect(record('benefit_payment')?.consent).toEqual({
      kind: 'pipl_separate_consent',
      textVersion: 'cn-cross-border-2026-01',
    });
    expect(record('benefit_payment')?.thirdCountryTransfer.regime).toBe('PIPL');
    expect(record('contribution_collection')?.consent).toBeNull();
    expect(record('contribution_collection')?.thirdCountryTransfer).toMatchObject(GDPR_FLOW);
    expect(record('contribution_collection')?.amlRetentionYears).toBe(5);
  });
});

// =============================================================================================
// Erasure: restriction under the AML retention obligation, then crypto-shredding.
// =============================================================================================

describe('erasure', () => {
  let eg: TestGateway;
  const person = dePerson(21, 'Fitzgerald-Nakamura');
  let subjectId: string;
  let endedAt: string;
  let backup: { subjects: (typeof dataSubjects.$inferSelect)[]; keys: (typeof subjectKeys.$inferSelect)[] };

  let transferId: string;
  let cnSubjectId: string;

  beforeAll(async () => {
    eg = await openGateway();
    const created = await transfer(eg, person);
    subjectId = created.insuredPerson?.dataSubjectId as string;
    transferId = created.id;
  });

  it('a person with transfers and a relationship that has not ended is restricted, not erased', async () => {
    const response = await erase(eg, subjectId);
    const outcome = await json<Erasure>(response);
    expect(response.status, JSON.stringify(outcome)).toBe(200);
    expect(outcome).toMatchObject({
      object: 'erasure',
      dataSubjectId: subjectId,
      outcome: 'restricted',
      retainedUntil: null,
    });
    expect(outcome.legalGround).toContain('AMLR 2024/1624 Art. 77');
    expect(outcome.legalGround).toContain('GDPR Art. 17(3)(b)');
    expect(outcome.complaint.authority).toContain('BfDI');
    expect(outcome.complaint.article).toBe('GDPR Art. 77');

    const view = await subject(eg, subjectId);
    expect(view.restriction).toMatchObject({ since: eg.clock.now.toISOString(), until: null });
    expect(view.restriction?.ground).toContain('AMLR');
    // Still stored (and readable by the privacy officer), only not processed.
    expect(view.person?.name).toEqual(person.name);
    expect(await auditOf(eg, 'data_subject.restricted', subjectId)).toHaveLength(1);
  });

  it('nothing new is processed for a restricted person: transfers and consents get processing_restricted', async () => {
    const response = await postTransfer(eg, person);
    expect(response.status).toBe(409);
    const problem = await json<Problem>(response);
    expect(problem.code).toBe('processing_restricted');
    expect(JSON.stringify(problem)).not.toContain('Fitzgerald');
    const consentResponse = await giveConsent(eg, deId(person));
    expect(consentResponse.status).toBe(409);
    expect((await json<Problem>(consentResponse)).code).toBe('processing_restricted');
  });

  it('a CN person is restricted under PIPL Art. 47, with the CAC to complain to', async () => {
    const cn = cnPerson(3, 'Zhao-Fernandes');
    const id = (await transfer(eg, cn)).insuredPerson?.dataSubjectId as string;
    cnSubjectId = id;
    const outcome = await json<Erasure>(await erase(eg, id));
    expect(outcome.outcome).toBe('restricted');
    expect(outcome.legalGround).toContain('PIPL Art. 47');
    expect(outcome.legalGround).toContain('AMLR 2024/1624 Art. 77');
    expect(outcome.complaint.authority).toContain('Cyberspace Administration of China');
  });

  it('a person known only from a consent (no transfers) is erased at once', async () => {
    const onlyConsent = dePerson(22, 'Oyelaran-Schmidt');
    const given = await consent(eg, deId(onlyConsent));
    const response = await erase(eg, given.dataSubjectId);
    const outcome = await json<Erasure>(response);
    expect(response.status).toBe(200);
    expect(outcome).toMatchObject({ outcome: 'erased', legalGround: null, retainedUntil: null });
    expect(outcome.complaint.authority).toContain('BfDI');
    const view = await subject(eg, given.dataSubjectId);
    expect(view.person).toBeNull();
    expect(view.erasedAt).toBe(eg.clock.now.toISOString());
    // The consent record stays (proof of what was agreed), without anything that identifies.
    expect(view.consents).toHaveLength(1);
    expect((await search(eg, deId(onlyConsent))).status).toBe(404);
  });

  it('the end of the relationship starts the clock: restricted until five years later', async () => {
    endedAt = eg.clock.now.toISOString();
    const future = await eg.request('POST', `/v1/privacy/subjects/${subjectId}/relationship-end`, {
      role: 'privacy_officer',
      body: { endedAt: new Date(eg.clock.now.getTime() + DAY * 1000).toISOString() },
    });
    expect(future.status).toBe(400);
    const ended = await endRelationship(eg, subjectId, endedAt);
    expect(ended.relationshipEndedAt).toBe(endedAt);
    expect(ended.restriction?.until).toBe('2031-11-23T10:00:00.000Z');
    const outcome = await json<Erasure>(await erase(eg, subjectId));
    expect(outcome.outcome).toBe('restricted');
    expect(outcome.retainedUntil).toBe('2031-11-23T10:00:00.000Z');
    // The CN person's relationship ends too; the answer promises destruction on the date.
    await endRelationship(eg, cnSubjectId, endedAt);
    const cnOutcome = await json<Erasure>(await erase(eg, cnSubjectId));
    expect(cnOutcome.outcome).toBe('restricted');
    expect(cnOutcome.retainedUntil).toBe('2031-11-23T10:00:00.000Z');
    expect(cnOutcome.explanation).toContain('destroyed without a further request');
    // Still restricted one second before the end.
    eg.clock.advance(FIVE_YEARS_AND_A_DAY - DAY - 1);
    expect((await json<Erasure>(await erase(eg, subjectId))).outcome).toBe('restricted');
    eg.clock.advance(DAY + 1);
  });

  it('five years and a day later the erasure destroys the data key', async () => {
    backup = {
      subjects: await eg.db.db.select().from(dataSubjects),
      keys: await eg.db.db.select().from(subjectKeys),
    };
    expect(backup.keys.some((row) => row.subjectId === subjectId)).toBe(true);

    const response = await erase(eg, subjectId);
    const outcome = await json<Erasure>(response);
    expect(response.status).toBe(200);
    expect(outcome).toMatchObject({ outcome: 'erased', legalGround: null, retainedUntil: null });
    expect(outcome.explanation).toMatch(/data key was destroyed/);

    const view = await subject(eg, subjectId);
    expect(view.person).toBeNull();
    expect(view.erasedAt).toBe(eg.clock.now.toISOString());
    expect(view.heldCategories).toEqual([]);
    expect(view.pseudonyms.aml).toBe(`shredded:${subjectId}`);
    expect((await exportJson(eg, subjectId)).person).toBeNull();
    const html = await eg.request('GET', `/v1/privacy/subjects/${subjectId}/export?format=html`, {
      role: 'privacy_officer',
    });
    expect(html.status).toBe(200);
    expect(await html.text()).toContain('<html lang="de">');
    expect(await eg.db.db.select().from(subjectKeys).where(eq(subjectKeys.subjectId, subjectId))).toEqual([]);
    const [row] = await eg.db.db.select().from(dataSubjects).where(eq(dataSubjects.id, subjectId));
    expect(row?.fields).toEqual({});
    expect(await auditOf(eg, 'data_subject.erased', subjectId)).toHaveLength(1);
    // The transfer and its amounts stay, linked to a subject nobody can read any more.
    const read = await json<Transfer>(
      await eg.request('GET', `/v1/transfers/${transferId}`, { role: 'operator' }),
    );
    expect(read.insuredPerson).toEqual({ dataSubjectId: subjectId, disclosedCategories: [] });
    expect(read.sourceAmount).toBe('250.00');
    expect(read.legalBases).toHaveLength(2);
  });

  it('after the shred: rectification and another erasure are data_subject_erased (410); the identifier finds nobody', async () => {
    const rectify = await eg.request('PATCH', `/v1/privacy/subjects/${subjectId}`, {
      role: 'privacy_officer',
      body: { birthDate: '1939-08-18', reason: 'Birth date' },
    });
    expect(rectify.status).toBe(410);
    expect((await json<Problem>(rectify)).code).toBe('data_subject_erased');
    const again = await erase(eg, subjectId);
    expect(again.status).toBe(410);
    const end = await eg.request('POST', `/v1/privacy/subjects/${subjectId}/relationship-end`, {
      role: 'operator',
      body: {},
    });
    expect(end.status).toBe(410);
    expect((await search(eg, deId(person))).status).toBe(404);
  });

  describe('crypto-shredding and backups', () => {
    it('a data_subjects row restored from a backup still cannot be read: its key is gone', async () => {
      const saved = backup.subjects.find((row) => row.id === subjectId);
      expect(saved).toBeDefined();
      if (!saved) return;
      // "Restore" the row as it was before the erasure, sealed fields and all.
      await eg.db.db
        .update(dataSubjects)
        .set({
          fields: saved.fields,
          categories: saved.categories,
          subjectPseudonym: saved.subjectPseudonym,
          amlPseudonym: saved.amlPseudonym,
          erasedAt: null,
        })
        .where(eq(dataSubjects.id, subjectId));
      const exported = await exportJson(eg, subjectId);
      expect(exported.person).toBeNull();
      const view = await subject(eg, subjectId);
      expect(view.person).toEqual({ dataSubjectId: subjectId, disclosedCategories: [] });
    });

    it('no key left in the database opens the backed-up ciphertext', async () => {
      const saved = backup.subjects.find((row) => row.id === subjectId);
      const fields = Object.entries(saved?.fields as Record<string, SealedField>);
      expect(fields.map(([field]) => field)).toContain('name');
      const present = await eg.db.db.select().from(subjectKeys);
      expect(present.length).toBeGreaterThan(0);
      expect(present.some((row) => row.subjectId === subjectId)).toBe(false);
      for (const row of present) {
        const key = await importDataKey(
          await eg.deps.privacyKeys.kek.unwrap({
            kekId: row.kekId,
            wrapped: base64UrlDecode(row.wrappedKey),
          }),
        );
        for (const [field, sealed] of fields) {
          await expect(
            openField(key, subjectId, field, sealed),
            `${row.subjectId} opens ${field}`,
          ).rejects.toThrow();
        }
      }
    });

    // Why subject_keys is backed up on its own, short schedule (docs/privacy.md, "Keys, rotation,
    // backups"): a backup of the key table taken before the shred still holds the wrapped data
    // key, and with the KEK (which the gateway keeps) it opens every backed-up field. Crypto-shredding reaches the backups only once
    // the key-table backups from before the erasure have expired — that is what the short
    // retention of those backups guarantees. This test documents the dependency; it is expected to
    // open the data.
    it('documented: a backup of the subject_keys table from before the shred WOULD open it', async () => {
      const saved = backup.subjects.find((row) => row.id === subjectId);
      const savedKey = backup.keys.find((row) => row.subjectId === subjectId);
      expect(savedKey).toBeDefined();
      if (!saved || !savedKey) return;
      const key = await importDataKey(
        await eg.deps.privacyKeys.kek.unwrap({
          kekId: savedKey.kekId,
          wrapped: base64UrlDecode(savedKey.wrappedKey),
        }),
      );
      const fields = saved.fields as Record<string, SealedField>;
      expect(await openField(key, subjectId, 'name', fields.name as SealedField)).toEqual(person.name);
    });
  });

  // The restricted CN person was told (retainedUntil, explanation) that the data is destroyed on
  // 2031-11-23 "without a further request". The retention purge is what runs on that date.
  it('the purge destroys a restricted person’s data once the obligation named in the answer has ended', async () => {
    const before = await subject(eg, cnSubjectId);
    expect(before.relationshipEndedAt).toBe('2026-11-23T10:00:00.000Z');
    expect(before.restriction?.until).toBe('2031-11-23T10:00:00.000Z');
    expect(eg.clock.now.getTime()).toBeGreaterThan(Date.parse('2031-11-23T10:00:00.000Z'));
    await purge(eg);
    const view = await subject(eg, cnSubjectId);
    expect(view.heldCategories).toEqual([]);
    expect(view.person).toBeNull();
    expect(view.erasedAt).not.toBeNull();
  });
});

// =============================================================================================
// Retention: categories purged after their period, the person shredded when nothing is left.
// =============================================================================================

describe('retention purge', () => {
  let rg: TestGateway;
  // CN keeps identifier, name, birth date and benefit for 30 years, the rest for 5; AML records
  // (identifier, name, birth date, address, account) at least the AML retention (5 years).
  const cn = cnPerson(4, 'Huang-Delacroix', {
    address: { lines: ['Chaoyang Road 8'], city: 'Beijing', country: 'CN' },
    contact: { email: 'huang-delacroix@example.org' },
    benefit: { type: 'old_age_pension' },
    health: { incapacityPercent: 60 },
  });
  // DE keeps every category 5 years.
  const de = dePerson(31, 'Kristiansen-Adeyemi');
  const active = dePerson(32, 'Montgomery-Achterberg');
  let cnId: string;
  let deSubjectId: string;
  let activeId: string;

  beforeAll(async () => {
    rg = await openGateway();
    cnId = (await transfer(rg, cn)).insuredPerson?.dataSubjectId as string;
    deSubjectId = (await transfer(rg, de)).insuredPerson?.dataSubjectId as string;
    activeId = (await transfer(rg, active)).insuredPerson?.dataSubjectId as string;
  });

  it('right after the end of the relationship nothing is purged', async () => {
    await endRelationship(rg, cnId);
    await endRelationship(rg, deSubjectId);
    const run = await purge(rg);
    expect(run).toMatchObject({
      object: 'purge_run',
      trigger: 'operator',
      subjectsExamined: 2,
      subjectsShredded: 0,
      purged: [],
    });
    expect((await subject(rg, cnId)).heldCategories).toHaveLength(8);
  });

  it('past the shortest retention, those categories go and the rest stays; a DE person has nothing left and is shredded', async () => {
    rg.clock.advance(FIVE_YEARS_AND_A_DAY);
    const run = await purge(rg);
    expect(run.subjectsExamined).toBe(2);
    expect(run.subjectsShredded).toBe(1);
    expect(run.purged).toEqual([
      { jurisdiction: 'CN', category: 'address', subjects: 1 },
      { jurisdiction: 'CN', category: 'bank_account', subjects: 1 },
      { jurisdiction: 'CN', category: 'contact', subjects: 1 },
      { jurisdiction: 'CN', category: 'health_information', subjects: 1 },
      { jurisdiction: 'DE', category: 'address', subjects: 1 },
      { jurisdiction: 'DE', category: 'bank_account', subjects: 1 },
      { jurisdiction: 'DE', category: 'benefit_information', subjects: 1 },
      { jurisdiction: 'DE', category: 'birth_date', subjects: 1 },
      { jurisdiction: 'DE', category: 'contact', subjects: 1 },
      { jurisdiction: 'DE', category: 'health_information', subjects: 1 },
      { jurisdiction: 'DE', category: 'name', subjects: 1 },
      { jurisdiction: 'DE', category: 'national_identifier', subjects: 1 },
    ]);

    const view = await subject(rg, cnId);
    expect(view.heldCategories).toEqual(['benefit_information', 'birth_date', 'name', 'national_identifier']);
    expect(view.person?.name).toEqual(cn.name);
    expect(view.person?.nationalIdentifier).toEqual(cn.nationalIdentifier);
    for (const gone of ['address', 'contact', 'health', 'bankAccount', 'preferredLanguage']) {
      expect(view.person).not.toHaveProperty(gone);
    }
    const exported = await exportJson(rg, cnId);
    expect(exported.person).toEqual({
      nationalIdentifier: cn.nationalIdentifier,
      name: cn.name,
      birthDate: cn.birthDate,
      benefit: { type: 'old_age_pension' },
    });
    expect(exported.heldCategories).toEqual(view.heldCategories);

    const deView = await subject(rg, deSubjectId);
    expect(deView.person).toBeNull();
    expect(deView.erasedAt).toBe(rg.clock.now.toISOString());
    expect(await rg.db.db.select().from(subjectKeys).where(eq(subjectKeys.subjectId, deSubjectId))).toEqual(
      [],
    );
    // Whoever is still a customer keeps everything.
    expect((await subject(rg, activeId)).heldCategories).toHaveLength(8);

    expect(await auditOf(rg, 'data_subject.retention_purged', cnId)).toHaveLength(1);
    expect(await auditOf(rg, 'data_subject.retention_expired', deSubjectId)).toHaveLength(1);
  });

  it('past every retention the last person is shredded; the report counts per jurisdiction and category', async () => {
    rg.clock.advance(25 * 366 * DAY);
    const run = await purge(rg);
    expect(run.subjectsExamined).toBe(1);
    expect(run.subjectsShredded).toBe(1);
    expect(run.purged).toEqual([
      { jurisdiction: 'CN', category: 'benefit_information', subjects: 1 },
      { jurisdiction: 'CN', category: 'birth_date', subjects: 1 },
      { jurisdiction: 'CN', category: 'name', subjects: 1 },
      { jurisdiction: 'CN', category: 'national_identifier', subjects: 1 },
    ]);
    expect((await subject(rg, cnId)).person).toBeNull();
    expect((await exportJson(rg, cnId)).person).toBeNull();
    const again = await purge(rg);
    expect(again).toMatchObject({ subjectsExamined: 0, subjectsShredded: 0, purged: [] });
  });

  it('the runs are listed newest first; auditors may read them, operators may not', async () => {
    const response = await rg.request('GET', '/v1/privacy/purge-runs', { role: 'auditor' });
    expect(response.status).toBe(200);
    const list = await json<{ object: string; data: PurgeRunBody[] }>(response);
    expect(list.object).toBe('list');
    expect(list.data).toHaveLength(4);
    const started = list.data.map((run) => run.startedAt);
    expect(started).toEqual([...started].sort().reverse());
    expect(list.data[0]?.purged).toEqual([]);
    expect(list.data[1]?.subjectsShredded).toBe(1);
    expect(list.data[3]?.purged).toEqual([]);
    expect((await rg.request('GET', '/v1/privacy/purge-runs', { role: 'operator' })).status).toBe(403);
    expect((await rg.request('POST', '/v1/privacy/purge-runs', { role: 'auditor' })).status).toBe(403);
    expect(await auditOf(rg, 'privacy.purge_run')).toHaveLength(4);
  });
});

// =============================================================================================
// KEK rotation without downtime.
// =============================================================================================

describe('KEK rotation without downtime', () => {
  const oldText = generatePrivacyKeyText();
  const newText = generatePrivacyKeyText();
  const pseudonymKey = oldText.pseudonymKey;
  const k1 = `k1:${oldText.keks.split(':')[1]}`;
  const k2 = `k2:${newText.keks.split(':')[1]}`;
  let kg: TestGateway;
  const people = [
    dePerson(41, 'Abramowicz-Tan'),
    dePerson(42, 'Bergstrom-Eze'),
    cnPerson(5, 'Chen-Lindqvist'),
  ];
  const ids: string[] = [];

  /** A second app over the same database, with other privacy keys (another gateway instance). */
  async function appWith(keks: string) {
    return createApp({ ...kg.deps, privacyKeys: await privacyKeysFromText(pseudonymKey, keks) });
  }

  async function call(
    app: ReturnType<typeof createApp>,
    method: string,
    path: string,
    role: Role,
    body?: unknown,
  ) {
    return app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${await kg.token(role)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  async function readAll(app: ReturnType<typeof createApp>) {
    for (const [index, id] of ids.entries()) {
      const response = await call(app, 'GET', `/v1/privacy/subjects/${id}`, 'privacy_officer');
      const view = await json<DataSubject>(response);
      expect(response.status, JSON.stringify(view)).toBe(200);
      expect(view.person?.nationalIdentifier).toEqual(people[index]?.nationalIdentifier);
      expect(view.person?.name).toEqual(people[index]?.name);
    }
  }

  beforeAll(async () => {
    kg = await openGateway(await privacyKeysFromText(pseudonymKey, k1));
    for (const person of people)
      ids.push((await transfer(kg, person)).insuredPerson?.dataSubjectId as string);
  });

  it('gateway A (k1) wraps every data key under k1', async () => {
    const keys = await kg.db.db.select().from(subjectKeys);
    expect(keys.map((row) => row.kekId)).toEqual(['k1', 'k1', 'k1']);
  });

  it('gateway B (k2 current, k1 after it) reads A’s persons before any rewrap, and finds them by identifier', async () => {
    const b = await appWith(`${k2},${k1}`);
    await readAll(b);
    const found = await call(b, 'POST', '/v1/privacy/subjects/search', 'privacy_officer', {
      nationalIdentifier: people[0]?.nationalIdentifier,
    });
    expect(found.status).toBe(200);
    expect((await json<DataSubject>(found)).id).toBe(ids[0]);
  });

  it('a person B records meanwhile gets a data key under k2, which A (k1 only) cannot read', async () => {
    const b = await appWith(`${k2},${k1}`);
    const newcomer = dePerson(43, 'Castellanos-Virtanen');
    const response = await call(b, 'POST', '/v1/privacy/consents', 'privacy_officer', {
      nationalIdentifier: newcomer.nationalIdentifier,
      ...PIPL_CONSENT,
      channel: 'online',
    });
    expect(response.status).toBe(201);
    const { dataSubjectId } = await json<{ dataSubjectId: string }>(response);
    const [key] = await kg.db.db.select().from(subjectKeys).where(eq(subjectKeys.subjectId, dataSubjectId));
    expect(key?.kekId).toBe('k2');
    const fromA = await kg.request('GET', `/v1/privacy/subjects/${dataSubjectId}`, {
      role: 'privacy_officer',
    });
    expect(fromA.status).toBe(500);
    expect((await json<Problem>(fromA)).code).toBe('privacy_key_unavailable');
    // What does not need the key still works on A: the auditor's view has no personal field.
    expect(
      (await kg.request('GET', `/v1/privacy/subjects/${dataSubjectId}`, { role: 'auditor' })).status,
    ).toBe(200);
  });

  it('rewrap moves the keys in batches; the sealed fields never change', async () => {
    const b = await appWith(`${k2},${k1}`);
    const fieldsBefore = (await kg.db.db.select().from(dataSubjects)).map((row) => [row.id, row.fields]);

    const first = await call(b, 'POST', '/v1/privacy/keys/rewrap', 'operator', { limit: 1 });
    expect(first.status).toBe(200);
    expect(await json<Rewrap>(first)).toEqual({
      object: 'rewrap',
      currentKeyId: 'k2',
      rewrapped: 1,
      remaining: 2,
    });
    await readAll(b); // a mix of k1 and k2 keys reads fine

    const second = await call(b, 'POST', '/v1/privacy/keys/rewrap', 'operator', { limit: 1000 });
    expect(await json<Rewrap>(second)).toEqual({
      object: 'rewrap',
      currentKeyId: 'k2',
      rewrapped: 2,
      remaining: 0,
    });
    const third = await call(b, 'POST', '/v1/privacy/keys/rewrap', 'operator', {});
    expect(await json<Rewrap>(third)).toEqual({
      object: 'rewrap',
      currentKeyId: 'k2',
      rewrapped: 0,
      remaining: 0,
    });

    const keys = await kg.db.db.select().from(subjectKeys);
    expect(keys.map((row) => row.kekId)).toEqual(['k2', 'k2', 'k2', 'k2']);
    for (const id of ids) expect(keys.find((row) => row.subjectId === id)?.rewrappedAt).toBeInstanceOf(Date);
    const fieldsAfter = (await kg.db.db.select().from(dataSubjects)).map((row) => [row.id, row.fields]);
    expect(fieldsAfter).toEqual(fieldsBefore);
    expect((await call(b, 'POST', '/v1/privacy/keys/rewrap', 'privacy_officer', { limit: 1 })).status).toBe(
      403,
    );

    const events = await auditOf(kg, 'privacy.keys_rewrapped');
    expect(events.map((event) => event.data)).toEqual([
      { currentKeyId: 'k2', rewrapped: 1, remaining: 2 },
      { currentKeyId: 'k2', rewrapped: 2, remaining: 0 },
      { currentKeyId: 'k2', rewrapped: 0, remaining: 0 },
    ]);
  });

  it('afterwards k2 alone reads everyone; k1 alone fails with privacy_key_unavailable (500)', async () => {
    await readAll(await appWith(k2));
    const onlyOld = await appWith(k1);
    const response = await call(onlyOld, 'GET', `/v1/privacy/subjects/${ids[0]}`, 'privacy_officer');
    expect(response.status).toBe(500);
    const problem = await json<Problem>(response);
    expect(problem.code).toBe('privacy_key_unavailable');
    expect(problem.detail).toContain('k2');
    // The original gateway A (still on k1 only) is in the same position.
    const a = await kg.request('GET', `/v1/privacy/subjects/${ids[1]}`, { role: 'privacy_officer' });
    expect(a.status).toBe(500);
    expect((await json<Problem>(a)).code).toBe('privacy_key_unavailable');
  });
});

// =============================================================================================
// The audit trail of all of the above.
// =============================================================================================

describe('audit trail', () => {
  const EXPECTED_ACTIONS = [
    'data_subject.created',
    'consent.given',
    'consent.withdrawn',
    'data_subject.rectified',
    'data_subject.restricted',
    'data_subject.erased',
    'data_subject.exported',
    'data_subject.looked_up',
    'privacy.purge_run',
    'privacy.keys_rewrapped',
    'data_subject.relationship_ended',
    'data_subject.retention_purged',
    'data_subject.retention_expired',
  ];

  it('every privacy action left an audit event', async () => {
    const actions = new Set<string>();
    for (const gateway of gateways) for (const row of await auditRows(gateway)) actions.add(row.action);
    for (const action of EXPECTED_ACTIONS) expect([...actions], action).toContain(action);
    // One creation per person recorded in the main gateway.
    const created = await auditOf(gw, 'data_subject.created');
    expect(created).toHaveLength((await gw.db.db.select().from(dataSubjects)).length);
    for (const event of created) {
      expect(event.data).toEqual({
        pseudonym: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        categories: expect.any(Array),
      });
    }
  });

  /** The clear values of everyone the tests submitted, in the forms they were sent or stored. */
  function personalValues(): Set<string> {
    const values = new Set<string>();
    for (const person of submitted) {
      values.add(person.name.family);
      if (person.name.original) values.add(person.name.original);
      values.add(person.nationalIdentifier.value);
      values.add(person.nationalIdentifier.value.replace(/\s+/g, ''));
      values.add(printed(person.nationalIdentifier.value.replace(/\s+/g, '')));
      if (person.bankAccount?.iban) {
        values.add(person.bankAccount.iban);
        values.add(person.bankAccount.iban.replace(/\s+/g, ''));
      }
      if (person.contact?.email) values.add(person.contact.email);
      if (person.contact?.phone) values.add(person.contact.phone);
    }
    values.add('DE44500105175407324931');
    values.add('Chaoyang Road');
    values.add('Friedrichstraße');
    values.add('mei.lw@example.org');
    return values;
  }

  it('no audit row holds a name, identifier, IBAN or e-mail address of anyone', async () => {
    const values = personalValues();
    expect(values.size).toBeGreaterThan(40);
    for (const gateway of gateways) {
      const rows = JSON.stringify(await auditRows(gateway));
      for (const value of values) expect(rows, `an audit row contains ${value}`).not.toContain(value);
    }
  });

  it('no other table holds a personal value in clear (only sealed fields and pseudonyms)', async () => {
    const values = personalValues();
    for (const gateway of gateways) {
      const tables = {
        data_subjects: await gateway.db.db.select().from(dataSubjects),
        subject_keys: await gateway.db.db.select().from(subjectKeys),
        consents: await gateway.db.db.select().from(consents),
        transfers: await gateway.db.db.select().from(transfers),
        idempotency_keys: await gateway.db.db.select().from(idempotencyKeys),
      };
      for (const [table, rows] of Object.entries(tables)) {
        const text = JSON.stringify(rows, (_key, value) =>
          typeof value === 'bigint' ? String(value) : value,
        );
        for (const value of values) expect(text, `${table} contains ${value}`).not.toContain(value);
      }
    }
  });

  it('no log line holds a personal value', () => {
    const values = personalValues();
    for (const gateway of gateways) {
      expect(gateway.logs.length).toBeGreaterThan(0);
      const text = gateway.logs.join('\n');
      for (const value of values) expect(text, `a log line contains ${value}`).not.toContain(value);
    }
  });
});
