// Shop rules: one shop per user, unique slugs, only the owner edits.
import { DomainError } from '../../../shared/errors';
import type { CreateShopInput, ShopDto, UpdateShopInput } from '../../../shared/schemas/shops';
import { slugify } from '../../../shared/slug';
import type { DbOrTx } from '../../db/kysely';
import type { AppDeps } from '../../deps';
import { forgetUserSessions } from '../auth/auth.session';
import {
  type findShopById,
  findShopByOwner,
  findShopBySlug,
  findShopIdByOwner,
  insertShop,
  ownerEmailVerified,
  slugExists,
  updateShopRow,
} from './shops.repository';

type ShopRow = NonNullable<Awaited<ReturnType<typeof findShopById>>>;

export function toShopDto(row: ShopRow): ShopDto {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    tagline: row.tagline,
    description: row.description,
    logoUrl: row.logo_url,
    bannerUrl: row.banner_url,
    rating: row.rating,
    reviewCount: row.review_count,
    salesCount: row.sales_count,
    favoriteCount: row.favorite_count,
    shippingPolicy: {
      flatRateCents: row.flat_rate_cents,
      freeOverCents: row.free_over_cents,
      processingDays: row.processing_days,
    },
    createdAt: row.created_at.toISOString(),
    vacation: row.vacation_since
      ? { message: row.vacation_message, returnsOn: row.vacation_returns_on, since: row.vacation_since.toISOString() }
      : null,
    announcement: row.announcement,
    policies: {
      processingDays: row.processing_days,
      returnsAccepted: row.returns_accepted,
      exchangesAccepted: row.exchanges_accepted,
      returnWindowDays: row.return_window_days,
      notes: row.policy_notes,
    },
  };
}

/** A shop address from its name; short or letterless names get a `shop-` prefix (slugs are ≥ 3). */
function shopSlugFromName(name: string): string {
  const slug = slugify(name);
  return slug.length >= 3 ? slug : `shop-${slug || 'new'}`;
}

async function freeSlug(db: DbOrTx, base: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const candidate = i === 0 ? base : `${base}-${i + 1}`;
    if (!(await slugExists(db, candidate))) return candidate;
  }
  return `${base}-${crypto.randomUUID().slice(0, 6)}`;
}

export async function createShop(deps: AppDeps, userId: number, input: CreateShopInput): Promise<ShopDto> {
  const db = deps.db;
  if (await findShopByOwner(db, userId)) throw new DomainError('SHOP_EXISTS', 'You already have a shop.');
  // A shop goes live when it opens, so its owner must be reachable first (decision 0071).
  if (!(await ownerEmailVerified(db, userId)))
    throw new DomainError(
      'EMAIL_NOT_VERIFIED',
      'Confirm your email address before opening a shop: follow the link we mailed you, or send a new one.',
    );
  let slug: string;
  if (input.slug) {
    if (await slugExists(db, input.slug))
      throw new DomainError('SLUG_TAKEN', 'That shop address is taken.', { field: 'slug' });
    slug = input.slug;
  } else {
    slug = await freeSlug(db, shopSlugFromName(input.name));
  }
  // Two requests may both have found the slug (or the owner) free: the unique index decides, and
  // db/unique-violation.ts answers the loser SLUG_TAKEN or SHOP_EXISTS.
  const row = await insertShop(db, {
    owner_id: userId,
    slug,
    name: input.name,
    tagline: input.tagline ?? '',
    description: input.description ?? '',
    logo_url: input.logoUrl ?? null,
    banner_url: input.bannerUrl ?? null,
    flat_rate_cents: input.shippingPolicy.flatRateCents,
    free_over_cents: input.shippingPolicy.freeOverCents,
    processing_days: input.shippingPolicy.processingDays,
  });
  // Becoming a seller is a role change: every session of this user, on every instance, must
  // re-read it (the cache is shared in Redis), not only the session that created the shop.
  await forgetUserSessions(deps, userId);
  return toShopDto(row);
}

/** `shop` is the caller's own shop (the shopOwner procedure loaded and checked it). */
export async function updateShop(db: DbOrTx, shop: ShopRow, input: UpdateShopInput): Promise<ShopDto> {
  if (input.slug && input.slug !== shop.slug && (await slugExists(db, input.slug))) {
    throw new DomainError('SLUG_TAKEN', 'That shop address is taken.', { field: 'slug' });
  }
  const row = await updateShopRow(db, shop.id, {
    name: input.name,
    slug: input.slug,
    tagline: input.tagline,
    description: input.description,
    logo_url: input.logoUrl,
    banner_url: input.bannerUrl,
    flat_rate_cents: input.shippingPolicy?.flatRateCents,
    free_over_cents: input.shippingPolicy?.freeOverCents,
    processing_days: input.shippingPolicy?.processingDays,
    updated_at: new Date(),
  });
  return toShopDto(row);
}

export async function shopBySlug(db: DbOrTx, slug: string): Promise<ShopDto> {
  const row = await findShopBySlug(db, slug);
  if (!row) throw new DomainError('NOT_FOUND', 'Shop not found.');
  return toShopDto(row);
}

/**
 * The shop this user owns, read from the database. Rules that depend on it (no buying or reviewing
 * from your own shop) call this at the point of decision: the session's cached `shopId` may be
 * stale in a user's other sessions.
 */
export function ownShopId(db: DbOrTx, userId: number): Promise<number | null> {
  return findShopIdByOwner(db, userId);
}

export async function myShop(db: DbOrTx, userId: number): Promise<ShopDto | null> {
  const row = await findShopByOwner(db, userId);
  return row ? toShopDto(row) : null;
}
