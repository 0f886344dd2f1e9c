/**
 * China: the home jurisdiction. CNY, the home social-security fund, PIPL for personal data, and
 * CNAPS (with CIPS for the cross-border leg). Every corridor runs between China and a partner;
 * the partner adapters price them. China allows manual rates because the PBoC publishes a daily
 * central parity for CNY that the fund may be required to apply instead of the ECB's rate.
 */
import { defineJurisdictionAdapter } from '../../src/ports/index.ts';
import {
  AML_RETENTION_YEARS,
  agencySigning,
  amlPolicy,
  STANDARD_DISCLOSURES,
} from '../_shared/partner-defaults.ts';
import { homeOptionsSchema, standardFxPolicy } from '../_shared/standard-options.ts';
import { cnCalendar } from './calendar.ts';
import { cnResidentIdentityNumber } from './resident-identity-number.ts';

export const cnAdapter = defineJurisdictionAdapter({
  identity: {
    code: 'CN',
    name: "People's Republic of China",
    currency: 'CNY',
    version: '0.2.0',
    kind: 'home',
    timeZone: 'Asia/Shanghai',
    languages: ['zh-CN', 'en'],
  },
  optionsSchema: homeOptionsSchema(),
  defaultOptions: {
    fx: {
      maxRateAgeTargetDays: 2,
      // The PBoC central parity may differ from the ECB cross rate by a few tenths of a percent.
      manualRates: { allowed: true, maxDeviationBps: 300, maxValidityHours: 48 },
      corridors: {},
    },
  },
  build: (options) => ({
    fx: standardFxPolicy(options.fx),
    privacy: {
      regime: 'PIPL',
      outboundTransfer: {
        mechanism: 'pipl_contract_necessity',
        article: 'PIPL Art. 13(1)(2) and Art. 38; CAC Provisions (2024) Art. 5(1)',
        reference:
          'PIPL Art. 38; CAC Provisions on Promoting and Regulating Cross-Border Data Flows (2024) Art. 5: necessary to pay a benefit the person is entitled to',
      },
      disclosures: STANDARD_DISCLOSURES,
      // PIPL Art. 39: providing personal information abroad needs the person's separate consent
      // where the purpose is not strictly necessary for paying what they are owed.
      consent: {
        life_certificate: { kind: 'pipl_separate_consent', textVersion: 'cn-cross-border-2026-01' },
        benefit_payment: { kind: 'pipl_separate_consent', textVersion: 'cn-cross-border-2026-01' },
      },
      supervisoryAuthority: {
        name: 'Cyberspace Administration of China (CAC)',
        url: 'https://www.cac.gov.cn',
        article: 'PIPL Art. 65',
      },
      amlRetentionYears: AML_RETENTION_YEARS,
      retentionYears: {
        transaction: 30,
        national_identifier: 30,
        name: 30,
        birth_date: 30,
        address: 5,
        contact: 5,
        bank_account: 5,
        benefit_information: 30,
        health_information: 5,
      },
    },
    signing: agencySigning(['http-message-signatures'], ['ecdsa-p256-sha256', 'ed25519']),
    // Home: every corridor runs on its partner's rule set; China's lists and hold policy apply to all.
    aml: amlPolicy(['un']),
    settlement: {
      rail: 'cnaps',
      message: 'pacs.008.001.09',
      cutOff: { time: '17:00', timeZone: 'Asia/Shanghai' },
      settlementDays: 1,
      calendar: cnCalendar,
    },
    identifiers: [cnResidentIdentityNumber],
  }),
});
