// Finds a free TCP port on loopback by letting the OS pick one, and waits for a service to answer.
import { createServer } from 'node:net';

// Ports this process already handed out. Services start in parallel (PostgreSQL, Redis and
// Meilisearch each ask for a port before any of them binds), and the OS may give a just-closed
// port out twice; a second server on the same port then fails to bind and its health check talks
// to the first one.
const handedOut = new Set<number>();

function osPickedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function findFreePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await osPickedPort();
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error('no free loopback port found');
}

/**
 * Polls `check` until it returns true. `gaveUp` is asked on every round: when it returns a reason
 * (e.g. the child process exited), waiting stops at once with that reason instead of running out
 * the clock.
 */
export async function waitFor(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
  gaveUp: () => string | null = () => null,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const reason = gaveUp();
    if (reason) throw new Error(`${what} did not start: ${reason}`);
    if (await check().catch(() => false)) return;
    await Bun.sleep(100);
  }
  throw new Error(`${what} did not become ready within ${timeoutMs} ms`);
}
