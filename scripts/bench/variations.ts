// Variation listings (issue 16): cart add+remove and checkout of combinations, the same load as
// the listing-level rows of the same run (commerce.ts), so the report puts them side by side.
// Same order as those rows too: every cart level, then every checkout level, so sales counts a
// checkout coalesces (indexed ~30 s later) never land on a cart row of one side only.
import { Pool } from 'pg';
import type { BenchArgs } from './args';
import { apiCheckoutLoad, loadTiming, perCall } from './commerce';
import type { BenchEnv } from './environment';
import { clientFor, createBuyers, threeShopVariantCart, type VariantPool } from './fixtures';
import { progress } from './progress';
import { formatResult, type LoadResult, runLoad } from './stats';

export async function benchVariations(env: BenchEnv, args: BenchArgs, pool: VariantPool): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  const pick = (i: number) => pool.lines[(i * 7919) % pool.lines.length]!;
  for (const c of args.levels) {
    const buyers = await createBuyers(env.deps, c);
    progress(`cart add+remove via API, variation listings: ${c} clients`);
    await env.takeOpCounts();
    const cart = await runLoad({
      name: 'cart add+remove API, variations',
      concurrency: c,
      ...loadTiming(env, args),
      setup: async (k) => clientFor(env.uncachedUrl, buyers[k]!, `10.82.${k}.1`),
      run: async (client, i) => {
        const line = pick(i);
        await client.mutate('cart.addItem', { ...line, quantity: 1 });
        await client.mutate('cart.removeItem', line);
      },
    });
    cart.roundTrips = perCall(await env.takeOpCounts(), ['cart.addItem', 'cart.removeItem']);
    progress(formatResult(cart));
    results.push(cart);
  }
  // Prepared as the plain checkout rows are (commerce.ts prepareCart): holds through the cart's
  // SQL and the quote through the checkout service, in the bench process, untimed.
  const pg = new Pool({ connectionString: env.services.urls.database, max: 20 });
  try {
    for (const c of args.levels) {
      const buyers = await createBuyers(env.deps, c);
      progress(`checkout.place (3 shops, 5 combinations of 5 listings) via API: ${c} clients`);
      await env.takeOpCounts();
      const checkout = await runLoad({
        name: 'checkout API, variations',
        concurrency: c,
        ...loadTiming(env, args),
        ...apiCheckoutLoad(
          env,
          pg,
          buyers,
          (k) => `10.83.${k}.1`,
          (i) => threeShopVariantCart(pool, i),
        ),
      });
      checkout.roundTrips = perCall(await env.takeOpCounts(), ['checkout.place']);
      progress(formatResult(checkout));
      results.push(checkout);
    }
  } finally {
    await pg.end();
  }
  return results;
}
