// Reads that are the same for every anonymous visitor, kept in process for a short while across
// server renders: the category tree (every page's bar) and a listing's "also bought" row (should a
// render ask for it: the product page's loader leaves it to the browser). Each render otherwise
// asks for them again. Only answers are kept (never errors), only for queries, and "also bought"
// only when the page is rendered for nobody in particular (its co-purchases leave out the viewer's
// own orders). Decision 0133.
import type { TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import type { AppRouter } from '../trpc/root';

/** How long each shared read is kept, by procedure path. */
const SHARED_MS: Record<string, { ms: number; anonymousOnly: boolean }> = {
  'catalog.categories': { ms: 60_000, anonymousOnly: false },
  'feed.alsoBought': { ms: 60_000, anonymousOnly: true },
};
const MAX_ENTRIES = 5_000;

interface Kept {
  expires: number;
  result: unknown;
}

export class SharedReads {
  private readonly kept = new Map<string, Kept>();

  constructor(private readonly now: () => number = Date.now) {}

  get(key: string): unknown | undefined {
    const entry = this.kept.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.kept.delete(key);
      return undefined;
    }
    return entry.result;
  }

  set(key: string, result: unknown, ms: number) {
    this.kept.delete(key);
    this.kept.set(key, { expires: this.now() + ms, result });
    if (this.kept.size > MAX_ENTRIES) this.kept.delete(this.kept.keys().next().value as string);
  }
}

/** The process's shared reads (one per server process). */
export const sharedReads = new SharedReads();

/** A link in front of the in-process one: answers a shared read from `reads` when it has it. */
export function sharedReadsLink(reads: SharedReads, anonymous: boolean): TRPCLink<AppRouter> {
  return () =>
    ({ op, next }) =>
      observable((observer) => {
        const rule = SHARED_MS[op.path];
        if (op.type !== 'query' || !rule || (rule.anonymousOnly && !anonymous)) return next(op).subscribe(observer);
        const key = `${op.path}:${JSON.stringify(op.input ?? null)}`;
        const hit = reads.get(key);
        if (hit !== undefined) {
          observer.next(hit as Parameters<typeof observer.next>[0]);
          observer.complete();
          return;
        }
        return next(op).subscribe({
          next(result) {
            reads.set(key, result, rule.ms);
            observer.next(result);
          },
          error: (err) => observer.error(err),
          complete: () => observer.complete(),
        });
      });
}
