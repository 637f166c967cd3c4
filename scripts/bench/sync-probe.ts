// Search freshness under load: while cart and checkout scenarios run, a seller-style edit (a new
// word in a listing's title, committed in PostgreSQL) is made over and over, and each time the
// probe polls Meilisearch until a search for that word finds the listing. Time to searchable is
// the gap between the commit and the first search that finds it (10 ms poll). The index holds
// the app's stemmed terms, so the probe sends the word as the app's search would (`queryTerms`):
// sent raw, a word whose stem drops three letters ("zqemybyics" is indexed as "zqemyby") was
// never found: about one random word in 2,500 stems that way, and its sample timed out with the
// edit long indexed.
import { sql } from 'kysely';
import { queryTerms } from '../../src/server/modules/search/search-text-query';
import type { BenchEnv } from './environment';
import type { StockPool } from './fixtures';
import { progress } from './progress';
import { percentile, round } from './stats';

export interface SyncProbeResult {
  samples: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  timeouts: number;
}

const POLL_MS = 10;
const GIVE_UP_MS = 15_000;
const PAUSE_MS = 250;

function token(n: number): string {
  // Letters only (numbers are matched exactly, typos are not allowed on short words either way).
  let out = 'zq';
  for (let i = 0; i < 8; i++) out += String.fromCharCode(97 + ((n * 7 + i * 13 + Math.floor(Math.random() * 26)) % 26));
  return out;
}

export class SyncProbe {
  private readonly times: number[] = [];
  private timeouts = 0;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly env: BenchEnv,
    private readonly listings: { id: number; title: string }[],
  ) {}

  /** Listings outside the stock pool, so edits never wait on a cart's or checkout's row lock. */
  static async create(env: BenchEnv, stock: StockPool, count = 20): Promise<SyncProbe> {
    const rows = await sql<{ id: number; title: string }>`
      select id, title from products where status = 'active' and not (id = any(${stock.productIds}))
      order by id limit ${count}`.execute(env.deps.db);
    return new SyncProbe(env, rows.rows);
  }

  start() {
    this.stopped = false;
    this.running = this.loop();
  }

  async stop() {
    this.stopped = true;
    await this.running;
  }

  private async loop() {
    const meili = this.env.deps.meili;
    if (!meili || this.listings.length === 0) return;
    const index = meili.index(this.env.deps.config.productsIndex);
    for (let n = 0; !this.stopped; n++) {
      const listing = this.listings[n % this.listings.length];
      const word = token(n);
      await sql`update products set title = ${`${listing.title} ${word}`} where id = ${listing.id}`.execute(
        this.env.deps.db,
      );
      const committed = performance.now();
      const q = queryTerms(word).join(' ');
      for (;;) {
        const r = await index.search(q, { limit: 5, attributesToRetrieve: ['id'] });
        if (r.hits.some((h) => h.id === listing.id)) {
          this.times.push(performance.now() - committed);
          break;
        }
        if (performance.now() - committed > GIVE_UP_MS) {
          this.timeouts += 1;
          progress(
            `search sync: listing ${listing.id} not found by "${word}" after ${GIVE_UP_MS} ms; ${await this.whereIsIt(listing.id).catch((err) => `could not look (${String(err)})`)}`,
          );
          break;
        }
        await Bun.sleep(POLL_MS);
      }
      await Bun.sleep(PAUSE_MS);
    }
  }

  /** What a timed-out edit left behind: its outbox rows, and the title the index holds. */
  private async whereIsIt(productId: number): Promise<string> {
    const outbox = await sql<{ n: number; attempts: number | null; due: Date | null }>`
      select count(*)::int as n, max(attempts) as attempts, min(available_at) as due
      from search_outbox where product_id = ${productId}`.execute(this.env.deps.db);
    const o = outbox.rows[0];
    const indexed = await this.env.deps.meili
      ?.index(this.env.deps.config.productsIndex)
      .getDocument(productId, { fields: ['title'] })
      .then((d) => JSON.stringify(d.title))
      .catch((err: unknown) => `unreadable (${String(err).slice(0, 80)})`);
    return `outbox rows ${o?.n ?? 0} (attempts ${o?.attempts ?? '-'}, due ${o?.due?.toISOString() ?? '-'}), index title ${indexed}`;
  }

  result(): SyncProbeResult {
    const sorted = [...this.times].sort((a, b) => a - b);
    return {
      samples: sorted.length,
      p50Ms: round(percentile(sorted, 50)),
      p95Ms: round(percentile(sorted, 95)),
      maxMs: round(sorted[sorted.length - 1] ?? Number.NaN),
      timeouts: this.timeouts,
    };
  }

  /** Puts the original titles back (the next run, with --reuse, starts from them). */
  async restore() {
    for (const l of this.listings)
      await sql`update products set title = ${l.title} where id = ${l.id}`.execute(this.env.deps.db);
  }
}
