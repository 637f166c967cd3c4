// The cart: one per account, or per browser for guests, grouped by shop for display. Stock holds
// themselves are the inventory module's; this module opens the transaction and shapes the result.
// Whose cart a request means is decided before the service is called (cart-owner.ts).
import { DomainError } from '../../../shared/errors';
import type {
  AddItemInput,
  CartDto,
  RemoveItemInput,
  UpdatePersonalizationInput,
  UpdateQuantityInput,
} from '../../../shared/schemas/cart';
import { inTransaction } from '../../db/transaction';
import { isUniqueViolation } from '../../db/unique-violation';
import type { AppDeps } from '../../deps';
import type { LineKey } from '../inventory/inventory.repository';
import { holdStockForLine, mergeGuestCart, releaseLine, releaseShopHolds } from '../inventory/inventory.service';
import { publishAvailability } from '../realtime/inventory-events';
import { vacationError } from '../shops/vacation-error';
import { personalizationError, personalizationRefusal } from '../variations/personalization-rules';
import {
  type CartOwner,
  findCartLines,
  findLineForEdit,
  findTwinLine,
  lockCart,
  setLinePersonalization,
} from './cart.repository';
import { toCartDto } from './cart-pricing';

const EMPTY_CART: CartDto = { shops: [], itemTotalCents: 0, shippingTotalCents: 0, itemCount: 0 };

export async function getCart(deps: AppDeps, owner: CartOwner | null): Promise<CartDto> {
  if (!owner) return EMPTY_CART;
  return toCartDto(await findCartLines(deps.db, owner));
}

function lineKey(input: RemoveItemInput): LineKey {
  return {
    productId: input.productId,
    variantId: input.variantId ?? null,
    personalization: input.personalization ?? '',
  };
}

async function changeLine(
  deps: AppDeps,
  owner: CartOwner,
  line: LineKey,
  mode: 'add' | 'set',
  quantity: number,
): Promise<CartDto> {
  // ownShopId null: the hold itself reads the buyer's shop from the database in the same
  // statement, never from the session's cached user (stale in the user's other sessions).
  // A shop on vacation is refused by the hold before anything is written; the check after the
  // hold closes the race with a shop going on vacation meanwhile.
  // The hold answers with the cart's lines, read after the hold in the same statement. A shop that
  // went on vacation before that read has its holds released here; one that goes on vacation
  // after it waits for this statement's locks before releasing its shop's holds, so it releases
  // this hold itself (decisions 0091 and 0170).
  const lines = await holdStockForLine(deps, { owner, ownShopId: null, ...line, mode, quantity });
  const changed = lines.find((l) => l.product_id === line.productId);
  if (changed?.vacation_since) {
    const released = await inTransaction(deps.db, (tx) => releaseShopHolds(tx, changed.shop_id));
    if (released.length) await publishAvailability(deps, released);
    throw vacationError({
      name: changed.shop_name,
      message: changed.vacation_message,
      returnsOn: changed.vacation_returns_on,
    });
  }
  return toCartDto(lines);
}

export function addItem(deps: AppDeps, owner: CartOwner, input: AddItemInput): Promise<CartDto> {
  return changeLine(deps, owner, lineKey(input), 'add', input.quantity);
}

export function updateQuantity(deps: AppDeps, owner: CartOwner, input: UpdateQuantityInput): Promise<CartDto> {
  if (input.quantity === 0) return removeItem(deps, owner, input);
  return changeLine(deps, owner, lineKey(input), 'set', input.quantity);
}

export async function removeItem(deps: AppDeps, owner: CartOwner | null, input: RemoveItemInput): Promise<CartDto> {
  if (!owner) return EMPTY_CART;
  const { removed, lines } = await releaseLine(deps, owner, lineKey(input));
  if (removed) void publishAvailability(deps, [input.productId]);
  return toCartDto(lines);
}

const notInCart = () => new DomainError('NOT_FOUND', 'That line is not in your cart.', { field: 'cartItemId' });

/**
 * Changes a line's personalisation in the cart (issue 16 item 4), checked as when it was added.
 * The line keeps its quantity and hold. Text that another line of the same combination already
 * has is refused rather than merged (decision 0120): the buyer sees both lines and chooses.
 */
export async function updatePersonalization(
  deps: AppDeps,
  owner: CartOwner | null,
  input: UpdatePersonalizationInput,
): Promise<CartDto> {
  if (!owner) throw notInCart();
  try {
    await inTransaction(deps.db, async (tx) => {
      // The cart's lock orders this edit with every other change to the cart (holds, checkout).
      const cartId = await lockCart(tx, owner);
      const line = cartId === undefined ? undefined : await findLineForEdit(tx, cartId, input.cartItemId);
      if (cartId === undefined || !line) throw notInCart();
      const text = input.personalization;
      if (text === line.personalization) return;
      const refusal = personalizationRefusal(
        {
          prompt: line.personalization_prompt,
          maxChars: line.personalization_max_chars,
          required: line.personalization_required,
        },
        text,
      );
      if (refusal) throw personalizationError(refusal);
      if (await findTwinLine(tx, { cartId, id: line.id, variantId: line.variant_id, personalization: text }))
        throw twinError(text);
      await setLinePersonalization(tx, line.id, text);
    });
  } catch (err) {
    // The line's unique key (cart, combination, text) closes any race the cart lock does not.
    if (isUniqueViolation(err)) throw twinError(input.personalization);
    throw err;
  }
  return getCart(deps, owner);
}

function twinError(text: string) {
  return new DomainError(
    'CONFLICT',
    text
      ? `Another line of this item already says “${text}”: change that line's quantity instead.`
      : "Another line of this item has no personalisation: change that line's quantity instead.",
    { field: 'personalization', reason: 'duplicate_line' },
  );
}

/**
 * Called once a guest signs in or registers: their guest cart joins the account cart. Returns
 * whether it did (then the guest cookie can go). A failed merge must not fail the sign-in; the
 * guest cart stays put.
 */
export async function adoptGuestCart(
  deps: AppDeps,
  guestToken: string | null,
  user: { id: number; shopId: number | null },
): Promise<boolean> {
  if (!guestToken) return false;
  try {
    await mergeGuestCart(deps, guestToken, user.id, user.shopId);
    return true;
  } catch (err) {
    deps.log.error({ err: String(err), userId: user.id }, 'guest cart merge failed');
    return false;
  }
}
