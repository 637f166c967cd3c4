// Builds the whole demo catalogue in memory from a seed: shops, listings, buyers and their
// history (orders, reviews, favourites, views), with every aggregate (ratings, counts) computed
// from those rows. Pure: no database, no clock except the `now` passed in, no Math.random, so
// the same seed always yields the same titles, prices and history.
import { canonicalMaterials } from '../../shared/materials';
import type { OrderStatusValue } from '../../shared/schemas/orders';
import { slugify } from '../../shared/slug';
import { categoryTaxonomy } from '../modules/catalog/category-taxonomy';
import { createRng, type Rng, WeightedIndex, weighted } from './prng';
import { capitalise, type Locale, otherLocale, spell } from './spelling';
import { type GenListingExtras, listingExtras } from './variation-generator';
import {
  colours,
  eras,
  firstNames,
  groups,
  type LeafVocab,
  lastNames,
  leaves,
  occasions,
  recipients,
  reviewTexts,
  sellerReplies,
  shopNameWords,
  shopSecondWords,
  streetNames,
  styles,
  ukAddresses,
  ukPlaces,
  usAddresses,
  usPlaces,
  vintageConditions,
} from './vocabulary';

export interface GenerateOptions {
  seed: number;
  shops: number;
  products: number;
  /** Buyer accounts; default scales with the catalogue. */
  buyers?: number;
  /** Reference time for every "days ago"; fixed in tests. */
  now?: number;
}

export interface Address {
  name: string;
  line1: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
}

export interface GenUser {
  name: string;
  locale: Locale;
  address: Address;
  createdAt: number;
}

export interface GenShop {
  ownerIndex: number;
  locale: Locale;
  name: string;
  slugBase: string;
  tagline: string;
  description: string;
  logoUrl: string;
  bannerUrl: string;
  flatRateCents: number;
  freeOverCents: number | null;
  processingDays: number;
  leafSlugs: string[];
  createdAt: number;
  rating: number;
  reviewCount: number;
  salesCount: number;
  favoriteCount: number;
}

export interface GenProduct {
  shopIndex: number;
  leafSlug: string;
  title: string;
  description: string;
  priceCents: number;
  quantity: number;
  isVintage: boolean;
  oneOfAKind: boolean;
  tags: string[];
  materials: string[];
  images: string[];
  status: 'active' | 'archived';
  createdAt: number;
  rating: number;
  reviewCount: number;
  salesCount: number;
  favoriteCount: number;
  /** Variations, personalisation, processing time, made to order (variation-generator.ts). */
  extras?: GenListingExtras;
}

export type GenOrderStatus = OrderStatusValue;

export interface GenOrderItem {
  productIndex: number;
  quantity: number;
  priceCents: number;
}

export interface GenOrder {
  buyerIndex: number;
  shopIndex: number;
  status: GenOrderStatus;
  createdAt: number;
  items: GenOrderItem[];
  /** Index of this order's first line in the flat list of all order lines. */
  firstItemIndex: number;
  subtotalCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  history: { status: GenOrderStatus; at: number; note: string | null }[];
  carrier: string | null;
  trackingNumber: string | null;
}

export interface GenReview {
  itemIndex: number;
  orderIndex: number;
  productIndex: number;
  shopIndex: number;
  buyerIndex: number;
  rating: number;
  text: string;
  reply: string | null;
  createdAt: number;
}

export interface GenCatalogue {
  sellers: GenUser[];
  buyers: GenUser[];
  shops: GenShop[];
  products: GenProduct[];
  orders: GenOrder[];
  reviews: GenReview[];
  favoriteProducts: { buyerIndex: number; productIndex: number; at: number }[];
  favoriteShops: { buyerIndex: number; shopIndex: number; at: number }[];
  views: { buyerIndex: number; productIndex: number; count: number; at: number }[];
}

const DAY = 86_400_000;

/** Leaf slug → its top-level group slug and display name, from the one taxonomy. */
export const leafGroups: Map<string, { group: string; name: string }> = new Map(
  categoryTaxonomy.flatMap((top) => (top.children ?? []).map((c) => [c.slug, { group: top.slug, name: c.name }])),
);

const groupWeights: [string, number][] = [
  ['jewelry', 12],
  ['clothing', 9],
  ['bags-purses', 5],
  ['home-living', 11],
  ['kitchen-dining', 7],
  ['art-prints', 8],
  ['ceramics-pottery', 6],
  ['furniture', 4],
  ['toys-games', 4],
  ['baby-kids', 4],
  ['weddings', 3],
  ['craft-supplies', 5],
  ['stationery', 4],
  ['accessories', 5],
  ['vintage', 6],
  ['pet-supplies', 3],
  ['bath-beauty', 4],
];

export function defaultBuyers(products: number): number {
  return Math.min(20_000, Math.max(12, Math.round(products / 20)));
}

export function generateCatalogue(options: GenerateOptions): GenCatalogue {
  const now = options.now ?? Date.now();
  const root = createRng(options.seed);
  const shopCount = Math.max(1, options.shops);
  const productCount = Math.max(0, options.products);
  const buyerCount = Math.max(1, options.buyers ?? defaultBuyers(productCount));

  const sellers: GenUser[] = [];
  const shops: GenShop[] = [];
  const usedShopNames = new Set<string>();
  const shopRng = root.fork('shops');
  for (let i = 0; i < shopCount; i++) {
    const seller = makePerson(shopRng, now);
    sellers.push(seller);
    shops.push(makeShop(shopRng, i, seller.locale, usedShopNames, now));
  }

  const buyers: GenUser[] = [];
  const buyerRng = root.fork('buyers');
  for (let i = 0; i < buyerCount; i++) buyers.push(makePerson(buyerRng, now));

  const products = makeProducts(root.fork('products'), shops, productCount, now);
  const extrasRng = root.fork('variations');
  for (const p of products) {
    const extras = listingExtras(extrasRng, p);
    if (Object.keys(extras).length) p.extras = extras;
  }
  const catalogue: GenCatalogue = {
    sellers,
    buyers,
    shops,
    products,
    orders: [],
    reviews: [],
    favoriteProducts: [],
    favoriteShops: [],
    views: [],
  };
  makeHistory(root.fork('history'), catalogue, now);
  computeAggregates(catalogue);
  return catalogue;
}

function makePerson(rng: Rng, now: number): GenUser {
  const locale: Locale = rng.chance(0.45) ? 'uk' : 'us';
  const first = rng.pick(firstNames);
  const last = rng.pick(lastNames);
  const name = `${first} ${last}`;
  const place = rng.pick(locale === 'uk' ? ukAddresses : usAddresses);
  return {
    name,
    locale,
    address: {
      name,
      line1: `${rng.int(1, 240)} ${rng.pick(streetNames)}`,
      city: place.city,
      region: place.region,
      postalCode: place.postalCode,
      country: locale === 'uk' ? 'GB' : 'US',
    },
    createdAt: now - rng.int(30, 1200) * DAY,
  };
}

function makeShop(rng: Rng, index: number, locale: Locale, usedNames: Set<string>, now: number): GenShop {
  // The first shops take one department each, with all its leaves, so even a small demo
  // catalogue has something in every category; later shops follow the popularity weights.
  const covering = index < groupWeights.length;
  const primary = covering ? groupWeights[index]![0] : weighted(rng, groupWeights);
  const primaryLeaves = leafSlugsOf(primary);
  let leafSlugs = covering ? primaryLeaves : rng.sample(primaryLeaves, rng.int(2, Math.min(4, primaryLeaves.length)));
  if (rng.chance(0.35)) {
    const secondary = weighted(
      rng,
      groupWeights.filter(([g]) => g !== primary),
    );
    leafSlugs = leafSlugs.concat(rng.sample(leafSlugsOf(secondary), rng.int(1, 2)));
  }
  const group = groups[primary]!;

  let name = '';
  for (let attempt = 0; attempt < 20 && (!name || usedNames.has(name)); attempt++) {
    const word = rng.pick(shopNameWords);
    const suffix = spell(rng.pick(group.shopWords), locale);
    name = weighted(rng, [
      [`${word} ${suffix}`, 4],
      [`${word} & ${rng.pick(shopSecondWords)}`, 3],
      [`The ${word} ${suffix}`, 2],
      [`${word} ${rng.pick(shopSecondWords)} ${suffix}`, 2],
    ]);
    if (attempt >= 10) name = `${name} ${rng.pick(locale === 'uk' ? ukPlaces : usPlaces)}`;
  }
  if (usedNames.has(name)) name = `${name} ${index + 1}`;
  usedNames.add(name);

  const place = rng.pick(locale === 'uk' ? ukPlaces : usPlaces);
  const leafNames = leafSlugs.slice(0, 3).map((s) => leafGroups.get(s)!.name.toLowerCase());
  const tagline = spell(
    rng.pick([
      `Handmade ${leafNames[0]} from a small studio in ${place}`,
      `Small batch ${leafNames.join(', ')} made with love in ${place}`,
      `Slow-made ${leafNames[0]} and ${leafNames[1] ?? 'gifts'} for {colourful|colorful} homes`,
      `Thoughtfully made ${leafNames[0]}, shipped from ${place}`,
    ]),
    locale,
  ).slice(0, 140);
  const about = spell(rng.pick(group.about), locale);
  const description = [
    `Hello and welcome to ${name}! ${about}`,
    `I started the shop in ${2010 + rng.int(0, 14)} after years of making ${leafNames[0]} for friends and family.`,
    spell(
      rng.pick([
        'Everything is packed plastic free in recycled packaging.',
        'I love custom orders, so send me a message if you have something in mind.',
        'Gift wrapping is free: just leave a note at checkout.',
      ]),
      locale,
    ),
  ].join(' ');

  const initials = name
    .replace(/^The /, '')
    .split(/[\s&]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toLowerCase())
    .join('');
  const flatRate = locale === 'uk' ? rng.pick([295, 350, 395, 450, 0]) : rng.pick([399, 450, 595, 699, 0]);
  return {
    ownerIndex: index,
    locale,
    name,
    slugBase: slugify(name),
    tagline,
    description,
    logoUrl: `/images/ph/logo-${initials.replace(/[^a-z]/g, '') || 'x'}-${(index % 40) + 1}.svg`,
    bannerUrl: `/images/ph/banner-${leafSlugs[0]}-${(index % 24) + 1}.svg`,
    flatRateCents: flatRate,
    freeOverCents: flatRate === 0 ? null : rng.chance(0.6) ? rng.pick([3500, 5000, 7500]) : null,
    processingDays: rng.int(1, 7),
    leafSlugs,
    createdAt: now - rng.int(200, 1500) * DAY,
    rating: 0,
    reviewCount: 0,
    salesCount: 0,
    favoriteCount: 0,
  };
}

function leafSlugsOf(group: string): string[] {
  return [...leafGroups.entries()].filter(([, v]) => v.group === group).map(([slug]) => slug);
}

function makeProducts(rng: Rng, shops: GenShop[], count: number, now: number): GenProduct[] {
  // Shop sizes follow a heavy tail: a few big shops, many small ones. Shop 0 (the demo
  // seller's) is always a healthy size.
  const shopWeights = shops.map((_, i) => (i === 0 ? 6 : (1 - rng.next()) ** -0.5));
  const shopPicker = new WeightedIndex(shopWeights);
  const products: GenProduct[] = [];
  for (let i = 0; i < count; i++) {
    const shopIndex = i < shops.length ? i : shopPicker.draw(rng);
    products.push(makeProduct(rng, shops[shopIndex]!, shopIndex, now));
  }
  // Ids are handed out in creation order, so "newest" by id and by date agree.
  return products.sort((a, b) => a.createdAt - b.createdAt);
}

function priceCents(rng: Rng, [min, max]: [number, number], locale: Locale, vintage: boolean): number {
  const dollars = Math.exp(Math.log(min) + rng.next() * (Math.log(max) - Math.log(min))) * (vintage ? 1.15 : 1);
  const whole =
    dollars < 20
      ? Math.max(2, Math.round(dollars))
      : Math.round(dollars / (dollars > 200 ? 10 : 1)) * (dollars > 200 ? 10 : 1);
  const ending =
    locale === 'us'
      ? weighted(rng, [
          [99, 4],
          [95, 2],
          [0, 3],
          [50, 1],
        ])
      : weighted(rng, [
          [0, 6],
          [50, 2],
          [99, 2],
        ]);
  return ending === 0 ? whole * 100 : (whole - 1) * 100 + ending;
}

function makeProduct(rng: Rng, shop: GenShop, shopIndex: number, now: number): GenProduct {
  const leafSlug = rng.pick(shop.leafSlugs);
  const vocab = leaves[leafSlug]!;
  const { group: groupSlug } = leafGroups.get(leafSlug)!;
  const group = groups[groupSlug]!;
  const locale = shop.locale;
  const vintageShop = shop.leafSlugs.some((s) => leafGroups.get(s)!.group === 'vintage');
  const isVintage = rng.chance(Math.min(1, (vocab.vintage ?? 0) * (vintageShop ? 2 : 1)));
  const s = (text: string) => spell(text, locale);

  const rawItem = rng.pick(vocab.items);
  const item = s(rawItem);
  // The second noun is a synonym a buyer might search for: the other spelling ("jumper" →
  // "sweater") when there is one, else the category's generic term.
  let alt = spell(rawItem, otherLocale(locale));
  if (alt === item) alt = s(vocab.tags[0]!);
  if (alt === item || item.endsWith(alt)) alt = s(vocab.tags[1] ?? vocab.tags[0]!);
  const material = s(rng.pick(vocab.materials));
  let make = s(rng.pick(vocab.makes));
  if (isVintage && ['handmade', 'hand sewn', 'hand-knitted'].includes(make)) make = 'vintage';
  const colour = s(rng.pick(colours));
  const style = rng.pick(styles);
  let adjective = s(rng.pick(group.adjectives));
  if (adjective === make) adjective = style;
  const detail = s(rng.pick(vocab.details));
  const recipient = s(rng.pick(recipients));
  const occasion = s(rng.pick(occasions));
  const era = rng.pick(eras);
  const giftable = !['furniture', 'craft-supplies', 'vintage'].includes(groupSlug);
  const giftLine = giftable ? `${occasion} gift` : detail;

  const title = isVintage
    ? rng.pick([
        () => `Vintage ${era} ${material} ${item}, ${style.toLowerCase()} ${alt} in ${colour}`,
        () => `${capitalise(era)} ${item} - genuine vintage ${material} ${alt}, ${detail}`,
        () => `Rare ${era} ${colour} ${material} ${item}, ${detail}`,
        () => `${capitalise(colour)} ${material} ${item}, ${era} vintage ${alt} ${detail}`,
      ])()
    : rng.pick([
        () => `${capitalise(adjective)} ${make} ${material} ${item}, ${style.toLowerCase()} ${alt} in ${colour}`,
        () =>
          `${capitalise(material)} ${item} ${detail} - ${make} ${style.toLowerCase()} ${giftable ? `gift for ${recipient}` : alt}`,
        () => `${capitalise(make)} ${colour} ${item}, ${adjective} ${material} ${alt} | ${giftLine}`,
        () => `${capitalise(item)} in ${colour} ${material}, ${make} ${detail}`,
        () => `${capitalise(style)} ${item} - ${make} ${material} ${alt}, ${detail}`,
      ])();

  const oneOfAKind = rng.chance(isVintage ? 0.45 : leafSlug === 'paintings' ? 0.7 : 0.08);
  const [minStock, maxStock] = vocab.stock ?? [2, 25];
  let quantity = oneOfAKind ? 1 : rng.int(Math.max(2, minStock), Math.max(2, maxStock));
  if (!oneOfAKind && rng.chance(0.05)) quantity = 0;

  const descriptionParts = [
    s(rng.pick(group.about)),
    isVintage
      ? `A genuine ${era} ${item} in ${colour} ${material}, ${rng.pick(vintageConditions)}.`
      : `Made from ${material} in ${colour}, ${make} ${rng.pick(['in small batches', 'one at a time', 'by hand in my studio'])}, so no two are quite alike.`,
    capitalise(
      s(
        rng.pick([
          `${detail}.`,
          giftable ? `Perfect as ${withArticle(occasion)} gift for ${recipient}.` : `${detail}.`,
          `It suits ${withArticle(style.toLowerCase())} look and pairs beautifully with other ${style.toLowerCase()} pieces.`,
          `Lovely paired with our ${alt} in ${s(rng.pick(colours))}.`,
        ]),
      ),
    ),
    s(rng.pick(group.care)),
    oneOfAKind
      ? "This is a one-of-a-kind piece: once it's gone, it's gone."
      : `Ships within ${shop.processingDays} working day${shop.processingDays === 1 ? '' : 's'}${rng.chance(0.5) ? ', gift wrapped on request' : ''}.`,
  ];
  if (rng.chance(0.4)) descriptionParts.push(s('Please note {colours|colors} may vary slightly between screens.'));

  const tagSet = new Set<string>();
  const addTag = (t: string) => {
    const tag = s(t).toLowerCase().trim().slice(0, 40);
    if (tag && tagSet.size < 13) tagSet.add(tag);
  };
  for (const t of rng.sample(vocab.tags, 4)) addTag(t);
  addTag(item);
  addTag(material);
  addTag(colour);
  addTag(style);
  addTag(isVintage ? 'vintage' : 'handmade');
  if (isVintage) addTag(era);
  if (make === 'upcycled' || title.includes('upcycled')) addTag('upcycled');
  if (oneOfAKind) addTag('one of a kind');
  addTag(`gift for ${recipient}`);

  // Canonical names, as the API stores them ("925 sterling silver" -> "sterling silver").
  const materials = canonicalMaterials([...new Set([material, s(rng.pick(vocab.materials))])].slice(0, rng.int(1, 2)));
  const imageCount = rng.int(2, 4);
  const imageBase = rng.int(1, 60);
  const images = Array.from(
    { length: imageCount },
    (_, k) => `/images/ph/${leafSlug}-${((imageBase + k * 7) % 60) + 1}.svg`,
  );

  return {
    shopIndex,
    leafSlug,
    title: tidyTitle(title),
    description: descriptionParts.join(' '),
    priceCents: priceCents(rng, vocab.price, locale, isVintage),
    quantity,
    isVintage,
    oneOfAKind,
    tags: [...tagSet],
    materials,
    images,
    status: rng.chance(0.02) ? 'archived' : 'active',
    createdAt: shop.createdAt + Math.floor(rng.next() * (now - DAY - shop.createdAt)),
    rating: 0,
    reviewCount: 0,
    salesCount: 0,
    favoriteCount: 0,
  };
}

function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

function tidyTitle(raw: string): string {
  let title = raw.replace(/\s+/g, ' ').replace(/ ,/g, ',').trim();
  // Repeated words in a row ("wool wool") read as a bug, not SEO.
  title = title.replace(/\b(\w+) \1\b/gi, '$1');
  if (title.length <= 140) return title;
  const cut = Math.max(title.lastIndexOf(', ', 140), title.lastIndexOf(' - ', 140));
  return cut > 20 ? title.slice(0, cut) : title.slice(0, 140).trimEnd();
}

function makeHistory(rng: Rng, cat: GenCatalogue, now: number): void {
  const { products, shops, buyers } = cat;
  if (products.length === 0) return;

  // Popularity: a long tail, so trending and "also bought" have clear winners.
  const popularity = products.map((p) => (p.status === 'active' ? (1 - rng.next()) ** -1.2 : 0.05));
  const viewPicker = new WeightedIndex(popularity);
  // One-of-a-kind pieces still in stock were never sold; sold-out ones were.
  const buyPicker = new WeightedIndex(
    products.map((p, i) => (p.oneOfAKind && p.quantity > 0 ? 0 : popularity[i]! * (p.quantity === 0 ? 2 : 1))),
  );
  const shopProducts: number[][] = shops.map(() => []);
  products.forEach((p, i) => {
    if (!(p.oneOfAKind && p.quantity > 0)) shopProducts[p.shopIndex]!.push(i);
  });

  const orderCount = Math.max(products.length > 0 ? 12 : 0, Math.round(products.length * 0.3));
  let itemCursor = 0;
  for (let o = 0; o < orderCount; o++) {
    // The first orders go to the demo buyer (buyer 0) and the demo seller's shop (shop 0),
    // so both demo logins open onto real history.
    let first = o < 6 ? pickFromShop(rng, shopProducts[0]!) : buyPicker.draw(rng);
    if (first < 0) first = buyPicker.draw(rng);
    if (first < 0) break;
    const product = products[first]!;
    const shopIndex = product.shopIndex;
    const buyerIndex = o >= 6 && o < 16 ? 0 : rng.int(0, buyers.length - 1);
    const earliest = Math.max(product.createdAt, buyers[buyerIndex]!.createdAt);
    const span = now - earliest;
    const createdAt =
      o < 6 ? now - rng.int(1, 60) * 3_600_000 : earliest + Math.floor((1 - rng.next() ** 1.6) * span * 0.999);

    const lines = new Map<number, number>([[first, product.oneOfAKind ? 1 : rng.chance(0.15) ? 2 : 1]]);
    const extra = weighted(rng, [
      [0, 6],
      [1, 3],
      [2, 1],
    ]);
    for (let e = 0; e < extra; e++) {
      const candidate = pickFromShop(rng, shopProducts[shopIndex]!);
      if (candidate >= 0 && products[candidate]!.createdAt < createdAt && !lines.has(candidate))
        lines.set(candidate, 1);
    }
    const items: GenOrderItem[] = [...lines].map(([productIndex, quantity]) => ({
      productIndex,
      quantity,
      priceCents: products[productIndex]!.priceCents,
    }));

    const ageDays = (now - createdAt) / DAY;
    const status: GenOrderStatus =
      o < 6
        ? o % 2 === 0
          ? 'paid'
          : 'processing'
        : ageDays < 2
          ? weighted(rng, [
              ['paid', 6],
              ['processing', 4],
            ])
          : ageDays < 8
            ? weighted(rng, [
                ['processing', 2],
                ['shipped', 7],
                ['cancelled', 1],
              ])
            : weighted(rng, [
                ['delivered', 92],
                ['cancelled', 5],
                ['shipped', 3],
              ]);

    const shop = shops[shopIndex]!;
    const subtotal = items.reduce((sum, it) => sum + it.priceCents * it.quantity, 0);
    const shipping = shop.freeOverCents !== null && subtotal >= shop.freeOverCents ? 0 : shop.flatRateCents;
    const buyer = buyers[buyerIndex]!;
    const tax = buyer.address.country === 'US' ? Math.round((subtotal * 725) / 10_000) : 0;

    const history: GenOrder['history'] = [{ status: 'paid', at: createdAt, note: null }];
    const step = (prev: number, minH: number, maxH: number) => Math.min(now, prev + rng.int(minH, maxH) * 3_600_000);
    let carrier: string | null = null;
    let tracking: string | null = null;
    if (status === 'cancelled') {
      history.push({
        status: 'cancelled',
        at: step(createdAt, 1, 48),
        note: rng.pick(['Cancelled at buyer request', 'Item damaged before dispatch', null]),
      });
    } else if (status !== 'paid') {
      const processing = step(createdAt, 2, 30);
      history.push({ status: 'processing', at: processing, note: null });
      if (status === 'shipped' || status === 'delivered') {
        const shipped = step(processing, 12, 24 * shop.processingDays + 12);
        carrier = shop.locale === 'uk' ? rng.pick(['Royal Mail', 'Evri', 'DPD']) : rng.pick(['USPS', 'UPS', 'FedEx']);
        tracking = `${carrier.slice(0, 2).toUpperCase()}${rng.int(100_000_000, 999_999_999)}${shop.locale === 'uk' ? 'GB' : 'US'}`;
        history.push({ status: 'shipped', at: shipped, note: `Shipped with ${carrier}` });
        if (status === 'delivered') history.push({ status: 'delivered', at: step(shipped, 24, 24 * 6), note: null });
      }
    }

    cat.orders.push({
      buyerIndex,
      shopIndex,
      status,
      createdAt,
      items,
      firstItemIndex: itemCursor,
      subtotalCents: subtotal,
      shippingCents: shipping,
      taxCents: tax,
      totalCents: subtotal + shipping + tax,
      history,
      carrier,
      trackingNumber: tracking,
    });

    if (status === 'delivered') {
      const deliveredAt = history[history.length - 1]!.at;
      items.forEach((it, k) => {
        if (!rng.chance(0.55)) return;
        const rating = weighted(rng, [
          [5, 66],
          [4, 21],
          [3, 8],
          [2, 3],
          [1, 2],
        ]);
        const p = products[it.productIndex]!;
        const itemWord = spell(leaves[p.leafSlug]!.items[0]!, buyer.locale);
        cat.reviews.push({
          itemIndex: itemCursor + k,
          orderIndex: o,
          productIndex: it.productIndex,
          shopIndex,
          buyerIndex,
          rating,
          text: spell(rng.pick(reviewTexts[rating]!).replaceAll('{item}', itemWord), buyer.locale),
          reply: rng.chance(0.3) ? rng.pick(rating >= 4 ? sellerReplies.slice(0, 2) : sellerReplies.slice(2)) : null,
          createdAt: Math.min(now, deliveredAt + rng.int(6, 24 * 14) * 3_600_000),
        });
      });
    }
    itemCursor += items.length;
  }

  // Favourites and views: each buyer browses popular things, some recently (trending signal).
  buyers.forEach((buyer, b) => {
    const favCount = b === 0 ? 14 : rng.int(1, 12);
    const seenFav = new Set<number>();
    for (let k = 0; k < favCount; k++) {
      const p = viewPicker.draw(rng);
      if (p < 0 || seenFav.has(p)) continue;
      seenFav.add(p);
      const from = Math.max(products[p]!.createdAt, buyer.createdAt);
      cat.favoriteProducts.push({ buyerIndex: b, productIndex: p, at: from + Math.floor(rng.next() * (now - from)) });
    }
    const shopFavs = new Set<number>();
    for (let k = rng.int(0, b === 0 ? 5 : 3); k > 0; k--) {
      const p = viewPicker.draw(rng);
      if (p >= 0) shopFavs.add(products[p]!.shopIndex);
    }
    for (const s of shopFavs) cat.favoriteShops.push({ buyerIndex: b, shopIndex: s, at: now - rng.int(1, 300) * DAY });

    const viewCount = b === 0 ? 30 : rng.int(3, 25);
    const seenView = new Set<number>();
    for (let k = 0; k < viewCount; k++) {
      const p = viewPicker.draw(rng);
      if (p < 0 || seenView.has(p)) continue;
      seenView.add(p);
      const recent = rng.chance(0.6);
      const at = Math.max(
        products[p]!.createdAt,
        now - (recent ? rng.int(1, 7 * 24) : rng.int(7 * 24, 90 * 24)) * 3_600_000,
      );
      cat.views.push({
        buyerIndex: b,
        productIndex: p,
        count: weighted(rng, [
          [1, 6],
          [2, 2],
          [3, 1],
          [5, 1],
        ]),
        at,
      });
    }
  });
}

function pickFromShop(rng: Rng, list: number[]): number {
  return list.length ? rng.pick(list) : -1;
}

/** Ratings, review/sales/favourite counts from the rows, the way the live services keep them. */
function computeAggregates(cat: GenCatalogue): void {
  const productSums = new Float64Array(cat.products.length);
  const shopSums = new Float64Array(cat.shops.length);
  for (const r of cat.reviews) {
    productSums[r.productIndex]! += r.rating;
    cat.products[r.productIndex]!.reviewCount++;
    shopSums[r.shopIndex]! += r.rating;
    cat.shops[r.shopIndex]!.reviewCount++;
  }
  cat.products.forEach((p, i) => {
    p.rating = p.reviewCount ? roundRating(productSums[i]!, p.reviewCount) : 0;
  });
  cat.shops.forEach((s, i) => {
    s.rating = s.reviewCount ? roundRating(shopSums[i]!, s.reviewCount) : 0;
  });
  // Sales: units in orders that were not cancelled.
  for (const o of cat.orders) {
    if (o.status === 'cancelled') continue;
    for (const it of o.items) {
      cat.products[it.productIndex]!.salesCount += it.quantity;
      cat.shops[o.shopIndex]!.salesCount += it.quantity;
    }
  }
  for (const f of cat.favoriteProducts) cat.products[f.productIndex]!.favoriteCount++;
  for (const f of cat.favoriteShops) cat.shops[f.shopIndex]!.favoriteCount++;
}

/** round(avg, 2) as Postgres computes it on numeric (half away from zero). */
function roundRating(sum: number, count: number): number {
  return Math.round((sum * 100) / count) / 100;
}

export type { LeafVocab };
