import { BalanceList, BalanceQuery, LedgerCheck } from '../../../../schemas/ledger.ts';
import { defineRoute } from '../../route.ts';

const LEDGER_READERS = ['operator', 'auditor'] as const;

export const balancesRoute = defineRoute(LEDGER_READERS, {
  method: 'get',
  path: '/v1/ledger/balances',
  tags: ['Ledger'],
  summary: 'Balances per account and currency',
  description:
    'Posted and pending (reserved) sums per account, derived from the postings at the time of the request.',
  request: { query: BalanceQuery },
  responses: { 200: { description: 'Balances.', content: { 'application/json': { schema: BalanceList } } } },
});

export const ledgerCheckRoute = defineRoute(LEDGER_READERS, {
  method: 'get',
  path: '/v1/ledger/check',
  tags: ['Ledger'],
  summary: 'Prove that every journal balances per currency',
  responses: {
    200: {
      description: 'The result of the check.',
      content: { 'application/json': { schema: LedgerCheck } },
    },
  },
});
