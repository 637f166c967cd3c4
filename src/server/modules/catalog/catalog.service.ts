// Listing rules: archived listings stay readable by id (old orders link to them) but never appear
// in lists or search. Who may edit a listing is decided before these run (trpc/ownership.ts): the
// functions that change a listing take the id of one the caller owns. Changes that move
// availability tell open pages after their commit, here, not in the router; the seller's answer
// waits for the announcement (~10 ms) so consecutive edits reach pages as separate events.
import { availableUnits } from '../../../shared/availability';
import { DomainError } from '../../../shared/errors';
import { MAX_PERSONALIZATION_CHARS } from '../../../shared/schemas/cart';
import type {
  CategoryNode,
  CreateProductInput,
  ProductCard,
  ProductDto,
  ProductVariationsDto,
  UpdateProductInput,
} from '../../../shared/schemas/catalog';
import { MADE_TO_ORDER_STOCK } from '../../../shared/variations';
import type { VariationProperty } from '../../db/database';
import type { Db, DbOrTx } from '../../db/kysely';
import { inTransaction } from '../../db/transaction';
import type { AppDeps } from '../../deps';
import type { SessionUser } from '../auth/auth.session';
import { recordViewInBackground } from '../feed/record-view';
import { publishAvailability } from '../realtime/inventory-events';
import { offered, writeVariations } from '../variations/variations.service';
import { toProductCard } from './catalog.mapper';
import {
  findProductDetail,
  insertProduct,
  listShopProducts,
  type ProductCombinationRow,
  reactivateProduct,
  updateProductRow,
} from './catalog.repository';
import { findCategoryBySlug, listCategories } from './category.repository';

export async function categoryTree(db: DbOrTx): Promise<CategoryNode[]> {
  const rows = await listCategories(db);
  const nodes = new Map<number, CategoryNode & { parentId: number | null }>();
  for (const r of rows) nodes.set(r.id, { slug: r.slug, name: r.name, children: [], parentId: r.parent_id });
  const roots: CategoryNode[] = [];
  for (const r of rows) {
    const node = nodes.get(r.id)!;
    const parent = r.parent_id ? nodes.get(r.parent_id) : undefined;
    if (parent) parent.children.push({ slug: node.slug, name: node.name, children: node.children });
    else roots.push({ slug: node.slug, name: node.name, children: node.children });
  }
  return roots;
}

async function leafCategoryId(db: DbOrTx, slug: string): Promise<number> {
  const category = await findCategoryBySlug(db, slug);
  if (!category) throw new DomainError('BAD_REQUEST', `Unknown category "${slug}".`, { field: 'categorySlug' });
  return category.id;
}

export async function getProduct(db: DbOrTx, productId: number): Promise<ProductDto> {
  const row = await findProductDetail(db, productId);
  if (!row) throw new DomainError('NOT_FOUND', 'Listing not found.');
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    priceCents: row.price_cents,
    priceMaxCents: row.price_max_cents,
    variations: buyerVariations(row.variation_properties, row.variants, row.status),
    personalization:
      row.personalization_prompt !== null
        ? {
            prompt: row.personalization_prompt,
            maxChars: row.personalization_max_chars ?? MAX_PERSONALIZATION_CHARS,
            required: row.personalization_required,
          }
        : null,
    processing: {
      minDays: row.processing_days_min ?? row.shop_processing_days,
      maxDays: row.processing_days_max ?? row.shop_processing_days,
      madeToOrder: row.made_to_order,
      shopDefault: row.processing_days_min === null,
    },
    quantity: row.quantity,
    available: availableUnits(row),
    isVintage: row.is_vintage,
    status: row.status,
    category: { slug: row.category_slug, name: row.category_name },
    tags: row.tags,
    materials: row.materials,
    images: row.images,
    shop: { id: row.shop_id, slug: row.shop_slug, name: row.shop_name, rating: row.shop_rating },
    rating: row.rating,
    reviewCount: row.review_count,
    favoriteCount: row.favorite_count,
    inCarts: row.in_carts ?? 0,
    createdAt: row.created_at.toISOString(),
  };
}

function buyerVariations(
  properties: VariationProperty[],
  variants: ProductCombinationRow[] | null,
  status: 'active' | 'archived',
): ProductVariationsDto | null {
  if (properties.length === 0 || !variants) return null;
  return {
    properties,
    combinations: offered(variants, properties).map((v) => ({
      id: v.id,
      values: [v.option1, v.option2].slice(0, properties.length) as string[],
      priceCents: v.price_cents,
      available: status === 'active' ? v.available : 0,
      inCarts: status === 'active' ? v.in_carts : 0,
      enabled: v.enabled,
    })),
  };
}

/** A product page view: the listing, and (signed in) a view recorded for the feed, never delaying the page. */
export async function viewProduct(deps: AppDeps, user: SessionUser | null, productId: number): Promise<ProductDto> {
  const product = await getProduct(deps.readDb, productId);
  if (user) recordViewInBackground(deps, user.id, productId);
  return product;
}

/** Adds a listing to `shopId`, a shop the caller owns. */
export async function createProduct(db: Db, shopId: number, input: CreateProductInput): Promise<ProductDto> {
  const categoryId = await leafCategoryId(db, input.categorySlug);
  const table = input.variations?.properties.length ? input.variations : null;
  // With variations, the combinations carry price and stock; the listing's columns are their
  // aggregate (kept by triggers), so the form's single price and quantity are not used.
  const id = await inTransaction(db, async (tx) => {
    const { id } = await insertProduct(tx, {
      shop_id: shopId,
      title: input.title,
      description: input.description,
      price_cents: table ? Math.min(...table.combinations.map((c) => c.priceCents)) : input.priceCents,
      quantity: table ? 0 : input.quantity,
      category_id: categoryId,
      tags: dedupe(input.tags),
      materials: dedupe(input.materials),
      is_vintage: input.isVintage,
      images: input.images,
      ...extrasRow(input),
      ...(input.madeToOrder && !table ? { quantity: MADE_TO_ORDER_STOCK } : {}),
    });
    if (table) await writeVariations(tx, { productId: id, ...table });
    return id;
  });
  return getProduct(db, id);
}

/** Personalisation, processing time and made-to-order as columns (undefined: leave as is). */
function extrasRow(input: Pick<UpdateProductInput, 'personalization' | 'processing' | 'madeToOrder'>) {
  return {
    ...(input.personalization !== undefined
      ? {
          personalization_prompt: input.personalization?.prompt ?? null,
          personalization_max_chars: input.personalization?.maxChars ?? null,
          personalization_required: input.personalization?.required ?? false,
        }
      : {}),
    ...(input.processing !== undefined
      ? {
          processing_days_min: input.processing?.minDays ?? null,
          processing_days_max: input.processing?.maxDays ?? null,
        }
      : {}),
    ...(input.madeToOrder !== undefined ? { made_to_order: input.madeToOrder } : {}),
  };
}

function dedupe(values: string[]): string[] {
  return [...new Set(values)];
}

/** Edits a listing the caller owns; restocks and quantity edits are announced after commit. */
export async function updateProduct(deps: AppDeps, productId: number, input: UpdateProductInput): Promise<ProductDto> {
  const db = deps.db;
  await inTransaction(db, async (tx) => {
    // Lock the row: quantity must never drop below what carts hold.
    const locked = await tx
      .selectFrom('products')
      .select(['reserved', 'variation_properties', 'made_to_order'])
      .where('id', '=', productId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    // A listing with variations has a price and quantity per combination (decision 0080).
    const varies = locked.variation_properties.length > 0;
    const madeToOrder = input.madeToOrder ?? locked.made_to_order;
    if (varies) {
      const field =
        input.priceCents !== undefined
          ? 'priceCents'
          : input.quantity !== undefined && !madeToOrder
            ? 'quantity'
            : null;
      if (field)
        throw new DomainError(
          'BAD_REQUEST',
          'This listing has variations: set price and quantity per combination in its combination table.',
          { field },
        );
    }
    if (input.quantity !== undefined && input.quantity < locked.reserved) {
      throw new DomainError(
        'CONFLICT',
        `${locked.reserved} ${locked.reserved === 1 ? 'is' : 'are'} held in shoppers’ carts; quantity cannot go below that.`,
        {
          field: 'quantity',
          reserved: locked.reserved,
        },
      );
    }
    // Made to order: every combination gets the listing maximum (their holds are kept).
    if (madeToOrder && input.madeToOrder && varies)
      await tx
        .updateTable('listing_variants')
        .set({ quantity: MADE_TO_ORDER_STOCK, updated_at: new Date() })
        .where('product_id', '=', productId)
        .where('is_default', '=', false)
        .execute();
    await updateProductRow(tx, productId, {
      title: input.title,
      description: input.description,
      price_cents: input.priceCents,
      quantity: madeToOrder && !varies ? MADE_TO_ORDER_STOCK : varies ? undefined : input.quantity,
      ...extrasRow(input),
      category_id: input.categorySlug ? await leafCategoryId(tx, input.categorySlug) : undefined,
      tags: input.tags && dedupe(input.tags),
      materials: input.materials && dedupe(input.materials),
      is_vintage: input.isVintage,
      images: input.images,
      updated_at: new Date(),
    });
  });
  await publishAvailability(deps, [productId]);
  return getProduct(db, productId);
}

export async function archiveProduct(deps: AppDeps, productId: number): Promise<{ ok: true }> {
  await updateProductRow(deps.db, productId, { status: 'archived', updated_at: new Date() });
  await publishAvailability(deps, [productId]);
  return { ok: true };
}

/** Puts an archived listing back on sale (search picks it up through the products trigger's outbox row).
 * A listing without a price (a $0.00 row from before prices were required) stays off sale until the
 * seller sets one (decision 0199). */
export async function restoreProduct(deps: AppDeps, productId: number): Promise<{ ok: true; restored: boolean }> {
  const restored = await reactivateProduct(deps.db, productId);
  if (!restored && (await getProduct(deps.db, productId)).priceCents <= 0)
    throw new DomainError('BAD_REQUEST', 'Set a price above $0.00 in Edit before putting this listing back on sale.', {
      field: 'priceCents',
      reason: 'no_price',
    });
  if (restored) await publishAvailability(deps, [productId]);
  return { ok: true, restored };
}

export async function shopProducts(
  db: DbOrTx,
  shopId: number,
  cursor: number | undefined,
  limit = 24,
  sectionId?: number,
): Promise<{ items: ProductCard[]; nextCursor: number | null }> {
  const rows = await listShopProducts(db, shopId, cursor, limit, sectionId);
  const page = rows.slice(0, limit);
  return { items: page.map(toProductCard), nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}
