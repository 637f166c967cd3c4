// Bench fixtures written straight to the database: signed-in buyers (sessions through the auth
// module, so the app accepts them) and a pool of well-stocked listings grouped by shop.
import { sql } from 'kysely';
import type { AppDeps } from '../../src/server/deps';
import { createSession } from '../../src/server/modules/auth/auth.session';
import { TrpcHttp } from './trpc-http';

const passwordHash = Bun.password.hash('bench-password-not-used', {
  algorithm: 'argon2id',
  memoryCost: 4096,
  timeCost: 2,
});
const runId = Date.now().toString(36);
let buyerCounter = 0;

export interface Buyer {
  id: number;
  cookie: string;
}

export async function createBuyers(deps: AppDeps, n: number): Promise<Buyer[]> {
  const hash = await passwordHash;
  const rows = await deps.db
    .insertInto('users')
    .values(
      Array.from({ length: n }, () => {
        buyerCounter += 1;
        return {
          email: `bench-${runId}-${buyerCounter}@bench.test`,
          name: `Bench Buyer ${buyerCounter}`,
          password_hash: hash,
          email_verified_at: new Date(),
        };
      }),
    )
    .returning('id')
    .execute();
  return Promise.all(
    rows.map(async (r) => ({ id: r.id, cookie: `hearth_session=${(await createSession(deps, r.id)).id}` })),
  );
}

export function clientFor(baseUrl: string, buyer: Buyer, ip: string): TrpcHttp {
  const c = new TrpcHttp(baseUrl, ip);
  c.cookie = buyer.cookie;
  return c;
}

export interface StockPool {
  productIds: number[];
  /** Shops with at least two stocked listings, and those listings. */
  byShop: Map<number, number[]>;
}

/** Picks listings spread over many shops and gives them deep stock so no scenario runs out. */
export async function prepareStock(deps: AppDeps, count = 2000): Promise<StockPool> {
  const rows = await sql<{ id: number; shop_id: number }>`
    with picked as (
      select id from products where status = 'active' and price_cents between 500 and 20000
      order by md5(id::text) limit ${count}
    )
    update products p set quantity = greatest(p.quantity, 1000000)
    from picked where p.id = picked.id
    returning p.id, p.shop_id`.execute(deps.db);
  const byShop = new Map<number, number[]>();
  for (const r of rows.rows) byShop.set(r.shop_id, [...(byShop.get(r.shop_id) ?? []), r.id]);
  for (const [shop, ids] of byShop) if (ids.length < 2) byShop.delete(shop);
  return { productIds: rows.rows.map((r) => r.id), byShop };
}

/** Five listings from three different shops (2 + 2 + 1). */
export function threeShopCart(pool: StockPool, i: number): number[] {
  const shops = [...pool.byShop.keys()];
  const pick = (k: number) => pool.byShop.get(shops[(i * 3 + k) % shops.length])!;
  const [a, b, c] = [pick(0), pick(1), pick(2)];
  return [a[0], a[1], b[0], b[1], c[0]];
}

export const benchAddress = {
  name: 'Bench Buyer',
  line1: '1 Load Test Way',
  city: 'Portland',
  region: 'OR',
  postalCode: '97201',
  country: 'US',
};
