// Runs HAProxy (Debian's package) with deploy/haproxy.cfg in front of app instances on loopback:
// the production file with only its marked bind and server lines replaced, so tests exercise the
// health checks, retry rules and timeouts that production runs.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { keepTail, startOnFreePort } from '../services/child-process';
import { findFreePort, waitFor } from '../services/free-port';

export const HAPROXY_CONFIG = resolve(import.meta.dir, '../../../deploy/haproxy.cfg');

export interface Backend {
  name: string;
  port: number;
}

export interface Balancer {
  url: string;
  /** Health-check state per server as HAProxy sees it ('UP', 'DOWN', 'MAINT', 'UP 1/2', ...). */
  serverStates(): Promise<Record<string, string>>;
  /** Waits until HAProxy sees exactly these servers UP (the others DOWN or absent). */
  waitForUp(names: readonly string[], timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export function haproxyBinary(): string | null {
  return Bun.which('haproxy') ?? Bun.which('haproxy', { PATH: '/usr/sbin:/sbin' });
}

function replaceBlock(config: string, marker: string, lines: string[]): string {
  const re = new RegExp(`(\\n\\s*# BEGIN ${marker}\\n)[\\s\\S]*?(\\n\\s*# END ${marker}\\n)`);
  if (!re.test(config)) throw new Error(`deploy/haproxy.cfg has no "# BEGIN ${marker}" block`);
  return config.replace(
    re,
    (_m, begin: string, end: string) => `${begin}${lines.map((l) => `  ${l}`).join('\n')}${end}`,
  );
}

/** The production config with loopback addresses for the listener, the stats page and the instances. */
export function loopbackConfig(port: number, statsPort: number, backends: readonly Backend[]): string {
  let config = readFileSync(HAPROXY_CONFIG, 'utf8');
  config = replaceBlock(config, 'bind', [`bind 127.0.0.1:${port}`]);
  config = replaceBlock(config, 'stats', [`bind 127.0.0.1:${statsPort}`]);
  config = replaceBlock(
    config,
    'servers',
    backends.map((b) => `server ${b.name} 127.0.0.1:${b.port} check`),
  );
  return config;
}

export async function startHaproxy(dir: string, backends: readonly Backend[]): Promise<Balancer> {
  const bin = haproxyBinary();
  if (!bin) throw new Error('haproxy is not installed (apt-get install haproxy; .ci/run installs it)');
  const statsPort = await findFreePort();
  const statsUrl = `http://127.0.0.1:${statsPort}/stats;csv`;
  const configFile = join(dir, 'haproxy.cfg');
  const { port, proc } = await startOnFreePort({
    what: 'HAProxy',
    timeoutMs: 15_000,
    spawn: (port) => {
      writeFileSync(configFile, loopbackConfig(port, statsPort, backends));
      // -db: stay in the foreground, so stopping the process stops the balancer.
      const proc = Bun.spawn([bin, '-db', '-f', configFile], { stdout: 'pipe', stderr: 'pipe' });
      const out = keepTail(proc.stdout);
      const err = keepTail(proc.stderr);
      return { proc, output: () => `${out()}\n${err()}`.trim() };
    },
    ready: async () => (await fetch(statsUrl)).ok,
  });

  const serverStates = async () => {
    const csv = await (await fetch(statsUrl)).text();
    const [header, ...rows] = csv.trim().split('\n');
    const columns = (header ?? '').replace(/^# /, '').split(',');
    const px = columns.indexOf('pxname');
    const sv = columns.indexOf('svname');
    const status = columns.indexOf('status');
    const states: Record<string, string> = {};
    for (const row of rows) {
      const cells = row.split(',');
      if (cells[px] === 'app' && cells[sv] !== 'BACKEND' && cells[sv] !== 'FRONTEND')
        states[cells[sv] ?? ''] = cells[status] ?? '';
    }
    return states;
  };

  return {
    url: `http://127.0.0.1:${port}`,
    serverStates,
    async waitForUp(names, timeoutMs = 20_000) {
      await waitFor(
        async () => {
          const states = await serverStates();
          return Object.entries(states).every(([name, s]) => (names.includes(name) ? s === 'UP' : !s.startsWith('UP')));
        },
        timeoutMs,
        `HAProxy to see ${names.join(', ') || 'no server'} up`,
      );
    },
    async stop() {
      proc.kill('SIGTERM');
      await proc.exited;
    },
  };
}
