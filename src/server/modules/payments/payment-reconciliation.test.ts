// Payment reconciliation after injected faults: a capture that fails after commit, a process that
// dies between authorising and committing, a void that fails after a refused checkout. After the
// job has run: no payment is left authorised without an order, and every order's payment is
// captured (or refunded), in our records and in the processor's ledger alike.
import { describe, expect, test } from 'bun:test';
import {
  paymentProblems as invariantPaymentProblems,
  processorPaymentsOf as processorPayments,
} from '../../faults/invariants';
import { rejection } from '../../test/expect-error';
import { createProduct, createSeller, createUser, type TestUser } from '../../test/factories';
import { testDeps } from '../../test/test-services';
import { placeInput, quoteAndPlace } from '../checkout/checkout-test-kit';
import { PaymentProviderError } from './payment-provider';
import { captureBackoffMs, reconcilePayments } from './payment-reconciliation';
import { installPaymentProvider, paymentProvider } from './payments.registry';
import { overrideProvider } from './provider-double';
import { TestPaymentProvider } from './test-payment-provider';

const minutes = (n: number) => new Date(Date.now() + n * 60_000);

function ledger() {
  return new TestPaymentProvider(testDeps().db);
}

async function paymentOf(buyerId: number) {
  return testDeps()
    .db.selectFrom('payments')
    .select(['id', 'provider_ref', 'status', 'amount_cents', 'capture_attempts', 'next_capture_at'])
    .where('buyer_id', '=', buyerId)
    .executeTakeFirstOrThrow();
}

/** Every authorisation the processor made for these buyers' checkouts, with its state and our record. */
function processorPaymentsOf(buyerIds: number[]) {
  return processorPayments(testDeps().db, buyerIds);
}

const paymentProblems = (buyerIds: number[]) => invariantPaymentProblems(testDeps().db, buyerIds);

async function buyerWithCart(): Promise<TestUser> {
  const seller = await createSeller();
  const product = await createProduct(seller, { quantity: 5, priceCents: 1800 });
  const buyer = await createUser();
  await buyer.caller.cart.addItem({ productId: product.id, quantity: 1 });
  return buyer;
}

function failingCaptures() {
  const real = paymentProvider(testDeps());
  let calls = 0;
  installPaymentProvider(
    testDeps(),
    overrideProvider(real, {
      capture: async () => {
        calls++;
        throw new PaymentProviderError('processor timed out');
      },
    }),
  );
  return { real, calls: () => calls, heal: () => installPaymentProvider(testDeps(), real) };
}

describe('payment reconciliation', () => {
  test('a capture that failed after commit is retried with backoff until it goes through', async () => {
    const buyer = await buyerWithCart();
    const fault = failingCaptures();
    try {
      const placed = await quoteAndPlace(buyer);
      expect(placed.orders).toHaveLength(1); // the order stands although the capture failed
      expect(await paymentOf(buyer.id)).toMatchObject({ status: 'authorized', capture_attempts: 0 });

      // Within the grace period the job leaves it to the request's own capture.
      await reconcilePayments(testDeps(), { now: new Date() });
      expect((await paymentOf(buyer.id)).capture_attempts).toBe(0);

      const t1 = minutes(2);
      await reconcilePayments(testDeps(), { now: t1 });
      const once = await paymentOf(buyer.id);
      expect(once).toMatchObject({ status: 'authorized', capture_attempts: 1 });
      expect(once.next_capture_at?.getTime()).toBe(t1.getTime() + captureBackoffMs(1));
      // Not due yet: no second attempt.
      await reconcilePayments(testDeps(), { now: new Date(t1.getTime() + captureBackoffMs(1) - 1_000) });
      expect((await paymentOf(buyer.id)).capture_attempts).toBe(1);
      const t2 = new Date(t1.getTime() + captureBackoffMs(1));
      await reconcilePayments(testDeps(), { now: t2 });
      const twice = await paymentOf(buyer.id);
      expect(twice.capture_attempts).toBe(2);
      expect(twice.next_capture_at?.getTime()).toBe(t2.getTime() + captureBackoffMs(2));
      expect(captureBackoffMs(2)).toBe(2 * captureBackoffMs(1));
    } finally {
      fault.heal();
    }
    // The processor is back: the next due attempt captures, in our record and in its ledger.
    await reconcilePayments(testDeps(), { now: minutes(10) });
    const done = await paymentOf(buyer.id);
    expect(done.status).toBe('captured');
    expect((await ledger().lookup(done.provider_ref))?.status).toBe('captured');
    expect(await paymentProblems([buyer.id])).toEqual([]);
  });

  test('after a crash between authorise and commit and a failed void, the job leaves no orphan authorisation', async () => {
    const crashed = await buyerWithCart();
    const refused = await buyerWithCart();
    const captureFailed = await buyerWithCart();

    // 1. The process died right after the card was authorised: the authorisation exists at the
    //    processor (as the authorize step made it), no transaction ever committed.
    const input = await placeInput(crashed);
    const auth = await paymentProvider(testDeps()).authorize({
      amountCents: input.quote.totalCents,
      currency: 'USD',
      token: 'tok_visa',
      idempotencyKey: `checkout:${crashed.id}:${input.idempotencyKey}:${crypto.randomUUID()}`,
    });
    expect(auth.ok).toBe(true);

    // 2. A checkout refused under lock (the price moved) whose compensating void failed too.
    const real = paymentProvider(testDeps());
    const refusedInput = await placeInput(refused);
    const [line] = await testDeps()
      .db.selectFrom('cart_items as i')
      .innerJoin('carts as c', 'c.id', 'i.cart_id')
      .select('i.product_id')
      .where('c.user_id', '=', refused.id)
      .execute();
    installPaymentProvider(
      testDeps(),
      overrideProvider(real, {
        authorize: async (req) => {
          const r = await real.authorize(req);
          await testDeps()
            .db.updateTable('products')
            .set({ price_cents: 1900 })
            .where('id', '=', line!.product_id)
            .execute();
          return r;
        },
        void: async () => {
          throw new PaymentProviderError('processor unreachable');
        },
      }),
    );
    try {
      expect((await rejection(refused.caller.checkout.place(refusedInput))).message).toContain('Prices');
    } finally {
      installPaymentProvider(testDeps(), real);
    }

    // 3. An order whose capture failed after commit: authorised WITH an order, never to be voided.
    const fault = failingCaptures();
    try {
      await quoteAndPlace(captureFailed);
    } finally {
      fault.heal();
    }
    const buyers = [crashed.id, refused.id, captureFailed.id];
    expect((await paymentProblems(buyers)).length).toBe(3);

    // Too young to be called an orphan: a checkout might still be committing it.
    const early = await reconcilePayments(testDeps(), { now: minutes(5) });
    expect(early.sweepSkipped).toBe(false);
    expect((await processorPaymentsOf([crashed.id, refused.id])).map((p) => p.status)).toEqual([
      'authorized',
      'authorized',
    ]);
    await reconcilePayments(testDeps(), { now: minutes(16) });
    expect(await paymentProblems(buyers)).toEqual([]);
    const states = await processorPaymentsOf(buyers);
    expect(states.filter((p) => p.orders === 0).map((p) => p.status)).toEqual(['voided', 'voided']);
    expect(states.filter((p) => p.orders > 0).map((p) => p.status)).toEqual(['captured']);
  });

  test('several instances at once: each due capture is made once, the sweep runs on one of them', async () => {
    const buyers = await Promise.all(Array.from({ length: 8 }, () => buyerWithCart()));
    const fault = failingCaptures();
    try {
      for (const b of buyers) await quoteAndPlace(b);
    } finally {
      fault.heal();
    }
    const captures = new Map<string, number>();
    const real = paymentProvider(testDeps());
    installPaymentProvider(
      testDeps(),
      overrideProvider(real, {
        capture: async (ref) => {
          captures.set(ref, (captures.get(ref) ?? 0) + 1);
          await real.capture(ref);
        },
      }),
    );
    let results: Awaited<ReturnType<typeof reconcilePayments>>[];
    try {
      const now = minutes(3);
      results = await Promise.all(Array.from({ length: 5 }, () => reconcilePayments(testDeps(), { now })));
    } finally {
      installPaymentProvider(testDeps(), real);
    }
    for (const b of buyers) {
      const p = await paymentOf(b.id);
      expect(p.status).toBe('captured');
      expect(captures.get(p.provider_ref)).toBe(1);
    }
    expect(results.filter((r) => !r.sweepSkipped).length).toBeGreaterThanOrEqual(1);
    expect(await paymentProblems(buyers.map((b) => b.id))).toEqual([]);
  });

  test('records that disagree with the processor are reported', async () => {
    const buyer = await buyerWithCart();
    await quoteAndPlace(buyer);
    const payment = await paymentOf(buyer.id);
    // A refund made at the processor's dashboard, never recorded by us.
    await ledger().refund(payment.provider_ref, 500, `dashboard:${payment.id}`);
    const ghost = await testDeps()
      .db.insertInto('payments')
      .values({
        buyer_id: buyer.id,
        provider: 'test',
        provider_ref: `pi_test_ghost_${payment.id}`,
        amount_cents: 100,
        status: 'captured',
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const { mismatches } = await reconcilePayments(testDeps(), { now: minutes(1) });
    const mine = mismatches.filter((m) => m.paymentId === payment.id || m.paymentId === ghost.id);
    expect(mine).toEqual([
      expect.objectContaining({ paymentId: ghost.id, problem: 'unknown to the processor', processor: null }),
      expect.objectContaining({
        paymentId: payment.id,
        problem: 'status differs',
        ours: expect.objectContaining({ status: 'captured', refundedCents: 0 }),
        processor: expect.objectContaining({ status: 'partially_refunded', refundedCents: 500 }),
      }),
    ]);
  });
});
