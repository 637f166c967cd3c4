// `bun run search:reindex`: rebuilds the products index from PostgreSQL into a fresh index and
// swaps it in (searches keep working throughout), with a progress bar on stderr.
import { EnvError, readEnv } from '../src/server/env';
import { createLogger } from '../src/server/logger';
import { reindexProducts } from '../src/server/modules/search/search.reindex';
import { ServiceStartError, startServices } from '../src/server/services/start-services';

const tty = process.stderr.isTTY;
let lastPercent = -1;
function render(done: number, total: number) {
  const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
  if (percent === lastPercent) return;
  lastPercent = percent;
  if (tty) {
    const width = 30;
    const filled = Math.round((percent / 100) * width);
    process.stderr.write(
      `\r  indexing ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${String(percent).padStart(3)}%  ${done}/${total}`,
    );
  } else if (percent === 0 || percent === 100 || percent % 25 === 0) {
    process.stderr.write(`  indexing: ${percent}% (${done}/${total})\n`);
  }
}

async function main() {
  const env = readEnv();
  const log = createLogger(env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL);
  const services = await startServices(env, log);
  try {
    const { deps } = services;
    if (!deps.meili) {
      console.log('search:reindex: no Meilisearch configured; search answers from PostgreSQL. Nothing to do.');
      return;
    }
    const started = performance.now();
    const { indexed } = await reindexProducts(deps, render);
    if (tty) process.stderr.write('\n');
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `search:reindex: ${indexed} listings indexed into "${deps.config.productsIndex}" in ${seconds.toFixed(1)} s ` +
        `(${Math.round(indexed / Math.max(seconds, 0.001))} docs/s)`,
    );
  } finally {
    await services.stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    if (tty && lastPercent >= 0) process.stderr.write('\n');
    if (err instanceof EnvError || err instanceof ServiceStartError) console.error(`search:reindex: ${err.message}`);
    else console.error(`search:reindex: failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
