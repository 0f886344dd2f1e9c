/**
 * Germany: a partner jurisdiction under the 2001 German–Chinese social-security agreement. EUR,
 * SEPA credit transfers, GDPR; personal data goes to China under GDPR Art. 46(2)(a), the
 * agreement being a binding instrument between public authorities.
 */
import { defineJurisdictionAdapter } from '../../src/ports/index.ts';
import { standardFxPolicy, standardOptionsSchema } from '../_shared/standard-options.ts';

export const deAdapter = defineJurisdictionAdapter({
  identity: {
    code: 'DE',
    name: 'Germany',
    currency: 'EUR',
    version: '0.1.0',
    kind: 'partner',
    timeZone: 'Europe/Berlin',
    languages: ['de', 'en'],
  },
  optionsSchema: standardOptionsSchema({
    currency: 'EUR',
    maxSpreadBps: 500,
    maxPercentFeeBps: 300,
    maxFixedFee: '50.00',
    maxTransferLimit: '500000.00',
  }),
  defaultOptions: {
    fx: {
      spreadBps: 30,
      fixedFee: '1.50',
      percentFeeBps: 0,
      rounding: 'half_up',
      quoteTtlSeconds: 900,
      // The minimum must leave something after the 1.50 fixed fee (1.00 could never be quoted).
      limits: { min: '10.00', max: '100000.00' },
    },
    // EU AMLR 2024/1624: enhanced checks from EUR 1,000 for transfers; review from EUR 10,000.
    aml: { reviewThreshold: '10000.00', travelRuleThreshold: '1000.00' },
  },
  build: (options) => ({
    fx: standardFxPolicy(options.fx, 'DEBT'),
    privacy: {
      regime: 'GDPR',
      outboundTransfer: {
        mechanism: 'gdpr_public_authority_instrument',
        reference:
          'GDPR Art. 46(2)(a): Abkommen zwischen der Bundesrepublik Deutschland und der Volksrepublik China über Soziale Sicherheit (2001)',
      },
      allowedCategories: {
        contribution_collection: ['national_identifier', 'name', 'transaction'],
        benefit_payment: ['national_identifier', 'name', 'bank_account', 'transaction'],
        aml_screening: ['name', 'birth_date'],
        life_certificate: ['national_identifier', 'name', 'birth_date'],
        statistics: [],
      },
      // Five years after the end of the business relationship: EU AMLR 2024/1624 Art. 77.
      retentionYears: {
        transaction: 10,
        national_identifier: 5,
        name: 5,
        birth_date: 5,
        address: 5,
        contact: 5,
        bank_account: 5,
        benefit_information: 5,
        health_information: 5,
      },
    },
    signing: {
      schemes: ['http-message-signatures', 'detached-jws'],
      algorithms: ['ecdsa-p256-sha256', 'ed25519', 'rsa-pss-sha512'],
      maxSignatureAgeSeconds: 60,
    },
    aml: {
      ...options.aml,
      travelRuleFields: ['payer.name', 'payer.account', 'beneficiary.name', 'beneficiary.account'],
      sanctionsLists: ['un', 'eu'],
      highRiskCountries: ['KP', 'IR', 'MM'],
    },
    settlement: {
      rail: 'sepa-credit-transfer',
      message: 'pain.001.001.10',
      cutOff: { time: '15:00', timeZone: 'Europe/Berlin' },
      businessDays: [1, 2, 3, 4, 5],
      closingDays: [],
    },
    identifiers: [],
  }),
});
