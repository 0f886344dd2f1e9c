/**
 * Hold timeouts: each policy of the partner adapter (expire, reject, escalate), the rule that a
 * high case is always escalated, a pending release left to its second officer, several runs at
 * once handling each case once, and `pontis compliance expire-holds`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, complianceCases, journalEntries, transfers } from '../../src/db/schema.ts';
import type { HoldPolicy } from '../../src/ports/aml.ts';
import type { AdapterRegistry } from '../../src/services/adapters/registry.ts';
import { expireHolds } from '../../src/services/review/timeouts.ts';
import { runCli } from '../helpers/cli.ts';
import { createTestGateway, type TestGateway } from '../helpers/gateway.ts';
import { type HeldCase, openHeldCase } from '../helpers/review.ts';

let gw: TestGateway;

beforeAll(async () => {
  gw = await createTestGateway();
});
afterAll(async () => {
  await gw?.close();
});

/** The gateway's registry with every partner's hold policy replaced by `onTimeout`. */
function withHoldPolicy(registry: AdapterRegistry, onTimeout: HoldPolicy['onTimeout']): AdapterRegistry {
  const patch = <T extends { aml: { holdPolicy: HoldPolicy } } | undefined>(adapter: T): T =>
    adapter && ({ ...adapter, aml: { ...adapter.aml, holdPolicy: { timeoutHours: 72, onTimeout } } } as T);
  return {
    home: registry.home,
    list: () => registry.list().map(patch),
    get: (code) => patch(registry.get(code)),
    require: (code) => patch(registry.require(code)),
  };
}

async function caseRow(id: string) {
  const [row] = await gw.db.db.select().from(complianceCases).where(eq(complianceCases.id, id));
  if (!row) throw new Error(`no case ${id}`);
  return row;
}

async function stateOf(held: HeldCase) {
  const [transfer] = await gw.db.db.select().from(transfers).where(eq(transfers.id, held.transferId));
  const [journal] = await gw.db.db
    .select()
    .from(journalEntries)
    .where(eq(journalEntries.transferId, held.transferId));
  return { transfer: transfer?.state, reserve: journal?.phase, case: await caseRow(held.caseId) };
}

/** Due cases of earlier tests are closed first, so that each test counts its own. */
async function runDue(onTimeout: HoldPolicy['onTimeout'], at: Date) {
  return expireHolds(gw.db.db, withHoldPolicy(gw.deps.registry, onTimeout), at, 'system');
}

const afterExpiry = async (held: HeldCase) =>
  new Date(((await caseRow(held.caseId)).holdExpiresAt?.getTime() ?? 0) + 1);

describe('a hold that times out', () => {
  it('is left alone until its expiry', async () => {
    const held = await openHeldCase(gw, { priority: 'normal' });
    const expiry = (await caseRow(held.caseId)).holdExpiresAt;
    expect(expiry?.getTime()).toBe(gw.clock.now.getTime() + 72 * 3_600_000);
    await runDue('expire', new Date((expiry?.getTime() ?? 0) - 1));
    expect(await stateOf(held)).toMatchObject({
      transfer: 'held',
      reserve: 'pending',
      case: { status: 'open', escalatedAt: null },
    });
    await runDue('escalate', await afterExpiry(held));
  });

  it('expires under `expire`: the transfer expires and its reserve is voided', async () => {
    const held = await openHeldCase(gw, { priority: 'normal' });
    const result = await runDue('expire', await afterExpiry(held));
    expect(result).toEqual({ expired: 1, rejected: 0, escalated: 0, failed: 0 });
    expect(await stateOf(held)).toMatchObject({
      transfer: 'expired',
      reserve: 'voided',
      case: { status: 'expired', decidedBy: 'system' },
    });
  });

  it('is rejected under `reject`, with the reserve voided', async () => {
    const held = await openHeldCase(gw, { priority: 'normal' });
    expect(await runDue('reject', await afterExpiry(held))).toEqual({
      expired: 0,
      rejected: 1,
      escalated: 0,
      failed: 0,
    });
    expect(await stateOf(held)).toMatchObject({
      transfer: 'rejected',
      reserve: 'voided',
      case: { status: 'rejected' },
    });
  });

  it('stays held under `escalate`, the case marked escalated once', async () => {
    const held = await openHeldCase(gw, { priority: 'normal' });
    const at = await afterExpiry(held);
    expect(await runDue('escalate', at)).toEqual({ expired: 0, rejected: 0, escalated: 1, failed: 0 });
    const after = await stateOf(held);
    expect(after).toMatchObject({ transfer: 'held', reserve: 'pending', case: { status: 'open' } });
    expect(after.case.escalatedAt?.toISOString()).toBe(at.toISOString());
    // Escalated once: a later run leaves it to the officers.
    expect(await runDue('expire', new Date(at.getTime() + 3_600_000))).toEqual({
      expired: 0,
      rejected: 0,
      escalated: 0,
      failed: 0,
    });
    expect((await stateOf(held)).transfer).toBe('held');
  });

  it('of a high case is always escalated: frozen funds are never returned by a timeout', async () => {
    for (const policy of ['expire', 'reject'] as const) {
      const held = await openHeldCase(gw);
      expect((await caseRow(held.caseId)).priority).toBe('high');
      expect(await runDue(policy, await afterExpiry(held))).toMatchObject({
        expired: 0,
        rejected: 0,
        escalated: 1,
      });
      expect(await stateOf(held)).toMatchObject({
        transfer: 'held',
        reserve: 'pending',
        case: { status: 'open' },
      });
    }
  });

  it('waiting for its second officer is escalated, not expired', async () => {
    const held = await openHeldCase(gw, { priority: 'normal' });
    const asked = await gw.request('POST', `/v1/compliance/cases/${held.caseId}/release`, {
      role: 'compliance_officer',
      body: { reason: 'Other nationality and birth place.' },
    });
    expect(asked.status).toBe(200);
    expect(await runDue('expire', await afterExpiry(held))).toMatchObject({ expired: 0, escalated: 1 });
    expect(await stateOf(held)).toMatchObject({
      transfer: 'released',
      case: { status: 'release_requested' },
    });
  });

  it('is audited with ids and the policy, never more', async () => {
    const held = await openHeldCase(gw, { priority: 'normal' });
    const at = await afterExpiry(held);
    await runDue('expire', at);
    const [event] = await gw.db.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, held.caseId), eq(auditEvents.action, 'compliance_case.expired')));
    expect(event).toMatchObject({ actor: 'system', fromState: 'open', toState: 'expired' });
    expect(event?.data).toEqual({
      kind: 'transfer_hold',
      transferId: held.transferId,
      priority: 'normal',
      trigger: 'hold_timeout',
      policy: 'expire',
      holdExpiresAt: new Date(at.getTime() - 1).toISOString(),
    });
  });
});

describe('several runs at once', () => {
  it('handle each due case exactly once', async () => {
    const held: HeldCase[] = [];
    for (let i = 0; i < 4; i += 1) held.push(await openHeldCase(gw, { priority: 'normal' }));
    const at = await afterExpiry(held.at(-1) as HeldCase);
    const results = await Promise.all([runDue('expire', at), runDue('expire', at), runDue('expire', at)]);
    expect(results.reduce((sum, result) => sum + result.expired, 0)).toBe(4);
    expect(results.every((result) => result.failed === 0)).toBe(true);
    for (const item of held) {
      expect((await stateOf(item)).transfer).toBe('expired');
      const events = await gw.db.db
        .select()
        .from(auditEvents)
        .where(
          and(eq(auditEvents.subjectId, item.caseId), eq(auditEvents.action, 'compliance_case.expired')),
        );
      expect(events).toHaveLength(1);
    }
  });
});

describe('pontis compliance expire-holds', () => {
  it('runs the job against the configured database and prints what it did', async () => {
    if (gw.db.url) {
      // On PostgreSQL the command reaches this test's database and its due case.
      const held = await openHeldCase(gw, { priority: 'normal' });
      await gw.db.db
        .update(complianceCases)
        .set({ holdExpiresAt: new Date(Date.now() - 60_000) })
        .where(eq(complianceCases.id, held.caseId));
      const result = await runCli(['compliance', 'expire-holds'], { DATABASE_URL: gw.db.url }, 60_000);
      expect(result.code, result.stderr).toBe(0);
      // The jurisdictions' own policy (DE: escalate after 72 hours) applies.
      expect(JSON.parse(result.stdout)).toMatchObject({ escalated: 1, failed: 0 });
      expect((await caseRow(held.caseId)).escalatedAt).not.toBeNull();
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'pontis-holds-'));
    try {
      const result = await runCli(['compliance', 'expire-holds'], { PONTIS_DATA_DIR: dir }, 60_000);
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual({ expired: 0, rejected: 0, escalated: 0, failed: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
