// What changed between the quote the buyer confirmed and the one the server priced instead
// (a PRICE_CHANGED refusal): per line old -> new unit price or quantity, lines gone or added,
// and each shop's shipping. Pure, so the checkout page and its tests read the same answer.
import type { QuoteDto } from '../../../shared/schemas/checkout';

export type QuoteChange =
  | { kind: 'price'; productId: number; title: string; fromCents: number; toCents: number }
  | { kind: 'quantity'; productId: number; title: string; from: number; to: number }
  | { kind: 'removed'; productId: number; title: string }
  | { kind: 'added'; productId: number; title: string; unitPriceCents: number }
  | { kind: 'shipping'; shopId: number; shopName: string; fromCents: number; toCents: number };

export function quoteChanges(previous: QuoteDto, next: QuoteDto): QuoteChange[] {
  const changes: QuoteChange[] = [];
  // A line is a listing's combination with its personalisation (several per listing are possible).
  const lines = (q: QuoteDto) =>
    new Map(
      q.shops.flatMap((s) => s.items.map((i) => [`${i.productId}|${i.variantId}|${i.personalization}`, i] as const)),
    );
  const before = lines(previous);
  const after = lines(next);
  for (const [key, was] of before) {
    const id = was.productId;
    const now = after.get(key);
    if (!now) changes.push({ kind: 'removed', productId: id, title: was.title });
    else {
      if (now.unitPriceCents !== was.unitPriceCents)
        changes.push({
          kind: 'price',
          productId: id,
          title: now.title,
          fromCents: was.unitPriceCents,
          toCents: now.unitPriceCents,
        });
      if (now.quantity !== was.quantity)
        changes.push({ kind: 'quantity', productId: id, title: now.title, from: was.quantity, to: now.quantity });
    }
  }
  for (const [key, now] of after)
    if (!before.has(key))
      changes.push({ kind: 'added', productId: now.productId, title: now.title, unitPriceCents: now.unitPriceCents });
  const shippingBefore = new Map(previous.shops.map((s) => [s.shopId, s.shippingCents]));
  for (const s of next.shops) {
    const was = shippingBefore.get(s.shopId);
    if (was !== undefined && was !== s.shippingCents)
      changes.push({
        kind: 'shipping',
        shopId: s.shopId,
        shopName: s.shopName,
        fromCents: was,
        toCents: s.shippingCents,
      });
  }
  return changes;
}

/** A quote from error details, when it has the shape the client relies on. */
export function quoteFromDetails(value: unknown): QuoteDto | null {
  const q = value as QuoteDto | null;
  if (!q || typeof q !== 'object' || typeof q.version !== 'string' || typeof q.totalCents !== 'number') return null;
  if (!Array.isArray(q.shops) || !q.shops.every((s) => Array.isArray(s?.items))) return null;
  return q;
}
