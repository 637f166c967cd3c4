// `bun run search:setup`: creates the Meilisearch products index if missing (primary key `id`)
// and applies its settings (searchable/filterable/sortable attributes, ranking, synonyms, typo
// tolerance, caps). Idempotent; the app does the same at startup.
import { EnvError, readEnv } from '../src/server/env';
import { createLogger } from '../src/server/logger';
import { ensureSearchIndex } from '../src/server/modules/search/search-index';
import { SYNONYMS_VERSION, synonymGroups } from '../src/server/modules/search/search-synonyms';
import { ServiceStartError, startServices } from '../src/server/services/start-services';

async function main() {
  const env = readEnv();
  const log = createLogger(env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL);
  const services = await startServices(env, log);
  try {
    const { deps } = services;
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
  } finally {
    await services.stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    if (err instanceof EnvError || err instanceof ServiceStartError) console.error(`search:setup: ${err.message}`);
    else console.error(`search:setup: failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
