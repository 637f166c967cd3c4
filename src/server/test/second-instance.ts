// Another app instance, for tests of what crosses instances: the same database, its own Redis
// connection, so whatever it hears has gone through Redis (pub/sub or the shared cache). A test
// file that uses it closes the connections with `afterAll(closeSecondInstances)`.
import type { AppDeps } from '../deps';
import { RedisStore } from '../services/redis-store';
import { testDeps, testServices } from './test-services';

const stores: RedisStore[] = [];

export function secondInstanceDeps(): AppDeps {
  const redisUrl = testServices().urls.redis;
  if (!redisUrl) throw new Error('the test services run without Redis');
  const store = new RedisStore(redisUrl, testDeps().log);
  stores.push(store);
  return { ...testDeps(), store };
}

export async function closeSecondInstances(): Promise<void> {
  for (const s of stores.splice(0)) await s.close();
}
