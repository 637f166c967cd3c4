// Read-your-writes with a read replica (decision 0102): a browser that just changed something gets
// a short-lived cookie, and while it carries it every read of that browser goes to the primary,
// so a review just posted, a shop just renamed or a listing just edited is there on the next
// page even if the replica is a moment behind. Without a replica the app does not mount it.
import type { MiddlewareHandler } from 'hono';
import { type ReplicaRouter, readFromPrimary } from '../db/read-replica';
import { COOKIE_NAMES, readCookie, recentWriteCookie } from './cookies';

export function readYourWrites(replica: ReplicaRouter, production: boolean): MiddlewareHandler {
  // Longer than any lag the replica is used at, plus one health-check period.
  const maxAgeSeconds = Math.ceil(replica.maxLagMs / 1000) + 2;
  const cookie = recentWriteCookie(maxAgeSeconds, production);
  return async (c, next) => {
    const recent = readCookie(c.req.header('cookie'), COOKIE_NAMES.recentWrite) !== null;
    if (recent) await readFromPrimary(() => next());
    else await next();
    if (c.req.method === 'POST' && c.res.status < 400) c.res.headers.append('Set-Cookie', cookie);
  };
}
