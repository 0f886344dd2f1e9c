/**
 * The Netherlands: a partner under the 2012 Dutch–Chinese social-security agreement. EUR, SEPA
 * credit transfers on the TARGET calendar, GDPR (the BSN may only be used where a law allows it,
 * as the Sociale Verzekeringsbank's tasks do); personal data goes to China under GDPR Art. 46(2)(a).
 */
import { defineJurisdictionAdapter } from '../../src/ports/index.ts';
import { creditorReferenceScheme } from '../../src/services/identifiers/creditor-reference.ts';
import { amlRules, EU_TRAVEL_RULE, EUR_AMOUNTS } from '../_shared/aml-rules.ts';
import { bicScheme, ibanScheme } from '../_shared/bank-identifiers.ts';
import {
  AML_RETENTION_YEARS,
  agencySigning,
  amlPolicy,
  retentionYears,
  STANDARD_DISCLOSURES,
  sepaCreditTransfer,
} from '../_shared/partner-defaults.ts';
import {
  BENEFIT_CORRIDOR_BOUNDS,
  DEFAULT_BENEFIT_CORRIDOR,
  DEFAULT_FX_OPTIONS,
  partnerOptionsSchema,
  standardFxPolicy,
} from '../_shared/standard-options.ts';
import { nlBsn } from './bsn.ts';

export const nlAdapter = defineJurisdictionAdapter({
  identity: {
    code: 'NL',
    name: 'Netherlands',
    currency: 'EUR',
    version: '0.1.0',
    kind: 'partner',
    timeZone: 'Europe/Amsterdam',
    languages: ['nl', 'en'],
  },
  optionsSchema: partnerOptionsSchema({
    corridors: {
      contribution: {
        currency: 'EUR',
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
          spreadBps: 25,
          fixedFee: '1.25',
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
      regime: 'GDPR',
      outboundTransfer: {
        mechanism: 'gdpr_public_authority_instrument',
        article: 'GDPR Art. 46(2)(a)',
        reference:
          'GDPR Art. 46(2)(a): Overeenkomst tussen het Koninkrijk der Nederlanden en de Volksrepubliek China inzake sociale zekerheid (2012)',
      },
      disclosures: STANDARD_DISCLOSURES,
      supervisoryAuthority: {
        name: 'Autoriteit Persoonsgegevens',
        url: 'https://www.autoriteitpersoonsgegevens.nl',
        article: 'GDPR Art. 77',
      },
      amlRetentionYears: AML_RETENTION_YEARS,
      retentionYears: retentionYears(),
    },
    signing: agencySigning(
      ['http-message-signatures', 'detached-jws'],
      ['ecdsa-p256-sha256', 'ed25519', 'rsa-pss-sha512'],
    ),
    aml: amlPolicy(['un', 'eu'], amlRules(EUR_AMOUNTS, EU_TRAVEL_RULE)),
    settlement: sepaCreditTransfer('Europe/Amsterdam'),
    identifiers: [nlBsn, ibanScheme('NL'), bicScheme('NL'), creditorReferenceScheme('NL')],
  }),
});
