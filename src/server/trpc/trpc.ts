// initTRPC runs once, here. Exports only the procedure builders the routers may use.
import { initTRPC, TRPCError } from '@trpc/server';
import type { Context } from './context';
import { errorData, toTRPCError } from './error-mapper';

/**
 * Who may call a procedure. Every procedure carries one (the builder it starts from sets it), and
 * the authorisation matrix test walks the router by this value:
 * - public: anyone; user: any signed-in user (data scoped to them);
 * - shopOwner / listingOwner / reviewShopOwner: the owner of the shop the input names (directly,
 *   through a listing, or through a review);
 * - orderParticipant: the order's buyer or its shop's owner; orderSeller: its shop's owner only;
 *   orderBuyer: its buyer only;
 * - conversationParty: the conversation's buyer or the owner of its shop.
 */
export type Authz =
  | 'public'
  | 'user'
  | 'shopOwner'
  | 'listingOwner'
  | 'reviewShopOwner'
  | 'orderParticipant'
  | 'orderSeller'
  | 'orderBuyer'
  | 'conversationParty';

export interface ProcedureMeta {
  authz: Authz;
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
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
export const publicProcedure = t.procedure.meta({ authz: 'public' }).use(mapDomainErrors);

export const authedProcedure = publicProcedure.meta({ authz: 'user' }).use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in first.' });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

// Procedures that touch one shop, listing, order or review: see ./ownership.ts.
