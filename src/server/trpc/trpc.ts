// initTRPC runs once, here. Exports only the procedure builders the routers may use.
import { initTRPC, TRPCError } from '@trpc/server';
import { DomainError } from '../../shared/errors';
import type { Context } from './context';
import { errorData, toTRPCError } from './error-mapper';

const t = initTRPC.context<Context>().create({
  isDev: false,
  // Subscriptions (inventory.watch) over SSE: a ping comment keeps proxies and Bun's idle
  // timeout from closing a quiet stream; the client reconnects if pings stop arriving.
  sse: {
    ping: { enabled: true, intervalMs: 5_000 },
    client: { reconnectAfterInactivityMs: 15_000 },
  },
  errorFormatter({ shape, error }) {
    const data = errorData(error);
    const hidden = error.code === 'INTERNAL_SERVER_ERROR';
    return {
      ...shape,
      message: hidden ? 'Something went wrong on our side. Please try again.' : (data.message ?? shape.message),
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        domain: data.domain,
        fieldErrors: data.fieldErrors,
      },
    };
  },
});

const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTRPCError(result.error.cause);
    if (mapped) throw mapped;
  }
  return result;
});

export const router = t.router;
/** For procedure middleware declared elsewhere (rate limits). */
export const middleware = t.middleware;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapDomainErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in first.' });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** Throws FORBIDDEN unless the signed-in user owns `shopId`. Used by seller procedures' services. */
export function assertOwnsShop(user: { shopId: number | null }, shopId: number) {
  if (user.shopId !== shopId) throw new DomainError('FORBIDDEN', 'You can only manage your own shop.');
}
