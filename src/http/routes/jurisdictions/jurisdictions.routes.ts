import {
  CreditorReference,
  CreditorReferenceRequest,
  IdentifierValidation,
  IdentifierValidationRequest,
  Jurisdiction,
  JurisdictionList,
  JurisdictionParams,
} from '../../../../schemas/jurisdictions.ts';
import { ROLES } from '../../../services/auth/roles.ts';
import { defineRoute, problemResponse } from '../../route.ts';

const json = <T>(schema: T) => ({ 'application/json': { schema } });

export const listJurisdictionsRoute = defineRoute(ROLES, {
  method: 'get',
  path: '/v1/jurisdictions',
  tags: ['Jurisdictions'],
  summary: 'The enabled jurisdictions, their corridors and capabilities',
  description:
    'Every enabled adapter, home first: currency, adapter version, corridors (spread, fees, limits, rounding, quote lifetime, charge bearer, rate age), identifier schemes, settlement rail, cut-off and calendar, privacy regime and signing schemes.',
  responses: { 200: { description: 'The jurisdictions.', content: json(JurisdictionList) } },
});

export const getJurisdictionRoute = defineRoute(ROLES, {
  method: 'get',
  path: '/v1/jurisdictions/{code}',
  tags: ['Jurisdictions'],
  summary: 'One jurisdiction',
  request: { params: JurisdictionParams },
  responses: {
    200: { description: 'The jurisdiction.', content: json(Jurisdiction) },
    404: problemResponse('No enabled jurisdiction has this code (`not_found`).'),
  },
});

export const validateIdentifierRoute = defineRoute(ROLES, {
  method: 'post',
  path: '/v1/jurisdictions/{code}/identifiers/validate',
  tags: ['Jurisdictions'],
  summary: 'Check an identifier before sending it',
  description:
    "Checks a national identifier, IBAN, BIC or creditor reference against one of the jurisdiction's schemes (format, check digits, embedded dates, country). The answer is `valid`, or the rule that failed; the value is neither stored, logged nor repeated in the answer.",
  request: {
    params: JurisdictionParams,
    body: { required: true, content: json(IdentifierValidationRequest) },
  },
  responses: {
    200: {
      description: 'The result of the check (also when the value is invalid).',
      content: json(IdentifierValidation),
    },
    404: problemResponse('Unknown jurisdiction (`not_found`) or scheme (`identifier_scheme_unknown`).'),
  },
});

export const createCreditorReferenceRoute = defineRoute(['operator'], {
  method: 'post',
  path: '/v1/creditor-references',
  tags: ['Jurisdictions'],
  summary: 'Create an ISO 11649 RF creditor reference',
  description:
    'Adds "RF" and the two ISO 11649 check digits to a reference base, so that a payer abroad can quote it and the payment is matched. Nothing is stored.',
  request: { body: { required: true, content: json(CreditorReferenceRequest) } },
  responses: { 200: { description: 'The creditor reference.', content: json(CreditorReference) } },
});
