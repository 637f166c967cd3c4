// The multi-instance test harness: its own PostgreSQL, Redis and Meilisearch (fault-test style,
// in a temp dir), N app processes sharing them, and HAProxy in front with deploy/haproxy.cfg.
// Tests talk to `url` (the balancer) as a browser would, and use `deps` to set up data and to
// check the database directly.
import { join } from 'node:path';
import type { AppDeps } from '../deps';
import { type IsolatedServices, startIsolatedServices } from '../faults/isolated-services';
import { type AppInstance, startAppInstance } from './app-instance';
import { type Balancer, startHaproxy } from './haproxy';
import { type StreamingReplica, startStreamingReplica } from './streaming-replica';

export interface ClusterOptions {
  instances?: number;
  /** Run the background jobs in every instance (off by default: most tests want quiet instances). */
  workers?: boolean;
  /** Extra environment for every instance. */
  env?: Record<string, string>;
  /** Start a streaming replica of the primary and give it to every instance (DATABASE_REPLICA_URL). */
  replica?: boolean;
}

export interface ScaleCluster {
  iso: IsolatedServices;
  deps: AppDeps;
  instances: AppInstance[];
  balancer: Balancer;
  replica: StreamingReplica | null;
  /** The balancer's address: what clients use. */
  url: string;
  /** Names of the instances that logged this request id. */
  servedBy(requestId: string): string[];
  cleanup(): Promise<void>;
}

export async function startScaleCluster(options: ClusterOptions = {}): Promise<ScaleCluster> {
  const count = options.instances ?? 3;
  const iso = await startIsolatedServices();
  const { urls, deps } = iso.services;
  let replica: StreamingReplica | null = null;
  if (options.replica) {
    try {
      replica = await startStreamingReplica(urls.database, join(iso.dataDir, 'postgres'), join(iso.dataDir, 'replica'));
    } catch (err) {
      await iso.cleanup();
      throw err;
    }
  }
  const env: Record<string, string> = {
    DATA_DIR: iso.dataDir,
    DATABASE_URL: urls.database,
    REDIS_URL: urls.redis ?? '',
    MEILI_URL: urls.meili ?? '',
    MEILI_MASTER_KEY: urls.meiliKey,
    // Sessions are stored under an HMAC of this secret: every instance (and the test) shares it.
    SESSION_SECRET: deps.config.sessionSecret,
    WORKERS: options.workers ? 'true' : 'false',
    // One mail catcher for all instances (the harness's own), so a test counts every mail sent.
    ...(deps.mailCatcher ? { SMTP_URL: deps.mailCatcher.url } : {}),
    ...(replica ? { DATABASE_REPLICA_URL: replica.url } : {}),
    ...options.env,
  };
  const instances: AppInstance[] = [];
  let balancer: Balancer | null = null;
  const cleanup = async () => {
    await balancer?.stop().catch(() => {});
    for (const i of instances) if (i.running()) i.proc.kill('SIGKILL');
    await Promise.all(instances.map((i) => i.proc.exited));
    await replica?.stop().catch(() => {});
    await iso.cleanup();
  };
  try {
    const started = await Promise.all(
      Array.from({ length: count }, (_, n) => startAppInstance({ name: `app${n + 1}`, env })),
    );
    instances.push(...started);
    balancer = await startHaproxy(
      iso.dataDir,
      instances.map((i) => ({ name: i.name, port: i.port })),
    );
    await balancer.waitForUp(instances.map((i) => i.name));
  } catch (err) {
    await cleanup();
    throw err;
  }
  return {
    iso,
    deps,
    instances,
    balancer,
    replica,
    url: balancer.url,
    servedBy: (requestId) => instances.filter((i) => i.servedRequestIds().has(requestId)).map((i) => i.name),
    cleanup,
  };
}
