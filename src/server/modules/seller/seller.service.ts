// The seller dashboard: how the shop is doing and what needs attention. Only the owner sees it.
import { DomainError } from '../../../shared/errors';
import type {
  DashboardOrderStatus,
  SellerDashboardDto,
  SellerDashboardInput,
  SellerListingsInput,
  SellerListingsPage,
} from '../../../shared/schemas/seller';
import type { AppDeps } from '../../deps';
import type { SessionUser } from '../auth/auth.session';
import {
  listingCountsByStatus,
  listSellerListings,
  lowStockListings,
  openOrderCount,
  ordersByStatus,
  revenueByDay,
  shopStats,
  topProducts,
} from './seller.repository';

const LOW_STOCK_THRESHOLD = 2;
const TOP_PRODUCTS = 5;
const LOW_STOCK_LIMIT = 50;
const LISTINGS_PAGE = 50;
const STATUSES: DashboardOrderStatus[] = ['paid', 'processing', 'shipped', 'delivered', 'cancelled'];

export async function sellerDashboard(
  deps: AppDeps,
  user: SessionUser,
  input: SellerDashboardInput,
): Promise<SellerDashboardDto> {
  const { db } = deps;
  const shop = await shopStats(db, input.shopId);
  if (!shop) throw new DomainError('NOT_FOUND', 'Shop not found.');
  if (shop.owner_id !== user.id) throw new DomainError('FORBIDDEN', 'You can only see your own shop’s dashboard.');

  const days = await revenueByDay(db, input.shopId, input.days);
  const statusRows = await ordersByStatus(db, input.shopId, input.days);
  const top = await topProducts(db, input.shopId, input.days, TOP_PRODUCTS);
  const low = await lowStockListings(db, input.shopId, LOW_STOCK_THRESHOLD, LOW_STOCK_LIMIT);
  const openOrders = await openOrderCount(db, input.shopId);

  const ordersByStatusDto = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<DashboardOrderStatus, number>;
  for (const row of statusRows) ordersByStatusDto[row.status] = row.n;
  const revenueCents = days.reduce((sum, d) => sum + d.revenue_cents, 0);
  const orders = days.reduce((sum, d) => sum + d.orders, 0);

  return {
    shopId: input.shopId,
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
      title: p.title,
      quantity: p.quantity,
      reserved: p.reserved,
      available: Math.max(0, p.quantity - p.reserved),
    })),
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
  user: SessionUser,
  input: SellerListingsInput,
): Promise<SellerListingsPage> {
  const { db } = deps;
  const shop = await shopStats(db, input.shopId);
  if (!shop) throw new DomainError('NOT_FOUND', 'Shop not found.');
  if (shop.owner_id !== user.id) throw new DomainError('FORBIDDEN', 'You can only see your own shop’s listings.');
  const limit = input.limit ?? LISTINGS_PAGE;
  const rows = await listSellerListings(db, input.shopId, {
    status: input.status,
    q: input.q || undefined,
    cursor: input.cursor,
    limit,
  });
  const countRows = await listingCountsByStatus(db, input.shopId);
  const page = rows.slice(0, limit);
  const counts = { active: 0, archived: 0 };
  for (const c of countRows) counts[c.status] = c.n;
  return {
    items: page.map((r) => ({
      id: r.id,
      title: r.title,
      priceCents: r.price_cents,
      quantity: r.quantity,
      reserved: r.reserved,
      available: Math.max(0, r.quantity - r.reserved),
      status: r.status,
      image: r.images[0] ?? null,
      updatedAt: r.updated_at.toISOString(),
    })),
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
    counts,
  };
}
