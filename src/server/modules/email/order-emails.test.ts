import { describe, expect, test } from 'bun:test';
import { createProduct, createSeller, createUser } from '../../test/factories';
import { deliverMail, drainMailBeforeAll, inbox, linkIn } from '../../test/mail';
import { testDeps } from '../../test/test-services';
import { quoteAndPlace } from '../checkout/checkout-test-kit';

async function twoShopOrder() {
  const [a, b] = [await createSeller(), await createSeller()];
  const mug = await createProduct(a, { title: 'Speckled mug', priceCents: 2800, quantity: 3 });
  const scarf = await createProduct(b, { title: 'Wool scarf', priceCents: 4500, quantity: 2 });
  const buyer = await createUser(testDeps(), 'Ada Buyer');
  await buyer.caller.cart.addItem({ productId: mug.id, quantity: 2 });
  await buyer.caller.cart.addItem({ productId: scarf.id, quantity: 1 });
  const placed = await quoteAndPlace(buyer);
  await deliverMail();
  const orderOf = (shopId: number) => placed.orders.find((o) => o.shopId === shopId)!.orderId;
  return { a, b, buyer, placed, mugOrder: orderOf(a.shopId), scarfOrder: orderOf(b.shopId) };
}

drainMailBeforeAll();

describe('order emails', () => {
  test('checkout mails the buyer one confirmation with every shop, and each seller their own order', async () => {
    const { a, b, buyer, placed, mugOrder, scarfOrder } = await twoShopOrder();
    const mails = inbox(buyer.email);
    expect(mails).toHaveLength(1);
    const confirmation = mails[0]!;
    expect(confirmation.subject).toBe('Your Hearth order is confirmed (2 shops)');
    expect(confirmation.envelope.to).toEqual([buyer.email]);
    const text = confirmation.text!;
    for (const s of [
      a.shop.name,
      b.shop.name,
      'Speckled mug × 2',
      'Wool scarf × 1',
      '$56.00',
      '$45.00',
      '12 Loom Street',
    ])
      expect(text).toContain(s);
    expect(text).toContain(`#${mugOrder}`);
    expect(text).toContain(`#${scarfOrder}`);
    expect(text).toContain(`$${(placed.totalChargedCents / 100).toFixed(2)}`);
    expect(linkIn(confirmation, '/orders')).toBe(`${testDeps().config.appUrl}/orders`);

    const [sellerMail, ...extra] = inbox(a.email);
    expect(extra).toHaveLength(0);
    expect(sellerMail!.subject).toBe(`New order #${mugOrder} for ${a.shop.name}`);
    expect(sellerMail!.text).toContain('Speckled mug × 2');
    expect(sellerMail!.text).not.toContain('Wool scarf');
    expect(linkIn(sellerMail!, `/dashboard/orders/${mugOrder}`)).toBeString();
    expect(inbox(b.email).map((m) => m.subject)).toEqual([`New order #${scarfOrder} for ${b.shop.name}`]);
  });

  test('the buyer hears from the shop when it ships (tracking link), is delivered, and when cancelled and refunded', async () => {
    const { a, b, buyer, placed, mugOrder, scarfOrder } = await twoShopOrder();
    const scarfTotal = placed.orders.find((o) => o.orderId === scarfOrder)!.totalCents;
    await a.caller.orders.updateStatus({ orderId: mugOrder, status: 'processing' });
    await a.caller.orders.updateStatus({
      orderId: mugOrder,
      status: 'shipped',
      carrier: 'UPS',
      trackingNumber: '1Z 999 AA1',
    });
    await deliverMail();
    const shipped = inbox(buyer.email).at(-1)!;
    expect(shipped.subject).toBe(`Your order #${mugOrder} from ${a.shop.name} is on its way`);
    expect(shipped.from).toContain(`${a.shop.name} via Hearth`);
    expect(shipped.from).toContain('no-reply@hearth.test');
    expect(shipped.text).toContain('1Z 999 AA1');
    expect(shipped.html).toContain('href="https://www.ups.com/track?tracknum=1Z999AA1"');

    await a.caller.orders.updateStatus({ orderId: mugOrder, status: 'delivered' });
    await b.caller.orders.updateStatus({ orderId: scarfOrder, status: 'cancelled', note: 'Sold at a fair' });
    await deliverMail();
    const subjects = inbox(buyer.email).map((m) => m.subject);
    expect(subjects).toContain(`Your order #${mugOrder} from ${a.shop.name} was delivered`);
    expect(subjects).toContain(`Your order #${scarfOrder} from ${b.shop.name} was cancelled`);
    expect(subjects).toContain(`Your order #${scarfOrder} from ${b.shop.name} was refunded`);
    const cancelled = inbox(buyer.email).find((m) => m.subject.endsWith('was cancelled'))!;
    expect(cancelled.text).toContain('Sold at a fair');
    const refunded = inbox(buyer.email).find((m) => m.subject.endsWith('was refunded'))!;
    expect(refunded.text).toContain(`$${(scarfTotal / 100).toFixed(2)} for order #${scarfOrder}`);
    // The mail's heading names the shop too, not only its subject.
    expect(refunded.text).toContain(`Your order from ${b.shop.name} was refunded`);
    expect(shipped.text).toContain(`Your order from ${a.shop.name} is on its way`);
    // Processing sends nothing; each status one mail.
    expect(subjects).toHaveLength(5);
  });
});
