import { PaginationQuery } from '../../../../schemas/common.ts';
import {
  IdempotencyHeaders,
  Transfer,
  TransferIdParam,
  TransferList,
  TransferRequest,
} from '../../../../schemas/transfers.ts';
import { defineRoute, problemResponse } from '../../route.ts';

const READERS = ['operator', 'compliance_officer', 'compliance_approver', 'auditor'] as const;

export const createTransferRoute = defineRoute(
  ['operator'],
  {
    method: 'post',
    path: '/v1/transfers',
    tags: ['Transfers'],
    summary: 'Create a transfer from a quote',
    description:
      'Consumes the quote, creates the transfer in state `received` and reserves its money in the ledger, all in one database transaction. Requires an `Idempotency-Key`: a retry with the same key and body returns the first response (with `Idempotent-Replayed: true`).',
    request: {
      headers: IdempotencyHeaders,
      body: { required: true, content: { 'application/json': { schema: TransferRequest } } },
    },
    responses: {
      201: { description: 'The transfer.', content: { 'application/json': { schema: Transfer } } },
      409: problemResponse(
        '`quote_used`, or `idempotency_conflict`: the key was used with a different body.',
      ),
      422: problemResponse('`quote_not_found` or `quote_expired`.'),
    },
  },
  { partners: true },
);

export const getTransferRoute = defineRoute(
  READERS,
  {
    method: 'get',
    path: '/v1/transfers/{id}',
    tags: ['Transfers'],
    summary: 'Get a transfer',
    request: { params: TransferIdParam },
    responses: {
      200: { description: 'The transfer.', content: { 'application/json': { schema: Transfer } } },
      404: problemResponse('No transfer with this id (`not_found`).'),
    },
  },
  { partners: true },
);

export const listTransfersRoute = defineRoute(
  READERS,
  {
    method: 'get',
    path: '/v1/transfers',
    tags: ['Transfers'],
    summary: 'List transfers, newest first',
    description:
      'Cursor pagination: pass the `id` of the last transfer of a page as `starting_after` to get the next.',
    request: { query: PaginationQuery },
    responses: {
      200: { description: 'A page of transfers.', content: { 'application/json': { schema: TransferList } } },
    },
  },
  { partners: true },
);
