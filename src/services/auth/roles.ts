/** Staff roles and the authenticated caller. */
import type { PartnerPrincipal } from '../partners/authenticate.ts';

export const ROLES = [
  'operator',
  'compliance_officer',
  'compliance_approver',
  'auditor',
  'privacy_officer',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export interface Principal {
  /** The user id (`users.id`): recorded in audit events, never logged. */
  readonly subject: string;
  readonly roles: readonly Role[];
  /** Set when a partner agency's signed request is the caller (then `roles` is empty). */
  readonly partner?: PartnerPrincipal | undefined;
}
