/**
 * Every kind of message that carries data out of the gateway, with what it may contain. The
 * canary test (`test/integration/privacy-canary.test.ts`) drives each entry and fails on an entry
 * it has no driver for, so a new outbound message type cannot ship without being checked.
 */
import type { Recipient } from '../../ports/index.ts';

export type OutboundAllowance =
  /** Never any personal field (ids and pseudonyms only). */
  | { kind: 'none' }
  /** What the destination adapter allows the recipient for the transfer's purpose. */
  | { kind: 'adapter'; recipient: Recipient }
  /** What the caller's staff role may see (ROLE_VISIBILITY). */
  | { kind: 'role' }
  /** Everything about one person, for that person (access requests): nobody else's data. */
  | { kind: 'subject' };

export interface OutboundMessage {
  readonly type: string;
  readonly description: string;
  readonly allowance: OutboundAllowance;
}

export const OUTBOUND_MESSAGES: readonly OutboundMessage[] = [
  {
    type: 'partner.transfer.created',
    description: 'The signed answer to a partner’s POST /v1/transfers (stored for idempotent replays).',
    allowance: { kind: 'none' },
  },
  {
    type: 'partner.transfer.read',
    description: 'The signed answer to a partner’s GET /v1/transfers/{id}.',
    allowance: { kind: 'adapter', recipient: 'partner_agency' },
  },
  {
    type: 'partner.transfer.list',
    description: 'The signed answer to a partner’s GET /v1/transfers.',
    allowance: { kind: 'adapter', recipient: 'partner_agency' },
  },
  {
    type: 'partner.callback',
    description: 'Signed callbacks (transfer.<state>) to the partner’s callback URL.',
    allowance: { kind: 'none' },
  },
  {
    type: 'staff.transfer.read',
    description: 'GET /v1/transfers/{id} and GET /v1/transfers for staff (console and operator API).',
    allowance: { kind: 'role' },
  },
  {
    type: 'staff.subject.read',
    description: 'GET /v1/privacy/subjects/{id} and POST /v1/privacy/subjects/search.',
    allowance: { kind: 'role' },
  },
  {
    type: 'staff.transfer.compliance',
    description:
      'GET /v1/transfers/{id}/compliance: the decision, reasons, hits and list versions (no personal field; hits are list data).',
    allowance: { kind: 'none' },
  },
  {
    type: 'staff.case.read',
    description:
      'GET /v1/compliance/cases/{id}: a held transfer or alert for review, the person as the officer’s role may see them.',
    allowance: { kind: 'role' },
  },
  {
    type: 'staff.case.sar',
    description:
      'GET /v1/compliance/cases/{id}/sar and /sar.html: the suspicious-activity report an officer files with the authority, the person as the officer’s role may see them.',
    allowance: { kind: 'role' },
  },
  {
    type: 'subject.export',
    description: 'GET /v1/privacy/subjects/{id}/export (JSON and HTML), handed to the person.',
    allowance: { kind: 'subject' },
  },
  {
    type: 'log',
    description: 'Every log line (request logs, background jobs).',
    allowance: { kind: 'none' },
  },
  {
    type: 'problem',
    description: 'Every problem+json error answer.',
    allowance: { kind: 'none' },
  },
  {
    type: 'audit',
    description: 'Audit events (read by auditors and exported to archives): pseudonyms only.',
    allowance: { kind: 'none' },
  },
];
