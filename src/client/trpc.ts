// The typed tRPC client. Imports only the router's TYPE from the server; queries are batched over
// HTTP at /trpc, subscriptions (inventory.watch) go over SSE. One QueryClient for the whole app, so
// route loaders can warm the cache that components then read with the same keys.
import { QueryClient } from '@tanstack/react-query';
import {
  createTRPCClient,
  httpBatchLink,
  httpLink,
  httpSubscriptionLink,
  splitLink,
  TRPCClientError,
} from '@trpc/client';
import { createTRPCQueryUtils, createTRPCReact } from '@trpc/react-query';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../server/trpc/root';
import type { DomainErrorPayload } from '../shared/errors';

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;

export const trpc = createTRPCReact<AppRouter>();

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      gcTime: 5 * 60_000,
      refetchOnWindowFocus: false,
      retry: (count, err) => {
        // Client errors (4xx) will not fix themselves; retry only transient failures, once.
        if (err instanceof TRPCClientError) {
          const status = (err.data as { httpStatus?: number } | undefined)?.httpStatus ?? 500;
          if (status < 500) return false;
        }
        return count < 1;
      },
    },
    // A change made offline fails at once and says so; react-query's default ('online') paused it
    // with its button left on "Sending…" and no word why.
    mutations: { networkMode: 'always' },
  },
});

export const trpcClient = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => op.type === 'subscription',
      true: httpSubscriptionLink({ url: '/trpc' }),
      // The server refuses batches over 10 calls and batched sign-in/out (src/server/http/request-limits.ts).
      false: splitLink({
        condition: (op) => /^auth\.(login|register|logout)$/.test(op.path),
        true: httpLink({ url: '/trpc' }),
        false: httpBatchLink({ url: '/trpc', maxURLLength: 4000, maxItems: 10 }),
      }),
    }),
  ],
});

/** Imperative cache helpers for loaders: `utils.catalog.product.ensureData({ productId })`. */
export const utils = createTRPCQueryUtils({ queryClient, client: trpcClient });

export type AppClientError = TRPCClientError<AppRouter>;

/** A failed call as the UI sees it: narrow on `code` to read that code's typed `details`. */
export type DomainErrorInfo = (DomainErrorPayload | { code: null; details: Record<string, never> }) & {
  message: string;
  httpStatus: number;
  fieldErrors: Record<string, string[]>;
};

/** The input field a domain error names (NOT_FOUND, CONFLICT, SLUG_TAKEN, …), if any. */
export function errorField(info: DomainErrorInfo): string | undefined {
  return 'field' in info.details ? info.details.field : undefined;
}

/** Everything the UI needs from a failed call, whatever threw it. */
export function describeError(err: unknown): DomainErrorInfo {
  // A TRPCClientError without data never got an answer from the API (the network failed, or
  // something in between answered with a page): its message is the browser's ("Failed to fetch").
  if (err instanceof TRPCClientError && (err as AppClientError).data) {
    const data = (err as AppClientError).data;
    return {
      ...(data?.domain ?? { code: null, details: {} }),
      message: err.message,
      httpStatus: data?.httpStatus ?? 500,
      fieldErrors: data?.fieldErrors ?? {},
    };
  }
  // Only a browser that says so is offline (Bun's navigator, rendering on the server, has no onLine).
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  const unanswered = err instanceof TRPCClientError;
  return {
    code: null,
    details: {},
    message: offline
      ? 'You appear to be offline. Check your connection and try again.'
      : unanswered
        ? 'We could not reach Hearth just now. Check your connection and try again.'
        : 'Something went wrong. Please try again.',
    httpStatus: 0,
    fieldErrors: {},
  };
}
