/**
 * The reference adapter: the smallest complete example of a jurisdiction adapter, for people
 * writing a new one and for tests. "Reference Republic" uses the user-assigned code XR and EUR;
 * it is an example, so the registry enables it only in demo mode and in tests.
 */
import type { IdentifierCheck } from '../../src/ports/index.ts';
import { defineJurisdictionAdapter } from '../../src/ports/index.ts';
import { amlRules, EU_TRAVEL_RULE, EUR_AMOUNTS } from '../_shared/aml-rules.ts';
import {
  BENEFIT_CORRIDOR_BOUNDS,
  DEFAULT_BENEFIT_CORRIDOR,
  partnerOptionsSchema,
  standardFxPolicy,
} from '../_shared/standard-options.ts';

/** Reference numbers: 8 digits followed by an ISO 7064 MOD 97-10 check of 2 digits. */
export function validateReferenceNumber(value: string): IdentifierCheck {
  const compact = value.replace(/[\s-]/g, '');
  if (!/^[0-9]{10}$/.test(compact)) {
    return { valid: false, rule: 'format', message: 'expected 10 digits' };
  }
  const body = BigInt(compact.slice(0, 8));
  const check = 98n - ((body * 100n) % 97n);
  if (check !== BigInt(compact.slice(8))) {
    return { valid: false, rule: 'checksum', message: 'the check digits do not match' };
  }
  return { valid: true, normalized: compact };
}

export const referenceAdapter = defineJurisdictionAdapter({
  identity: {
    code: 'XR',
    name: 'Reference Republic (example)',
    currency: 'EUR',
    version: '1.0.0',
    kind: 'example',
    timeZone: 'UTC',
    languages: ['en'],
  },
  optionsSchema: partnerOptionsSchema({
    corridors: {
      contribution: {
        currency: 'EUR',
        maxSpreadBps: 1_000,
        maxPercentFeeBps: 500,
        maxFixedFee: '100.00',
        maxTransferLimit: '1000000.00',
      },
      benefit: BENEFIT_CORRIDOR_BOUNDS,
    },
  }),
  defaultOptions: {
    fx: {
      maxRateAgeTargetDays: 2,
      manualRates: { allowed: true, maxDeviationBps: 500, maxValidityHours: 48 },
      corridors: {
        contribution: {
          spreadBps: 50,
          fixedFee: '1.00',
          percentFeeBps: 10,
          rounding: 'half_even',
          quoteTtlSeconds: 900,
          chargeBearer: 'DEBT',
          // The minimum must leave something after the 1.00 fixed fee.
          limits: { min: '10.00', max: '50000.00' },
        },
        benefit: DEFAULT_BENEFIT_CORRIDOR,
      },
    },
  },
  build: (options) => ({
    fx: standardFxPolicy(options.fx),
    privacy: {
      regime: 'GDPR',
      outboundTransfer: {
        mechanism: 'gdpr_adequacy',
        article: 'GDPR Art. 45',
        reference: 'GDPR Art. 45: an adequacy decision for the destination (example)',
      },
      // Per purpose and recipient, the data categories that may leave; anything else is stripped.
      disclosures: {
        contribution_collection: {
          partner_agency: ['national_identifier', 'name', 'transaction'],
          settlement_rail: ['name', 'bank_account', 'transaction'],
        },
        benefit_payment: {
          partner_agency: ['national_identifier', 'name', 'bank_account', 'transaction'],
          settlement_rail: ['name', 'bank_account', 'transaction'],
        },
        aml_screening: { partner_agency: ['name', 'birth_date'], settlement_rail: [] },
        life_certificate: {
          partner_agency: ['national_identifier', 'name', 'birth_date'],
          settlement_rail: [],
        },
        statistics: { partner_agency: [], settlement_rail: [] },
      },
      // Purposes that need consent, with the text version the person accepted.
      consent: { statistics: { kind: 'gdpr_consent', textVersion: 'xr-statistics-1' } },
      supervisoryAuthority: {
        name: 'Example Data Protection Authority',
        url: 'https://dpa.example.org',
        article: 'GDPR Art. 77',
      },
      amlRetentionYears: 5,
      retentionYears: {
        transaction: 10,
        national_identifier: 10,
        name: 10,
        birth_date: 10,
        address: 5,
        contact: 5,
        bank_account: 5,
        benefit_information: 10,
        health_information: 5,
      },
    },
    signing: {
      schemes: ['http-message-signatures', 'detached-jws'],
      algorithms: ['ed25519', 'ecdsa-p256-sha256'],
      maxSignatureAgeSeconds: 60,
    },
    // Lists to screen against, what an undecided hold becomes, and the rule bounds and defaults.
    // An example country: its holds expire after a day, which exercises that path in demos and
    // tests (real partners escalate instead, see adapters/_shared/aml-rules.ts).
    aml: {
      sanctionsLists: ['un'],
      holdPolicy: { timeoutHours: 24, onTimeout: 'expire' },
      rules: amlRules(EUR_AMOUNTS, EU_TRAVEL_RULE),
    },
    settlement: {
      rail: 'book-transfer',
      message: 'pacs.008.001.09',
      cutOff: { time: '16:00', timeZone: 'UTC' },
      settlementDays: 0,
      // A calendar is data: rest days follow from `businessDays`, holidays are listed by date.
      calendar: {
        id: 'xr-example',
        name: 'Reference Republic book transfers (example)',
        businessDays: [1, 2, 3, 4, 5],
        closingDays: ['2026-01-01', '2026-12-25', '2027-01-01', '2027-12-24'],
        openDays: [],
        coveredYears: { from: 2026, to: 2027 },
        source: 'example data',
      },
    },
    identifiers: [
      {
        id: 'xr-reference-number',
        name: 'Reference number',
        personal: true,
        kind: 'person',
        validate: validateReferenceNumber,
        examples: {
          valid: ['1234567889', '00000001-95'],
          invalid: ['1234567880', '12345678', 'ABCDEFGHIJ', ''],
        },
      },
    ],
  }),
});
