// Checkout inputs and DTOs: a validated shipping address, the quote and the placed result.
import { z } from 'zod';
import type { LineProblem } from '../availability';
import { emailSchema } from './auth';
import { tooLongMessage } from './issue-messages';
import { text } from './text';

/** ISO 3166-1 alpha-2, officially assigned codes. */
const ISO_COUNTRIES = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO ' +
    'FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE ' +
    'JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO ' +
    'MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW ' +
    'PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM ' +
    'TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

// Where tax depends on the state or province, the region must be its postal code.
const US_REGIONS = new Set(
  (
    'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK ' +
    'OR PA RI SC SD TN TX UT VT VA WA WV WI WY AS GU MP PR VI AA AE AP'
  ).split(' '),
);
const CA_REGIONS = new Set('AB BC MB NB NL NS NT NU ON PE QC SK YT'.split(' '));

export function isIsoCountry(code: string): boolean {
  return ISO_COUNTRIES.has(code);
}

/** Every code the address schema accepts, for the country picker. */
export function isoCountryCodes(): string[] {
  return [...ISO_COUNTRIES];
}

// Messages name each field by the label the address form shows ("Full name", "State / region"),
// and word every length limit alike.
const line = (label: string, max: number) =>
  text().min(1, `${label} is required.`).max(max, tooLongMessage(label, max));

/** True when parsing so far found nothing wrong with any of `fields` (so they can be read), nor
 * with the address itself: a string or null sent as the address has no fields to read at all. */
const fieldsParsed =
  (...fields: string[]) =>
  (payload: z.core.ParsePayload) =>
    !payload.issues.some((i) => !i.path?.length || fields.includes(String(i.path[0])));

const upper = (region: string) => region.toUpperCase();

// The country's own rules run on the object before the transform, each as soon as the fields it
// reads are valid: a refinement after the transform (or without `when`) is skipped while any
// field fails, so a form showed "Full name is required" first and the state and ZIP only next submit.
export const shippingAddressSchema = z
  .object({
    name: line('Full name', 100),
    line1: line('Address line 1', 200),
    line2: text().max(200, tooLongMessage('Address line 2', 200)).optional().nullable(),
    city: line('City', 100),
    region: text().max(100, tooLongMessage('State / region', 100)).default(''),
    postalCode: text()
      .min(2, 'Postal code is required.')
      .max(12, tooLongMessage('Postal code', 12))
      .regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, 'Postal code may contain letters, digits, spaces and dashes.'),
    country: text().toUpperCase().refine(isIsoCountry, 'Country must be an ISO 3166-1 alpha-2 code, e.g. US, GB, DE.'),
  })
  .superRefine(
    (a, ctx) => {
      // The US and Canada need a state or province: an empty one is missing, not misspelt.
      const missing = a.region.trim() === '' ? 'State / region is required.' : null;
      if (a.country === 'US' && !US_REGIONS.has(upper(a.region)))
        ctx.addIssue({
          code: 'custom',
          path: ['region'],
          message: missing ?? 'Use the two-letter state code, e.g. NY.',
        });
      if (a.country === 'CA' && !CA_REGIONS.has(upper(a.region)))
        ctx.addIssue({
          code: 'custom',
          path: ['region'],
          message: missing ?? 'Use the two-letter province code, e.g. ON.',
        });
    },
    { when: fieldsParsed('country', 'region') },
  )
  .superRefine(
    (a, ctx) => {
      if (a.country === 'US' && !/^\d{5}(-\d{4})?$/.test(a.postalCode))
        ctx.addIssue({ code: 'custom', path: ['postalCode'], message: 'US ZIP codes look like 12345 or 12345-6789.' });
    },
    { when: fieldsParsed('country', 'postalCode') },
  )
  .transform((a) => ({
    ...a,
    line2: a.line2 ? a.line2 : null,
    region: a.country === 'US' || a.country === 'CA' ? upper(a.region) : a.region,
  }));
export type ShippingAddressInput = z.infer<typeof shippingAddressSchema>;

export const quoteInput = z.object({ shippingAddress: shippingAddressSchema });
export type QuoteInput = z.infer<typeof quoteInput>;

/** What the buyer saw and agreed to pay: `checkout.quote`'s version and total, sent back on place. */
export const confirmedQuoteSchema = z.object({
  version: z.string().regex(/^[a-f0-9]{64}$/, 'quote.version must be the version checkout.quote returned.'),
  totalCents: z.number().int('totalCents must be whole cents.').nonnegative().max(Number.MAX_SAFE_INTEGER),
});
export type ConfirmedQuote = z.infer<typeof confirmedQuoteSchema>;

export const placeOrderInput = z.object({
  idempotencyKey: z.uuid('idempotencyKey must be a UUID.'),
  quote: confirmedQuoteSchema,
  shippingAddress: shippingAddressSchema,
  payment: z.object({
    token: text()
      .min(1, 'Payment token is required.')
      .max(200)
      .regex(/^[A-Za-z0-9_-]+$/, 'The payment details could not be read. Please enter your card again.'),
  }),
});
export type PlaceOrderInput = z.infer<typeof placeOrderInput>;

export interface UnavailableItem {
  productId: number;
  variantId: number;
  title: string;
  /** The chosen values, for a listing with variations. */
  options: { name: string; value: string }[];
  requested: number;
  available: number;
  /** The shop the line is from. */
  shopName: string;
  /** Why: the shop is on vacation, the listing is no longer for sale, none are left, or fewer
   * than requested. Lines of the first three are in no total. */
  reason: LineProblem;
}

export interface QuoteLineDto {
  productId: number;
  variantId: number;
  title: string;
  /** The chosen values ("Size: 7"); empty for a listing without variations. */
  options: { name: string; value: string }[];
  personalization: string;
  quantity: number;
  unitPriceCents: number;
}

export interface QuoteShopDto {
  shopId: number;
  shopName: string;
  /** Each line at the unit price this quote charges (what the buyer confirms). */
  items: QuoteLineDto[];
  subtotalCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  itemCount: number;
}

export interface QuoteDto {
  /** Changes whenever anything the buyer pays for changes (items, unit prices, shipping, tax, total);
   * `checkout.place` must carry it, and is refused with PRICE_CHANGED when it no longer matches. */
  version: string;
  shops: QuoteShopDto[];
  subtotalCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  /** Tax rate applied to items at the destination, in basis points. */
  taxRateBps: number;
  /** Lines that cannot be bought as they stand; placing the order would fail on them. */
  unavailableItems: UnavailableItem[];
}

export interface PlacedOrderDto {
  orderId: number;
  shopId: number;
  shopName: string;
  subtotalCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  itemCount: number;
}

export interface PlaceOrderResult {
  orders: PlacedOrderDto[];
  totalChargedCents: number;
}

/** Guest checkout (issue 15 item 5): the same as `place`, plus the email the orders belong to. */
export const guestPlaceOrderInput = placeOrderInput.extend({ email: emailSchema });
export type GuestPlaceOrderInput = z.infer<typeof guestPlaceOrderInput>;

export interface GuestPlaceOrderResult extends PlaceOrderResult {
  /** Path of the page showing this checkout's orders (a signed link for this browser). */
  orderLink: string;
}
