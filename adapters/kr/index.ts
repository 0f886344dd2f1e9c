/**
 * Korea: a partner under the 2012 Korean–Chinese social-security agreement (in force 2013). KRW
 * is used without a minor unit (ISO 4217 gives it 0 decimals), BOK-Wire+ on the Korean
 * bank-holiday calendar, PIPA. The resident registration number is a unique identifier under
 * PIPA Art. 24-2: it is validated but never stored or logged in clear.
 */
import { defineJurisdictionAdapter } from '../../src/ports/index.ts';
import { type AmlAmounts, amlRules, FATF_TRAVEL_RULE } from '../_shared/aml-rules.ts';
import { bicScheme } from '../_shared/bank-identifiers.ts';
import {
  AML_RETENTION_YEARS,
  agencySigning,
  amlPolicy,
  retentionYears,
  STANDARD_DISCLOSURES,
} from '../_shared/partner-defaults.ts';
import {
  BENEFIT_CORRIDOR_BOUNDS,
  DEFAULT_BENEFIT_CORRIDOR,
  DEFAULT_FX_OPTIONS,
  partnerOptionsSchema,
  standardFxPolicy,
} from '../_shared/standard-options.ts';
import { krCalendar } from './calendar.ts';
import { krResidentRegistrationNumber } from './resident-registration-number.ts';

/**
 * KRW amounts, whole won. The Financial Transaction Reports Act: travel rule from KRW 1,000,000,
 * currency transaction reports from KRW 10,000,000; a single transfer of KRW 15,000,000 is held.
 */
const KRW_AMOUNTS: AmlAmounts = {
  currency: 'KRW',
  perTransfer: ['1000000', '15000000', '150000000'],
  cumulative: ['1000000', '25000000', '400000000'],
  velocitySum: {
    h24: ['100000', '8000000', '400000000'],
    d7: ['100000', '16000000', '400000000'],
    d30: ['100000', '32000000', '800000000'],
  },
  roundMultiple: ['100000', '1000000', '10000000'],
  roundMinAmount: ['1000000', '8000000', '150000000'],
};

export const krAdapter = defineJurisdictionAdapter({
  identity: {
    code: 'KR',
    name: 'Republic of Korea',
    currency: 'KRW',
    version: '0.1.0',
    kind: 'partner',
    timeZone: 'Asia/Seoul',
    languages: ['ko', 'en'],
  },
  optionsSchema: partnerOptionsSchema({
    corridors: {
      contribution: {
        currency: 'KRW',
        maxSpreadBps: 500,
        maxPercentFeeBps: 300,
        maxFixedFee: '50000',
        maxTransferLimit: '500000000',
      },
      benefit: BENEFIT_CORRIDOR_BOUNDS,
    },
  }),
  defaultOptions: {
    fx: {
      ...DEFAULT_FX_OPTIONS,
      corridors: {
        contribution: {
          spreadBps: 40,
          fixedFee: '2000',
          percentFeeBps: 0,
          rounding: 'half_up',
          quoteTtlSeconds: 600,
          chargeBearer: 'SHAR',
          limits: { min: '10000', max: '150000000' },
        },
        benefit: DEFAULT_BENEFIT_CORRIDOR,
      },
    },
  },
  build: (options) => ({
    fx: standardFxPolicy(options.fx),
    privacy: {
      regime: 'PIPA',
      outboundTransfer: {
        mechanism: 'national_law',
        article: 'PIPA Art. 28-8(1)',
        reference:
          'PIPA Art. 28-8(1): Agreement between the Republic of Korea and the People’s Republic of China on Social Security (2012)',
      },
      disclosures: STANDARD_DISCLOSURES,
      supervisoryAuthority: {
        name: 'Personal Information Protection Commission (PIPC)',
        url: 'https://www.pipc.go.kr/eng/',
        article: 'PIPA Art. 62',
      },
      amlRetentionYears: AML_RETENTION_YEARS,
      retentionYears: retentionYears({ transaction: 5 }),
    },
    signing: agencySigning(['http-message-signatures'], ['ecdsa-p256-sha256', 'rsa-pss-sha512']),
    aml: amlPolicy(['un'], amlRules(KRW_AMOUNTS, FATF_TRAVEL_RULE)),
    settlement: {
      rail: 'bok-wire',
      message: 'pacs.008.001.09',
      cutOff: { time: '16:00', timeZone: 'Asia/Seoul' },
      settlementDays: 1,
      calendar: krCalendar,
    },
    identifiers: [krResidentRegistrationNumber, bicScheme('KR')],
  }),
});
