// Stock hoarding (decision 0020): a cart holds at most CART_MAX_HELD_UNITS units, and changing the
// cart renews holds only up to HOLD_MAX_MINUTES after each hold began.
import { describe, expect, test } from 'bun:test';
import { sql } from 'kysely';
import type { AppDeps } from '../../deps';
import { domainOf, rejection } from '../../test/expect-error';
import { anonymousCaller, createProduct, createSeller } from '../../test/factories';
import { testDeps } from '../../test/test-services';
import { stockOf } from '../checkout/checkout-test-kit';
import { releaseExpiredHolds } from '../inventory/inventory.service';

const withPolicy = (over: Partial<AppDeps['config']>): AppDeps => ({
  ...testDeps(),
  config: { ...testDeps().config, ...over },
});

async function lineOf(deps: AppDeps, productId: number) {
  return deps.db
    .selectFrom('cart_items')
    .select(['held', 'held_since', 'hold_expires_at'])
    .where('product_id', '=', productId)
    .executeTakeFirstOrThrow();
}

describe('hold policy', () => {
  test('a cart holds at most its cap of units; shrinking is always allowed', async () => {
    const deps = withPolicy({ cartMaxHeldUnits: 5 });
    const seller = await createSeller(deps);
    const a = await createProduct(seller, { quantity: 20 });
    const b = await createProduct(seller, { quantity: 20 });
    const { caller: guest } = anonymousCaller(deps);
    await guest.cart.addItem({ productId: a.id, quantity: 3 });
    const err = await rejection(guest.cart.addItem({ productId: b.id, quantity: 3 }));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toContain('at most 5 units');
    expect(domainOf(err)?.details).toMatchObject({ reason: 'cart_full', maxHeldUnits: 5, canAdd: 2 });
    expect((await stockOf(b.id)).reserved).toBe(0);
    // Up to the cap is fine; one more is not; shrinking another line makes room.
    await guest.cart.addItem({ productId: b.id, quantity: 2 });
    expect((await rejection(guest.cart.updateQuantity({ productId: a.id, quantity: 4 }))).code).toBe('BAD_REQUEST');
    await guest.cart.updateQuantity({ productId: a.id, quantity: 1 });
    await guest.cart.updateQuantity({ productId: b.id, quantity: 4 });
    expect((await stockOf(a.id)).reserved).toBe(1);
    expect((await stockOf(b.id)).reserved).toBe(4);
    // Many parallel adds never take the cart past its cap.
    const c = await createProduct(seller, { quantity: 20 });
    const { caller: racer } = anonymousCaller(deps);
    await racer.cart.addItem({ productId: c.id, quantity: 1 });
    await Promise.allSettled(Array.from({ length: 20 }, () => racer.cart.addItem({ productId: c.id, quantity: 1 })));
    expect((await stockOf(c.id)).reserved).toBe(5);
  });

  test('cart changes renew holds, but never past the hold maximum lifetime', async () => {
    const deps = withPolicy({ holdMinutes: 30, holdMaxMinutes: 60 });
    const seller = await createSeller(deps);
    const early = await createProduct(seller, { quantity: 5 });
    const later = await createProduct(seller, { quantity: 5 });
    const other = await createProduct(seller, { quantity: 5 });
    const { caller: guest } = anonymousCaller(deps);
    await guest.cart.addItem({ productId: early.id, quantity: 2 });
    // The hold began 50 minutes ago (moved back in time rather than waited for).
    await deps.db
      .updateTable('cart_items')
      .set({ held_since: sql<Date>`now() - interval '50 minutes'` })
      .where('product_id', '=', early.id)
      .execute();
    // Another change renews the cart's holds: this one only to its 60-minute end, not 30 more.
    await guest.cart.addItem({ productId: later.id, quantity: 1 });
    const renewed = await lineOf(deps, early.id);
    const leftMinutes = (renewed.hold_expires_at.getTime() - Date.now()) / 60_000;
    expect(leftMinutes).toBeGreaterThan(8);
    expect(leftMinutes).toBeLessThan(11);
    const fresh = await lineOf(deps, later.id);
    expect((fresh.hold_expires_at.getTime() - Date.now()) / 60_000).toBeGreaterThan(29);

    // Past its lifetime, touching the cart does not revive the hold: the sweeper releases it.
    await deps.db
      .updateTable('cart_items')
      .set({ held_since: sql<Date>`now() - interval '61 minutes'` })
      .where('product_id', '=', early.id)
      .execute();
    await guest.cart.addItem({ productId: other.id, quantity: 1 });
    expect((await lineOf(deps, early.id)).hold_expires_at.getTime()).toBeLessThan(Date.now());
    await releaseExpiredHolds(deps);
    expect((await stockOf(early.id)).reserved).toBe(0);
    expect((await lineOf(deps, early.id)).held).toBe(0);
    // Others' holds in the same cart are untouched.
    expect((await stockOf(later.id)).reserved).toBe(1);
    // Adding it again is a new hold that competes for free stock like anyone else's.
    await guest.cart.addItem({ productId: early.id, quantity: 0 + 1 });
    const again = await lineOf(deps, early.id);
    expect(again.held).toBe(3);
    expect((Date.now() - again.held_since!.getTime()) / 60_000).toBeLessThan(1);
  });
});
