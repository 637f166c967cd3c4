// Factories: each test builds its own users, shops and listings with unique names.
import type { CreateProductInput } from '../../shared/schemas/catalog';
import type { ShippingPolicy } from '../../shared/schemas/shops';
import type { AppDeps } from '../deps';
import { createSession } from '../modules/auth/auth.session';
import { createInnerContext, type InnerContext } from '../trpc/context';
import { appRouter } from '../trpc/root';
import { createCallerFactory } from '../trpc/trpc';
import { testDeps } from './test-services';

const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

let counter = 0;
export function unique(prefix = 'u'): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}`;
}

export const TEST_PASSWORD = 'correct horse battery';
const passwordHash = Bun.password.hash(TEST_PASSWORD, { algorithm: 'argon2id', memoryCost: 4096, timeCost: 2 });

export function anonymousCaller(deps: AppDeps = testDeps(), over: Partial<InnerContext> = {}) {
  const ctx = createInnerContext(deps, {
    ip: `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.1`,
    ...over,
  });
  return { ctx, caller: createCaller(ctx) };
}

export interface TestUser {
  id: number;
  email: string;
  name: string;
  shopId: number | null;
  sessionId: string;
  ctx: InnerContext;
  caller: Caller;
}

/** A signed-in user; verified unless `{ verified: false }` (a fresh registration's state). */
export async function createUser(
  deps: AppDeps = testDeps(),
  name = 'Test Buyer',
  { verified = true }: { verified?: boolean } = {},
): Promise<TestUser> {
  const email = `${unique('user')}@example.test`;
  const row = await deps.db
    .insertInto('users')
    .values({ email, name, password_hash: await passwordHash, email_verified_at: verified ? new Date() : null })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  const session = await createSession(deps, row.id);
  const user = { id: row.id, email, name, shopId: null as number | null, emailVerified: verified };
  const ctx = createInnerContext(deps, {
    user,
    sessionId: session.id,
    ip: `10.1.${row.id % 250}.${Math.floor(row.id / 250) % 250}`,
  });
  return { ...user, sessionId: session.id, ctx, caller: createCaller(ctx) };
}

export const defaultPolicy: ShippingPolicy = { flatRateCents: 500, freeOverCents: 5000, processingDays: 2 };

export async function createSeller(deps: AppDeps = testDeps(), policy: ShippingPolicy = defaultPolicy) {
  const user = await createUser(deps, 'Test Seller');
  const shop = await user.caller.shops.create({ name: `Shop ${unique('s')}`, shippingPolicy: policy });
  user.shopId = shop.id;
  user.ctx.user = { id: user.id, email: user.email, name: user.name, shopId: shop.id, emailVerified: true };
  return { ...user, shopId: shop.id, shop };
}

export function productInput(shopId: number, over: Partial<CreateProductInput> = {}): CreateProductInput {
  return {
    shopId,
    title: `Handmade ceramic mug ${unique('p')}`,
    description: 'Wheel-thrown stoneware mug with a speckled glaze.',
    priceCents: 2800,
    quantity: 5,
    categorySlug: 'mugs',
    tags: ['mug', 'stoneware'],
    materials: ['ceramic'],
    isVintage: false,
    images: [],
    ...over,
  };
}

export async function createProduct(
  seller: { caller: Caller; shopId: number },
  over: Partial<CreateProductInput> = {},
) {
  return seller.caller.catalog.createProduct(productInput(seller.shopId, over));
}
