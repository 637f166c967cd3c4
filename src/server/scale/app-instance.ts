// One Hearth app process (`bun src/server/index.ts`) pointed at shared services, as a production
// instance runs. Its JSON log lines are kept, so tests can tell which instance served a request
// and count what each instance's background jobs did.
import { resolve } from 'node:path';
import { findFreePort, waitFor } from '../services/free-port';

const root = resolve(import.meta.dir, '../../..');

export interface LogLine {
  level: string;
  msg: string;
  [field: string]: unknown;
}

export interface InstanceOptions {
  name: string;
  /** Environment of the instance: service URLs, SESSION_SECRET, DATA_DIR, WORKERS, ... */
  env: Record<string, string>;
}

export interface AppInstance {
  name: string;
  port: number;
  url: string;
  proc: Bun.Subprocess;
  /** Every JSON line the instance has logged so far (stdout and stderr). */
  logs(): LogLine[];
  /** Request ids this instance has answered. */
  servedRequestIds(): Set<string>;
  running(): boolean;
}

function collectLines(stream: ReadableStream<Uint8Array>, into: LogLine[]) {
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of stream) {
        buffer += decoder.decode(chunk, { stream: true });
        let nl = buffer.indexOf('\n');
        while (nl >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          try {
            into.push(JSON.parse(line) as LogLine);
          } catch {
            into.push({ level: 'raw', msg: line });
          }
          nl = buffer.indexOf('\n');
        }
      }
    } catch {
      // the process went away
    }
  })();
}

export async function startAppInstance({ name, env }: InstanceOptions): Promise<AppInstance> {
  const port = await findFreePort();
  const lines: LogLine[] = [];
  const proc = Bun.spawn(['bun', 'src/server/index.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'info',
      TRUST_PROXY: 'true',
      ...env,
      PORT: String(port),
    },
    stdout: 'pipe',
    stderr: 'pipe',
  });
  collectLines(proc.stdout, lines);
  collectLines(proc.stderr, lines);
  const url = `http://127.0.0.1:${port}`;
  const running = () => proc.exitCode === null && proc.signalCode === null;
  await waitFor(
    async () => (await fetch(`${url}/readyz`)).ok,
    45_000,
    `app instance ${name}`,
    () =>
      running()
        ? null
        : `exited (${proc.signalCode ?? proc.exitCode}): ${lines
            .slice(-5)
            .map((l) => l.msg)
            .join(' | ')}`,
  );
  return {
    name,
    port,
    url,
    proc,
    logs: () => lines,
    servedRequestIds: () =>
      new Set(
        lines.filter((l) => l.msg === 'request' && typeof l.requestId === 'string').map((l) => l.requestId as string),
      ),
    running,
  };
}
