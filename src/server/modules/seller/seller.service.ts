// The seller dashboard: how the shop is doing and what needs attention. Only the owner sees it:
// callers pass the id of a shop the signed-in user owns (trpc/ownership.ts decides that).
import { availableUnits } from '../../../shared/availability';
import { ORDER_STATUSES } from '../../../shared/schemas/orders';
import type {
  DashboardOrderStatus,
  SellerDashboardDto,
  SellerDashboardInput,
  SellerListingsInput,
  SellerListingsPage,
} from '../../../shared/schemas/seller';
import { chosenOptions } from '../../../shared/variations';
import type { AppDeps } from '../../deps';
import {
  listingCountsByStatus,
  listSellerListings,
  lowStockCounts,
  lowStockListings,
  openOrderCount,
  ordersByStatus,
  revenueByDay,
  topProducts,
} from './seller.repository';

const TOP_PRODUCTS = 5;
// The overview lists the most urgent few (sold out first) and counts the rest: a shop with many
// combinations had ~60 rows there, making the page ~4,000 px tall.
const LOW_STOCK_LIMIT = 8;
const LISTINGS_PAGE = 50;
const STATUSES: readonly DashboardOrderStatus[] = ORDER_STATUSES;

/** The shop row the dashboard reads its counters from (the shopOwner procedure loaded it). */
export interface DashboardShop {
  id: number;
  rating: number;
  review_count: number;
  favorite_count: number;
  sales_count: number;
}

export async function sellerDashboard(
  deps: AppDeps,
  shop: DashboardShop,
  input: SellerDashboardInput,
): Promise<SellerDashboardDto> {
  const { db } = deps;
  const shopId = shop.id;

  const days = await revenueByDay(db, shopId, input.days);
  const statusRows = await ordersByStatus(db, shopId, input.days);
  const top = await topProducts(db, shopId, input.days, TOP_PRODUCTS);
  const low = await lowStockListings(db, shopId, LOW_STOCK_LIMIT);
  const lowCount = low.length < LOW_STOCK_LIMIT ? low.length : (await lowStockCounts(db, shopId)).low;
  const openOrders = await openOrderCount(db, shopId);

  const ordersByStatusDto = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<DashboardOrderStatus, number>;
  for (const row of statusRows) ordersByStatusDto[row.status] = row.n;
  const revenueCents = days.reduce((sum, d) => sum + d.revenue_cents, 0);
  const orders = days.reduce((sum, d) => sum + d.orders, 0);

  return {
    shopId,
    days: input.days,
    revenueByDay: days.map((d) => ({ date: d.day, revenueCents: d.revenue_cents, orders: d.orders })),
    totals: { revenueCents, orders, averageOrderCents: orders ? Math.round(revenueCents / orders) : 0 },
    ordersByStatus: ordersByStatusDto,
    openOrders,
    topProducts: top.map((t) => ({
      productId: t.product_id,
      title: t.title,
      unitsSold: t.units,
      revenueCents: t.revenue_cents,
    })),
    lowStock: low.map((p) => ({
      productId: p.id,
      variantId: p.variant_id,
      title: p.title,
      options: chosenOptions(p.variation_properties, p.option1, p.option2),
      quantity: p.quantity,
      reserved: p.reserved,
      available: availableUnits({ ...p, status: 'active' }),
    })),
    lowStockCount: lowCount,
    shop: {
      rating: shop.rating,
      reviewCount: shop.review_count,
      favoriteCount: shop.favorite_count,
      salesCount: shop.sales_count,
    },
  };
}

/** The listings table: unlike the public shop page it includes archived listings, so only the owner may ask. */
export async function sellerListings(
  deps: AppDeps,
  shopId: number,
  input: SellerListingsInput,
): Promise<SellerListingsPage> {
  const { db } = deps;
  const limit = input.limit ?? LISTINGS_PAGE;
  const rows = await listSellerListings(db, shopId, {
    status: input.status,
    stock: input.stock,
    q: input.q || undefined,
    cursor: input.cursor,
    limit,
  });
  const countRows = await listingCountsByStatus(db, shopId);
  const stock = await lowStockCounts(db, shopId);
  const page = rows.slice(0, limit);
  const counts = {
    active: 0,
    archived: 0,
    low: stock.low_listings,
    soldOut: stock.sold_out_listings,
    lowCombinations: stock.low,
    soldOutCombinations: stock.sold_out,
  };
  for (const c of countRows) counts[c.status] = c.n;
  return {
    items: page.map((r) => ({
      id: r.id,
      title: r.title,
      priceCents: r.price_cents,
      priceMaxCents: r.price_max_cents,
      quantity: r.quantity,
      reserved: r.reserved,
      available: availableUnits(r),
      status: r.status,
      image: r.images[0] ?? null,
      madeToOrder: r.made_to_order,
      combinations: r.combos && r.combos.n > 0 ? r.combos.n : 0,
      lowCombinations:
        r.combos && r.combos.n > 0 && !r.made_to_order
          ? r.combos.low.map((l) => ({
              label: l.options.filter((o): o is string => o !== null).join(' / '),
              available: Math.max(0, l.available),
            }))
          : [],
      updatedAt: r.updated_at.toISOString(),
    })),
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
    counts,
  };
}
