/** Staff users: who may hold a token, with which roles. */
import { asc, eq } from 'drizzle-orm';
import { GatewayError } from '../../core/errors.ts';
import type { Executor } from '../../db/database.ts';
import { users } from '../../db/schema.ts';
import type { Role } from '../auth/roles.ts';

export type User = typeof users.$inferSelect;

export const USER_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{1,62}$/;

export async function addUser(
  db: Executor,
  user: { id: string; displayName: string; roles: Role[] },
): Promise<void> {
  if (!USER_ID_PATTERN.test(user.id)) {
    throw new GatewayError(
      'validation_failed',
      'A user id is 2 to 63 lower-case letters, digits, ".", "_" or "-".',
    );
  }
  await db
    .insert(users)
    .values({ id: user.id, displayName: user.displayName, roles: user.roles })
    .onConflictDoUpdate({
      target: users.id,
      set: { displayName: user.displayName, roles: user.roles, active: true },
    });
}

export function listUsers(db: Executor): Promise<User[]> {
  return db.select().from(users).orderBy(asc(users.id));
}

export async function setUserActive(db: Executor, id: string, active: boolean): Promise<void> {
  const updated = await db.update(users).set({ active }).where(eq(users.id, id)).returning({ id: users.id });
  if (updated.length === 0) throw new GatewayError('not_found', `No user ${id}.`);
}

export async function findUser(db: Executor, id: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user;
}
