/**
 * GET /v1/jurisdictions[/{code}], identifier validation (never stored, logged or echoed) and RF
 * creditor references, through the real app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, json, type TestGateway } from '../helpers/gateway.ts';

let gw: TestGateway;
beforeAll(async () => {
  gw = await createTestGateway();
});
afterAll(async () => {
  await gw.close();
});

type JurisdictionBody = {
  code: string;
  currency: string;
  version: string;
  kind: string;
  corridors: { id: string; purpose: string; sourceCurrency: string; fees: { currency: string } }[];
  capabilities: {
    purposes: string[];
    identifiers: { id: string; kind: string; personal: boolean }[];
    settlement: { rail: string; calendar: { id: string; coveredYears: { from: number; to: number } } };
    fx: { referenceSource: string; maxRateAgeTargetDays: number; manualRatesAllowed: boolean };
  };
};

describe('GET /v1/jurisdictions', () => {
  it('lists home first, then every partner with currency, corridors, capabilities and version', async () => {
    const response = await gw.request('GET', '/v1/jurisdictions', { role: 'auditor' });
    expect(response.status).toBe(200);
    const body = await json<{ data: JurisdictionBody[] }>(response);
    const byCode = Object.fromEntries(body.data.map((item) => [item.code, item]));
    expect(body.data[0]?.code).toBe('CN');
    expect(Object.keys(byCode).sort()).toEqual(['CA', 'CH', 'CN', 'DE', 'FR', 'JP', 'KR', 'NL', 'XR']);
    expect(Object.fromEntries(body.data.map((item) => [item.code, item.currency]))).toMatchObject({
      CN: 'CNY',
      DE: 'EUR',
      FR: 'EUR',
      NL: 'EUR',
      CH: 'CHF',
      JP: 'JPY',
      KR: 'KRW',
      CA: 'CAD',
    });
    for (const item of body.data) expect(item.version).toMatch(/^\d+\.\d+\.\d+/);

    const cn = byCode.CN as JurisdictionBody;
    expect(cn.kind).toBe('home');
    // The home adapter takes part in every corridor.
    expect(cn.corridors.map((corridor) => corridor.id)).toEqual(
      expect.arrayContaining(['DE-CN', 'CN-DE', 'JP-CN', 'CN-JP', 'KR-CN', 'CN-KR', 'CA-CN', 'CN-CA']),
    );
    expect(cn.capabilities.fx).toEqual({
      referenceSource: 'ecb',
      maxRateAgeTargetDays: 2,
      manualRatesAllowed: true,
    });

    const jp = byCode.JP as JurisdictionBody;
    expect(jp.corridors).toEqual([
      expect.objectContaining({
        id: 'JP-CN',
        purpose: 'contribution',
        sourceCurrency: 'JPY',
        fees: expect.objectContaining({ fixed: '300', currency: 'JPY' }),
      }),
      expect.objectContaining({
        id: 'CN-JP',
        purpose: 'benefit',
        sourceCurrency: 'CNY',
        fees: expect.objectContaining({ currency: 'CNY' }),
      }),
    ]);
    expect(jp.capabilities.purposes).toEqual(['contribution', 'benefit']);
    expect(jp.capabilities.settlement).toMatchObject({ rail: 'zengin', calendar: { id: 'jp-zengin' } });
    expect(jp.capabilities.identifiers.map((scheme) => scheme.id)).toEqual(['jp-my-number', 'jp-bic']);

    const de = byCode.DE as JurisdictionBody;
    expect(de.capabilities.identifiers).toEqual([
      expect.objectContaining({ id: 'de-rentenversicherungsnummer', kind: 'person', personal: true }),
      expect.objectContaining({ id: 'de-iban', kind: 'account' }),
      expect.objectContaining({ id: 'de-bic', kind: 'bank', personal: false }),
      expect.objectContaining({ id: 'de-creditor-reference', kind: 'reference', personal: false }),
    ]);
    expect(de.capabilities.settlement.calendar.id).toBe('target2');
  });

  it('shows one jurisdiction, and 404 for a code that is not enabled', async () => {
    const response = await gw.request('GET', '/v1/jurisdictions/KR', { role: 'operator' });
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ code: 'KR', currency: 'KRW', object: 'jurisdiction' });
    const missing = await gw.request('GET', '/v1/jurisdictions/US', { role: 'operator' });
    expect(missing.status).toBe(404);
    expect(await json(missing)).toMatchObject({ code: 'not_found' });
    const malformed = await gw.request('GET', '/v1/jurisdictions/deu', { role: 'operator' });
    expect(malformed.status).toBe(400);
  });

  it('needs a token', async () => {
    expect((await gw.request('GET', '/v1/jurisdictions')).status).toBe(401);
  });
});

describe('POST /v1/jurisdictions/{code}/identifiers/validate', () => {
  const validate = (code: string, scheme: string, value: string) =>
    gw.request('POST', `/v1/jurisdictions/${code}/identifiers/validate`, {
      role: 'operator',
      body: { scheme, value },
    });

  it.each([
    ['CN', 'cn-resident-identity-number', '11010519491231002X'],
    ['DE', 'de-iban', 'DE89 3704 0044 0532 0130 00'],
    ['DE', 'de-creditor-reference', 'RF18 5390 0754 7034'],
  ])('%s %s: valid', async (code, scheme, value) => {
    const response = await validate(code, scheme, value);
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ object: 'identifier_validation', scheme, valid: true });
  });

  it('says which rule failed, and never repeats, stores or logs the value', async () => {
    const value = '110105194912310021';
    const before = gw.logs.length;
    const response = await validate('CN', 'cn-resident-identity-number', value);
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({ valid: false, rule: 'checksum' });
    expect(text).not.toContain(value);
    expect(gw.logs.slice(before).join('\n')).not.toContain(value);
  });

  it('refuses an IBAN of another country with the country rule', async () => {
    const response = await validate('FR', 'fr-iban', 'DE89370400440532013000');
    expect(await json(response)).toMatchObject({ valid: false, rule: 'country' });
  });

  it('answers identifier_scheme_unknown for a scheme of another jurisdiction', async () => {
    const response = await validate('FR', 'de-iban', 'DE89370400440532013000');
    expect(response.status).toBe(404);
    const problem = await json(response);
    expect(problem).toMatchObject({ code: 'identifier_scheme_unknown' });
    expect(problem.schemes).toContain('fr-nir');
    expect(JSON.stringify(problem)).not.toContain('DE89370400440532013000');
  });

  it('refuses malformed requests without echoing the value', async () => {
    const long = '9'.repeat(65);
    const response = await validate('DE', 'de-iban', long);
    expect(response.status).toBe(400);
    expect(await response.text()).not.toContain(long);
  });
});

describe('POST /v1/creditor-references', () => {
  it('creates an ISO 11649 reference that validates', async () => {
    const response = await gw.request('POST', '/v1/creditor-references', {
      role: 'operator',
      body: { base: '5390 0754 7034' },
    });
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({
      object: 'creditor_reference',
      reference: 'RF18539007547034',
      formatted: 'RF18 5390 0754 7034',
    });
  });

  it('refuses a base that is too long or not alphanumeric', async () => {
    for (const base of ['1234567890123456789012', 'ABC-12']) {
      const response = await gw.request('POST', '/v1/creditor-references', {
        role: 'operator',
        body: { base },
      });
      expect(response.status).toBe(400);
      expect(await json(response)).toMatchObject({ code: 'creditor_reference_invalid' });
    }
  });
});
