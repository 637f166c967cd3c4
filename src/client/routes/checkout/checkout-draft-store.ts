// What survives a reload of checkout: the shipping address the buyer confirmed and, for a guest,
// their email, kept in this tab's sessionStorage (gone when the tab closes, never shared with
// other tabs). Never the card: a reload on the review step goes back to choosing it. The draft
// belongs to whoever was signed in (or the guest) when it was written, so signing out or in as
// someone else on the same tab never shows another person's address. Cleared when the order is
// placed. Decision 0176.
import { z } from 'zod';
import { emailSchema } from '../../../shared/schemas/auth';
import { type ShippingAddressInput, shippingAddressSchema } from '../../../shared/schemas/checkout';

const KEY = 'hearth:checkout-draft';

export interface SavedCheckoutDraft {
  address: ShippingAddressInput;
  /** A guest's email; null for a signed-in buyer. */
  email: string | null;
}

const stored = z.object({
  v: z.literal(1),
  userId: z.number().int().positive().nullable(),
  address: shippingAddressSchema,
  email: emailSchema.nullable(),
});

/** The draft this tab saved for `userId` (null: a guest), or null when there is none or it no longer checks. */
export function loadCheckoutDraft(userId: number | null): SavedCheckoutDraft | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = stored.safeParse(JSON.parse(raw));
    if (!parsed.success || parsed.data.userId !== userId) return null;
    return { address: parsed.data.address, email: userId === null ? parsed.data.email : null };
  } catch {
    // Storage switched off, or something else's text under our key: start empty.
    return null;
  }
}

export function saveCheckoutDraft(userId: number | null, draft: SavedCheckoutDraft): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ v: 1, userId, ...draft }));
  } catch {
    // Full or switched off: checkout goes on; only a reload loses the address, as before.
  }
}

export function clearCheckoutDraft(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing to clear where storage is unavailable.
  }
}
