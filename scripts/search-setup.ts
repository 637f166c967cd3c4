// `bun run search:setup`: creates the Meilisearch products index if missing (primary key `id`)
// and applies its settings (searchable/filterable/sortable attributes, ranking, synonyms, typo
// tolerance, caps). Idempotent; the app does the same at startup.
import { ensureSearchIndex } from '../src/server/modules/search/search-index';
import { SYNONYMS_VERSION, synonymGroups } from '../src/server/modules/search/search-synonyms';
import { runWithServices } from './lib/run-with-services';

await runWithServices('search:setup', async (deps) => {
  if (!deps.meili) {
    console.log('search:setup: no Meilisearch configured; search answers from PostgreSQL. Nothing to do.');
    return;
  }
  const started = performance.now();
  await ensureSearchIndex(deps);
  console.log(
    `search:setup: index "${deps.config.productsIndex}" ready (synonyms ${SYNONYMS_VERSION}, ` +
      `${synonymGroups.length} groups) in ${Math.round(performance.now() - started)} ms`,
  );
});
