// Order inputs and DTOs for buyers (history, detail) and sellers (shop orders, status changes).
import { z } from 'zod';
import { cursorSchema, idSchema } from './common';
import { tooLongMessage } from './issue-messages';
import { text } from './text';

/** The one declaration of order statuses (database type, DTOs, inputs and the client read it). */
export const ORDER_STATUSES = ['paid', 'processing', 'shipped', 'delivered', 'cancelled'] as const;
export type OrderStatusValue = (typeof ORDER_STATUSES)[number];
/** Statuses a seller can set; `paid` is only ever set by checkout. */
export const SETTABLE_ORDER_STATUSES = ORDER_STATUSES.filter(
  (s): s is Exclude<OrderStatusValue, 'paid'> => s !== 'paid',
) as [Exclude<OrderStatusValue, 'paid'>, ...Exclude<OrderStatusValue, 'paid'>[]];

/** Orders the seller still has to act on: the dashboard's default view. */
export const OPEN_ORDER_STATUSES = ['paid', 'processing'] as const satisfies readonly OrderStatusValue[];

export const listOrdersInput = z.object({ cursor: cursorSchema });
export type ListOrdersInput = z.infer<typeof listOrdersInput>;

export const orderByIdInput = z.object({ orderId: idSchema });

export const shopOrdersInput = z.object({
  shopId: idSchema,
  /** One status, or 'open' for everything still to fulfil (paid and processing). */
  status: z.enum([...ORDER_STATUSES, 'open']).optional(),
  cursor: cursorSchema,
});
export type ShopOrdersInput = z.infer<typeof shopOrdersInput>;

export const updateOrderStatusInput = z.object({
  orderId: idSchema,
  status: z.enum(SETTABLE_ORDER_STATUSES),
  // Messages in words: the Mark shipped form shows them as they are (the default read "Too small:
  // expected string to have >=3 characters").
  trackingNumber: text()
    .min(3, 'Enter the tracking number (at least 3 characters).')
    .max(60, tooLongMessage('Tracking number', 60))
    .regex(/^[A-Za-z0-9 -]+$/, 'Tracking numbers contain letters, digits, spaces and dashes.')
    .optional(),
  carrier: text().min(2, 'Choose the carrier.').max(60, tooLongMessage('Carrier', 60)).optional(),
  note: text({ multiline: true }).max(500, tooLongMessage('Note', 500)).optional(),
});
export type UpdateOrderStatusInput = z.infer<typeof updateOrderStatusInput>;

export interface OrderItemDto {
  productId: number;
  title: string;
  image: string | null;
  priceCents: number;
  quantity: number;
  /** The combination's values as they read when bought; empty without variations. */
  options: { name: string; value: string }[];
  /** The buyer's personalisation text, '' when none. */
  personalization: string;
  /** The buyer's review of this line, once written (reviews are per delivered line, once). */
  review: { id: number; rating: number } | null;
  /** Units of the listing a buyer could add now (0 when sold out or no longer for sale): "Buy again" or "Sold out". */
  availableNow: number;
}

export interface OrderSummaryDto {
  orderId: number;
  shopId: number;
  shopName: string;
  shopSlug: string;
  /** Who ordered and where it goes, so the seller's list says what each order is at a glance. */
  buyerName: string;
  shipTo: { city: string; country: string };
  status: OrderStatusValue;
  subtotalCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  /** Refunded to the buyer for this order (its total once cancelled and refunded), else 0. */
  refundedCents: number;
  itemCount: number;
  items: OrderItemDto[];
  trackingNumber: string | null;
  carrier: string | null;
  createdAt: string;
  /**
   * Business days to dispatch as sold (the slowest line's); with `createdAt` it gives the
   * estimated dispatch and delivery windows (decision 0120). Null for orders older than that.
   */
  processing: { minDays: number; maxDays: number } | null;
  /** Statuses the caller may move this order to next (empty for the buyer and for final states). */
  nextStatuses: OrderStatusValue[];
}

export interface OrderStatusEventDto {
  status: OrderStatusValue;
  note: string | null;
  at: string;
}

export interface ShippingAddressDto {
  name: string;
  line1: string;
  line2?: string | null;
  city: string;
  region: string;
  postalCode: string;
  country: string;
}

export interface OrderDetailDto extends OrderSummaryDto {
  buyer: { id: number; name: string };
  shippingAddress: ShippingAddressDto;
  history: OrderStatusEventDto[];
  payment: { status: string; refundedCents: number };
}

export interface OrderPage {
  items: OrderSummaryDto[];
  nextCursor: number | null;
}

/** A signed guest order link's token (see modules/orders/guest-order-link.ts). */
export const guestOrderTokenSchema = text().regex(
  /^\d{1,15}\.\d{1,12}\.[pm]\.[A-Za-z0-9_-]{43}$/,
  'This order link is not valid.',
);
export const guestOrderInput = z.object({ token: guestOrderTokenSchema });
export type GuestOrderInput = z.infer<typeof guestOrderInput>;
