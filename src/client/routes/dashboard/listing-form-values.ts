// The listing form's values: what the fields hold (dollars and comma-separated tags as typed),
// read from a saved listing, turned into the API's input and checked with the shared
// createProductInput schema; and the update a save sends, which compares with what is saved.
import { createProductInput, type ProductDto } from '../../../shared/schemas/catalog';
import { centsToDollarsText, parseDollars } from '../../lib/format';
import { schemaResolver } from '../../lib/schema-resolver';

export interface ListingFormValues {
  title: string;
  description: string;
  price: string;
  quantity: string;
  categorySlug: string;
  tags: string;
  materials: string;
  isVintage: boolean;
  images: string[];
  personalize: boolean;
  prompt: string;
  maxChars: string;
  required: boolean;
  /** 'shop': follow the shop's processing time (sent as null); 'own': this listing's. */
  processingMode: 'shop' | 'own';
  minDays: string;
  maxDays: string;
  madeToOrder: boolean;
  /** Set at submit: a new listing sent with a combination table has no single price or quantity. */
  varies: boolean;
}

/** The fields as a saved listing fills them, or empty for a new one. */
export function valuesFrom(product: ProductDto | null): ListingFormValues {
  return {
    title: product?.title ?? '',
    description: product?.description ?? '',
    // A listing left without a price (at $0.00, decision 0199) shows an empty field that asks for one.
    price: product && product.priceCents > 0 ? centsToDollarsText(product.priceCents) : '',
    // Made to order carries no real count (decision 0081): unticking it asks for one.
    quantity: product?.processing.madeToOrder ? '' : String(product?.variations ? 0 : (product?.quantity ?? 1)),
    categorySlug: product?.category.slug ?? '',
    tags: product?.tags.join(', ') ?? '',
    materials: product?.materials.join(', ') ?? '',
    isVintage: product?.isVintage ?? false,
    images: product?.images ?? [],
    personalize: product?.personalization != null,
    prompt: product?.personalization?.prompt ?? '',
    maxChars: String(product?.personalization?.maxChars ?? 20),
    required: product?.personalization?.required ?? false,
    processingMode: product && !product.processing.shopDefault ? 'own' : 'shop',
    minDays: String(product?.processing.minDays ?? 1),
    maxDays: String(product?.processing.maxDays ?? 3),
    madeToOrder: product?.processing.madeToOrder ?? false,
    // An edited listing's is fixed, so setting it at submit does not count as a change.
    varies: product ? product.variations != null : false,
  };
}

const splitList = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim().toLowerCase())
    .filter(Boolean);

const wholeOr = (text: string, bad: number) => (/^\d+$/.test(text.trim()) ? Number(text) : bad);

export const listingInput = createProductInput.omit({ shopId: true });
export type ListingInput = ReturnType<typeof listingInput.parse>;

/** The fields as the API's input, before it is checked. */
function toListingInput(v: ListingFormValues) {
  return {
    title: v.title,
    description: v.description,
    // With variations each combination has its price (checked in the table); 1 stands in here.
    priceCents: v.varies ? 1 : (parseDollars(v.price) ?? Number.NaN),
    quantity: v.varies || v.madeToOrder ? 0 : /^\d+$/.test(v.quantity.trim()) ? Number(v.quantity) : -1,
    categorySlug: v.categorySlug,
    tags: splitList(v.tags),
    materials: splitList(v.materials),
    isVintage: v.isVintage,
    images: v.images,
    personalization: v.personalize
      ? { prompt: v.prompt, maxChars: wholeOr(v.maxChars, 0), required: v.required }
      : null,
    // null: the shop's processing time, now and when the shop changes it.
    processing:
      v.processingMode === 'own' ? { minDays: wholeOr(v.minDays, -1), maxDays: wholeOr(v.maxDays, -1) } : null,
    madeToOrder: v.madeToOrder,
  };
}

export const listingResolver = schemaResolver(listingInput, toListingInput, {
  fieldOf: {
    priceCents: 'price',
    'personalization.prompt': 'prompt',
    'personalization.maxChars': 'maxChars',
    'processing.minDays': 'minDays',
    'processing.maxDays': 'maxDays',
  },
  // The price's words are the schema's own: "Enter a price like 24.00.", "… above $0.00.", "… at most $100,000."
  messages: {
    quantity: 'Enter a whole number from 0 to 10,000.',
    categorySlug: 'Choose a category.',
  },
});

/**
 * What "Save listing" sends for checked input: with variations no price or quantity (the
 * combinations have them, and the server refuses them here); made to order no quantity (sending
 * 0 would collide with units held in carts).
 */
export function updateOf({ priceCents, quantity, ...rest }: ListingInput, varies: boolean) {
  return {
    ...rest,
    ...(varies ? {} : { priceCents }),
    ...(varies || rest.madeToOrder ? {} : { quantity }),
  };
}

/**
 * True when saving `input` would store exactly what `product` has ("24" over "24.00", the same
 * tags retyped): the saved listing is read into the form's values and checked the same way, so
 * both sides compare as the server would store them. A saved listing the form would refuse
 * (older rules) never compares equal: the save goes ahead and says what to fix.
 */
export function storesTheSame(input: ListingInput, product: ProductDto): boolean {
  const varies = product.variations != null;
  const saved = listingInput.safeParse(toListingInput(valuesFrom(product)));
  return saved.success && JSON.stringify(updateOf(input, varies)) === JSON.stringify(updateOf(saved.data, varies));
}
