// The app under test, in its own process so its CPU time is measured apart from the load
// generator: connects to the bench's services (URLs in the environment), runs the background
// jobs as production does, and serves the app twice: search cache on and off (the stack floor has
// its own process, floor-process.ts). Another port switches the bench's round-trip counters on and off (`?counting=on`) and answers their counts.
// Prints one `READY {json}` line on stdout.
import { createApp } from '../../src/server/app';
import type { AppDeps } from '../../src/server/deps';
import { readEnv } from '../../src/server/env';
import { startJobs, stopJobs } from '../../src/server/jobs/start-jobs';
import { createLogger } from '../../src/server/logger';
import { findFreePort } from '../../src/server/services/free-port';
import { startServices } from '../../src/server/services/start-services';
import { rateRules } from '../../src/server/trpc/rate-limit';
import { countRequest, installOpCounters, switchOpCounting } from './op-counter';

installOpCounters();
const env = readEnv(process.env);
const services = await startServices(env, createLogger('error'));
const { deps } = services;
// The bench measures requests, not limits.
for (const rule of Object.values(rateRules)) rule.limit = 1_000_000_000;
const jobs = startJobs(deps);

async function serve(d: AppDeps) {
  const app = createApp(d);
  const port = await findFreePort();
  const server = Bun.serve({
    port,
    hostname: '127.0.0.1',
    idleTimeout: 60,
    fetch: (req, srv) => countRequest(req, () => app.fetch(req, { ip: srv.requestIP(req)?.address })),
  });
  return { server, url: `http://127.0.0.1:${port}` };
}

const cached = await serve({
  ...deps,
  config: { ...deps.config, searchCacheTtlSeconds: Math.max(60, deps.config.searchCacheTtlSeconds) },
});
const uncached = await serve({ ...deps, config: { ...deps.config, searchCacheTtlSeconds: 0 } });
const statsPort = await findFreePort();
const stats = Bun.serve({
  port: statsPort,
  hostname: '127.0.0.1',
  fetch: (req) => Response.json(switchOpCounting(new URL(req.url).searchParams.get('counting') === 'on')),
});

async function shutdown() {
  cached.server.stop(true);
  uncached.server.stop(true);
  stats.stop(true);
  await stopJobs(jobs);
  await services.stop();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());

console.log(
  `READY ${JSON.stringify({ cachedUrl: cached.url, uncachedUrl: uncached.url, statsUrl: `http://127.0.0.1:${statsPort}` })}`,
);
