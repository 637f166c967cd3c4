// The stack floor (stack-floor.ts) in a process of its own (decision 0202): a pool of the app's
// size to the bench's PostgreSQL (DATABASE_URL, DATABASE_POOL_SIZE) and nothing else, so the floor
// measures the stack alone, not a process whose JIT Hearth's own calls have shaped, and the app's
// calls share their process with nothing but the app. Prints one `READY {json}` line on stdout.
import { createDb } from '../../src/server/db/kysely';
import { findFreePort } from '../../src/server/services/free-port';
import { stackFloorApp } from './stack-floor';

const url = process.env.DATABASE_URL;
const poolSize = Number(process.env.DATABASE_POOL_SIZE);
if (!url || !Number.isInteger(poolSize) || poolSize < 1)
  throw new Error('floor-process needs DATABASE_URL and DATABASE_POOL_SIZE');
const { db } = createDb(url, poolSize);
const app = stackFloorApp(db);
const server = Bun.serve({ port: await findFreePort(), hostname: '127.0.0.1', idleTimeout: 60, fetch: app.fetch });

async function shutdown() {
  server.stop(true);
  await db.destroy();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());

console.log(`READY ${JSON.stringify({ floorUrl: `http://127.0.0.1:${server.port}` })}`);
