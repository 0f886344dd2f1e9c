/**
 * Switzerland: a partner under the 2015 Swiss–Chinese social-security agreement. CHF, SIC (the
 * Swiss Interbank Clearing) on its own calendar, the revised Federal Act on Data Protection
 * (FADP), which the EU recognises as adequate; personal data goes to China under FADP Art. 16(2)(a),
 * an international treaty.
 */
import { defineJurisdictionAdapter } from '../../src/ports/index.ts';
import { creditorReferenceScheme } from '../../src/services/identifiers/creditor-reference.ts';
import { type AmlAmounts, amlRules, FATF_TRAVEL_RULE } from '../_shared/aml-rules.ts';
import { bicScheme, ibanScheme } from '../_shared/bank-identifiers.ts';
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
import { chAhvNumber } from './ahv-number.ts';
import { chCalendar } from './calendar.ts';

/**
 * CHF amounts. Swiss AMLA / AMLO-FINMA: identification from CHF 15,000 for cash-equivalent business,
 * and the originator information of a payment order (AMLO-FINMA Art. 10) as in FATF R.16.
 */
const CHF_AMOUNTS: AmlAmounts = {
  currency: 'CHF',
  perTransfer: ['1000.00', '15000.00', '100000.00'],
  cumulative: ['1000.00', '25000.00', '250000.00'],
  velocitySum: {
    h24: ['100.00', '5000.00', '250000.00'],
    d7: ['100.00', '10000.00', '250000.00'],
    d30: ['100.00', '20000.00', '500000.00'],
  },
  roundMultiple: ['100.00', '1000.00', '10000.00'],
  roundMinAmount: ['500.00', '5000.00', '100000.00'],
};

export const chAdapter = defineJurisdictionAdapter({
  identity: {
    code: 'CH',
    name: 'Switzerland',
    currency: 'CHF',
    version: '0.1.0',
    kind: 'partner',
    timeZone: 'Europe/Zurich',
    languages: ['de', 'fr', 'it', 'en'],
  },
  optionsSchema: partnerOptionsSchema({
    corridors: {
      contribution: {
        currency: 'CHF',
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
          fixedFee: '1.50',
          percentFeeBps: 0,
          rounding: 'half_up',
          quoteTtlSeconds: 900,
          chargeBearer: 'DEBT',
          limits: { min: '10.00', max: '100000.00' },
        },
        benefit: DEFAULT_BENEFIT_CORRIDOR,
      },
    },
  },
  build: (options) => ({
    fx: standardFxPolicy(options.fx),
    privacy: {
      regime: 'FADP',
      outboundTransfer: {
        mechanism: 'national_law',
        article: 'FADP Art. 16(2)(a)',
        reference:
          'FADP Art. 16(2)(a): Abkommen zwischen der Schweizerischen Eidgenossenschaft und der Volksrepublik China über Soziale Sicherheit (2015)',
      },
      disclosures: STANDARD_DISCLOSURES,
      supervisoryAuthority: {
        name: 'Eidgenössischer Datenschutz- und Öffentlichkeitsbeauftragter (EDÖB)',
        url: 'https://www.edoeb.admin.ch',
        article: 'FADP Art. 49',
      },
      amlRetentionYears: AML_RETENTION_YEARS,
      retentionYears: retentionYears(),
    },
    signing: agencySigning(
      ['http-message-signatures', 'detached-jws'],
      ['ecdsa-p256-sha256', 'ed25519', 'rsa-pss-sha512'],
    ),
    aml: amlPolicy(['un', 'eu'], amlRules(CHF_AMOUNTS, FATF_TRAVEL_RULE)),
    settlement: {
      rail: 'sic',
      message: 'pacs.008.001.09',
      cutOff: { time: '15:00', timeZone: 'Europe/Zurich' },
      settlementDays: 1,
      calendar: chCalendar,
    },
    identifiers: [chAhvNumber, ibanScheme('CH'), bicScheme('CH'), creditorReferenceScheme('CH')],
  }),
});
