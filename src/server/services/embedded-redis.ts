// Starts `redis-server` from PATH on a free loopback port, data under DATA_DIR/redis.
// Returns null when no redis-server is installed (the app then uses the in-process store).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Logger } from '../logger';
import type { StartedService } from './embedded-postgres';
import { findFreePort, waitFor } from './free-port';
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
  const port = preferredPort ?? (await findFreePort());
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
    { stdout: 'ignore', stderr: 'ignore', cwd: dir },
  );
  writePid(pidFile, proc.pid);
  const url = `redis://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      const socket = await Bun.connect({ hostname: '127.0.0.1', port, socket: { data() {} } });
      socket.end();
      return true;
    },
    10_000,
    'Redis',
  );
  log.info({ service: 'redis', port }, 'embedded Redis ready');
  return {
    url,
    stop: async () => {
      proc.kill('SIGTERM');
      await proc.exited;
    },
  };
}

export const redisDataDir = (dataDir: string) => join(resolve(dataDir), 'redis');
