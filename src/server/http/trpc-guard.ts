// Everything a request to /trpc passes before tRPC sees it, as one middleware: the CSRF rule
// (csrf.ts), no batched auth calls and the JSON body limit (request-limits.ts). The first two are
// plain checks rather than middleware of their own: every middleware level is an async hop on
// every API call, and these answer synchronously (issue 13: Hearth's own cost per call).
import type { MiddlewareHandler } from 'hono';
import { csrfRefusal } from './csrf';
import { batchedAuthRefusal, jsonBodyLimit } from './request-limits';

export function trpcGuard(options: { trustProxy: boolean }): MiddlewareHandler {
  return async (c, next) => csrfRefusal(c, options.trustProxy) ?? batchedAuthRefusal(c) ?? jsonBodyLimit(c, next);
}
