// What survives a reload of checkout: the shipping address the buyer confirmed and, for a guest,
// their email, kept in this tab's sessionStorage (gone when the tab closes, never shared with
// other tabs); and, apart from it, what they are typing on the Shipping step before Continue (the
// fields, a guest's email, the "Save this address" tick). Never the card: a reload on the review
// step goes back to choosing it. Both belong to whoever was signed in (or the guest) when they were
// written, so signing out or in as someone else on the same tab never shows another person's
// address. Cleared when the order is placed. Decision 0176.
import { z } from 'zod';
import { emailSchema } from '../../../shared/schemas/auth';
import { isIsoCountry, type ShippingAddressInput, shippingAddressSchema } from '../../../shared/schemas/checkout';
import { text } from '../../../shared/schemas/text';

const KEY = 'hearth:checkout-draft';
const TYPING_KEY = 'hearth:checkout-typing';

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

/** The Shipping step as the buyer left it, before Continue checked it: any field may be unfinished. */
export interface AddressTyping {
  fields: Partial<Record<TypedField, string>>;
  /** A guest's email as typed; null for a signed-in buyer. */
  email: string | null;
  /** "Save this address to my address book" (a signed-in buyer). */
  save: boolean;
}

// Each field on its own, with the form's own limits but empty allowed: half an address is what
// is being kept. A field that no longer checks is left out (it starts blank); the rest stay.
const typedFieldSchemas = {
  name: text().max(100),
  line1: text().max(200),
  line2: text().max(200),
  city: text().max(100),
  region: text().max(100),
  postalCode: text()
    .max(12)
    .regex(/^([A-Za-z0-9][A-Za-z0-9 -]*)?$/),
  country: text().toUpperCase().refine(isIsoCountry),
};
type TypedField = keyof typeof typedFieldSchemas;
const typedEmail = text().max(254);

const typingEnvelope = z.object({
  v: z.literal(1),
  userId: z.number().int().positive().nullable(),
  fields: z.record(z.string(), z.unknown()),
  email: z.unknown(),
  save: z.boolean().catch(false),
});

/** What this tab's Shipping step held for `userId` (null: a guest) before a reload, or null. */
export function loadAddressTyping(userId: number | null): AddressTyping | null {
  try {
    const raw = sessionStorage.getItem(TYPING_KEY);
    if (!raw) return null;
    const parsed = typingEnvelope.safeParse(JSON.parse(raw));
    if (!parsed.success || parsed.data.userId !== userId) return null;
    const fields: AddressTyping['fields'] = {};
    for (const [name, schema] of Object.entries(typedFieldSchemas) as [TypedField, z.ZodType<string>][]) {
      const field = schema.safeParse(parsed.data.fields[name]);
      if (field.success) fields[name] = field.data;
    }
    const email = userId === null ? typedEmail.safeParse(parsed.data.email) : null;
    return { fields, email: email?.success ? email.data : null, save: userId !== null && parsed.data.save };
  } catch {
    return null;
  }
}

/** Written on every change on the Shipping step: a few hundred bytes, and nothing typed is lost. */
export function saveAddressTyping(userId: number | null, typing: AddressTyping): void {
  const fields = Object.fromEntries(
    Object.keys(typedFieldSchemas).map((name) => [name, typing.fields[name as TypedField]]),
  );
  try {
    sessionStorage.setItem(
      TYPING_KEY,
      JSON.stringify({ v: 1, userId, fields, email: userId === null ? typing.email : null, save: typing.save }),
    );
  } catch {
    // Full or switched off: only a reload of the Shipping step loses what was typed, as before.
  }
}

/** Continue has checked the address (the draft holds it now), or the order is placed. */
export function clearAddressTyping(): void {
  try {
    sessionStorage.removeItem(TYPING_KEY);
  } catch {
    // Nothing to clear where storage is unavailable.
  }
}

export function clearCheckoutDraft(): void {
  clearAddressTyping();
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing to clear where storage is unavailable.
  }
}
