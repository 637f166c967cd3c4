// One shop's part of the cart: its name and dispatch estimate (or when it is back from vacation),
// its lines, its subtotal and shipping (or that it is left out of the total), and how much more
// would ship free.
import { Link } from 'react-router';
import { lineInTotals } from '../../../shared/availability';
import { slowestOf } from '../../../shared/dispatch';
import type { CartItemDto, CartShopDto } from '../../../shared/schemas/cart';
import { CartShopEstimate } from '../../components/purchase-estimate';
import { VacationNotice } from '../../components/shop-notices';
import { formatCents } from '../../lib/format';
import { CartLine } from './cart-line';

export function CartShopGroup({
  shop,
  now,
  onQuantity,
  onRemove,
}: {
  shop: CartShopDto;
  now: number;
  onQuantity: (item: CartItemDto, quantity: number) => void;
  onRemove: (item: CartItemDto) => void;
}) {
  return (
    <section className="card cart-shop" aria-label={`Items from ${shop.shopName}`}>
      <div className="cart-shop-head">
        <h2>
          <Link to={`/shop/${shop.shopSlug}`}>{shop.shopName}</Link>
        </h2>
        {/* A group with nothing left to buy (sold out, gone) promises no dispatch; a shop away says when it is back. */}
        {(shop.vacation || shop.items.some(lineInTotals)) && (
          <CartShopEstimate
            processing={slowestOf(shop.vacation ? shop.items : shop.items.filter(lineInTotals))}
            vacation={shop.vacation}
            now={now}
          />
        )}
      </div>
      {shop.vacation && <VacationNotice shopName={shop.shopName} vacation={{ ...shop.vacation, since: '' }} />}
      <ul className="plain-list">
        {shop.items.map((item) => (
          <CartLine
            key={item.cartItemId}
            item={item}
            now={now}
            onVacation={shop.vacation !== null}
            onQuantity={(quantity) => onQuantity(item, quantity)}
            onRemove={() => onRemove(item)}
          />
        ))}
      </ul>
      {shop.items.some(lineInTotals) ? (
        <div className="shop-subtotal">
          <span>Items {formatCents(shop.subtotalCents)}</span>
          <span>Shipping {shop.shippingCents === 0 ? 'Free' : formatCents(shop.shippingCents)}</span>
        </div>
      ) : (
        // Nothing here can be bought (shop on vacation, sold out, listings gone): "$0.00 · Shipping
        // Free" read like a promise, so the group says it is left out of the total instead.
        <div className="shop-subtotal">
          <span>Not included in your total</span>
        </div>
      )}
      <FreeShippingNudge shop={shop} />
    </section>
  );
}

/** "Spend $8.00 more for free shipping from <shop>" while the shop's threshold is in reach. */
function FreeShippingNudge({ shop }: { shop: CartShopDto }) {
  const threshold = shop.shippingPolicy.freeOverCents;
  if (threshold === null || shop.shippingCents === 0 || shop.subtotalCents >= threshold) return null;
  return (
    <p className="small free-shipping-nudge">
      Spend {formatCents(threshold - shop.subtotalCents)} more for free shipping from {shop.shopName}.
    </p>
  );
}
