// The search outbox wakes its drainer (decision 0194): a due row signals `search_outbox` when its
// transaction commits, a row due later does not, and a drainer whose polls are ten minutes apart
// still pushes an edit at once, also after its listening connection was cut.
import { afterEach, beforeAll, describe, expect, test } from 'bun:test';
import { sql } from 'kysely';
import pg from 'pg';
import { ensureSearchIndex } from '../modules/search/search-index';
import { search, shopWith, syncSearch } from '../modules/search/search-test-fixtures';
import { testDeps } from '../test/test-services';
import { waitUntil } from '../test/wait-until';
import { OUTBOX_CHANNEL, startSearchOutboxDrainer } from './search-outbox-drainer';
import type { Job } from './start-jobs';

const plain = { description: 'Made in a small studio.', tags: [], materials: [], images: [] };
const TEN_MINUTES = 600_000;
/** Far below the polls: only the signal can bring the edit to search within it. */
const WAKE_TIMEOUT_MS = 60_000;

beforeAll(async () => {
  await ensureSearchIndex(testDeps());
  await syncSearch();
});

let drainer: Job | null = null;
afterEach(async () => {
  await drainer?.stop();
  drainer = null;
});

const listenerPids = async () =>
  (
    await sql<{ pid: number }>`select pid from pg_stat_activity
      where application_name = ${`hearth-listen-${OUTBOX_CHANNEL}`}`.execute(testDeps().db)
  ).rows.map((r) => r.pid);

describe('search outbox signals', () => {
  test('an edit signals once it commits; a rating change due later does not', async () => {
    const deps = testDeps();
    const { seller, products } = await shopWith([{ ...plain, title: 'Signal kettle', quantity: 4 }]);
    const productId = products[0]!.id;
    await syncSearch();
    const client = new pg.Client(deps.pool.options);
    await client.connect();
    const heard: string[] = [];
    client.on('notification', (n) => heard.push(n.channel));
    try {
      await client.query(`listen ${OUTBOX_CHANNEL}`);
      // A rating change is coalesced: its row is due in the future.
      await deps.db.updateTable('products').set({ rating: 4.5, review_count: 2 }).where('id', '=', productId).execute();
      const delayed = await deps.db
        .selectFrom('search_outbox')
        .select(sql<boolean>`available_at > created_at`.as('later'))
        .where('product_id', '=', productId)
        .execute();
      expect(delayed.map((r) => r.later)).toEqual([true]);
      await seller.caller.catalog.updateProduct({ productId, title: 'Signal kettle, copper' });
      // Signals arrive in commit order: once the edit's has come, a signal for the rating
      // change (committed first) would have come before it.
      await waitUntil(() => heard.length > 0, { what: 'the edit signal' });
      expect(heard).toEqual([OUTBOX_CHANNEL]);
    } finally {
      await client.end();
    }
  });
});

describe('the drainer wakes on the signal', () => {
  test('with ten minutes between polls, an edit reaches search at once', async () => {
    const deps = testDeps();
    const { seller, shopId, products } = await shopWith([{ ...plain, title: 'Wakeful teapot', quantity: 3 }]);
    const productId = products[0]!.id;
    await syncSearch();
    const before = await listenerPids();
    drainer = startSearchOutboxDrainer(deps, { pollMs: TEN_MINUTES, idlePollMs: TEN_MINUTES });
    await waitUntil(async () => (await listenerPids()).length > before.length, { what: 'the drainer listening' });
    await seller.caller.catalog.updateProduct({ productId, title: 'Wakeful samovar' });
    await waitUntil(async () => (await search({ shopId, q: 'samovar' })).total === 1, {
      timeoutMs: WAKE_TIMEOUT_MS,
      what: 'the edit in search',
    });
  }, 120_000);

  test('an edit made while its connection was cut reaches search once it listens again', async () => {
    const deps = testDeps();
    const { seller, shopId, products } = await shopWith([{ ...plain, title: 'Cut-off colander', quantity: 3 }]);
    const productId = products[0]!.id;
    await syncSearch();
    const before = await listenerPids();
    drainer = startSearchOutboxDrainer(deps, { pollMs: TEN_MINUTES, idlePollMs: TEN_MINUTES });
    await waitUntil(async () => (await listenerPids()).length > before.length, { what: 'the drainer listening' });
    const mine = (await listenerPids()).filter((pid) => !before.includes(pid));
    await sql`select pg_terminate_backend(pid) from unnest(${sql.val(mine)}::int[]) as t(pid)`.execute(deps.db);
    await seller.caller.catalog.updateProduct({ productId, title: 'Cut-off sieve' });
    await waitUntil(async () => (await search({ shopId, q: 'sieve' })).total === 1, {
      timeoutMs: WAKE_TIMEOUT_MS,
      what: 'the edit in search after the reconnect',
    });
    const now = (await listenerPids()).filter((pid) => !before.includes(pid));
    expect(now.length).toBe(1);
    expect(mine).not.toContain(now[0]);
  }, 120_000);
});
