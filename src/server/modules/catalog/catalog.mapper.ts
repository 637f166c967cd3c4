// Row → DTO mapping for listings, shared by every module that shows product cards.
import { availableUnits } from '../../../shared/availability';
import type { ProductCard } from '../../../shared/schemas/catalog';

export interface ProductCardRow {
  id: number;
  title: string;
  price_cents: number;
  images: string[];
  shop_id: number;
  shop_name: string;
  is_vintage: boolean;
  quantity: number;
  reserved: number;
  status: 'active' | 'archived';
  rating: number;
  review_count: number;
  /** Present where the query selects it (search): the top of a listing's price range. */
  price_max_cents?: number | null;
}

export function toProductCard(row: ProductCardRow): ProductCard {
  return {
    id: row.id,
    title: row.title,
    priceCents: row.price_cents,
    image: row.images[0] ?? null,
    shopId: row.shop_id,
    shopName: row.shop_name,
    isVintage: row.is_vintage,
    available: availableUnits(row),
    rating: row.rating,
    reviewCount: row.review_count,
    ...(row.price_max_cents ? { priceMaxCents: row.price_max_cents } : {}),
  };
}
