// The checkout's step logic as a buyer meets it: which step a URL shows for what has been filled
// in, and when a new payment attempt (a new idempotency key) starts.
import { describe, expect, test } from 'bun:test';
import type { ShippingAddressInput } from '../../../shared/schemas/checkout';
import {
  type CheckoutDraft,
  checkoutReducer,
  initialDraft,
  stepFromUrl,
  stepSearch,
  visibleStep,
} from './checkout-state';

const address: ShippingAddressInput = {
  name: 'Ada',
  line1: '1 Main St',
  line2: null,
  city: 'Springfield',
  region: 'IL',
  postalCode: '62701',
  country: 'US',
};
const placed = { orders: [{ orderId: 7, shopName: 'Clay', totalCents: 3300, itemCount: 1 }], totalChargedCents: 3300 };

const url = (search: string) => stepFromUrl(new URLSearchParams(search));
const run = (...events: Parameters<typeof checkoutReducer>[1][]) =>
  events.reduce<CheckoutDraft>((d, e) => checkoutReducer(d, e), initialDraft());
const ready = () => run({ type: 'ADDRESS_DONE', address }, { type: 'PAYMENT_DONE', token: 'tok_visa' });

describe('checkout URL state', () => {
  test('the step comes from ?step=; missing or unknown values mean the first step', () => {
    expect(url('')).toBe('address');
    expect(url('?step=payment')).toBe('payment');
    expect(url('?step=review')).toBe('review');
    expect(url('?step=pay')).toBe('address');
    expect(url('?step=__proto__')).toBe('address');
    expect(url(stepSearch('confirmation'))).toBe('confirmation');
  });

  test('a URL ahead of what was filled in shows the furthest step reached', () => {
    const fresh = initialDraft();
    expect(visibleStep('review', fresh)).toBe('address');
    expect(visibleStep('payment', fresh)).toBe('address');
    const withAddress = run({ type: 'ADDRESS_DONE', address });
    expect(visibleStep('review', withAddress)).toBe('payment');
    expect(visibleStep('confirmation', withAddress)).toBe('payment');
  });

  test('Back to an earlier step shows that step, with what was entered still there', () => {
    const d = ready();
    expect(visibleStep('review', d)).toBe('review');
    expect(visibleStep('payment', d)).toBe('payment');
    expect(visibleStep('address', d)).toBe('address');
    expect(d.address).toEqual(address);
    expect(d.token).toBe('tok_visa');
  });

  test('confirmation shows only at its own URL once placed; Back after placing never reopens a form', () => {
    const d = checkoutReducer(checkoutReducer(ready(), { type: 'PLACE' }), { type: 'PLACED', result: placed });
    expect(visibleStep('confirmation', d)).toBe('confirmation');
    expect(visibleStep('payment', d)).toBe('payment');
    // Nothing the forms could send changes a placed checkout.
    expect(checkoutReducer(d, { type: 'ADDRESS_DONE', address: { ...address, city: 'Elsewhere' } })).toBe(d);
    expect(checkoutReducer(d, { type: 'PLACE' })).toBe(d);
  });
});

describe('checkout attempts', () => {
  test('a double click on Place order is one request with one key', () => {
    const first = checkoutReducer(ready(), { type: 'PLACE' });
    expect(first.placing).toBe(true);
    expect(checkoutReducer(first, { type: 'PLACE' })).toBe(first);
  });

  test('a transient failure keeps the key (a retry cannot charge twice); a decline starts a new attempt', () => {
    const placing = checkoutReducer(ready(), { type: 'PLACE' });
    const lost = checkoutReducer(placing, { type: 'FAILED', problem: { kind: 'retryable', message: 'lost' } });
    expect(lost.attemptKey).toBe(placing.attemptKey);
    expect(lost.placing).toBe(false);
    const declined = checkoutReducer(checkoutReducer(lost, { type: 'PLACE' }), {
      type: 'FAILED',
      problem: { kind: 'declined', declineCode: 'card_declined', message: 'no' },
    });
    expect(declined.attemptKey).not.toBe(placing.attemptKey);
    expect(declined.problem?.kind).toBe('declined');
  });

  test('changing the address or the card is a new attempt and clears the old problem', () => {
    const failed = checkoutReducer(checkoutReducer(ready(), { type: 'PLACE' }), {
      type: 'FAILED',
      problem: { kind: 'other', message: 'x' },
    });
    const newCard = checkoutReducer(failed, { type: 'PAYMENT_DONE', token: 'tok_insufficientFunds' });
    expect(newCard.attemptKey).not.toBe(failed.attemptKey);
    expect(newCard.problem).toBeNull();
    const newAddress = checkoutReducer(newCard, { type: 'ADDRESS_DONE', address: { ...address, city: 'Shelbyville' } });
    expect(newAddress.attemptKey).not.toBe(newCard.attemptKey);
  });

  test('nothing can be placed before an address and a card are chosen', () => {
    expect(run({ type: 'PLACE' }).placing).toBe(false);
    expect(run({ type: 'ADDRESS_DONE', address }, { type: 'PLACE' }).placing).toBe(false);
  });
});
