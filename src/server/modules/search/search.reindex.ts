// Full rebuild with no downtime: fill a fresh index (same settings) from PostgreSQL in keyset
// batches, swap it in with Meilisearch's index swap, delete the old one. While it runs, drainers
// keep the live index current and park what they sync; those rows are synced again after the
// swap, so changes made during the fill are not lost (see search.repository.ts).
import type { EnqueuedTask } from 'meilisearch';
import type { AppDeps } from '../../deps';
import {
  countActiveProducts,
  documentsAfter,
  finishReindexRun,
  heartbeatReindexRun,
  startReindexRun,
  storeListingTerms,
} from './search.repository';
import { bumpSearchGeneration } from './search-cache';
import { applyIndexSettings, createIndexIfMissing } from './search-index';

export const REINDEX_BATCH_SIZE = 10_000;
const TASK_WAIT = { timeout: 30 * 60_000, interval: 100 };

export async function reindexProducts(
  deps: AppDeps,
  onProgress?: (done: number, total: number) => void,
): Promise<{ indexed: number }> {
  const meili = deps.meili;
  if (!meili) throw new Error('Meilisearch is not configured; nothing to reindex.');
  const live = deps.config.productsIndex;
  const fresh = `${live}_reindex_${Date.now().toString(36)}`;
  await startReindexRun(deps.db, live, fresh);
  let swapped = false;
  try {
    await applyIndexSettings(meili, fresh);
    const total = await countActiveProducts(deps.db);
    onProgress?.(0, total);

    // Enqueue every batch first: Meilisearch auto-batches consecutive additions, which indexes
    // far faster than waiting batch by batch. Loading the next batch overlaps indexing.
    const index = meili.index(fresh);
    const pending: { task: EnqueuedTask; count: number }[] = [];
    let afterId = 0;
    for (;;) {
      const listings = await documentsAfter(deps.db, afterId, REINDEX_BATCH_SIZE);
      if (listings.length === 0) break;
      afterId = listings[listings.length - 1]!.doc.id;
      const docs = listings.map((l) => l.doc);
      pending.push({ task: await index.addDocuments(docs, { primaryKey: 'id' }), count: docs.length });
      // Brings the fallback's terms up to date too (after a normaliser change: every listing).
      await storeListingTerms(deps.db, listings);
      await heartbeatReindexRun(deps.db, live);
    }
    let indexed = 0;
    for (const { task, count } of pending) {
      const done = await meili.tasks.waitForTask(task, TASK_WAIT);
      if (done.status !== 'succeeded') {
        throw new Error(`Reindex batch failed (${done.status}): ${done.error?.message ?? 'unknown error'}`);
      }
      indexed += count;
      onProgress?.(indexed, Math.max(total, indexed));
      await heartbeatReindexRun(deps.db, live);
    }

    // Swap needs both indexes; the first reindex swaps with an empty live index.
    await createIndexIfMissing(meili, live);
    const swap = await meili.swapIndexes([{ indexes: [live, fresh], rename: false }]).waitTask(TASK_WAIT);
    if (swap.status !== 'succeeded') throw new Error(`Index swap failed: ${swap.error?.message ?? swap.status}`);
    swapped = true;
    // After the swap `fresh` names the old index.
    await meili.deleteIndex(fresh).waitTask(TASK_WAIT);
    return { indexed };
  } finally {
    if (!swapped) await meili.deleteIndexIfExists(fresh).catch(() => false);
    await finishReindexRun(deps.db, live);
    await bumpSearchGeneration(deps.store, live).catch(() => {});
  }
}
