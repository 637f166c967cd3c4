// The fixed stack's floor for a cart change (issue 13): Hono, @hono/trpc-server, tRPC, zod and
// Kysely over pg, sending the cart's own SQL (the same statements as raw-sql.ts) and nothing else
// of Hearth's: no session, rate limit, CSRF, security headers, request id or DTO. The bench serves
// it from a process of its own (floor-process.ts) and loads it beside the API and raw SQL, so a report splits the API's
// distance from raw SQL into what the stack costs and what Hearth's own code adds.
import { trpcServer } from '@hono/trpc-server';
import { initTRPC } from '@trpc/server';
import { Hono } from 'hono';
import { CompiledQuery, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../src/server/db/database';
import { CART_CHANGE_SQL } from '../../src/server/modules/inventory/inventory.repository';
import { HOLD_MINUTES, MAX_HOLD_MINUTES } from './raw-sql';

/** The client names its buyer in this cookie (the floor has no sessions). */
export const FLOOR_USER_COOKIE = 'bench_user';

const cartChange = z.object({
  productId: z.number().int().positive(),
  quantity: z.number().int().positive().optional(),
});

export function stackFloorApp(db: Kysely<Database>) {
  const t = initTRPC.context<{ userId: number }>().create();
  const lines = (rows: { id: number | null }[]) => rows.filter((r) => r.id !== null);
  const router = t.router({
    cart: t.router({
      addItem: t.procedure.input(cartChange).mutation(async ({ ctx, input }) => {
        const r = await db.executeQuery<{ id: number | null; hold: { outcome: string } }>(
          CompiledQuery.raw(CART_CHANGE_SQL.hold, [
            ctx.userId,
            null,
            input.productId,
            null,
            '',
            input.quantity ?? 1,
            true,
            null,
            999,
            HOLD_MINUTES,
            MAX_HOLD_MINUTES,
            100,
          ]),
        );
        return { outcome: r.rows[0]?.hold.outcome, lines: lines(r.rows) };
      }),
      removeItem: t.procedure.input(cartChange).mutation(async ({ ctx, input }) => {
        const r = await db.executeQuery<{ id: number | null }>(
          CompiledQuery.raw(CART_CHANGE_SQL.release, [
            ctx.userId,
            null,
            input.productId,
            null,
            '',
            HOLD_MINUTES,
            MAX_HOLD_MINUTES,
          ]),
        );
        return { lines: lines(r.rows) };
      }),
    }),
  });
  const userOf = (cookie: string | null) => Number(cookie?.match(/bench_user=(\d+)/)?.[1] ?? 0);
  const app = new Hono();
  app.use(
    '/trpc/*',
    trpcServer({
      endpoint: '/trpc',
      router,
      createContext: (opts) => ({ userId: userOf(opts.req.headers.get('cookie')) }),
    }),
  );
  return app;
}
