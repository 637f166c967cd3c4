// Cart and checkout through the API against their SQL alone, and the hot item: 200 buyers at once
// for the last unit.
import { sql } from 'kysely';
import pg from 'pg';
import { quote } from '../../src/server/modules/checkout/checkout.service';
import type { BenchArgs } from './args';
import type { BenchEnv } from './environment';
import { type Buyer, benchAddress, clientFor, createBuyers, type StockPool, threeShopCart } from './fixtures';
import type { OpCount } from './op-counter';
import { progress } from './progress';
import { floorCheckout, installFloor } from './raw-floor';
import { rawAddItem, rawCheckout, rawRemoveItem } from './raw-sql';
import { FLOOR_USER_COOKIE } from './stack-floor';
import { dumpStatements, resetStatements } from './statements';
import {
  formatResult,
  type LoadOptions,
  type LoadResult,
  round,
  runAlternating,
  runAlternatingAll,
  runLoad,
} from './stats';
import { TrpcHttp, TrpcHttpError } from './trpc-http';

/**
 * Cart add+remove through the API against its SQL alone, in alternating windows at each level
 * (runAlternating, decision 0157): two rows run one after the other swung by a fifth with the
 * machine's background work (autovacuum, indexing) landing on one of them. The stack floor
 * (stack-floor.ts) runs in the same windows: the fixed stack with the same SQL and none of Hearth.
 */
export async function benchCart(env: BenchEnv, args: BenchArgs, stock: StockPool): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  const pool = new pg.Pool({ connectionString: env.services.urls.database, max: env.poolSize });
  const pick = (i: number) => stock.productIds[(i * 7919) % stock.productIds.length];
  const loads = (buyers: Buyer[], c: number, timing: { warmupMs: number; durationMs: number }) =>
    [
      {
        name: 'cart add+remove API',
        concurrency: c,
        cpu: env.cpu,
        ...timing,
        setup: async (k: number) => clientFor(env.uncachedUrl, buyers[k]!, `10.80.${k}.1`),
        run: async (client: TrpcHttp, i: number) => {
          const productId = pick(i);
          await client.mutate('cart.addItem', { productId, quantity: 1 });
          await client.mutate('cart.removeItem', { productId });
        },
      },
      {
        name: 'cart add+remove stack floor',
        concurrency: c,
        cpu: env.cpu,
        ...timing,
        setup: async (k: number) => {
          const client = new TrpcHttp(env.floorUrl, `10.81.${k}.1`);
          client.cookie = `${FLOOR_USER_COOKIE}=${buyers[k]!.id}`;
          return client;
        },
        run: async (client: TrpcHttp, i: number) => {
          const productId = pick(i);
          const held = await client.mutate<{ outcome: string }>('cart.addItem', { productId, quantity: 1 });
          if (held.outcome !== 'ok') throw new Error(`stack floor hold refused: ${held.outcome}`);
          await client.mutate('cart.removeItem', { productId });
        },
      },
      {
        name: 'cart add+remove raw SQL',
        concurrency: c,
        cpu: env.cpu,
        ...timing,
        setup: async (k: number): Promise<Buyer> => buyers[k]!,
        run: async (buyer: Buyer, i: number) => {
          const productId = pick(i);
          await rawAddItem(pool, buyer.id, productId);
          await rawRemoveItem(pool, buyer.id, productId);
        },
      },
    ] as const;
  try {
    // Steady state first (decision 0166): the app's cart path runs in the JIT's fast tiers only
    // after a few thousand calls, the raw side's pg client after a few hundred.
    const warm = await createBuyers(env.deps, 8);
    progress(`cart: warm-up, ${steadyStateWarmUpMs(args)} ms each side, 8 clients (not measured)`);
    const [warmApi, warmFloor, warmRaw] = loads(warm, 8, { warmupMs: 0, durationMs: steadyStateWarmUpMs(args) });
    await runLoad(warmApi);
    await runLoad(warmFloor);
    await runLoad(warmRaw);
    for (const c of args.levels) {
      const buyers = await createBuyers(env.deps, c);
      progress(`cart add+remove, API, stack floor and raw SQL alternating: ${c} clients`);
      await resetStatements(pool);
      const sides = loads(buyers, c, alternatingTiming(env, args));
      const [api, floor, raw] = await runAlternatingAll(
        sides as unknown as LoadOptions<unknown>[],
        ALTERNATING_WINDOWS,
      );
      await dumpStatements(
        pool,
        `cart add+remove API, stack floor and raw SQL c=${c}`,
        api!.count + floor!.count + raw!.count,
      );
      api!.roundTrips = await countRoundTrips(env, sides[0], ['cart.addItem', 'cart.removeItem']);
      for (const r of [api!, floor!, raw!]) progress(formatResult(r));
      results.push(api!, floor!, raw!);
    }
  } finally {
    await pool.end();
  }
  return results;
}

/**
 * Untimed load per side before a scenario's first level (decision 0202): 30 s full, 15 s quick.
 * The app's CPU per cart pair kept falling for the first 15-20 s of 8-client load (1.06 -> 0.65 ms)
 * before it held; the 8 s warm-up before measured it partway.
 */
export const steadyStateWarmUpMs = (args: BenchArgs) => 15 * args.warmupMs;

type Quote = { version: string; totalCents: number };

/** The quote each client confirmed, read in the untimed preparation. */
const confirmedQuotes = new WeakMap<TrpcHttp, Quote>();

/** What the checkout page confirms before placing: the cart's quote at the bench address. */
export async function confirmQuote(client: TrpcHttp): Promise<void> {
  const q = await client.query<Quote>('checkout.quote', { shippingAddress: benchAddress });
  confirmedQuotes.set(client, { version: q.version, totalCents: q.totalCents });
}

/** checkout.place at the quote the buyer confirmed. */
export async function placeConfirmed(client: TrpcHttp): Promise<void> {
  await client.mutate('checkout.place', {
    idempotencyKey: crypto.randomUUID(),
    shippingAddress: benchAddress,
    quote: confirmedQuotes.get(client),
    payment: { token: 'tok_visa' },
  });
}

/** The timing every load of a run shares. */
export function loadTiming(env: BenchEnv, args: BenchArgs) {
  return { cpu: env.cpu, warmupMs: args.warmupMs, durationMs: args.durationMs };
}

/** Alternating windows per side and level: A B, B A, A B, B A. */
export const ALTERNATING_WINDOWS = 4;

/** One window of an alternating pair: a short warm-up, and the level's time shared between the windows. */
export function alternatingTiming(env: BenchEnv, args: BenchArgs) {
  return {
    cpu: env.cpu,
    warmupMs: Math.min(500, args.warmupMs),
    durationMs: Math.round(args.durationMs / ALTERNATING_WINDOWS),
  };
}

/**
 * The untimed preparation before every timed checkout, API and raw alike (the same work in the
 * same process, so throughput and CPU, measured over the whole window, compare the checkouts
 * alone): the cart filled with the cart's own SQL (`hold_cart_line`, as raw-sql.ts), then its
 * quote at the bench address, read through the checkout service in the bench process. The raw
 * runs do not need the quote; they read it anyway so both sides prepare identically.
 */
export async function prepareCart(env: BenchEnv, pool: pg.Pool, buyer: Buyer, lines: CartLines): Promise<Quote> {
  for (const l of lines) await rawAddItem(pool, buyer.id, l.productId, 1, l.variantId ?? null);
  const q = await quote(env.deps, { userId: buyer.id }, { shippingAddress: { ...benchAddress, line2: null } });
  return { version: q.version, totalCents: q.totalCents };
}

type CartLines = readonly { productId: number; variantId?: number }[];
type CheckoutState = { buyer: Buyer; client: TrpcHttp; quote: Quote | null };

/**
 * The load of every API checkout row: client k is `buyers[k]` calling from `ipOf(k)`; each
 * iteration fills its cart with `linesFor(i)` untimed (prepareCart), then times checkout.place.
 */
export function apiCheckoutLoad(
  env: BenchEnv,
  pool: pg.Pool,
  buyers: readonly Buyer[],
  ipOf: (client: number) => string,
  linesFor: (i: number) => CartLines,
): Pick<LoadOptions<CheckoutState>, 'setup' | 'prepare' | 'run'> {
  return {
    setup: async (k) => ({ buyer: buyers[k]!, client: clientFor(env.uncachedUrl, buyers[k]!, ipOf(k)), quote: null }),
    prepare: async (state, i) => {
      state.quote = await prepareCart(env, pool, state.buyer, linesFor(i));
    },
    run: (state) =>
      state.client.mutate('checkout.place', {
        idempotencyKey: crypto.randomUUID(),
        shippingAddress: benchAddress,
        quote: state.quote,
        payment: { token: 'tok_visa' },
      }),
  };
}

const plainLines = (stock: StockPool, i: number) => threeShopCart(stock, i).map((productId) => ({ productId }));

export async function benchCheckout(env: BenchEnv, args: BenchArgs, stock: StockPool): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  const pool = new pg.Pool({ connectionString: env.services.urls.database, max: env.poolSize });
  try {
    await installFloor(pool);
    // Steady state first, as for the cart: checkout's own code (pricing, the workflow, the commit)
    // runs nowhere else in the bench before its first level.
    const warm = await createBuyers(env.deps, 8);
    const warmTiming = { cpu: undefined, warmupMs: 0, durationMs: steadyStateWarmUpMs(args) };
    progress(`checkout: warm-up, ${steadyStateWarmUpMs(args)} ms each side, 8 clients (not measured)`);
    await runLoad({
      name: 'checkout API warm-up',
      concurrency: 8,
      ...warmTiming,
      ...apiCheckoutLoad(
        env,
        pool,
        warm,
        (k) => `10.82.${k}.1`,
        (i) => plainLines(stock, i),
      ),
    });
    await runLoad({
      name: 'checkout raw SQL warm-up',
      concurrency: 8,
      ...warmTiming,
      ...rawCheckoutLoad(env, pool, warm, stock, rawCheckout),
    });
    for (const c of args.levels) {
      const buyers = await createBuyers(env.deps, c);
      progress(`checkout.place (3 shops, 5 items), API and its SQL alone alternating: ${c} clients`);
      await resetStatements(pool);
      const apiLoad = {
        name: 'checkout API',
        concurrency: c,
        ...alternatingTiming(env, args),
        ...apiCheckoutLoad(
          env,
          pool,
          buyers,
          (k) => `10.81.${k}.1`,
          (i) => plainLines(stock, i),
        ),
      };
      const [api, raw] = await runAlternating(
        apiLoad,
        {
          name: 'checkout raw SQL',
          concurrency: c,
          ...alternatingTiming(env, args),
          ...rawCheckoutLoad(env, pool, buyers, stock, rawCheckout),
        },
        ALTERNATING_WINDOWS,
      );
      await dumpStatements(pool, `checkout API and raw SQL c=${c}`, api.count + raw.count);
      api.roundTrips = await countRoundTrips(env, apiLoad, ['checkout.place']);
      progress(formatResult(api));
      progress(formatResult(raw));
      results.push(api, raw);

      // The floor, after: it is compared with both rows, not raced against them.
      progress(`checkout floor (one round trip): ${c} clients`);
      await resetStatements(pool);
      const floor = await runLoad<Buyer>({
        name: 'checkout raw floor (1 round trip)',
        concurrency: c,
        ...loadTiming(env, args),
        ...rawCheckoutLoad(env, pool, buyers, stock, floorCheckout),
      });
      await dumpStatements(pool, `checkout raw floor c=${c}`, floor.count);
      progress(formatResult(floor));
      results.push(floor);
    }
  } finally {
    await pool.end();
  }
  return results;
}

/** A raw checkout row's load: the same untimed cart preparation as the API's, then `checkout` timed. */
function rawCheckoutLoad(
  env: BenchEnv,
  pool: pg.Pool,
  buyers: readonly Buyer[],
  stock: StockPool,
  checkout: (pool: pg.Pool, userId: number, address: Record<string, string>) => Promise<void>,
): Pick<LoadOptions<Buyer>, 'setup' | 'prepare' | 'run'> {
  return {
    setup: async (k) => buyers[k]!,
    prepare: async (buyer, i) => void (await prepareCart(env, pool, buyer, plainLines(stock, i))),
    run: async (buyer) => checkout(pool, buyer.id, benchAddress),
  };
}

/** Long enough for a hundred calls at 32 clients; not part of any row's figures. */
const COUNTING_MS = 1_500;

/**
 * Round trips per call of an API load, counted in a short extra window of that load after its
 * measured ones, with the app's counters switched on only then (decision 0169).
 */
export async function countRoundTrips<S>(
  env: BenchEnv,
  load: LoadOptions<S>,
  procedures: string[],
): Promise<LoadResult['roundTrips']> {
  await env.countOps(true);
  await runLoad({ ...load, warmupMs: 0, durationMs: COUNTING_MS, cpu: undefined });
  return perCall(await env.countOps(false), procedures);
}

function perCall(counts: Record<string, OpCount>, names: string[]): LoadResult['roundTrips'] {
  const out: NonNullable<LoadResult['roundTrips']> = {};
  for (const name of names) {
    const c = counts[name];
    if (!c?.calls) continue;
    out[name] = {
      sql: round(c.sql / c.calls),
      transactions: round(c.transactions / c.calls),
      redis: round(c.redis / c.calls),
    };
  }
  return out;
}

/**
 * Checkouts of one listing each, every client buying a different listing of the SAME shop, against
 * the same load spread over different shops: a counter on the shop row would serialise the first.
 */
export async function benchSameShop(env: BenchEnv, args: BenchArgs, stock: StockPool): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  const shops = [...stock.byShop.entries()].sort((a, b) => b[1].length - a[1].length);
  const [sameShopId, sameShop] = shops[0];
  const spread = shops.map(([, ids]) => ids);
  const variants = [
    { name: 'checkout API, one shop', pick: (i: number) => sameShop[i % sameShop.length] },
    {
      name: 'checkout API, spread shops',
      pick: (i: number) => {
        const ids = spread[i % spread.length];
        return ids[Math.floor(i / spread.length) % ids.length];
      },
    },
  ];
  progress(`same shop: shop ${sameShopId} has ${sameShop.length} stocked listings; spread over ${spread.length} shops`);
  for (const c of args.levels.filter((l) => l > 1)) {
    const buyers = [await createBuyers(env.deps, c), await createBuyers(env.deps, c)];
    const load = (side: 0 | 1) => {
      const v = variants[side];
      return {
        name: v.name,
        concurrency: c,
        ...alternatingTiming(env, args),
        setup: async (k: number) => clientFor(env.uncachedUrl, buyers[side][k], `10.${84 + side * 4}.${k}.1`),
        prepare: async (client: TrpcHttp, i: number) => {
          await client.mutate('cart.addItem', { productId: v.pick(i), quantity: 1 });
          await confirmQuote(client);
        },
        run: placeConfirmed,
      };
    };
    // Alternating windows (decision 0168): measured one after the other, the two sides' ratio
    // swung from 0.73 to 1.30 between runs of the same code with the machine's moods.
    progress(`checkout API, one shop and spread shops alternating: ${c} clients`);
    const pair = await runAlternating(load(0), load(1), ALTERNATING_WINDOWS);
    for (const r of pair) progress(formatResult(r));
    results.push(...pair);
  }
  return results;
}

export interface HotItemResult {
  buyers: number;
  allAnsweredMs: number;
  p50Ms: number;
  maxMs: number;
  orders: number;
  outcomes: Record<string, number>;
  stockAfter: { quantity: number; reserved: number };
}

/** 200 buyers add the last unit and check out at once: exactly one order, everyone answered. */
export async function benchHotItem(env: BenchEnv, stock: StockPool, buyersCount = 200): Promise<HotItemResult> {
  const { db } = env.deps;
  const productId = stock.productIds[stock.productIds.length - 1];
  await sql`delete from cart_items where product_id = ${productId}`.execute(db);
  await sql`update products set quantity = 1, reserved = 0 where id = ${productId}`.execute(db);
  const buyers = await createBuyers(env.deps, buyersCount);
  const soldBefore = await db
    .selectFrom('order_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('product_id', '=', productId)
    .executeTakeFirstOrThrow();
  const clients = buyers.map((b, k) => clientFor(env.uncachedUrl, b, `10.82.${Math.floor(k / 250)}.${k % 250}`));
  progress(`hot item: ${buyersCount} buyers for 1 unit of product ${productId}`);
  const outcomes: Record<string, number> = {};
  const times: number[] = [];
  const started = performance.now();
  await Promise.all(
    clients.map(async (client: TrpcHttp) => {
      let outcome: string;
      try {
        await client.mutate('cart.addItem', { productId, quantity: 1 });
        await confirmQuote(client);
        await placeConfirmed(client);
        outcome = 'order placed';
      } catch (err) {
        outcome = err instanceof TrpcHttpError ? `${err.status} ${err.domainCode ?? err.code}` : `error ${String(err)}`;
      }
      times.push(performance.now() - started);
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }),
  );
  const allAnsweredMs = performance.now() - started;
  const orders = await db
    .selectFrom('order_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('product_id', '=', productId)
    .executeTakeFirstOrThrow();
  const after = await db
    .selectFrom('products')
    .select(['quantity', 'reserved'])
    .where('id', '=', productId)
    .executeTakeFirstOrThrow();
  times.sort((a, b) => a - b);
  const result = {
    buyers: buyersCount,
    allAnsweredMs: round(allAnsweredMs),
    p50Ms: round(times[Math.floor(times.length / 2)]),
    maxMs: round(times[times.length - 1]),
    orders: Number(orders.n) - Number(soldBefore.n),
    outcomes,
    stockAfter: after,
  };
  progress(
    `hot item: all answered in ${result.allAnsweredMs} ms, orders = ${result.orders}, ${JSON.stringify(outcomes)}`,
  );
  return result;
}
