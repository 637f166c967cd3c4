// What a signed guest order link shows: the orders of one checkout, to whoever holds the link.
import { DomainError } from '../../../shared/errors';
import type { OrderDetailDto } from '../../../shared/schemas/orders';
import type { AppDeps } from '../../deps';
import { checkGuestOrderToken } from './guest-order-link';
import { findCheckoutOrders } from './orders.repository';
import { getOrder } from './orders.service';

export interface GuestOrdersDto {
  email: string;
  orders: OrderDetailDto[];
  /** The link came by mail and the email has no password yet: it may become an account here. */
  canSetPassword: boolean;
}

/** The checkout a link names, or a clear refusal (nothing is read for a bad link). */
export async function guestCheckout(deps: AppDeps, token: string) {
  const link = checkGuestOrderToken(deps, token);
  if (!link.ok)
    throw new DomainError(
      'TOKEN_INVALID',
      link.reason === 'expired'
        ? 'This order link has expired. Sign in, or ask for a password reset with the email you used.'
        : 'This order link is not valid. Open it again from your confirmation mail.',
      { reason: link.reason },
    );
  const checkout = await findCheckoutOrders(deps.db, link.paymentId);
  if (!checkout) throw new DomainError('NOT_FOUND', 'Order not found.');
  return { ...checkout, scope: link.scope };
}

export async function guestOrders(deps: AppDeps, token: string): Promise<GuestOrdersDto> {
  const checkout = await guestCheckout(deps, token);
  const orders = await Promise.all(checkout.orderIds.map((id) => getOrder(deps, id, 'buyer')));
  return { email: checkout.email, orders, canSetPassword: checkout.guestBuyer && checkout.scope === 'm' };
}
