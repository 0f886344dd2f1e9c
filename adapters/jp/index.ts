/**
 * Japan: a partner under the 2018 Japanese–Chinese social-security agreement (in force 2019).
 * JPY has no minor unit, so every amount here is whole yen. Zengin (the Zengin Data
 * Telecommunication System) on the Japanese bank-holiday calendar, the APPI; personal data goes
 * to China under APPI Art. 28 on the basis of the treaty. The My Number may only be used for the
 * purposes the My Number Act lists, social security among them.
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
import { jpCalendar } from './calendar.ts';
import { jpMyNumber } from './my-number.ts';

/**
 * JPY amounts, whole yen. The Act on Prevention of Transfer of Criminal Proceeds verifies wire
 * transfers above JPY 100,000; a single contribution or benefit of JPY 2,000,000 is held.
 */
const JPY_AMOUNTS: AmlAmounts = {
  currency: 'JPY',
  perTransfer: ['100000', '2000000', '20000000'],
  cumulative: ['100000', '3000000', '50000000'],
  velocitySum: {
    h24: ['10000', '1000000', '50000000'],
    d7: ['10000', '2000000', '50000000'],
    d30: ['10000', '3500000', '100000000'],
  },
  roundMultiple: ['10000', '100000', '1000000'],
  roundMinAmount: ['100000', '1000000', '20000000'],
};

export const jpAdapter = defineJurisdictionAdapter({
  identity: {
    code: 'JP',
    name: 'Japan',
    currency: 'JPY',
    version: '0.1.0',
    kind: 'partner',
    timeZone: 'Asia/Tokyo',
    languages: ['ja', 'en'],
  },
  optionsSchema: partnerOptionsSchema({
    corridors: {
      contribution: {
        currency: 'JPY',
        maxSpreadBps: 500,
        maxPercentFeeBps: 300,
        maxFixedFee: '5000',
        maxTransferLimit: '50000000',
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
          fixedFee: '300',
          percentFeeBps: 0,
          rounding: 'half_up',
          quoteTtlSeconds: 600,
          chargeBearer: 'SHAR',
          limits: { min: '1000', max: '15000000' },
        },
        benefit: DEFAULT_BENEFIT_CORRIDOR,
      },
    },
  },
  build: (options) => ({
    fx: standardFxPolicy(options.fx),
    privacy: {
      regime: 'APPI',
      outboundTransfer: {
        mechanism: 'national_law',
        article: 'APPI Art. 28',
        reference:
          'APPI Art. 28: Agreement between Japan and the People’s Republic of China on Social Security (2018)',
      },
      disclosures: STANDARD_DISCLOSURES,
      supervisoryAuthority: {
        name: 'Personal Information Protection Commission (PPC)',
        url: 'https://www.ppc.go.jp/en/',
        article: 'APPI (complaints: the PPC’s consultation dial)',
      },
      amlRetentionYears: AML_RETENTION_YEARS,
      retentionYears: retentionYears({ transaction: 7 }),
    },
    signing: agencySigning(['http-message-signatures'], ['ecdsa-p256-sha256', 'rsa-pss-sha512']),
    aml: amlPolicy(['un'], amlRules(JPY_AMOUNTS, FATF_TRAVEL_RULE)),
    settlement: {
      rail: 'zengin',
      message: 'pacs.008.001.09',
      cutOff: { time: '15:00', timeZone: 'Asia/Tokyo' },
      settlementDays: 1,
      calendar: jpCalendar,
    },
    identifiers: [jpMyNumber, bicScheme('JP')],
  }),
});
