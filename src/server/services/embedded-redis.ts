// Starts `redis-server` from PATH on a free loopback port, data under DATA_DIR/redis.
// Returns null when no redis-server is installed (the app then uses the in-process store).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Logger } from '../logger';
import { keepTail, startOnFreePort } from './child-process';
import type { StartedService } from './embedded-postgres';
import { killStale, writePid } from './pid-file';

export async function startEmbeddedRedis(
  dataDir: string,
  log: Logger,
  /** Fixed port, e.g. to restart on the same address (fault tests). */
  preferredPort?: number,
): Promise<StartedService | null> {
  const bin = Bun.which('redis-server') ?? (Bun.file('/usr/bin/redis-server').size ? '/usr/bin/redis-server' : null);
  if (!bin) return null;
  const dir = resolve(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const pidFile = join(dir, 'redis.pid');
  await killStale(pidFile);
  const { port, proc } = await startOnFreePort({
    what: 'Redis',
    preferredPort,
    timeoutMs: 30_000,
    spawn: (port) => {
      const proc = Bun.spawn(
        [
          bin,
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--dir',
          dir,
          '--save',
          '',
          '--appendonly',
          'no',
          '--protected-mode',
          'yes',
        ],
        { stdout: 'pipe', stderr: 'pipe', cwd: dir },
      );
      writePid(pidFile, proc.pid);
      const out = keepTail(proc.stdout);
      const err = keepTail(proc.stderr);
      return { proc, output: () => `${out()}\n${err()}`.trim() };
    },
    ready: (port) => answersPing(port),
  });
  const url = `redis://127.0.0.1:${port}`;
  log.info({ service: 'redis', port }, 'embedded Redis ready');
  return {
    url,
    stop: async () => {
      proc.kill('SIGTERM');
      await proc.exited;
    },
  };
}

/** True when a Redis server (not just anything listening) answers PING on the port. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), 2000);
    Bun.connect({
      hostname: '127.0.0.1',
      port,
      socket: {
        open: (socket) => void socket.write('PING\r\n'),
        data: (socket, data) => {
          clearTimeout(timer);
          resolve(data.toString().startsWith('+PONG'));
          socket.end();
        },
        error: () => resolve(false),
        connectError: () => resolve(false),
      },
    }).catch(() => resolve(false));
  });
}

export const redisDataDir = (dataDir: string) => join(resolve(dataDir), 'redis');
