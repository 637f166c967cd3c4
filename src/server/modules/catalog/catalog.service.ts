// Listing rules: sellers edit only their own shop's listings; archived listings stay
// readable by id (old orders link to them) but never appear in lists or search.
import { DomainError } from '../../../shared/errors';
import type {
  CategoryNode,
  CreateProductInput,
  ProductCard,
  ProductDto,
  UpdateProductInput,
} from '../../../shared/schemas/catalog';
import type { Db, DbOrTx } from '../../db/kysely';
import type { SessionUser } from '../auth/auth.session';
import { findShopById } from '../shops/shops.repository';
import { toProductCard } from './catalog.mapper';
import {
  findProductDetail,
  findProductOwner,
  insertProduct,
  listShopProducts,
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
    quantity: row.quantity,
    available: Math.max(0, row.quantity - row.reserved),
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

export async function createProduct(db: Db, user: SessionUser, input: CreateProductInput): Promise<ProductDto> {
  const shop = await findShopById(db, input.shopId);
  if (!shop) throw new DomainError('NOT_FOUND', 'Shop not found.');
  if (shop.owner_id !== user.id) throw new DomainError('FORBIDDEN', 'You can only add listings to your own shop.');
  const categoryId = await leafCategoryId(db, input.categorySlug);
  const { id } = await insertProduct(db, {
    shop_id: shop.id,
    title: input.title,
    description: input.description,
    price_cents: input.priceCents,
    quantity: input.quantity,
    category_id: categoryId,
    tags: dedupe(input.tags),
    materials: dedupe(input.materials),
    is_vintage: input.isVintage,
    images: input.images,
  });
  return getProduct(db, id);
}

function dedupe(values: string[]): string[] {
  return [...new Set(values)];
}

async function assertOwnsProduct(db: DbOrTx, user: SessionUser, productId: number) {
  const product = await findProductOwner(db, productId);
  if (!product) throw new DomainError('NOT_FOUND', 'Listing not found.');
  if (product.owner_id !== user.id) throw new DomainError('FORBIDDEN', 'You can only edit your own listings.');
  return product;
}

export async function updateProduct(db: Db, user: SessionUser, input: UpdateProductInput): Promise<ProductDto> {
  await db.transaction().execute(async (tx) => {
    await assertOwnsProduct(tx, user, input.productId);
    // Lock the row: quantity must never drop below what carts hold.
    const locked = await tx
      .selectFrom('products')
      .select(['reserved'])
      .where('id', '=', input.productId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (input.quantity !== undefined && input.quantity < locked.reserved) {
      throw new DomainError(
        'CONFLICT',
        `${locked.reserved} are held in shoppers' carts; quantity cannot go below that.`,
        {
          field: 'quantity',
          reserved: locked.reserved,
        },
      );
    }
    await updateProductRow(tx, input.productId, {
      title: input.title,
      description: input.description,
      price_cents: input.priceCents,
      quantity: input.quantity,
      category_id: input.categorySlug ? await leafCategoryId(tx, input.categorySlug) : undefined,
      tags: input.tags && dedupe(input.tags),
      materials: input.materials && dedupe(input.materials),
      is_vintage: input.isVintage,
      images: input.images,
      updated_at: new Date(),
    });
  });
  return getProduct(db, input.productId);
}

export async function archiveProduct(db: Db, user: SessionUser, productId: number): Promise<{ ok: true }> {
  await assertOwnsProduct(db, user, productId);
  await updateProductRow(db, productId, { status: 'archived', updated_at: new Date() });
  return { ok: true };
}

/** Puts an archived listing back on sale (search picks it up through the products trigger's outbox row). */
export async function restoreProduct(
  db: Db,
  user: SessionUser,
  productId: number,
): Promise<{ ok: true; restored: boolean }> {
  await assertOwnsProduct(db, user, productId);
  return { ok: true, restored: await reactivateProduct(db, productId) };
}

export async function shopProducts(
  db: DbOrTx,
  shopId: number,
  cursor: number | undefined,
  limit = 24,
): Promise<{ items: ProductCard[]; nextCursor: number | null }> {
  const rows = await listShopProducts(db, shopId, cursor, limit);
  const page = rows.slice(0, limit);
  return { items: page.map(toProductCard), nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}
