/**
 * China: the home jurisdiction. CNY, the home social-security fund, PIPL for personal data, and
 * the Cross-border Interbank Payment System's participants reached over CNAPS.
 */
import { defineJurisdictionAdapter } from '../../src/ports/index.ts';
import { standardFxPolicy, standardOptionsSchema } from '../_shared/standard-options.ts';
import { validateResidentIdentityNumber } from './resident-identity-number.ts';

export const cnAdapter = defineJurisdictionAdapter({
  identity: {
    code: 'CN',
    name: "People's Republic of China",
    currency: 'CNY',
    version: '0.1.0',
    kind: 'home',
    timeZone: 'Asia/Shanghai',
    languages: ['zh-CN', 'en'],
  },
  optionsSchema: standardOptionsSchema({
    currency: 'CNY',
    maxSpreadBps: 500,
    maxPercentFeeBps: 300,
    maxFixedFee: '500.00',
    maxTransferLimit: '5000000.00',
  }),
  defaultOptions: {
    fx: {
      spreadBps: 30,
      fixedFee: '0.00',
      percentFeeBps: 0,
      rounding: 'half_up',
      quoteTtlSeconds: 900,
      limits: { min: '1.00', max: '1000000.00' },
    },
    // The PBoC reporting threshold for an individual's cross-border transfer is USD 10,000 equivalent.
    aml: { reviewThreshold: '70000.00', travelRuleThreshold: '7000.00' },
  },
  build: (options) => ({
    fx: standardFxPolicy(options.fx, 'DEBT'),
    privacy: {
      regime: 'PIPL',
      outboundTransfer: {
        mechanism: 'pipl_contract_necessity',
        reference:
          'PIPL Art. 38; CAC Provisions on Promoting and Regulating Cross-Border Data Flows (2024) Art. 5: necessary to pay a benefit the person is entitled to',
      },
      allowedCategories: {
        contribution_collection: ['national_identifier', 'name', 'transaction'],
        benefit_payment: ['national_identifier', 'name', 'bank_account', 'transaction'],
        aml_screening: ['name', 'birth_date'],
        life_certificate: ['national_identifier', 'name', 'birth_date'],
        statistics: [],
      },
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
    signing: {
      schemes: ['http-message-signatures'],
      algorithms: ['ecdsa-p256-sha256', 'ed25519'],
      maxSignatureAgeSeconds: 60,
    },
    aml: {
      ...options.aml,
      travelRuleFields: ['payer.name', 'payer.account', 'beneficiary.name', 'beneficiary.account'],
      sanctionsLists: ['un'],
      highRiskCountries: ['KP', 'IR', 'MM'],
    },
    settlement: {
      rail: 'cnaps',
      message: 'pacs.008.001.09',
      cutOff: { time: '17:00', timeZone: 'Asia/Shanghai' },
      businessDays: [1, 2, 3, 4, 5],
      closingDays: [],
    },
    identifiers: [
      {
        id: 'cn-resident-identity-number',
        name: 'Resident identity number (居民身份证号码)',
        personal: true,
        validate: validateResidentIdentityNumber,
        examples: {
          valid: ['11010519491231002X'],
          invalid: ['110105194912310021', '11010519491331002X', '1101051949123100', ''],
        },
      },
    ],
  }),
});
