// `--instances N`: the same search, cart and checkout scenarios through HAProxy (deploy/haproxy.cfg)
// in front of N app processes, beside the single-instance figures of the same run. The instances
// read public data from a streaming replica of the bench's PostgreSQL (DATABASE_REPLICA_URL), and
// the replica's share of the routed reads is reported. On two shared cores expect no speed-up: the
// point is no loss and no errors (issue 17).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ReplicaStatus } from '../../src/server/db/read-replica';
import { type Balancer, startHaproxy } from '../../src/server/scale/haproxy';
import { type StreamingReplica, startStreamingReplica } from '../../src/server/scale/streaming-replica';
import { CpuMeter } from './cpu';
import { type BenchEnv, startAppProcess } from './environment';
import type { OpCount } from './op-counter';
import { progress } from './progress';

export interface InstancesEnv {
  /** The bench environment with its URLs pointing at the balancers and CPU metering the N apps. */
  env: BenchEnv;
  replicaReads(): Promise<{ replica: number; primary: number }>;
  stop(): Promise<void>;
}

const portOf = (url: string) => Number(new URL(url).port);

export async function startInstances(e: BenchEnv, n: number): Promise<InstancesEnv> {
  progress(`instances: streaming replica of the bench's PostgreSQL`);
  const replica: StreamingReplica = await startStreamingReplica(
    e.services.urls.database,
    join(e.dataDir, 'postgres'),
    join(e.dataDir, 'replica'),
  );
  const apps: Awaited<ReturnType<typeof startAppProcess>>[] = [];
  for (let i = 0; i < n; i++)
    apps.push(await startAppProcess(e.services, e.dataDir, { DATABASE_REPLICA_URL: replica.url }));
  progress(`instances: ${n} app processes (pids ${apps.map((a) => a.pid).join(', ')}) behind HAProxy`);
  const balancers: Balancer[] = [];
  for (const mode of ['cachedUrl', 'uncachedUrl'] as const) {
    const dir = join(e.dataDir, `haproxy-${mode}`);
    mkdirSync(dir, { recursive: true });
    const lb = await startHaproxy(
      dir,
      apps.map((a, i) => ({ name: `app${i + 1}`, port: portOf(a.ready[mode]) })),
    );
    await lb.waitForUp(apps.map((_, i) => `app${i + 1}`));
    balancers.push(lb);
  }
  const [cached, uncached] = balancers as [Balancer, Balancer];
  const others = e.cpu.processes.filter((p) => p.name !== 'app');
  const cpu = new CpuMeter([...apps.map((a) => ({ name: 'app', pid: a.pid })), ...others]);
  const countOps = async (on: boolean) => {
    const merged: Record<string, OpCount> = {};
    for (const a of apps) {
      const url = `${a.ready.statsUrl}/?counting=${on ? 'on' : 'off'}`;
      const counts = (await (await fetch(url)).json()) as Record<string, OpCount>;
      for (const [proc, c] of Object.entries(counts)) {
        const m = merged[proc] ?? { calls: 0, sql: 0, transactions: 0, redis: 0 };
        merged[proc] = m;
        m.calls += c.calls;
        m.sql += c.sql;
        m.transactions += c.transactions;
        m.redis += c.redis;
      }
    }
    return merged;
  };
  return {
    env: { ...e, cachedUrl: cached.url, uncachedUrl: uncached.url, cpu, countOps },
    async replicaReads() {
      const reads = { replica: 0, primary: 0 };
      for (const a of apps) {
        const body = (await (await fetch(`${a.ready.uncachedUrl}/readyz`)).json()) as {
          checks: { replica?: ReplicaStatus };
        };
        reads.replica += body.checks.replica?.reads.replica ?? 0;
        reads.primary += body.checks.replica?.reads.primary ?? 0;
      }
      return reads;
    },
    async stop() {
      for (const lb of balancers) await lb.stop();
      for (const a of apps) a.proc.kill('SIGTERM');
      await Promise.all(apps.map((a) => Promise.race([a.proc.exited, Bun.sleep(10_000)])));
      await replica.stop();
    },
  };
}
