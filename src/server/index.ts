// Entry: read env, start or connect services, migrate, seed demo data once, serve API + client.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveStatic } from 'hono/bun';
import clientHtml from '../client/index.html';
import { createApp } from './app';
import { EnvError, readEnv } from './env';
import { startJobs, stopJobs } from './jobs/start-jobs';
import { createLogger } from './logger';
import { ensureSearchIndex } from './modules/search/search-index';
import { devServerShell, fileShell } from './pages/page-shell';
import { seedDemoIfEmpty } from './seed/demo-seed';
import { placeholderImageResponse } from './seed/placeholder-images';
import { ServiceStartError, startServices } from './services/start-services';

const distDir = resolve(import.meta.dir, '../../dist/client');

async function main() {
  const env = readEnv();
  const log = createLogger(env.LOG_LEVEL);
  const services = await startServices(env, log);
  const { deps } = services;
  if (deps.meili) {
    await ensureSearchIndex(deps).catch((err) =>
      log.warn({ err: err instanceof Error ? err.message : String(err) }, 'search index settings not applied'),
    );
  }
  if (env.SEED_DEMO) await seedDemoIfEmpty(deps);

  const production = env.NODE_ENV === 'production';
  const useBuilt = production && existsSync(resolve(distDir, 'index.html'));
  // Development: Bun bundles index.html behind an internal route; the page handler reads it there.
  let selfUrl = '';
  const app = createApp(deps, {
    shell: useBuilt ? fileShell(resolve(distDir, 'index.html')) : devServerShell(() => `${selfUrl}/__shell`),
    mount: (a) => {
      a.get('/images/ph/:name', (c) => placeholderImageResponse(c.req.path));
      if (!useBuilt) return;
      a.use(
        '/assets/*',
        serveStatic({
          root: distDir,
          precompressed: true,
          rewriteRequestPath: (p) => p,
          onFound: (_p, c) => {
            c.header('Cache-Control', 'public, max-age=31536000, immutable');
          },
        }),
      );
      // Every other GET is a page, answered by the page handler from the built index.html.
    },
  });

  const server = Bun.serve({
    port: env.PORT,
    hostname: env.HOST,
    idleTimeout: 120,
    development: production ? false : { hmr: true, console: false },
    routes: useBuilt ? undefined : { '/__shell': clientHtml },
    fetch: (req, srv) => app.fetch(req, { ip: srv.requestIP(req)?.address }),
  });
  const selfHost = !env.HOST || env.HOST === '0.0.0.0' || env.HOST === '::' ? '127.0.0.1' : env.HOST;
  selfUrl = `http://${selfHost.includes(':') ? `[${selfHost}]` : selfHost}:${server.port}`;

  const jobs = env.WORKERS ? startJobs(deps, { intervalMs: env.JOBS_INTERVAL_MS }) : [];
  log.info(
    { url: `http://localhost:${server.port}`, redis: deps.store.kind, search: deps.meili ? 'meilisearch' : 'postgres' },
    'Hearth is running',
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await server.stop();
    await stopJobs(jobs);
    await services.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  if (err instanceof EnvError || err instanceof ServiceStartError) {
    console.error(`hearth: ${err.message}`);
  } else {
    console.error(`hearth: failed to start: ${err instanceof Error ? err.message : String(err)}`);
  }
  process.exit(1);
});
