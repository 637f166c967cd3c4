// Meilisearch killed (SIGKILL) in the middle of search traffic: every search still answers 200,
// from PostgreSQL, with the same shape; a listing created meanwhile is found by the fallback;
// when Meilisearch restarts the outbox catches the index up and searches return to it.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { callProcedure } from '../abuse/http-client';
import { createApp } from '../app';
import { type Job, startJobs, stopJobs } from '../jobs/start-jobs';
import { ensureSearchIndex } from '../modules/search/search-index';
import { createProduct, createSeller } from '../test/factories';
import { waitUntil } from '../test/wait-until';
import { type IsolatedServices, startIsolatedServices } from './isolated-services';

interface SearchBody {
  result?: { data: { engine: string; total: number; hits: { id: number; title: string }[] } };
}

let iso: IsolatedServices;
let jobs: Job[] = [];

beforeAll(async () => {
  iso = await startIsolatedServices();
  await ensureSearchIndex(iso.services.deps);
  jobs = startJobs(iso.services.deps);
}, 60_000);
afterAll(async () => {
  await stopJobs(jobs);
  await iso?.cleanup();
}, 30_000);

async function outboxEmpty(iso: IsolatedServices) {
  const row = await iso.services.deps.db
    .selectFrom('search_outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

describe('Meilisearch killed mid-traffic', () => {
  test('searches keep answering from PostgreSQL; after restart the index catches up from the outbox', async () => {
    const { deps } = iso.services;
    // Result cache off: every search must reach an engine (a cached answer would hide the outage).
    const app = createApp({ ...deps, config: { ...deps.config, searchCacheTtlSeconds: 0 } });
    const seller = await createSeller(deps);
    for (let i = 0; i < 6; i++) await createProduct(seller, { title: `Speckled stoneware mug no ${i}` });
    const search = async (q: string) => {
      const out = await callProcedure(app, 'search.products', 'query', { q }, {});
      return { status: out.status, body: out.body as SearchBody, text: out.text };
    };
    // Indexed and answered by Meilisearch first.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && (await search('stoneware mug')).body.result?.data.total !== 6) await Bun.sleep(100);
    const before = await search('stoneware mug');
    expect(before.body.result?.data.engine).toBe('meilisearch');
    expect(before.body.result?.data.total).toBe(6);

    // Traffic from 4 clients; Meilisearch is SIGKILLed half a second in.
    const answers: { status: number; engine?: string; total?: number }[] = [];
    let running = true;
    const clients = Array.from({ length: 4 }, async () => {
      while (running) {
        const r = await search('stoneware mug');
        answers.push({ status: r.status, engine: r.body.result?.data.engine, total: r.body.result?.data.total });
      }
    });
    await waitUntil(() => answers.length >= 10, { what: 'traffic before the kill' });
    await iso.killMeili();
    // A listing created while Meilisearch is down waits in the outbox and is found by the fallback.
    const late = await createProduct(seller, { title: 'Speckled stoneware mug made during the outage' });
    // Traffic goes on until the fallback has answered for a while (the breaker opened).
    await waitUntil(() => answers.filter((a) => a.engine === 'postgres').length >= 10, {
      timeoutMs: 60_000,
      what: 'fallback answers during the outage',
    });
    running = false;
    await Promise.all(clients);

    expect(answers.length).toBeGreaterThan(20);
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    expect(answers.some((a) => a.engine === 'meilisearch')).toBe(true);
    expect(answers.some((a) => a.engine === 'postgres')).toBe(true);
    expect(answers.at(-1)?.engine).toBe('postgres');
    const during = await search('stoneware mug');
    expect(during.status).toBe(200);
    expect(during.body.result?.data.engine).toBe('postgres');
    expect(during.body.result?.data.hits.map((h) => h.id)).toContain(late.id);
    expect(await outboxEmpty(iso)).toBe(false);

    // Back on the same port: the drainer pushes the outbox, the breaker closes again.
    await iso.restartMeili();
    const recoverBy = Date.now() + 120_000;
    let after = await search('stoneware mug');
    while (
      Date.now() < recoverBy &&
      !(
        after.body.result?.data.engine === 'meilisearch' &&
        after.body.result.data.total === 7 &&
        (await outboxEmpty(iso))
      )
    ) {
      await Bun.sleep(200);
      after = await search('stoneware mug');
    }
    expect(after.status).toBe(200);
    expect(after.body.result?.data.engine).toBe('meilisearch');
    expect(after.body.result?.data.hits.map((h) => h.id)).toContain(late.id);
    expect(await outboxEmpty(iso)).toBe(true);
  }, 300_000); // generous: a restarted Meilisearch re-indexes slowly when CI shares two cores
});
