import { describe, expect, test } from 'bun:test';
import { domainOf, rejection } from '../../test/expect-error';
import { anonymousCaller, createProduct, createSeller, createUser, type TestUser } from '../../test/factories';
import { testDeps } from '../../test/test-services';
import { stockOf } from '../checkout/checkout-test-kit';

const engraving = { prompt: 'Name to engrave, max 6 letters', maxChars: 6, required: true };

async function linesOf(buyer: TestUser) {
  const cart = await buyer.caller.cart.get();
  return cart.shops.flatMap((s) => s.items);
}

async function rawLines(productId: number) {
  return testDeps()
    .db.selectFrom('cart_items')
    .select(['id', 'cart_id', 'personalization', 'quantity', 'held'])
    .where('product_id', '=', productId)
    .orderBy('id')
    .execute();
}

async function pendantInCart(quantity = 2) {
  const seller = await createSeller();
  const pendant = await createProduct(seller, { quantity: 20, personalization: engraving });
  const buyer = await createUser();
  const cart = await buyer.caller.cart.addItem({ productId: pendant.id, quantity, personalization: 'Ada' });
  const line = cart.shops[0]!.items[0]!;
  return { seller, pendant, buyer, line };
}

describe('cart.updatePersonalization', () => {
  test('the buyer changes a line’s text; quantity, hold and stock stay as they were', async () => {
    const { pendant, buyer, line } = await pendantInCart(2);
    expect(line.personalizationSpec).toEqual(engraving);
    const before = await stockOf(pendant.id);
    const cart = await buyer.caller.cart.updatePersonalization({
      cartItemId: line.cartItemId,
      personalization: ' Zoë ',
    });
    const edited = cart.shops[0]!.items[0]!;
    expect(edited).toMatchObject({ cartItemId: line.cartItemId, personalization: 'Zoë', quantity: 2, held: 2 });
    expect(edited.reservedUntil).toBe(line.reservedUntil);
    expect(await stockOf(pendant.id)).toEqual(before);
    // Six letters fit, counted as characters ("Zoë Ås" is 6).
    await buyer.caller.cart.updatePersonalization({ cartItemId: line.cartItemId, personalization: 'Zoë Ås' });
    expect((await linesOf(buyer)).map((l) => l.personalization)).toEqual(['Zoë Ås']);
  });

  test('bad text is refused naming the field, and nothing changes', async () => {
    const { pendant, buyer, line } = await pendantInCart(1);
    const cases: [string, string, unknown][] = [
      ['An\u0000na', 'BAD_REQUEST', null],
      ['Ana\u0007', 'BAD_REQUEST', null],
      ['\ud800Ana', 'BAD_REQUEST', null],
      ['Bartholomew', 'BAD_REQUEST', { field: 'personalization', reason: 'too_long' }],
      ['', 'BAD_REQUEST', { field: 'personalization', reason: 'required' }],
      ['   ', 'BAD_REQUEST', { field: 'personalization', reason: 'required' }],
      ['x'.repeat(1025), 'BAD_REQUEST', null],
    ];
    for (const [text, code, details] of cases) {
      const err = await rejection(
        buyer.caller.cart.updatePersonalization({ cartItemId: line.cartItemId, personalization: text }),
      );
      expect(err.code).toBe(code as never);
      if (details) expect(domainOf(err)?.details).toEqual(details as never);
      else expect(err.message).toContain('personalization');
    }
    expect((await rawLines(pendant.id)).map((l) => l.personalization)).toEqual(['Ada']);

    // A listing that takes none: only '' is accepted.
    const seller = await createSeller();
    const plain = await createProduct(seller, { quantity: 3 });
    const plainLine = (await buyer.caller.cart.addItem({ productId: plain.id, quantity: 1 })).shops
      .flatMap((s) => s.items)
      .find((i) => i.productId === plain.id)!;
    expect(plainLine.personalizationSpec).toBeNull();
    const unasked = await rejection(
      buyer.caller.cart.updatePersonalization({ cartItemId: plainLine.cartItemId, personalization: 'Hi' }),
    );
    expect(domainOf(unasked)?.details).toEqual({ field: 'personalization' });
    expect((await rawLines(plain.id)).map((l) => l.personalization)).toEqual(['']);
  });

  test('another shopper’s line, a made-up id and a guest without a cart are all "not in your cart"', async () => {
    const { pendant, line } = await pendantInCart(1);
    const intruder = await createUser();
    await intruder.caller.cart.addItem({ productId: pendant.id, quantity: 1, personalization: 'Eve' });
    const theirs = await rejection(
      intruder.caller.cart.updatePersonalization({ cartItemId: line.cartItemId, personalization: 'Eve' }),
    );
    expect(theirs.code).toBe('NOT_FOUND');
    const madeUp = await rejection(
      intruder.caller.cart.updatePersonalization({ cartItemId: 2_000_000_000, personalization: 'Eve' }),
    );
    expect(madeUp.code).toBe('NOT_FOUND');
    const { caller: guest } = anonymousCaller();
    const guestErr = await rejection(
      guest.cart.updatePersonalization({ cartItemId: line.cartItemId, personalization: 'Eve' }),
    );
    expect(guestErr.code).toBe('NOT_FOUND');
    expect((await rawLines(pendant.id)).map((l) => l.personalization)).toEqual(['Ada', 'Eve']);
  });

  test('a guest edits their own cookie cart', async () => {
    const seller = await createSeller();
    const pendant = await createProduct(seller, { quantity: 5, personalization: engraving });
    const { caller: guest } = anonymousCaller();
    const cart = await guest.cart.addItem({ productId: pendant.id, quantity: 1, personalization: 'Ada' });
    const edited = await guest.cart.updatePersonalization({
      cartItemId: cart.shops[0]!.items[0]!.cartItemId,
      personalization: 'Bo',
    });
    expect(edited.shops[0]!.items[0]!.personalization).toBe('Bo');
  });

  test('text another line of the same combination already has is refused, not merged', async () => {
    const { pendant, buyer, line } = await pendantInCart(2);
    await buyer.caller.cart.addItem({ productId: pendant.id, quantity: 1, personalization: 'Ben' });
    const twin = await rejection(
      buyer.caller.cart.updatePersonalization({ cartItemId: line.cartItemId, personalization: 'Ben' }),
    );
    expect(twin.code).toBe('CONFLICT');
    expect(domainOf(twin)?.details).toEqual({ field: 'personalization', reason: 'duplicate_line' });
    expect(twin.message).toContain('Ben');
    expect((await linesOf(buyer)).map((l) => [l.personalization, l.quantity])).toEqual([
      ['Ada', 2],
      ['Ben', 1],
    ]);
    expect(await stockOf(pendant.id)).toMatchObject({ reserved: 3 });
  });

  test('parallel edits: one line edited 20 ways ends as one of them; two lines raced to one text: one wins, one CONFLICT', async () => {
    const { pendant, buyer, line } = await pendantInCart(2);
    const texts = Array.from({ length: 20 }, (_, i) => `N${i}`);
    const results = await Promise.allSettled(
      texts.map((t) => buyer.caller.cart.updatePersonalization({ cartItemId: line.cartItemId, personalization: t })),
    );
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    const after = await rawLines(pendant.id);
    expect(after).toHaveLength(1);
    expect(texts).toContain(after[0]!.personalization);
    expect(after[0]).toMatchObject({ quantity: 2, held: 2 });

    const other = await buyer.caller.cart.addItem({ productId: pendant.id, quantity: 1, personalization: 'Cy' });
    const otherLine = other.shops[0]!.items.find((i) => i.personalization === 'Cy')!;
    for (let round = 0; round < 5; round++) {
      const target = `R${round}`;
      const raced = await Promise.allSettled([
        buyer.caller.cart.updatePersonalization({ cartItemId: line.cartItemId, personalization: target }),
        buyer.caller.cart.updatePersonalization({ cartItemId: otherLine.cartItemId, personalization: target }),
      ]);
      const won = raced.filter((r) => r.status === 'fulfilled');
      const lost = raced.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
      expect(won).toHaveLength(1);
      expect(lost.map((e) => e.code)).toEqual(['CONFLICT']);
      const texts = (await rawLines(pendant.id)).map((l) => l.personalization);
      expect(texts.filter((t) => t === target)).toHaveLength(1);
      // Move the winner off the target for the next round.
      const winner = (await rawLines(pendant.id)).find((l) => l.personalization === target)!;
      await buyer.caller.cart.updatePersonalization({ cartItemId: winner.id, personalization: `W${round}` });
    }
    expect(await stockOf(pendant.id)).toMatchObject({ reserved: 3 });
  });
});
