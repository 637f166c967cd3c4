// Favourites of listings and shops: explicit signals for the personal feed and the counts shown
// on product and shop pages. A toggle and its counter change commit together.
import { DomainError } from '../../../shared/errors';
import type {
  FavoritesDto,
  FavoriteToggleResult,
  ToggleProductFavoriteInput,
  ToggleShopFavoriteInput,
} from '../../../shared/schemas/favorites';
import { inTransaction } from '../../db/transaction';
import type { AppDeps } from '../../deps';
import { toProductCard } from '../catalog/catalog.mapper';
import { forgetHomeFeed } from '../feed/feed-cache';
import {
  adjustProductFavoriteCount,
  adjustShopFavoriteCount,
  deleteProductFavorite,
  deleteShopFavorite,
  findProductForFavorite,
  findShopForFavorite,
  insertProductFavorite,
  insertShopFavorite,
  listFavoriteProducts,
  listFavoriteShops,
  productFavoriteCount,
  shopFavoriteCount,
} from './favorites.repository';

export async function toggleProductFavorite(
  deps: AppDeps,
  userId: number,
  input: ToggleProductFavoriteInput,
): Promise<FavoriteToggleResult> {
  const result = await inTransaction(deps.db, async (tx) => {
    const product = await findProductForFavorite(tx, input.productId);
    if (!product) throw new DomainError('NOT_FOUND', 'Listing not found.');
    // Un-favouriting first makes "toggle" a single round trip when it is already a favourite.
    if (input.favorited !== true && (await deleteProductFavorite(tx, userId, input.productId))) {
      return { favorited: false, favoriteCount: await adjustProductFavoriteCount(tx, input.productId, -1) };
    }
    if (input.favorited === false)
      return { favorited: false, favoriteCount: await productFavoriteCount(tx, input.productId) };
    if (product.status !== 'active') throw new DomainError('NOT_FOUND', 'This listing is no longer available.');
    if (await insertProductFavorite(tx, userId, input.productId)) {
      return { favorited: true, favoriteCount: await adjustProductFavoriteCount(tx, input.productId, 1) };
    }
    // A concurrent request of the same user inserted it first: the state is "favourited".
    return { favorited: true, favoriteCount: await productFavoriteCount(tx, input.productId) };
  });
  await forgetHomeFeed(deps, userId);
  return result;
}

export async function toggleShopFavorite(
  deps: AppDeps,
  userId: number,
  input: ToggleShopFavoriteInput,
): Promise<FavoriteToggleResult> {
  const result = await inTransaction(deps.db, async (tx) => {
    const shop = await findShopForFavorite(tx, input.shopId);
    if (!shop) throw new DomainError('NOT_FOUND', 'Shop not found.');
    if (input.favorited !== true && (await deleteShopFavorite(tx, userId, input.shopId))) {
      return { favorited: false, favoriteCount: await adjustShopFavoriteCount(tx, input.shopId, -1) };
    }
    if (input.favorited === false)
      return { favorited: false, favoriteCount: await shopFavoriteCount(tx, input.shopId) };
    if (await insertShopFavorite(tx, userId, input.shopId)) {
      return { favorited: true, favoriteCount: await adjustShopFavoriteCount(tx, input.shopId, 1) };
    }
    return { favorited: true, favoriteCount: await shopFavoriteCount(tx, input.shopId) };
  });
  await forgetHomeFeed(deps, userId);
  return result;
}

export async function listFavorites(deps: AppDeps, userId: number): Promise<FavoritesDto> {
  const products = await listFavoriteProducts(deps.db, userId);
  const shops = await listFavoriteShops(deps.db, userId);
  return {
    products: products.map((row) => ({ ...toProductCard(row), favoritedAt: row.favorited_at.toISOString() })),
    shops: shops.map((row) => ({
      id: row.id,
      slug: row.slug,
      name: row.name,
      tagline: row.tagline,
      logoUrl: row.logo_url,
      rating: row.rating,
      reviewCount: row.review_count,
      favoriteCount: row.favorite_count,
      favoritedAt: row.favorited_at.toISOString(),
    })),
  };
}
