// The reviewed synonym list for handmade and vintage vocabulary. It drives BOTH engines:
// Meilisearch gets it as index settings, the Postgres fallback expands query words with it.
// Two-way groups are true equivalents (UK/US words, spelling variants, trade terms).
// One-way entries go from a broad word to narrower ones ("earrings" finds "studs", "studs"
// does not find every earring) or from a misspelling that typo tolerance cannot reach
// ("neckless" is 3 edits from "necklace"; Meilisearch allows at most 2, and only 1 below 9 letters).
// Plurals and 1-letter slips need no entry: prefix search and typo tolerance already cover them.
// Bump SYNONYMS_VERSION on every edit so the change is visible in settings and reviews.
import { searchWords, termText } from './search-normaliser';

export const SYNONYMS_VERSION = '2026-12-02.1';

export type SynonymGroup = { kind: 'two-way'; words: string[] } | { kind: 'one-way'; from: string; to: string[] };

const same = (...words: string[]): SynonymGroup => ({ kind: 'two-way', words });
const narrower = (from: string, ...to: string[]): SynonymGroup => ({ kind: 'one-way', from, to });

export const synonymGroups: SynonymGroup[] = [
  // Clothing: UK / US
  same('jumper', 'sweater', 'pullover'),
  same('trousers', 'pants', 'slacks'),
  same('cardigan', 'cardi'),
  same('hoodie', 'hoody', 'hooded sweatshirt'),
  same('tee', 't-shirt', 'tshirt'),
  same('tank top', 'vest top', 'singlet'),
  narrower('waistcoat', 'vest'),
  same('dungarees', 'overalls'),
  same('braces', 'suspenders'),
  same('trainers', 'sneakers', 'plimsolls'),
  same('flip flops', 'flipflops', 'jandals'),
  same('wellies', 'wellington boots', 'rain boots', 'gumboots'),
  same('dressing gown', 'bathrobe', 'robe'),
  same('pyjamas', 'pajamas', 'pjs'),
  same('nightie', 'nightgown', 'nightdress'),
  same('anorak', 'windbreaker', 'windcheater'),
  same('beanie', 'bobble hat', 'pom pom hat', 'toque', 'knit hat'),
  same('scarf', 'scarves'),
  same('tights', 'pantyhose'),
  same('knickers', 'panties'),
  narrower('underwear', 'knickers', 'briefs', 'boxers'),
  same('swimsuit', 'swimming costume', 'bathing suit', 'swimwear', 'cossie'),
  same('joggers', 'sweatpants', 'tracksuit bottoms', 'jogging bottoms'),
  same('romper', 'playsuit'),
  same('shawl', 'wrap', 'stole'),
  same('snood', 'infinity scarf', 'cowl'),
  same('balaclava', 'ski mask'),
  same('earmuffs', 'ear warmers'),
  same('slippers', 'house shoes'),
  same('ankle boots', 'booties'),
  same('tie', 'necktie'),
  same('bow tie', 'bowtie', 'dickie bow'),
  same('handkerchief', 'hanky', 'hankie'),
  same('denim jacket', 'jean jacket'),
  narrower('jeans', 'denim'),
  same('mittens', 'mitts'),
  same('baseball cap', 'cap'),
  // Bags
  same('tote', 'tote bag', 'shopper bag', 'shopping bag'),
  narrower('bag', 'tote', 'handbag', 'clutch', 'satchel', 'backpack'),
  same('handbag', 'purse'),
  // UK purse = US wallet; US purse = handbag. Not transitive: "wallet" does not find handbags.
  same('purse', 'wallet'),
  same('coin purse', 'change purse'),
  same('backpack', 'rucksack', 'knapsack'),
  same('bum bag', 'fanny pack', 'belt bag', 'waist bag'),
  same('clutch', 'clutch bag', 'evening bag'),
  same('satchel', 'messenger bag'),
  same('crossbody', 'cross body', 'crossbody bag'),
  same('holdall', 'duffel bag', 'duffle bag', 'weekender bag'),
  same('laptop sleeve', 'laptop case'),
  same('lunchbox', 'lunch box', 'lunch bag'),
  same('phone case', 'phone cover'),
  same('mobile phone', 'cell phone', 'cellphone'),
  same('keyring', 'keychain', 'key ring', 'key fob'),
  same('glasses case', 'spectacles case', 'eyeglass case'),
  // Jewellery
  same('jewellery', 'jewelry'),
  narrower('necklace', 'pendant', 'choker', 'locket'),
  narrower('necklaces', 'pendants', 'chokers', 'lockets'),
  narrower('neckless', 'necklace', 'necklaces'),
  narrower('earrings', 'studs', 'hoops', 'ear climbers', 'dangles'),
  same('studs', 'stud earrings', 'ear studs'),
  same('hoops', 'hoop earrings'),
  narrower('bracelet', 'bangle', 'cuff bracelet', 'charm bracelet'),
  same('wedding ring', 'wedding band'),
  same('engagement ring', 'proposal ring'),
  same('signet ring', 'seal ring'),
  same('sterling silver', '925 silver', 'sterling', '925'),
  same('gold vermeil', 'vermeil'),
  same('14k', '14ct', '14 carat', '14 karat'),
  same('18k', '18ct', '18 carat', '18 karat'),
  same('9ct', '9k', '9 carat', '9 karat'),
  same('carat', 'karat'),
  same('brooch', 'lapel pin'),
  same('enamel pin', 'pin badge'),
  same('cufflinks', 'cuff links'),
  same('anklet', 'ankle bracelet'),
  same('mother of pearl', 'nacre'),
  same('cubic zirconia', 'cz'),
  same('rose gold', 'pink gold'),
  same('choker', 'collar necklace'),
  same('jewellery box', 'jewelry box', 'trinket box'),
  same('jewellery findings', 'jewelry findings', 'findings'),
  same('jump rings', 'jumprings'),
  // Vintage, style and trade terms
  same('mid-century', 'mid century', 'midcentury', 'mcm', 'mid century modern'),
  same('boho', 'bohemian', 'boho chic'),
  same('upcycled', 'repurposed', 'up-cycled'),
  same('reclaimed wood', 'salvaged wood', 'barnwood', 'barn wood'),
  narrower('retro', 'vintage'),
  narrower('vintage', 'antique'),
  same('art deco', 'deco'),
  same('art nouveau', 'nouveau'),
  same('victorian', 'victoriana'),
  narrower('shabby chic', 'distressed'),
  narrower('farmhouse', 'rustic'),
  same('scandi', 'scandinavian', 'nordic'),
  same('minimalist', 'minimal', 'minimalistic'),
  narrower('kawaii', 'cute'),
  same('cottagecore', 'cottage core'),
  same('y2k', '2000s'),
  same('50s', 'fifties', '1950s'),
  same('60s', 'sixties', '1960s'),
  same('70s', 'seventies', '1970s'),
  same('80s', 'eighties', '1980s'),
  same('90s', 'nineties', '1990s'),
  same('handmade', 'hand made', 'handcrafted', 'hand crafted'),
  narrower('artisan', 'handmade', 'handcrafted'),
  same('hand knitted', 'hand knit', 'handknit'),
  same('hand painted', 'handpainted'),
  same('wheel thrown', 'hand thrown'),
  same('hand stitched', 'hand sewn'),
  same('bespoke', 'custom', 'made to order'),
  same('personalised', 'personalized', 'customised', 'customized'),
  same('monogram', 'monogrammed'),
  same('ooak', 'one of a kind'),
  narrower('eco', 'eco friendly', 'sustainable'),
  same('vegan leather', 'faux leather', 'pleather', 'pu leather'),
  same('faux fur', 'fake fur'),
  // Materials and techniques
  narrower('flax', 'linen'),
  narrower('wool', 'merino', 'lambswool', 'shetland wool'),
  same('yarn', 'knitting wool'),
  same('crochet', 'crocheted'),
  same('knitted', 'knit', 'knitwear'),
  same('macrame', 'macramé'),
  same('embroidery', 'embroidered', 'needlework'),
  same('cross stitch', 'cross-stitch', 'counted cross stitch'),
  same('needlepoint', 'canvas work'),
  same('pottery', 'ceramics', 'ceramic'),
  narrower('ceramic', 'stoneware', 'porcelain', 'earthenware'),
  same('wood', 'wooden', 'timber'),
  same('fabric', 'cloth'),
  narrower('fabric', 'fat quarter'),
  same('haberdashery', 'notions', 'sewing supplies'),
  same('aluminium', 'aluminum'),
  same('tie dye', 'tie-dye', 'tiedye'),
  // Home and living
  same('duvet', 'comforter', 'doona'),
  same('bedspread', 'coverlet'),
  same('throw', 'throw blanket'),
  narrower('blanket', 'throw'),
  same('cushion', 'pillow', 'throw pillow'),
  same('cushion cover', 'pillow cover', 'pillow sham'),
  same('rug', 'carpet'),
  same('table runner', 'runner'),
  same('couch', 'sofa', 'settee'),
  narrower('sofa', 'loveseat', 'chesterfield'),
  same('armchair', 'accent chair', 'easy chair'),
  same('footstool', 'ottoman', 'pouffe', 'pouf'),
  same('wardrobe', 'armoire'),
  same('chest of drawers', 'dresser'),
  same('sideboard', 'buffet', 'credenza'),
  same('bookcase', 'bookshelf', 'book shelf'),
  same('shelf', 'shelves', 'shelving'),
  same('nightstand', 'bedside table', 'night table'),
  same('coffee table', 'cocktail table'),
  same('curtains', 'drapes'),
  same('bedding', 'bed linen'),
  same('flannel', 'washcloth', 'face cloth'),
  same('planter', 'plant pot', 'flower pot', 'flowerpot'),
  same('candle holder', 'candlestick'),
  narrower('candle holder', 'tealight holder'),
  same('tealight', 'tea light'),
  same('soy candle', 'soy wax candle'),
  same('wax melts', 'wax tarts'),
  same('wall art', 'wall decor', 'wall decoration'),
  same('wall hanging', 'wall tapestry'),
  same('print', 'art print'),
  narrower('print', 'poster'),
  same('artwork', 'art work'),
  same('photograph', 'photo', 'photography'),
  same('picture frame', 'photo frame'),
  same('lampshade', 'lamp shade'),
  same('fairy lights', 'string lights', 'twinkle lights'),
  same('doorstop', 'door stop'),
  same('bunting', 'flag garland'),
  same('christmas', 'xmas'),
  same('bauble', 'christmas ornament', 'christmas decoration'),
  same('wreath', 'door wreath'),
  same('laundry basket', 'laundry hamper'),
  same('waste paper basket', 'wastebasket', 'waste bin'),
  // Kitchen and dining
  same('mug', 'cup'),
  same('teacup', 'tea cup'),
  same('jug', 'pitcher'),
  same('platter', 'serving plate'),
  same('casserole dish', 'baking dish'),
  same('coaster', 'drink mat'),
  same('placemat', 'place mat', 'table mat'),
  same('napkin', 'serviette'),
  same('tablecloth', 'table cloth'),
  same('cafetiere', 'french press'),
  same('teapot', 'tea pot'),
  same('tea towel', 'dish towel', 'kitchen towel'),
  same('oven glove', 'oven mitt'),
  same('chopping board', 'cutting board'),
  same('flask', 'thermos'),
  same('cookie cutter', 'biscuit cutter'),
  same('biscuit', 'cookie'),
  same('sweets', 'candy'),
  // Baby, kids, toys
  same('nappy', 'diaper'),
  same('nappies', 'diapers'),
  same('cloth nappy', 'cloth diaper', 'reusable nappy'),
  same('dummy', 'pacifier', 'soother'),
  same('pram', 'stroller', 'pushchair', 'buggy'),
  same('cot', 'crib'),
  same('babygrow', 'onesie', 'sleepsuit'),
  same('muslin', 'burp cloth'),
  same('soft toy', 'plush', 'plushie', 'stuffed animal', 'stuffed toy', 'cuddly toy'),
  same('teddy', 'teddy bear'),
  same('jigsaw', 'jigsaw puzzle'),
  narrower('puzzle', 'jigsaw'),
  same('board game', 'tabletop game'),
  same('dollhouse', 'doll house', 'dolls house'),
  // Weddings, paper and gifts
  same('invitation', 'invite'),
  same('invitations', 'invites'),
  same('save the date', 'save-the-date'),
  same('favours', 'favors'),
  same('favour', 'favor'),
  same('bridal veil', 'veil'),
  same('notebook', 'journal'),
  same('sketchbook', 'sketch book'),
  same('greeting card', 'greetings card'),
  same('sticker', 'decal'),
  same('washi', 'washi tape'),
  same('bookmark', 'book mark'),
  same('wrapping paper', 'gift wrap'),
  same('gift tag', 'gift label'),
  same('gift', 'present'),
  same('hamper', 'gift basket'),
  same('keepsake', 'memento'),
  same('mum', 'mom', 'mother'),
  same('mummy', 'mommy'),
  same('grandma', 'granny', 'nana', 'nan'),
  same('grandad', 'grandpa', 'granddad'),
  // Accessories, hair, pets
  same('sunglasses', 'sunnies', 'shades'),
  same('hair clip', 'hair slide', 'barrette'),
  same('bobby pin', 'hair grip', 'kirby grip'),
  same('scrunchie', 'scrunchy'),
  same('hair tie', 'hair bobble', 'hair elastic'),
  same('headband', 'hairband', 'alice band'),
  same('lead', 'leash'),
  // Bath and beauty
  same('soap bar', 'bar soap', 'bar of soap'),
  same('bath bomb', 'bath fizzer'),
  same('bath salts', 'bath soak'),
  same('lip balm', 'lip salve', 'chapstick'),
  same('moisturiser', 'moisturizer', 'face cream'),
  same('fragrance', 'perfume'),
  narrower('scent', 'fragrance'),
  same('essential oil', 'aromatherapy oil'),
  same('incense', 'joss sticks', 'incense sticks'),
  same('diffuser', 'reed diffuser'),
  // Colours and patterns
  same('colour', 'color'),
  same('colours', 'colors'),
  same('colourful', 'colorful'),
  same('grey', 'gray'),
  same('cosy', 'cozy'),
  same('watercolour', 'watercolor'),
  same('colourway', 'colorway'),
  same('polarised', 'polarized'),
  same('collectable', 'collectible'),
  same('collectables', 'collectibles'),
  same('metre', 'meter'),
  same('burgundy', 'maroon'),
  same('tartan', 'plaid'),
  same('polka dot', 'polka dots', 'spotty'),
  same('stripy', 'striped', 'stripey'),
  same('floral', 'flowery', 'flower print'),
  narrower('animal print', 'leopard print', 'zebra print'),
];

/** Lowercase, accents stripped, split on non-alphanumerics: for comparing display names. */
export function normalizeSearchText(text: string): string {
  return searchWords(text).join(' ');
}

function addAll(map: Map<string, Set<string>>, from: string, to: string[]) {
  if (!from) return;
  let set = map.get(from);
  if (!set) {
    set = new Set();
    map.set(from, set);
  }
  for (const t of to) if (t && t !== from) set.add(t);
}

/**
 * Normalised phrase -> normalised phrases it also finds. Phrases go through the same normaliser
 * as listings and queries, so "plant pots" and "plant pot" are one key and both engines expand
 * the same terms.
 */
export function synonymTerms(groups: SynonymGroup[] = synonymGroups): Map<string, string[]> {
  const map = new Map<string, Set<string>>();
  for (const g of groups) {
    if (g.kind === 'two-way') {
      const words = g.words.map(termText);
      for (const w of words) addAll(map, w, words);
    } else addAll(map, termText(g.from), g.to.map(termText));
  }
  return new Map([...map].filter(([, v]) => v.size > 0).map(([k, v]) => [k, [...v].sort()]));
}

/** Meilisearch `synonyms` setting (on normalised terms: queries reach Meilisearch normalised). */
export function meiliSynonyms(groups: SynonymGroup[] = synonymGroups): Record<string, string[]> {
  return Object.fromEntries(synonymTerms(groups));
}

/** The same map for the Postgres fallback's query expansion. */
export function expansionMap(groups: SynonymGroup[] = synonymGroups): Map<string, string[]> {
  return synonymTerms(groups);
}

/**
 * Single words the list knows are real shoppers' words, as normalised terms. A query word that is
 * one of them is what the shopper meant, not a typo: neither engine fuzzes it ("sweater" must not
 * reach the "seater" of a 3-seater sofa). Words shorter than typo tolerance's minimum and numbers
 * never get typos anyway, so they are left out.
 */
export function knownTerms(groups: SynonymGroup[] = synonymGroups, minLength = 6): string[] {
  const words = groups.flatMap((g) => (g.kind === 'two-way' ? g.words : [g.from, ...g.to])).map(termText);
  const single = words.filter((w) => w.length >= minLength && !w.includes(' ') && !/\d/.test(w));
  return [...new Set(single)].sort();
}
