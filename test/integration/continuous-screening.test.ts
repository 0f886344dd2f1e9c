/**
 * Continuous screening: when a new list version adds (or changes) an entry, every active
 * beneficiary is screened against the additions at once, and a match opens an alert case — the
 * pensioner is found before the next payment, not at it.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InsuredPerson } from '../../schemas/privacy.ts';
import { complianceCases, screeningResults, screeningRuns } from '../../src/db/schema.ts';
import { importSanctionsList } from '../../src/services/sanctions/import.ts';
import { screenListAdditions } from '../../src/services/screening/continuous.ts';
import { createTestGateway, json, type TestGateway } from '../helpers/gateway.ts';
import { freshGermanPerson } from '../helpers/review.ts';
import { fixtureFiles } from '../helpers/sanctions.ts';

const BENEFIT_QUOTE = {
  purpose: 'benefit',
  partnerJurisdiction: 'DE',
  sourceCurrency: 'CNY',
  targetCurrency: 'EUR',
  sourceAmount: '5000.00',
} as const;

let gw: TestGateway;
let counter = 0;
beforeAll(async () => {
  gw = await createTestGateway();
});
afterAll(async () => {
  await gw?.close();
});

/** A benefit paid to `person` (with the PIPL separate consent the home fund asks for). */
async function payBenefit(person: InsuredPerson): Promise<string> {
  const consent = await gw.request('POST', '/v1/privacy/consents', {
    role: 'privacy_officer',
    body: {
      nationalIdentifier: person.nationalIdentifier,
      purpose: 'benefit_payment',
      kind: 'pipl_separate_consent',
      textVersion: 'cn-cross-border-2026-01',
      channel: 'paper_form',
    },
  });
  expect(consent.status, await consent.clone().text()).toBe(201);
  const quote = await json(await gw.request('POST', '/v1/quotes', { role: 'operator', body: BENEFIT_QUOTE }));
  const response = await gw.request('POST', '/v1/transfers', {
    role: 'operator',
    body: { quoteId: quote.id, insuredPerson: person },
    headers: { 'idempotency-key': `continuous-${++counter}` },
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await json(response)).insuredPerson as { dataSubjectId: string }).dataSubjectId;
}

/** The UN fixture with one more individual: a new designation of the given name and birth date. */
function unListAdding(given: string, family: string, birthDate: string): Uint8Array {
  const xml = new TextDecoder().decode(fixtureFiles('un') as Uint8Array);
  const individual = `    <INDIVIDUAL>
      <DATAID>9900777</DATAID>
      <VERSIONNUM>1</VERSIONNUM>
      <FIRST_NAME>${given.toUpperCase()}</FIRST_NAME>
      <SECOND_NAME>${family.toUpperCase()}</SECOND_NAME>
      <UN_LIST_TYPE>DPRK</UN_LIST_TYPE>
      <REFERENCE_NUMBER>KPi.977</REFERENCE_NUMBER>
      <LISTED_ON>2026-11-30</LISTED_ON>
      <COMMENTS1>Fictional entry for tests: a designation added after payments began.</COMMENTS1>
      <LIST_TYPE><VALUE>UN List</VALUE></LIST_TYPE>
      <INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_DATE_OF_BIRTH>
        <TYPE_OF_DATE>EXACT</TYPE_OF_DATE>
        <DATE>${birthDate}</DATE>
      </INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_DOCUMENT/>
    </INDIVIDUAL>
`;
  return new TextEncoder().encode(xml.replace('  </INDIVIDUALS>', `${individual}  </INDIVIDUALS>`));
}

describe('continuous screening of list additions', () => {
  it('screens active beneficiaries against the new entry only and opens an alert for the match', async () => {
    const pensioner = freshGermanPerson({
      name: { given: 'Ostrava', family: 'Pelmenko' },
      birthDate: '1944-02-29',
    });
    const other = freshGermanPerson({
      name: { given: 'Hanne', family: 'Søndergaard' },
      birthDate: '1941-06-02',
    });
    const pensionerId = await payBenefit(pensioner);
    const otherId = await payBenefit(other);

    gw.clock.advance(7 * 86_400);
    const imported = await importSanctionsList(gw.db.db, {
      source: 'un',
      files: unListAdding('Ostrava', 'Pelmenko', '1944-02-29'),
      trigger: 'file',
      origin: 'un-with-addition.xml',
      actor: 'test',
      now: gw.clock.now,
    });
    expect(imported).toMatchObject({ status: 'loaded', added: 1, changed: 0 });

    const run = await screenListAdditions(
      gw.db.db,
      { registry: gw.deps.registry, privacyKeys: gw.deps.privacyKeys },
      imported.version.versionId,
      { actor: 'test', now: gw.clock.now },
    );
    expect(run).toMatchObject({ entriesScreened: 1, partiesScreened: 2, alerts: 1 });

    const [stored] = await gw.db.db.select().from(screeningRuns).where(eq(screeningRuns.id, run.runId));
    expect(stored).toMatchObject({ versionId: imported.version.versionId, alerts: 1 });
    const results = await gw.db.db
      .select()
      .from(screeningResults)
      .where(eq(screeningResults.runId, run.runId));
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ partyKey: pensionerId, partyRole: 'beneficiary', transferId: null });
    const hits = (results[0]?.hits ?? []) as { entityId: string }[];
    expect(hits.map((hit) => hit.entityId)).toEqual(['un:9900777']);
    expect(JSON.stringify(results).toLowerCase()).not.toContain('1944-02-29');

    // (Their benefits may be held for other reasons, such as a missing life certificate: only alerts count here.)
    const alertsOf = async (subjectId: string) =>
      (await gw.db.db.select().from(complianceCases).where(eq(complianceCases.subjectId, subjectId))).filter(
        (item) => item.kind === 'continuous_screening',
      );
    const cases = await alertsOf(pensionerId);
    expect(cases).toEqual([expect.objectContaining({ status: 'open', transferId: null, runId: run.runId })]);
    expect(await alertsOf(otherId)).toEqual([]);

    // The alert is in the officers' queue.
    const queue = await json<{ data: { id: string }[] }>(
      await gw.request('GET', '/v1/compliance/cases', { role: 'compliance_officer' }),
    );
    expect(queue.data.map((item) => item.id)).toContain(cases[0]?.id);
  });

  it('records a run with nothing to screen when a version adds nothing', async () => {
    const xml = new TextDecoder().decode(fixtureFiles('un') as Uint8Array);
    // A new publication date with the same entries: a new version, no additions.
    const republished = xml.replace(/dateGenerated="[^"]+"/, 'dateGenerated="2026-12-01T00:00:00.000Z"');
    const imported = await importSanctionsList(gw.db.db, {
      source: 'un',
      files: new TextEncoder().encode(republished),
      trigger: 'file',
      origin: 'un-republished.xml',
      actor: 'test',
      now: gw.clock.now,
    });
    expect(imported.status).toBe('loaded');
    const run = await screenListAdditions(
      gw.db.db,
      { registry: gw.deps.registry, privacyKeys: gw.deps.privacyKeys },
      imported.version.versionId,
      { actor: 'test', now: gw.clock.now },
    );
    // The republished file lacks the addition of the previous test: nothing new or changed.
    expect(run).toMatchObject({ entriesScreened: 0, partiesScreened: 0, alerts: 0 });
  });
});
