// Input-aware procedures (cal.com's bookingsProcedure idea): each loads the shop, listing, order
// or review its input names FROM THE DATABASE, decides whether the signed-in user may touch it,
// and puts the row on `ctx`. This file is the one place that decides ownership: handlers and
// services never re-check, and nothing here trusts the session's cached `shopId` (it can be stale
// in a user's other sessions). Each builder sets its `authz` metadata, which the authorisation
// matrix test enumerates.
//
// Refusals keep each domain's convention: a shop, listing or review that exists but is not yours is
// FORBIDDEN; an order that is not yours is NOT_FOUND, so order ids reveal nothing (except for its
// buyer-only actions, where the order's existence is no secret to the reviewer).
import { z } from 'zod';
import { DomainError } from '../../shared/errors';
import { idSchema } from '../../shared/schemas/common';
import { findProductOwner } from '../modules/catalog/catalog.repository';
import { findConversationParties } from '../modules/messaging/messaging.repository';
import type { ConversationParties } from '../modules/messaging/messaging.service';
import { findOrderParties } from '../modules/orders/orders.repository';
import { findReviewShopOwner } from '../modules/reviews/reviews.repository';
import { findShopById, type ShopRow } from '../modules/shops/shops.repository';
import { authedProcedure } from './trpc';

export type OwnedShop = ShopRow;

export interface OwnedListing {
  id: number;
  shopId: number;
  ownerId: number;
}

export interface OrderParties {
  id: number;
  buyerId: number;
  shopId: number;
  ownerId: number;
}

export type OrderRole = 'buyer' | 'seller';

export interface OwnedReview {
  id: number;
  shopId: number;
}

const forbidden = (message: string) => new DomainError('FORBIDDEN', message);

/** The shop named by `input.shopId`, owned by the caller. */
export const shopOwnerProcedure = authedProcedure
  .meta({ authz: 'shopOwner' })
  .input(z.object({ shopId: idSchema }))
  .use(async ({ ctx, input, next }) => {
    const shop = await findShopById(ctx.deps.db, input.shopId);
    if (!shop) throw new DomainError('NOT_FOUND', 'Shop not found.');
    if (shop.owner_id !== ctx.user.id) throw forbidden('You can only manage your own shop.');
    return next({ ctx: { shop } });
  });

/** The listing named by `input.productId`, in the caller's shop (archived listings included). */
export const listingOwnerProcedure = authedProcedure
  .meta({ authz: 'listingOwner' })
  .input(z.object({ productId: idSchema }))
  .use(async ({ ctx, input, next }) => {
    const row = await findProductOwner(ctx.deps.db, input.productId);
    if (!row) throw new DomainError('NOT_FOUND', 'Listing not found.');
    if (row.owner_id !== ctx.user.id) throw forbidden('You can only edit your own listings.');
    const listing: OwnedListing = { id: row.id, shopId: row.shop_id, ownerId: row.owner_id };
    return next({ ctx: { listing } });
  });

/** The review named by `input.reviewId`, left on the caller's shop. */
export const reviewShopOwnerProcedure = authedProcedure
  .meta({ authz: 'reviewShopOwner' })
  .input(z.object({ reviewId: idSchema }))
  .use(async ({ ctx, input, next }) => {
    const row = await findReviewShopOwner(ctx.deps.db, input.reviewId);
    if (!row) throw new DomainError('NOT_FOUND', 'Review not found.');
    if (row.owner_id !== ctx.user.id) throw forbidden('Only the shop that sold the item can reply.');
    const review: OwnedReview = { id: row.id, shopId: row.shop_id };
    return next({ ctx: { review } });
  });

const orderNotFound = () => new DomainError('NOT_FOUND', 'Order not found.');

async function loadOrder(db: Parameters<typeof findOrderParties>[0], orderId: number): Promise<OrderParties> {
  const row = await findOrderParties(db, orderId);
  if (!row) throw orderNotFound();
  return { id: row.id, buyerId: row.buyer_id, shopId: row.shop_id, ownerId: row.owner_id };
}

const orderInput = z.object({ orderId: idSchema });

/** The order named by `input.orderId`, with the caller's side of it: its buyer or its seller. */
export const orderParticipantProcedure = authedProcedure
  .meta({ authz: 'orderParticipant' })
  .input(orderInput)
  .use(async ({ ctx, input, next }) => {
    const order = await loadOrder(ctx.deps.db, input.orderId);
    // A seller buying from their own shop is impossible, so the two roles never overlap.
    const role: OrderRole | null =
      order.ownerId === ctx.user.id ? 'seller' : order.buyerId === ctx.user.id ? 'buyer' : null;
    if (!role) throw orderNotFound();
    return next({ ctx: { order, orderRole: role } });
  });

/** The order named by `input.orderId`, sold by the caller's shop. */
export const orderSellerProcedure = authedProcedure
  .meta({ authz: 'orderSeller' })
  .input(orderInput)
  .use(async ({ ctx, input, next }) => {
    const order = await loadOrder(ctx.deps.db, input.orderId);
    if (order.ownerId !== ctx.user.id) throw orderNotFound();
    return next({ ctx: { order } });
  });

/** The order named by `input.orderId`, bought by the caller. */
export const orderBuyerProcedure = authedProcedure
  .meta({ authz: 'orderBuyer' })
  .input(orderInput)
  .use(async ({ ctx, input, next }) => {
    const order = await loadOrder(ctx.deps.db, input.orderId);
    if (order.buyerId !== ctx.user.id) throw forbidden('You can only review your own purchases.');
    return next({ ctx: { order } });
  });

/**
 * The conversation named by `input.conversationId`, with the caller's side of it: its buyer or
 * the owner of its shop. Anyone else gets NOT_FOUND, so conversation ids reveal nothing.
 */
export const conversationPartyProcedure = authedProcedure
  .meta({ authz: 'conversationParty' })
  .input(z.object({ conversationId: idSchema }))
  .use(async ({ ctx, input, next }) => {
    const row = await findConversationParties(ctx.deps.db, input.conversationId);
    const role: OrderRole | null = !row
      ? null
      : row.buyer_id === ctx.user.id
        ? 'buyer'
        : row.owner_id === ctx.user.id
          ? 'seller'
          : null;
    if (!row || !role) throw new DomainError('NOT_FOUND', 'Conversation not found.');
    const conversation: ConversationParties = {
      id: row.id,
      buyerId: row.buyer_id,
      shopId: row.shop_id,
      ownerId: row.owner_id,
    };
    return next({ ctx: { conversation, conversationRole: role } });
  });
