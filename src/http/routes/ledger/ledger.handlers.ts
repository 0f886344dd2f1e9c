import type { RouteHandler } from '@hono/zod-openapi';
import { formatMinorUnits } from '../../../core/money.ts';
import { balances, checkLedger } from '../../../services/ledger/ledger.ts';
import type { AppEnv } from '../../context.ts';
import type { balancesRoute, ledgerCheckRoute } from './ledger.routes.ts';

export const balancesHandler: RouteHandler<typeof balancesRoute, AppEnv> = async (c) => {
  const rows = await balances(await c.get('db')(), c.req.valid('query'));
  return c.json(
    {
      object: 'list' as const,
      data: rows.map((row) => ({
        account: row.account,
        kind: row.kind,
        jurisdiction: row.jurisdiction,
        currency: row.currency,
        posted: formatMinorUnits(row.postedMinor, row.currency),
        pending: formatMinorUnits(row.pendingMinor, row.currency),
      })),
      asOf: c.get('deps').clock().toISOString(),
    },
    200,
  );
};

export const ledgerCheckHandler: RouteHandler<typeof ledgerCheckRoute, AppEnv> = async (c) =>
  c.json(
    { ...(await checkLedger(await c.get('db')())), checkedAt: c.get('deps').clock().toISOString() },
    200,
  );
