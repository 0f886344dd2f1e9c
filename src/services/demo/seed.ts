/**
 * What the database knows of the jurisdictions (kept in step with the adapters on every start),
 * and the demo: demo users for each role and a demo partner agency. Seeding is idempotent.
 */
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { jurisdictions, partnerAgencies, systemSettings, users } from '../../db/schema.ts';
import type { AdapterRegistry } from '../adapters/registry.ts';
import type { Role } from '../auth/roles.ts';
import { addUser } from '../users/users.ts';

export const DEMO_USERS: readonly { id: string; displayName: string; roles: Role[] }[] = [
  { id: 'demo-operator', displayName: 'Demo operator', roles: ['operator'] },
  { id: 'demo-compliance', displayName: 'Demo compliance officer', roles: ['compliance_officer'] },
  { id: 'demo-approver', displayName: 'Demo compliance approver', roles: ['compliance_approver'] },
  { id: 'demo-auditor', displayName: 'Demo auditor', roles: ['auditor'] },
  { id: 'demo-privacy', displayName: 'Demo privacy officer', roles: ['privacy_officer'] },
];

/** The demo user a `pontis token --role <role>` is issued to when no `--sub` is given. */
export function demoUserFor(role: Role): string {
  return DEMO_USERS.find((user) => user.roles.includes(role))?.id ?? 'demo-operator';
}

export const DEMO_PARTNER_AGENCY = {
  id: 'de-drv-demo',
  name: 'Deutsche Rentenversicherung Bund (demo)',
  jurisdictionCode: 'DE',
} as const;

const DEMO_SEED_KEY = 'demo_seed';

/** Records every enabled adapter, one statement: inserts new ones, updates name, kind, currency, version. */
export async function syncJurisdictions(db: Database, registry: AdapterRegistry): Promise<void> {
  await db
    .insert(jurisdictions)
    .values(
      registry.list().map(({ identity }) => ({
        code: identity.code,
        name: identity.name,
        kind: identity.kind,
        currency: identity.currency,
        adapterVersion: identity.version,
      })),
    )
    .onConflictDoUpdate({
      target: jurisdictions.code,
      set: {
        name: sql`excluded.name`,
        kind: sql`excluded.kind`,
        currency: sql`excluded.currency`,
        adapterVersion: sql`excluded.adapter_version`,
      },
    });
}

/**
 * Seeds the demo once; returns false when it was already there. The jurisdictions must have been
 * synchronised first (`syncJurisdictions`): the demo partner agency refers to one.
 */
export async function seedDemo(db: Database, registry: AdapterRegistry, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [done] = await tx
      .select()
      .from(systemSettings)
      .where(eq(systemSettings.key, DEMO_SEED_KEY))
      .for('update');
    if (done) {
      // A demo seeded by an earlier version gains the demo users of roles added since (never
      // touching existing ones: a disabled demo user stays disabled).
      await tx
        .insert(users)
        .values(DEMO_USERS.map((user) => ({ id: user.id, displayName: user.displayName, roles: user.roles })))
        .onConflictDoNothing();
      return false;
    }
    for (const user of DEMO_USERS) await addUser(tx, user);
    if (registry.get(DEMO_PARTNER_AGENCY.jurisdictionCode)) {
      await tx.insert(partnerAgencies).values(DEMO_PARTNER_AGENCY).onConflictDoNothing();
    }
    await tx
      .insert(systemSettings)
      .values({ key: DEMO_SEED_KEY, value: { version: 1, seededAt: now.toISOString() } })
      .onConflictDoNothing();
    return true;
  });
}
