// Variation listings (issue 16): cart add+remove and checkout of combinations against the same
// load on plain listings, measured side by side in alternating windows (runAlternating) at every
// level, so the report's ratio compares the two under the same conditions (decision 0152). The
// listing-level rows of commerce.ts run minutes earlier and their ratio to these swung between
// 0.78 and 1.32 on equal work per call. Every cart level runs before every checkout level, so sales
// counts a checkout coalesces (indexed ~30 s later) never land on a cart row of one side only.
import { Pool } from 'pg';
import type { BenchArgs } from './args';
import { ALTERNATING_WINDOWS, alternatingTiming, apiCheckoutLoad, countRoundTrips } from './commerce';
import type { BenchEnv } from './environment';
import {
  clientFor,
  createBuyers,
  type StockPool,
  threeShopCart,
  threeShopVariantCart,
  type VariantPool,
} from './fixtures';
import { progress } from './progress';
import { formatResult, type LoadResult, runAlternating } from './stats';

export const PAIRED_LISTINGS = ', listings beside variations';

export async function benchVariations(
  env: BenchEnv,
  args: BenchArgs,
  stock: StockPool,
  pool: VariantPool,
): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  const timing = alternatingTiming(env, args);
  const plainLine = (i: number) => ({ productId: stock.productIds[(i * 7919) % stock.productIds.length]! });
  const variantLine = (i: number) => pool.lines[(i * 7919) % pool.lines.length]!;
  for (const c of args.levels) {
    const buyers = [await createBuyers(env.deps, c), await createBuyers(env.deps, c)];
    const cart = (side: 0 | 1) => ({
      name: side === 0 ? `cart add+remove API${PAIRED_LISTINGS}` : 'cart add+remove API, variations',
      concurrency: c,
      ...timing,
      setup: async (k: number) => clientFor(env.uncachedUrl, buyers[side]![k]!, `10.${82 + side * 4}.${k}.1`),
      run: async (client: ReturnType<typeof clientFor>, i: number) => {
        const line = side === 0 ? plainLine(i) : variantLine(i);
        await client.mutate('cart.addItem', { ...line, quantity: 1 });
        await client.mutate('cart.removeItem', line);
      },
    });
    progress(`cart add+remove via API, plain and variation listings alternating: ${c} clients`);
    const pair = await runAlternating(cart(0), cart(1), ALTERNATING_WINDOWS);
    for (const side of [0, 1] as const) {
      pair[side].roundTrips = await countRoundTrips(env, cart(side), ['cart.addItem', 'cart.removeItem']);
      progress(formatResult(pair[side]));
    }
    results.push(...pair);
  }
  // Prepared as the plain checkout rows are (commerce.ts prepareCart): holds through the cart's
  // SQL and the quote through the checkout service, in the bench process, untimed.
  const pg = new Pool({ connectionString: env.services.urls.database, max: env.poolSize });
  try {
    for (const c of args.levels) {
      const buyers = [await createBuyers(env.deps, c), await createBuyers(env.deps, c)];
      const checkout = (side: 0 | 1) => ({
        name: side === 0 ? `checkout API${PAIRED_LISTINGS}` : 'checkout API, variations',
        concurrency: c,
        ...timing,
        ...apiCheckoutLoad(
          env,
          pg,
          buyers[side]!,
          (k) => `10.${83 + side * 4}.${k}.1`,
          side === 0
            ? (i) => threeShopCart(stock, i).map((productId) => ({ productId }))
            : (i) => threeShopVariantCart(pool, i),
        ),
      });
      progress(`checkout.place (3 shops, 5 listings), plain and variation listings alternating: ${c} clients`);
      const pair = await runAlternating(checkout(0), checkout(1), ALTERNATING_WINDOWS);
      for (const side of [0, 1] as const) {
        pair[side].roundTrips = await countRoundTrips(env, checkout(side), ['checkout.place']);
        progress(formatResult(pair[side]));
      }
      results.push(...pair);
    }
  } finally {
    await pg.end();
  }
  return results;
}
