// `bun run search:reindex`: rebuilds the products index from PostgreSQL into a fresh index and
// swaps it in (searches keep working throughout), with a progress bar on stderr.
import { reindexProducts } from '../src/server/modules/search/search.reindex';
import { createProgressBar } from './lib/progress-bar';
import { runWithServices } from './lib/run-with-services';

const progress = createProgressBar();

await runWithServices('search:reindex', async (deps) => {
  if (!deps.meili) {
    console.log('search:reindex: no Meilisearch configured; search answers from PostgreSQL. Nothing to do.');
    return;
  }
  const started = performance.now();
  try {
    const { indexed } = await reindexProducts(deps, (done, total) => progress.update('indexing', done, total));
    progress.finish();
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `search:reindex: ${indexed} listings indexed into "${deps.config.productsIndex}" in ${seconds.toFixed(1)} s ` +
        `(${Math.round(indexed / Math.max(seconds, 0.001))} docs/s)`,
    );
  } finally {
    progress.finish();
  }
});
