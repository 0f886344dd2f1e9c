/**
 * Canada: a partner under the 2015 Canadian–Chinese social-security agreement (in force 2017).
 * CAD, Lynx (Payments Canada's high-value system) on its holiday calendar, the federal Privacy
 * Act for Service Canada's records; personal data goes to China under Privacy Act s. 8(2)(f), a
 * disclosure under an agreement with a foreign state.
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
import { caCalendar } from './calendar.ts';
import { caSin } from './sin.ts';

/**
 * CAD amounts. The PCMLTF Regulations report international electronic funds transfers of CAD 10,000
 * or more to FINTRAC (with the 24-hour rule: several that add up to it count as one).
 */
const CAD_AMOUNTS: AmlAmounts = {
  currency: 'CAD',
  perTransfer: ['1000.00', '10000.00', '150000.00'],
  cumulative: ['1000.00', '15000.00', '350000.00'],
  velocitySum: {
    h24: ['150.00', '7500.00', '350000.00'],
    d7: ['150.00', '15000.00', '350000.00'],
    d30: ['150.00', '30000.00', '700000.00'],
  },
  roundMultiple: ['100.00', '1000.00', '10000.00'],
  roundMinAmount: ['500.00', '7500.00', '150000.00'],
};

export const caAdapter = defineJurisdictionAdapter({
  identity: {
    code: 'CA',
    name: 'Canada',
    currency: 'CAD',
    version: '0.1.0',
    kind: 'partner',
    timeZone: 'America/Toronto',
    languages: ['en', 'fr'],
  },
  optionsSchema: partnerOptionsSchema({
    corridors: {
      contribution: {
        currency: 'CAD',
        maxSpreadBps: 500,
        maxPercentFeeBps: 300,
        maxFixedFee: '50.00',
        maxTransferLimit: '500000.00',
      },
      benefit: BENEFIT_CORRIDOR_BOUNDS,
    },
  }),
  defaultOptions: {
    fx: {
      ...DEFAULT_FX_OPTIONS,
      corridors: {
        contribution: {
          spreadBps: 35,
          fixedFee: '2.00',
          percentFeeBps: 0,
          rounding: 'half_up',
          quoteTtlSeconds: 900,
          chargeBearer: 'SHAR',
          limits: { min: '15.00', max: '150000.00' },
        },
        benefit: DEFAULT_BENEFIT_CORRIDOR,
      },
    },
  },
  build: (options) => ({
    fx: standardFxPolicy(options.fx),
    privacy: {
      regime: 'PIPEDA',
      outboundTransfer: {
        mechanism: 'national_law',
        article: 'Privacy Act s. 8(2)(f)',
        reference:
          'Privacy Act (R.S.C. 1985, c. P-21) s. 8(2)(f): Agreement on Social Security between Canada and the People’s Republic of China (2015)',
      },
      disclosures: STANDARD_DISCLOSURES,
      supervisoryAuthority: {
        name: 'Office of the Privacy Commissioner of Canada',
        url: 'https://www.priv.gc.ca',
        article: 'Privacy Act s. 29',
      },
      amlRetentionYears: AML_RETENTION_YEARS,
      retentionYears: retentionYears({ transaction: 6 }),
    },
    signing: agencySigning(
      ['http-message-signatures', 'detached-jws'],
      ['ecdsa-p256-sha256', 'rsa-pss-sha512'],
    ),
    aml: amlPolicy(['un'], amlRules(CAD_AMOUNTS, FATF_TRAVEL_RULE)),
    settlement: {
      rail: 'lynx',
      message: 'pacs.008.001.09',
      cutOff: { time: '15:00', timeZone: 'America/Toronto' },
      settlementDays: 1,
      calendar: caCalendar,
    },
    identifiers: [caSin, bicScheme('CA')],
  }),
});
