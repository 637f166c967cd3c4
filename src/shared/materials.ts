// Canonical material names. Sellers write one material many ways ("925 silver", "925 Sterling
// Silver", "sterling"); listings store the canonical value, mapped at write time, so the
// materials facet counts one thing once and a filter on it finds every listing. `searchAs` are
// extra words a listing with that material is found by (a sterling silver ring answers "925").
// Unknown materials are kept as written (trimmed, lowercase, single spaces).

interface MaterialEntry {
  value: string;
  aliases: string[];
  searchAs?: string[];
}

const entries: MaterialEntry[] = [
  {
    value: 'sterling silver',
    aliases: [
      '925 sterling silver',
      '925 silver',
      'silver 925',
      'sterling silver 925',
      'sterling',
      '925',
      'solid sterling silver',
      'solid silver',
      '925 sterling',
      '.925 silver',
    ],
    searchAs: ['925'],
  },
  { value: 'gold vermeil', aliases: ['vermeil', 'gold vermeil silver'] },
  {
    value: 'gold filled',
    aliases: ['14k gold filled', '14ct gold filled', 'gold-filled', 'gold fill', '14k gold fill'],
  },
  {
    value: '9ct gold',
    aliases: ['solid 9ct gold', '9k gold', '9 carat gold', '9ct solid gold', '9 karat gold'],
    searchAs: ['9k'],
  },
  {
    value: '14k gold',
    aliases: ['solid 14k gold', '14ct gold', '14 carat gold', '14 karat gold', '14kt gold'],
    searchAs: ['14ct'],
  },
  {
    value: '18k gold',
    aliases: ['solid 18k gold', '18ct gold', '18 carat gold', '18 karat gold', '18kt gold'],
    searchAs: ['18ct'],
  },
  { value: 'gold plated', aliases: ['gold plate', 'gold-plated', 'gold plated brass'] },
  { value: 'rose gold', aliases: ['pink gold'] },
  { value: 'merino wool', aliases: ['merino', 'merino wool yarn'] },
  { value: 'lambswool', aliases: ['lambs wool', "lamb's wool", 'lambs-wool'] },
  { value: 'british wool', aliases: ['uk wool'] },
  { value: 'recycled wool', aliases: ['reclaimed wool'] },
  { value: 'organic cotton', aliases: ['cotton (organic)', 'certified organic cotton'] },
  {
    value: 'vegetable tanned leather',
    aliases: ['veg tan leather', 'veg-tan leather', 'vegetable-tanned leather', 'veg tanned leather'],
  },
  { value: 'full grain leather', aliases: ['full-grain leather'] },
  { value: 'faux leather', aliases: ['vegan leather', 'pu leather', 'pleather', 'leatherette'] },
  { value: 'soy wax', aliases: ['soya wax', 'soy'] },
  { value: 'beeswax', aliases: ['bees wax', 'bee wax'] },
  { value: 'watercolor', aliases: ['watercolour', 'watercolours', 'watercolors'] },
  { value: 'reclaimed wood', aliases: ['salvaged wood', 'barn wood', 'barnwood', 'reclaimed timber'] },
  { value: 'olive wood', aliases: ['olivewood'] },
  { value: 'cherry wood', aliases: ['cherrywood'] },
  { value: 'stainless steel', aliases: ['stainless'] },
  { value: 'aluminum', aliases: ['aluminium'] },
  { value: 'freshwater pearl', aliases: ['freshwater pearls'] },
  { value: 'czech glass', aliases: ['czech glass beads'] },
  { value: 'polymer clay', aliases: ['fimo', 'polymer'] },
];

/** Collapsed lowercase form used to compare what sellers typed. */
function key(raw: string): string {
  return raw.normalize('NFKC').toLowerCase().replace(/[‐-―]/g, '-').replace(/\s+/g, ' ').trim();
}

const byAlias = new Map<string, MaterialEntry>();
for (const e of entries) {
  byAlias.set(key(e.value), e);
  for (const a of e.aliases) byAlias.set(key(a), e);
}

/** The canonical name of a material ("925 Silver" -> "sterling silver"); unknown ones tidied. */
export function canonicalMaterial(raw: string): string {
  const k = key(raw);
  return byAlias.get(k)?.value ?? k;
}

/** Extra words a listing made of `canonical` is found by. */
export function materialAliases(canonical: string): string[] {
  return byAlias.get(key(canonical))?.searchAs ?? [];
}

/** Canonical materials, in order, without duplicates ("sterling" and "925 silver" are one). */
export function canonicalMaterials(raw: readonly string[]): string[] {
  return [...new Set(raw.map(canonicalMaterial).filter((m) => m.length > 0))];
}

/** Every spelling that maps to `canonical` (for tests and the data fix). */
export function materialSpellings(canonical: string): string[] {
  const e = byAlias.get(key(canonical));
  return e ? [e.value, ...e.aliases] : [canonical];
}
