// One cart line: picture, title, choices, price, whether it can still be bought (or how long it is
// held), the quantity stepper and Remove.
import { type ReactNode, useId } from 'react';
import { Link } from 'react-router';
import { type CartItemDto, MAX_LINE_QUANTITY } from '../../../shared/schemas/cart';
import { CartPersonalization } from '../../components/cart-personalization';
import { LineChoices, productHref } from '../../components/line-choices';
import { ProductImage } from '../../components/product-image';
import { formatCents, formatDateTime, minutesUntil } from '../../lib/format';

/** "24 more minutes": relative, so there is no time zone to guess. */
function heldFor(iso: string, now: number): string {
  const left = minutesUntil(iso, now);
  return left === 'less than a minute' ? left : left.replace(/minutes?$/, (m) => `more ${m}`);
}

export function CartLine({
  item,
  now,
  onVacation,
  onQuantity,
  onRemove,
}: {
  item: CartItemDto;
  now: number;
  /** The shop is on vacation: the line stays but cannot be bought. */
  onVacation?: boolean;
  onQuantity: (q: number) => void;
  onRemove: () => void;
}) {
  const unavailable = !item.listingActive || item.available <= 0;
  const short = !unavailable && item.available < item.quantity;
  const atLimit = item.quantity >= Math.min(item.available, MAX_LINE_QUANTITY);
  const limitId = useId();
  const limitNote =
    atLimit && !unavailable && !short
      ? item.quantity >= MAX_LINE_QUANTITY
        ? `${MAX_LINE_QUANTITY} is the most per order`
        : item.available === 1
          ? 'Only 1 available'
          : `All ${item.available} available are in your cart`
      : '';
  return (
    <li
      className={`cart-item${unavailable || short ? ' unavailable' : ''}`}
      aria-label={item.title}
      data-line={item.cartItemId}
    >
      <Link to={productHref(item)} className="thumb" tabIndex={-1} aria-hidden="true">
        <ProductImage src={item.image} alt="" seed={item.productId} />
      </Link>
      <div>
        <Link to={productHref(item)} className="title">
          {item.title}
        </Link>
        <LineChoices options={item.options} personalization={item.personalization} />
        {/* An archived listing ("No longer for sale") only waits to be removed: nothing to personalise. */}
        {(item.listingActive || onVacation) && <CartPersonalization item={item} />}
        <div className="small muted">
          {formatCents(item.priceCents)} each
          {item.priceWhenAddedCents !== item.priceCents && (
            <>
              {' '}
              <span className="price-moved" title="The price when you added it to your cart">
                (was <s>{formatCents(item.priceWhenAddedCents)}</s>)
              </span>
            </>
          )}
        </div>
        {unavailable ? (
          <p className="small line-note line-note-danger" role="alert">
            {item.listingActive
              ? 'Sold out — someone else bought the last one.'
              : onVacation
                ? 'The shop is on vacation.'
                : 'No longer for sale.'}{' '}
            Remove it to check out.
          </p>
        ) : short ? (
          <p className="small line-note line-note-danger" role="alert">
            Only {item.available} available now. Lower the quantity to check out.
          </p>
        ) : item.reservedUntil ? (
          <p className="small muted line-note">
            <time dateTime={item.reservedUntil} title={formatDateTime(item.reservedUntil)}>
              Held for you for {heldFor(item.reservedUntil, now)}
            </time>
          </p>
        ) : (
          <p className="small line-note line-note-warn">Your hold expired — it’s still available, but not reserved.</p>
        )}
        <div className="controls">
          {/* biome-ignore lint/a11y/useSemanticElements: a fieldset would add a visible legend to a compact stepper */}
          <div className="qty" role="group" aria-label={`Quantity of ${item.title}`}>
            <StepButton
              label="Decrease quantity"
              off={item.quantity <= 1}
              onPress={() => onQuantity(item.quantity - 1)}
            >
              −
            </StepButton>
            <output aria-live="polite" aria-label="Quantity">
              {item.quantity}
            </output>
            <StepButton
              label="Increase quantity"
              describedBy={limitNote ? limitId : undefined}
              off={unavailable || atLimit}
              onPress={() => onQuantity(item.quantity + 1)}
            >
              +
            </StepButton>
          </div>
          {limitNote && (
            <span className="small muted qty-limit" aria-hidden="true">
              {limitNote}
            </span>
          )}
          {/* Always present, so the note is announced the moment the press that reaches the limit
              fills it (a live region added with its text is often not read). The visible note above
              is hidden from screen readers so it is not read twice. */}
          <span id={limitId} className="visually-hidden" aria-live="polite">
            {limitNote}
          </span>
          <button type="button" className="btn btn-ghost btn-sm" onClick={onRemove}>
            Remove
          </button>
        </div>
      </div>
      <div className="line-total">{formatCents(item.priceCents * item.quantity)}</div>
    </li>
  );
}

/**
 * A stepper button that cannot go further says so with aria-disabled and ignores presses, but is
 * never `disabled`: a disabled button drops keyboard focus to <body> the moment the press that
 * reached the limit (the stock, or 1) re-renders it, and a screen reader hears nothing.
 */
function StepButton({
  label,
  off,
  describedBy,
  onPress,
  children,
}: {
  label: string;
  off: boolean;
  describedBy?: string;
  onPress: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      aria-disabled={off || undefined}
      aria-describedby={describedBy}
      onClick={() => {
        if (!off) onPress();
      }}
    >
      {children}
    </button>
  );
}
