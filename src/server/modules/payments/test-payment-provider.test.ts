import { describe, expect, test } from 'bun:test';
import { testDeps } from '../../test/test-services';
import { TestPaymentProvider } from './test-payment-provider';

const provider = () => new TestPaymentProvider(testDeps().db);
const req = (over: Partial<Parameters<TestPaymentProvider['authorize']>[0]> = {}) => ({
  amountCents: 1234,
  currency: 'USD',
  token: 'tok_visa',
  idempotencyKey: crypto.randomUUID(),
  ...over,
});

describe('test payment provider', () => {
  test('same key -> same authorisation, even from concurrent calls; different parameters -> error', async () => {
    const r = req();
    const results = await Promise.all(Array.from({ length: 10 }, () => provider().authorize(r)));
    expect(new Set(results.map((x) => (x.ok ? x.ref : 'declined'))).size).toBe(1);
    expect(results[0].ok).toBe(true);
    await expect(provider().authorize({ ...r, amountCents: 999 })).rejects.toThrow('different parameters');
  });

  test('decline tokens decline with a code; capture, void and refund follow the lifecycle', async () => {
    expect(await provider().authorize(req({ token: 'tok_chargeDeclined' }))).toMatchObject({
      ok: false,
      declineCode: 'card_declined',
    });
    expect(await provider().authorize(req({ token: 'tok_insufficientFunds' }))).toMatchObject({
      ok: false,
      declineCode: 'insufficient_funds',
    });
    const a = await provider().authorize(req());
    if (!a.ok) throw new Error('expected approval');
    await provider().capture(a.ref);
    await expect(provider().void(a.ref)).rejects.toThrow('captured');
    await provider().refund(a.ref, 234, 'r1');
    await provider().refund(a.ref, 234, 'r1'); // replay: refunded once
    expect(await provider().lookup(a.ref)).toMatchObject({ status: 'partially_refunded', refundedCents: 234 });
    await provider().refund(a.ref, 1000, 'r2');
    expect(await provider().lookup(a.ref)).toMatchObject({ status: 'refunded', refundedCents: 1234 });
    const b = await provider().authorize(req());
    if (!b.ok) throw new Error('expected approval');
    await provider().void(b.ref);
    await provider().void(b.ref);
    expect((await provider().lookup(b.ref))?.status).toBe('voided');
  });
});
