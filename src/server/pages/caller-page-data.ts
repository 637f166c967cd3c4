// PageData backed by the in-process tRPC caller: the same procedures, validation and DTOs the
// browser gets over HTTP, without the HTTP. Not-found (and input the procedure refuses, such as a
// malformed shop slug) reads as "no such page"; anything else is a real failure and propagates.
import { TRPCError } from '@trpc/server';
import type { AppDeps } from '../deps';
import { createInnerContext } from '../trpc/context';
import { appRouter } from '../trpc/root';
import { createCallerFactory } from '../trpc/trpc';
import type { PageData } from './page-outcome';

const createCaller = createCallerFactory(appRouter);

async function orNull<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (err) {
    if (err instanceof TRPCError && (err.code === 'NOT_FOUND' || err.code === 'BAD_REQUEST')) return null;
    throw err;
  }
}

export function callerPageData(deps: AppDeps, meta: { ip: string; requestId: string }): PageData {
  // Anonymous on purpose: the head of a page is the same for everyone (and may be shared by a CDN).
  const caller = createCaller(createInnerContext(deps, meta));
  return {
    product: (productId) => orNull(caller.catalog.product({ productId })),
    shop: (slug) => orNull(caller.shops.bySlug({ slug })),
    categories: () => caller.catalog.categories(),
  };
}
