import { SanctionsImportQuery, SanctionsImports, SanctionsLists } from '../../../../schemas/sanctions.ts';
import { defineRoute } from '../../route.ts';

const json = <T>(schema: T) => ({ 'application/json': { schema } });
/** Compliance staff, the auditor and the operator (who runs the imports) read the list metadata. */
const LIST_READERS = ['compliance_officer', 'compliance_approver', 'auditor', 'operator'] as const;

export const sanctionsListsRoute = defineRoute(LIST_READERS, {
  method: 'get',
  path: '/v1/sanctions/lists',
  tags: ['Screening'],
  summary: 'The active version of each sanctions list',
  description:
    'Per list (OFAC SDN, UN, EU, UK): the version screening uses now, with the SHA-256 of its bytes, the publisher’s date, when and how it was imported, its entry and name counts, and how many entries it added, changed and removed against the version before. Lists without an active version are named in `missing`.',
  responses: { 200: { description: 'The active versions.', content: json(SanctionsLists) } },
});

export const sanctionsImportsRoute = defineRoute(LIST_READERS, {
  method: 'get',
  path: '/v1/sanctions/imports',
  tags: ['Screening'],
  summary: 'Recent sanctions list import attempts',
  description:
    'Every attempt, newest first: loaded, unchanged (the same bytes as the active version) or failed, with the error code and what was wrong. A failed attempt never changes the active version.',
  request: { query: SanctionsImportQuery },
  responses: { 200: { description: 'The attempts.', content: json(SanctionsImports) } },
});
