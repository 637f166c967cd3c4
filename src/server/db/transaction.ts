// Opens a transaction at a use-case edge and retries it on serialization failures and
// deadlocks (40001, 40P01), which are safe to retry because the whole transaction rolled back.
import type { Db, Tx } from './kysely';

const RETRYABLE = new Set(['40001', '40P01']);

export function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>, attempts = 5): Promise<T> {
  return retryingConflicts(() => db.transaction().execute(work), attempts);
}

/**
 * Runs `work` (a transaction, or one statement that is its own transaction, such as a plpgsql
 * function call) again on a serialization failure or deadlock: it rolled back, so that is safe.
 */
export async function retryingConflicts<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (!code || !RETRYABLE.has(code) || attempt >= attempts) throw err;
      await Bun.sleep(5 * attempt + Math.random() * 10);
    }
  }
}
