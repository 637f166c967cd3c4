import { z } from 'zod';
import { cursorSchema, idSchema, limitSchema } from './common';
import type { OrderStatusValue } from './orders';
import { text } from './text';

export const sellerDashboardInput = z.object({
  shopId: idSchema,
  days: z.number().int().min(1).max(365).default(30),
});
export type SellerDashboardInput = z.infer<typeof sellerDashboardInput>;

export type DashboardOrderStatus = OrderStatusValue;

export interface SellerDashboardDto {
  shopId: number;
  days: number;
  /** UTC days, oldest first, every day present (zero when nothing sold). Cancelled orders excluded. */
  revenueByDay: { date: string; revenueCents: number; orders: number }[];
  totals: { revenueCents: number; orders: number; averageOrderCents: number };
  /** Orders placed in the window, by current status; every status present. */
  ordersByStatus: Record<DashboardOrderStatus, number>;
  /** Orders waiting for the seller (paid or processing), whenever placed. */
  openOrders: number;
  topProducts: { productId: number; title: string; unitsSold: number; revenueCents: number }[];
  /** Per combination: a listing with variations may appear once per combination running low. */
  lowStock: {
    productId: number;
    variantId: number;
    title: string;
    /** The combination's values; empty for a listing without variations. */
    options: { name: string; value: string }[];
    quantity: number;
    reserved: number;
    available: number;
  }[];
  /** Every combination running low; lowStock holds only the most urgent few of them. */
  lowStockCount: number;
  shop: { rating: number; reviewCount: number; favoriteCount: number; salesCount: number };
}

export const LISTING_STATUS_FILTERS = ['active', 'archived', 'all'] as const;
export type ListingStatusFilter = (typeof LISTING_STATUS_FILTERS)[number];

/** A combination with this many units free or fewer runs low: the overview's card, the listings filter and badge. */
export const LOW_STOCK_UNITS = 2;

/** Listings with a combination running low (the overview's rule) or sold out; active listings only. */
export const LISTING_STOCK_FILTERS = ['low', 'soldout'] as const;
export type ListingStockFilter = (typeof LISTING_STOCK_FILTERS)[number];

export const sellerListingsInput = z.object({
  shopId: idSchema,
  status: z.enum(LISTING_STATUS_FILTERS).default('active'),
  stock: z.enum(LISTING_STOCK_FILTERS, { error: 'Stock filter must be low or soldout.' }).optional(),
  q: text().max(100).optional(),
  cursor: cursorSchema,
  limit: limitSchema,
});
export type SellerListingsInput = z.infer<typeof sellerListingsInput>;

/** One row of the seller's listings table: every status, with stock held in carts. */
export interface SellerListingDto {
  id: number;
  title: string;
  /** The lowest price; with variations, `priceMaxCents` is the highest when different. */
  priceCents: number;
  priceMaxCents: number | null;
  /** Total over all enabled combinations. */
  quantity: number;
  reserved: number;
  available: number;
  status: 'active' | 'archived';
  image: string | null;
  /** No stock to count (decision 0081): the table says "Made to order", not 10,000. */
  madeToOrder: boolean;
  /** Combinations on sale (0: no variations). */
  combinations: number;
  /** Combinations with 2 or fewer units free, lowest first ("7 / Gold"). */
  lowCombinations: { label: string; available: number }[];
  updatedAt: string;
}

export interface SellerListingsPage {
  items: SellerListingDto[];
  nextCursor: number | null;
  /**
   * Whole-shop counts (ignoring q and the filters), for the filter tabs: listings per status, and
   * listings with a combination low (sold out); `lowCombinations` is the overview's lowStockCount.
   */
  counts: {
    active: number;
    archived: number;
    low: number;
    soldOut: number;
    lowCombinations: number;
    soldOutCombinations: number;
  };
}
