// A Redis Cluster on loopback for tests: N masters with one replica each, from the redis-server
// on PATH (cluster mode is built in) and `redis-cli --cluster create`. Killing a master lets the
// cluster fail over to its replica, as in production.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { findFreePort, waitFor } from '../services/free-port';

export interface RedisClusterNode {
  port: number;
  proc: Bun.Subprocess;
}

export interface TestRedisCluster {
  /** REDIS_URL for the app: redis+cluster://127.0.0.1:p1,127.0.0.1:p2,... */
  url: string;
  nodes: RedisClusterNode[];
  /** Runs a redis-cli command against one node and returns its output. */
  cli(port: number, ...args: string[]): string;
  /** Port of the master that serves `key`'s slot now. */
  masterOf(key: string): number;
  /** True when every node reports cluster_state:ok and all slots are served. */
  healthy(): boolean;
  kill(port: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startRedisCluster(dir: string, masters = 3): Promise<TestRedisCluster> {
  const bin = Bun.which('redis-server') ?? '/usr/bin/redis-server';
  const cliBin = Bun.which('redis-cli') ?? '/usr/bin/redis-cli';
  const nodes: RedisClusterNode[] = [];
  for (let i = 0; i < masters * 2; i++) {
    const port = await findFreePort();
    const nodeDir = join(dir, `redis-cluster-${port}`);
    mkdirSync(nodeDir, { recursive: true });
    const proc = Bun.spawn(
      [
        bin,
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        nodeDir,
        '--cluster-enabled',
        'yes',
        '--cluster-config-file',
        'nodes.conf',
        // Seconds, not the default 15, to declare a master dead and promote its replica.
        '--cluster-node-timeout',
        '2000',
        '--save',
        '',
        '--appendonly',
        'no',
      ],
      { stdout: 'ignore', stderr: 'ignore', cwd: nodeDir },
    );
    nodes.push({ port, proc });
  }
  const cli = (port: number, ...args: string[]) =>
    Bun.spawnSync([cliBin, '-h', '127.0.0.1', '-p', String(port), ...args]).stdout.toString();
  for (const n of nodes)
    await waitFor(async () => cli(n.port, 'ping').trim() === 'PONG', 15_000, `redis node ${n.port}`);
  const create = Bun.spawnSync([
    cliBin,
    '--cluster',
    'create',
    ...nodes.map((n) => `127.0.0.1:${n.port}`),
    '--cluster-replicas',
    '1',
    '--cluster-yes',
  ]);
  if (create.exitCode !== 0) throw new Error(`redis-cli --cluster create failed: ${create.stdout}${create.stderr}`);
  const alive = () => nodes.filter((n) => n.proc.exitCode === null && n.proc.signalCode === null);
  const healthy = () =>
    alive().every((n) => {
      const info = cli(n.port, 'cluster', 'info');
      return info.includes('cluster_state:ok') && info.includes('cluster_slots_ok:16384');
    });
  // Replicas must have finished their first sync: one that never had a link to its master is
  // too stale to be promoted, and the cluster would stay down when that master dies.
  const replicasSynced = () =>
    nodes.every((n) => {
      const info = cli(n.port, 'info', 'replication');
      return info.includes('role:master') || info.includes('master_link_status:up');
    });
  await waitFor(async () => healthy() && replicasSynced(), 30_000, 'the Redis cluster');
  return {
    url: `redis+cluster://${nodes
      .slice(0, masters)
      .map((n) => `127.0.0.1:${n.port}`)
      .join(',')}`,
    nodes,
    cli,
    masterOf(key) {
      const slot = Number(cli(alive()[0]!.port, 'cluster', 'keyslot', key).trim());
      for (const line of cli(alive()[0]!.port, 'cluster', 'nodes').split('\n')) {
        const parts = line.split(' ');
        if (!parts[2]?.includes('master') || parts[2].includes('fail')) continue;
        for (const range of parts.slice(8)) {
          const [from, to] = range.split('-').map(Number);
          if (slot >= from! && slot <= (to ?? from)!) return Number(parts[1]!.split(':')[1]!.split('@')[0]);
        }
      }
      throw new Error(`no master serves slot ${slot}`);
    },
    healthy,
    async kill(port) {
      const node = nodes.find((n) => n.port === port);
      node?.proc.kill('SIGKILL');
      await node?.proc.exited;
    },
    async stop() {
      for (const n of nodes) n.proc.kill('SIGTERM');
      await Promise.all(nodes.map((n) => n.proc.exited));
    },
  };
}
