import { z } from 'zod';
import { idSchema } from './common';

export const sellerDashboardInput = z.object({
  shopId: idSchema,
  days: z.number().int().min(1).max(365).default(30),
});
export type SellerDashboardInput = z.infer<typeof sellerDashboardInput>;

export type DashboardOrderStatus = 'paid' | 'processing' | 'shipped' | 'delivered' | 'cancelled';

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
  lowStock: { productId: number; title: string; quantity: number; reserved: number; available: number }[];
  shop: { rating: number; reviewCount: number; favoriteCount: number; salesCount: number };
}
