import { describe, expect, test } from 'bun:test';
import {
  deliveryWindow,
  dispatchBy,
  dispatchOverdue,
  dispatchWindow,
  purchaseEstimate,
  recordedProcessing,
  STANDARD_TRANSIT,
  shipsIn,
  slowestOf,
} from './dispatch';

// Friday 4 December 2026.
const friday = new Date('2026-12-04T15:00:00Z');

describe('dispatch and delivery windows (decision 0120)', () => {
  test('business days skip the weekend, for dispatch and for the transit after it', () => {
    expect(dispatchWindow({ minDays: 3, maxDays: 5 }, friday)).toBe('Wed, Dec 9 – Fri, Dec 11');
    // 3+2 = 5 business days to Fri Dec 11; 5+5 = 10 to Fri Dec 18.
    expect(STANDARD_TRANSIT).toEqual({ minDays: 2, maxDays: 5 });
    expect(deliveryWindow({ minDays: 3, maxDays: 5 }, friday)).toBe('Fri, Dec 11 – Fri, Dec 18');
    expect(deliveryWindow({ minDays: 0, maxDays: 0 }, friday, { minDays: 1, maxDays: 1 })).toBe('Mon, Dec 7');
  });

  test('a parcel leaves with its slowest line; labels', () => {
    expect(
      slowestOf([{ processing: { minDays: 1, maxDays: 2 } }, { processing: { minDays: 10, maxDays: 15 } }]),
    ).toEqual({ minDays: 10, maxDays: 15 });
    expect(shipsIn({ minDays: 0, maxDays: 0 })).toBe('Ready to ship');
    expect(shipsIn({ minDays: 3, maxDays: 5 })).toBe('Ships in 3–5 business days');
  });

  test('dispatch-by is the last day of the window; an order with any line unrecorded has no estimate (decision 0146)', () => {
    expect(dispatchBy({ minDays: 3, maxDays: 5 }, friday)).toBe('Fri, Dec 11');
    expect(dispatchBy({ minDays: 0, maxDays: 0 }, friday)).toBe('Fri, Dec 4');
    // Overdue only once the dispatch-by day (Fri, Dec 11) is over.
    const window = { minDays: 3, maxDays: 5 };
    expect(dispatchOverdue(window, friday, new Date('2026-12-11T23:59:00Z'))).toBe(false);
    expect(dispatchOverdue(window, friday, new Date('2026-12-12T00:00:00Z'))).toBe(true);
    expect(
      recordedProcessing([
        { minDays: 1, maxDays: 2 },
        { minDays: 3, maxDays: 4 },
      ]),
    ).toEqual({ minDays: 3, maxDays: 4 });
    expect(
      recordedProcessing([
        { minDays: 10, maxDays: 15 },
        { minDays: null, maxDays: null },
      ]),
    ).toBeNull();
    expect(recordedProcessing([])).toBeNull();
  });
});

describe('the estimate before buying (decision 0180)', () => {
  const three = { minDays: 3, maxDays: 3 };
  test('counted from today for an open shop', () => {
    expect(purchaseEstimate(three, { now: friday })).toEqual({
      kind: 'dated',
      afterReturn: null,
      dispatch: 'Wed, Dec 9',
      delivery: 'Fri, Dec 11 – Wed, Dec 16',
    });
  });

  test('a shop on vacation counts from its return date, or gives none without one', () => {
    expect(purchaseEstimate(three, { now: friday, vacation: { returnsOn: '2026-12-20' } })).toEqual({
      kind: 'dated',
      afterReturn: 'Sun, Dec 20',
      dispatch: 'Wed, Dec 23',
      delivery: 'Fri, Dec 25 – Wed, Dec 30',
    });
    expect(purchaseEstimate(three, { now: friday, vacation: { returnsOn: null } })).toEqual({
      kind: 'none',
      why: 'vacation-no-date',
    });
    // Still away after the day it said: no date to count from.
    expect(purchaseEstimate(three, { now: friday, vacation: { returnsOn: '2026-12-01' } }).kind).toBe('none');
  });

  test('nothing for a listing that cannot be bought', () => {
    expect(purchaseEstimate(three, { now: friday, forSale: false })).toEqual({ kind: 'none', why: 'not-for-sale' });
  });
});
