// A cart change answers with the cart read in the same statement (decision 0170): the read must
// see the change it follows, and cart_lines() must read what findCartLines reads.
import { describe, expect, test } from 'bun:test';
import { createProduct, createSeller, createUser } from '../../test/factories';
import { testDeps } from '../../test/test-services';
import { CART_CHANGE_SQL } from '../inventory/inventory.repository';
import { variantIdOf } from '../inventory/variant-test-kit';
import { findCartLines } from './cart.repository';

describe('cart changes answer with the cart in one statement', () => {
  test('cart_lines() reads the same rows, columns and values as findCartLines', async () => {
    const a = await createSeller();
    const b = await createSeller();
    const mug = await createProduct(a, { priceCents: 2800, quantity: 5 });
    const ring = await createProduct(b, { priceCents: 4000, quantity: 1 });
    await b.caller.catalog.setVariations({
      productId: ring.id,
      properties: [{ name: 'Size', values: ['6', '7'] }],
      combinations: [
        { values: ['6'], priceCents: 4200, quantity: 3 },
        { values: ['7'], priceCents: 4600, quantity: 2 },
      ],
    });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: ring.id, variantId: await variantIdOf(ring.id, '7'), quantity: 2 });
    await buyer.caller.cart.addItem({ productId: mug.id, quantity: 1 });
    await buyer.caller.cart.addItem({ productId: ring.id, variantId: await variantIdOf(ring.id, '6'), quantity: 1 });

    const expected = await findCartLines(testDeps().db, { userId: buyer.id });
    expect(expected).toHaveLength(3);
    const cartId = expected[0]!.cart_id;
    const { rows } = await testDeps().pool.query('select * from cart_lines($1)', [cartId]);
    expect(rows).toEqual(expected);
    expect(Object.keys(rows[0]!)).toEqual(Object.keys(expected[0]!));
  });

  test('adding answers with the line just held; removing answers without the line just removed', async () => {
    const seller = await createSeller();
    const vase = await createProduct(seller, { quantity: 4 });
    const jug = await createProduct(seller, { quantity: 4 });
    const buyer = await createUser();
    const pool = testDeps().pool;
    const holdArgs = (productId: number, quantity: number) => [
      buyer.id,
      null,
      productId,
      null,
      '',
      quantity,
      true,
      null,
      99,
      30,
      120,
      100,
    ];
    const first = await pool.query(CART_CHANGE_SQL.hold, holdArgs(vase.id, 2));
    expect(first.rows.map((r) => [r.hold.outcome, r.product_id, r.quantity, r.held])).toEqual([['ok', vase.id, 2, 2]]);
    const second = await pool.query(CART_CHANGE_SQL.hold, holdArgs(jug.id, 1));
    expect(second.rows.map((r) => [r.product_id, r.quantity, r.held])).toEqual([
      [vase.id, 2, 2],
      [jug.id, 1, 1],
    ]);
    // Refused: one row, no line read, nothing held.
    const refused = await pool.query(CART_CHANGE_SQL.hold, holdArgs(jug.id, 9));
    expect(refused.rows.map((r) => [r.hold.outcome, r.id])).toEqual([['insufficient', null]]);

    const releaseArgs = (productId: number) => [buyer.id, null, productId, null, '', 30, 120];
    const removed = await pool.query(CART_CHANGE_SQL.release, releaseArgs(vase.id));
    expect(removed.rows.map((r) => [r.removed_product_id, r.removed_held, r.product_id])).toEqual([
      [vase.id, 2, jug.id],
    ]);
    const again = await pool.query(CART_CHANGE_SQL.release, releaseArgs(vase.id));
    expect(again.rows.map((r) => [r.removed_product_id, r.product_id])).toEqual([[null, jug.id]]);
    await pool.query(CART_CHANGE_SQL.release, releaseArgs(jug.id));
    const empty = await pool.query(CART_CHANGE_SQL.release, releaseArgs(jug.id));
    expect(empty.rows.map((r) => [r.removed_product_id, r.id])).toEqual([[null, null]]);
    // An owner with no cart at all.
    const stranger = await createUser();
    const none = await pool.query(CART_CHANGE_SQL.release, [stranger.id, null, jug.id, null, '', 30, 120]);
    expect(none.rows.map((r) => [r.removed_product_id, r.id])).toEqual([[null, null]]);

    // Through the API, the answer is the cart after the change.
    const added = await buyer.caller.cart.addItem({ productId: jug.id, quantity: 3 });
    expect(added.shops.flatMap((s) => s.items.map((i) => [i.productId, i.quantity, i.held]))).toEqual([[jug.id, 3, 3]]);
    const afterRemove = await buyer.caller.cart.removeItem({ productId: jug.id });
    expect(afterRemove.shops).toEqual([]);
    expect(afterRemove.itemCount).toBe(0);
  });
});
