// Pushes listings' current state from PostgreSQL to Meilisearch: one drain of the search outbox.
// Rows are claimed with FOR UPDATE SKIP LOCKED (several instances share the work), each listing
// is pushed by one drainer at a time (advisory lock), and rows are deleted only after
// Meilisearch has applied the change, in the same transaction; failures retry with backoff.
import type { Meilisearch, Task } from 'meilisearch';
import { inTransaction } from '../../db/transaction';
import type { AppDeps } from '../../deps';
import {
  activeReindexTarget,
  claimOutboxRows,
  deleteOutboxRows,
  loadDocuments,
  lockProductsForSync,
  parkOutboxRows,
  retryOutboxRows,
  storeListingTerms,
} from './search.repository';
import { bumpSearchGeneration } from './search-cache';
import type { ProductDocument } from './search-index';

export const DRAIN_BATCH_SIZE = 500;
const TASK_TIMEOUT_MS = 5_000;
/** Polls of a task: soon at first (a quiet Meilisearch applies one document in milliseconds), then
 * every 50 ms (under load a task takes hundreds of ms, and every poll is an HTTP request served on
 * the same cores: at a fixed 10 ms they were a quarter of the app's CPU samples in checkout). */
const FIRST_POLL_MS = 5;
const MAX_POLL_MS = 50;

export interface DrainResult {
  claimed: number;
  upserted: number;
  deleted: number;
  failed: number;
}

function assertSucceeded(task: Task) {
  if (task.status !== 'succeeded') {
    throw new Error(`Meilisearch task ${task.uid} ${task.status}: ${task.error?.message ?? ''}`);
  }
}

/** Waits until Meilisearch has finished a task (succeeded, failed or canceled); throws after TASK_TIMEOUT_MS. */
async function waitForTask(meili: Meilisearch, taskUid: number): Promise<Task> {
  const deadline = performance.now() + TASK_TIMEOUT_MS;
  for (let pause = FIRST_POLL_MS; ; pause = Math.min(pause * 2, MAX_POLL_MS)) {
    const task = await meili.tasks.getTask(taskUid);
    if (task.status !== 'enqueued' && task.status !== 'processing') return task;
    if (performance.now() > deadline)
      throw new Error(`Meilisearch task ${taskUid} still ${task.status} after ${TASK_TIMEOUT_MS} ms`);
    await Bun.sleep(pause);
  }
}

export async function pushToIndex(
  meili: Meilisearch,
  indexUid: string,
  upserts: ProductDocument[],
  deletes: number[],
): Promise<void> {
  const index = meili.index<ProductDocument>(indexUid);
  const enqueued = await Promise.all([
    upserts.length ? index.addDocuments(upserts, { primaryKey: 'id' }) : null,
    deletes.length ? index.deleteDocuments(deletes) : null,
  ]);
  const tasks = await Promise.all(enqueued.map((e) => (e ? waitForTask(meili, e.taskUid) : null)));
  for (const t of tasks) if (t) assertSucceeded(t);
}

export async function drainSearchOutbox(deps: AppDeps, batchSize = DRAIN_BATCH_SIZE): Promise<DrainResult> {
  const result: DrainResult = { claimed: 0, upserted: 0, deleted: 0, failed: 0 };
  const meili = deps.meili;
  if (!meili) return storeTermsOnly(deps, batchSize);
  const index = deps.config.productsIndex;
  let synced = false;
  await inTransaction(deps.db, async (tx) => {
    // A retried attempt (deadlock, serialisation failure) starts from a clean count.
    Object.assign(result, { claimed: 0, upserted: 0, deleted: 0, failed: 0 });
    const rows = await claimOutboxRows(tx, batchSize);
    if (rows.length === 0) return;
    const locked = new Set(await lockProductsForSync(tx, [...new Set(rows.map((r) => r.product_id))]));
    const mine = rows.filter((r) => locked.has(r.product_id));
    if (mine.length === 0) return;
    result.claimed = mine.length;
    const rowIds = mine.map((r) => r.id);
    const { upserts, deletes } = await loadDocuments(tx, [...locked]);
    // The fallback's terms first, in their own short statement (no product row stays locked
    // while Meilisearch indexes), so Postgres is current even when Meilisearch is failing.
    await storeListingTerms(deps.db, upserts);
    try {
      await pushToIndex(
        meili,
        index,
        upserts.map((u) => u.doc),
        deletes,
      );
    } catch (err) {
      result.failed = mine.length;
      deps.log.warn(
        { err: err instanceof Error ? err.message : String(err), rows: mine.length, index },
        'search sync failed; will retry with backoff',
      );
      await retryOutboxRows(tx, rowIds);
      return;
    }
    // A reindex is filling a fresh index from a snapshot that may predate this change:
    // keep the rows so they are synced again into the fresh index after the swap.
    if (await activeReindexTarget(tx, index)) await parkOutboxRows(tx, rowIds);
    else await deleteOutboxRows(tx, rowIds);
    result.upserted = upserts.length;
    result.deleted = deletes.length;
    synced = true;
  });
  if (synced) await bumpSearchGeneration(deps.store, index).catch(() => {});
  return result;
}

/** Without Meilisearch the outbox still keeps the Postgres fallback's terms current. */
async function storeTermsOnly(deps: AppDeps, batchSize: number): Promise<DrainResult> {
  return inTransaction(deps.db, async (tx) => {
    const rows = await claimOutboxRows(tx, batchSize);
    const ids = [...new Set(rows.map((r) => r.product_id))];
    const { upserts, deletes } = await loadDocuments(tx, ids);
    await storeListingTerms(tx, upserts);
    await deleteOutboxRows(
      tx,
      rows.map((r) => r.id),
    );
    return { claimed: rows.length, upserted: upserts.length, deleted: deletes.length, failed: 0 };
  });
}
