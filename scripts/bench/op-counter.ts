// Counts what each API call costs in round trips: SQL statements sent to PostgreSQL (each pg
// `query` is one round trip), transactions opened (BEGIN), and Redis commands, attributed to the
// tRPC procedure whose request caused them (AsyncLocalStorage follows the request's async work,
// including after-commit work it schedules). Installed only in the bench's app process, and
// counting only while switched on: its bookkeeping (a context carried through every await of the
// request) cost the app an eighth of its CPU per cart call, so it never runs in a measured
// window (decision 0169).
import { AsyncLocalStorage } from 'node:async_hooks';
import Redis from 'ioredis';
import pg from 'pg';

export interface OpCount {
  calls: number;
  sql: number;
  transactions: number;
  redis: number;
}

const current = new AsyncLocalStorage<OpCount>();
let counts = new Map<string, OpCount>();
let counting = false;

function sqlText(arg: unknown): string {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object' && 'text' in arg) return String((arg as { text: unknown }).text);
  return '';
}

export function installOpCounters() {
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const c = current.getStore();
    if (c) {
      c.sql += 1;
      if (/^\s*begin\b/i.test(sqlText(args[0]))) c.transactions += 1;
    }
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  const send = Redis.prototype.sendCommand;
  Redis.prototype.sendCommand = function (this: Redis, ...args: Parameters<typeof send>) {
    const c = current.getStore();
    if (c) c.redis += 1;
    return send.apply(this, args);
  };
}

/** Runs one request, counting its work under the procedure name(s) in the URL. */
export function countRequest<T>(req: Request, handle: () => T): T {
  if (!counting) return handle();
  const path = new URL(req.url).pathname;
  if (!path.startsWith('/trpc/')) return handle();
  const name = path.slice('/trpc/'.length);
  let c = counts.get(name);
  if (!c) {
    c = { calls: 0, sql: 0, transactions: 0, redis: 0 };
    counts.set(name, c);
  }
  c.calls += 1;
  return current.run(c, handle);
}

/** Switches counting on or off; returns what was counted since the last switch, and starts afresh. */
export function switchOpCounting(on: boolean): Record<string, OpCount> {
  const out = Object.fromEntries(counts);
  counts = new Map();
  counting = on;
  return out;
}
