// Demo variations (issue 16 item 7): rings in sizes (some in two metals), clothing in sizes and
// colours, engravable jewellery, a few made-to-order pieces and listings with their own processing
// time. Drawn from their own random stream, so the rest of the catalogue is unchanged by them.
import type { Rng } from './prng';

export interface GenVariations {
  properties: { name: string; values: string[] }[];
  combinations: { values: string[]; priceCents: number; quantity: number }[];
}

export interface GenListingExtras {
  variations?: GenVariations;
  personalization?: { prompt: string; maxChars: number; required: boolean };
  processing?: { minDays: number; maxDays: number };
  madeToOrder?: boolean;
}

const RING_SIZES = ['5', '6', '7', '8', '9', '10'];
const CLOTHING_SIZES = ['XS', 'S', 'M', 'L', 'XL'];
const CLOTHING_COLOURS = ['Oatmeal', 'Charcoal', 'Forest Green', 'Mustard', 'Navy', 'Rust', 'Cream', 'Dusty Pink'];
const CLOTHING = new Set([
  'sweaters',
  'dresses',
  't-shirts',
  'jackets-coats',
  'trousers',
  'baby-clothing',
  'hats',
  'gloves',
]);
const ENGRAVABLE = new Set([
  'necklaces',
  'bracelets',
  'rings',
  'wallets',
  'cutting-boards',
  'pet-collars',
  'notebooks',
]);
const MADE_TO_ORDER = new Set(['tables', 'chairs', 'shelves', 'sofas', 'paintings', 'blankets-throws', 'rugs']);

interface Candidate {
  leafSlug: string;
  priceCents: number;
  quantity: number;
  isVintage: boolean;
  oneOfAKind: boolean;
  status: 'active' | 'archived';
}

const round = (cents: number) => Math.max(100, Math.round(cents / 100) * 100 - 1);

export function listingExtras(rng: Rng, p: Candidate): GenListingExtras {
  const out: GenListingExtras = {};
  if (p.isVintage || p.oneOfAKind || p.status !== 'active') return out;
  if (p.leafSlug === 'rings' && rng.chance(0.5)) {
    const sizes = RING_SIZES.slice(rng.int(0, 1), rng.int(4, 6));
    const metals = rng.chance(0.4) ? ['Sterling silver', '9ct gold'] : null;
    out.variations = {
      properties: metals
        ? [
            { name: 'Size', values: sizes },
            { name: 'Metal', values: metals },
          ]
        : [{ name: 'Size', values: sizes }],
      combinations: sizes.flatMap((size) =>
        (metals ?? [null]).map((metal) => ({
          values: metal ? [size, metal] : [size],
          priceCents: metal === '9ct gold' ? round(p.priceCents * 2.4) : p.priceCents,
          quantity: rng.chance(0.15) ? 0 : rng.int(1, 4),
        })),
      ),
    };
  } else if (CLOTHING.has(p.leafSlug) && rng.chance(0.55)) {
    const sizes = p.leafSlug === 'hats' || p.leafSlug === 'gloves' ? ['S/M', 'M/L'] : CLOTHING_SIZES;
    const colours = rng.sample(CLOTHING_COLOURS, rng.int(2, 4));
    out.variations = {
      properties: [
        { name: 'Size', values: sizes },
        { name: 'Colour', values: colours },
      ],
      combinations: sizes.flatMap((size, i) =>
        colours.map((colour) => ({
          values: [size, colour],
          // Larger sizes take more yarn or cloth.
          priceCents: i >= 3 ? round(p.priceCents * 1.08) : p.priceCents,
          quantity: rng.chance(0.2) ? 0 : rng.int(1, 6),
        })),
      ),
    };
  }
  if (ENGRAVABLE.has(p.leafSlug) && rng.chance(0.35)) {
    const maxChars = rng.pick([10, 12, 20]);
    out.personalization = {
      prompt: rng.pick([
        `Name or initials to engrave, max ${maxChars} letters`,
        `Text to stamp (up to ${maxChars} characters). Leave blank for none.`,
        `Name to engrave, max ${maxChars} letters`,
      ]),
      maxChars,
      required: rng.chance(0.5),
    };
    if (out.personalization.prompt.includes('blank')) out.personalization.required = false;
  }
  if (MADE_TO_ORDER.has(p.leafSlug) && !out.variations && rng.chance(0.25)) {
    out.madeToOrder = true;
    const min = rng.int(10, 20);
    out.processing = { minDays: min, maxDays: min + rng.int(5, 15) };
  } else if (rng.chance(0.08)) {
    const min = rng.int(1, 5);
    out.processing = { minDays: min, maxDays: min + rng.int(1, 5) };
  }
  return out;
}
