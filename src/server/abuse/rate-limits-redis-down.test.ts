// Redis down or frozen must not switch rate limits off: the store counts per instance while Redis
// cannot, says so in the log, and goes back to Redis when it answers again.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../app';
import type { AppDeps } from '../deps';
import type { Logger } from '../logger';
import type { StartedService } from '../services/embedded-postgres';
import { startEmbeddedRedis } from '../services/embedded-redis';
import { RedisStore } from '../services/redis-store';
import { createUser } from '../test/factories';
import { testDeps } from '../test/test-services';
import { waitUntil } from '../test/wait-until';
import { rateRules } from '../trpc/rate-limit';
import { callProcedure } from './http-client';

const warnings: string[] = [];
const log: Logger = {
  debug() {},
  info() {},
  warn: (_fields, msg) => void warnings.push(msg),
  error() {},
  child: () => log,
};

let dir: string;
let redis: StartedService;
let store: RedisStore;
let deps: AppDeps;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-rl-redis-'));
  const started = await startEmbeddedRedis(dir, log);
  if (!started) throw new Error('redis-server is needed for this test');
  redis = started;
  store = new RedisStore(redis.url, log);
  deps = { ...testDeps(), store };
  await waitUntil(() => store.ping(), { what: 'connected to Redis' });
}, 30_000);

afterAll(async () => {
  try {
    process.kill(redisPid(), 'SIGCONT');
  } catch {}
  await store.close();
  await redis.stop().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

const redisPid = () => Number(readFileSync(join(dir, 'redis', 'redis.pid'), 'utf8'));

async function loginAttempts(app: ReturnType<typeof createApp>, email: string, ip: string, n: number) {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++)
    statuses.push(
      (await callProcedure(app, 'auth.login', 'mutation', { email, password: 'wrong password!' }, { ip })).status,
    );
  return statuses;
}

describe('rate limits without Redis', () => {
  test('frozen, then down: limits still apply per instance and the switch is logged; back on Redis after', async () => {
    const app = createApp(deps);
    const user = await createUser(deps);
    const { limit } = rateRules.login;
    // Frozen (SIGSTOP): commands time out instead of failing fast.
    process.kill(redisPid(), 'SIGSTOP');
    const frozen = await loginAttempts(app, user.email, '10.77.0.1', limit + 1);
    expect(frozen.slice(0, limit)).toEqual(Array(limit).fill(401));
    expect(frozen[limit]).toBe(429);
    expect(warnings.some((w) => w.includes('rate limits now count per instance'))).toBe(true);
    process.kill(redisPid(), 'SIGCONT');

    // Down (stopped): commands fail at once.
    await redis.stop();
    const down = await loginAttempts(app, user.email, '10.77.0.2', limit + 1);
    expect(down.slice(0, limit)).toEqual(Array(limit).fill(401));
    expect(down[limit]).toBe(429);

    // Back on the same port: counting returns to Redis (shared by every instance).
    const port = Number(new URL(redis.url).port);
    const restarted = await startEmbeddedRedis(dir, log, port);
    if (!restarted) throw new Error('redis-server did not restart');
    redis = restarted;
    await waitUntil(
      async () => {
        await store.hit('rl:probe', 60);
        return warnings.some((w) => w.includes('Redis is back'));
      },
      { timeoutMs: 30_000, intervalMs: 200, what: 'rate limits back on Redis' },
    );
    const again = await loginAttempts(app, user.email, '10.77.0.3', 1);
    expect(again).toEqual([401]);
    const probe = new RedisStore(redis.url, log);
    await waitUntil(() => probe.ping(), { what: 'second connection to Redis' });
    expect(Number(await probe.get(`rl:login:10.77.0.3:${user.email}`))).toBe(1);
    await probe.close();
  }, 90_000);
});
