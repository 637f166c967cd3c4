// The home feed and "also bought". Personal sections come from a shopper's own signals
// (favourites, purchases, views); without enough of them the feed shows what is trending.
// Each section says why it is there, and no product appears in two sections.
import { DomainError } from '../../../shared/errors';
import { formatWholeUnits } from '../../../shared/money';
import type { ProductCard } from '../../../shared/schemas/catalog';
import type { AlsoBoughtDto, FeedHomeDto, FeedSection } from '../../../shared/schemas/feed';
import type { DbOrTx } from '../../db/kysely';
import type { AppDeps } from '../../deps';
import type { SessionUser } from '../auth/auth.session';
import { toProductCard } from '../catalog/catalog.mapper';
import {
  type CandidateFilter,
  cardsByIds,
  categoryName,
  coPurchasedProductIds,
  departmentsOf,
  findSeedProduct,
  newestProducts,
  newFromFollowedShops,
  productsInCategory,
  recentFavorites,
  recentPurchases,
  type Seed,
  similarProducts,
  trendingProducts,
} from './feed.repository';
import { readHomeFeed, writeHomeFeed } from './feed-cache';
import { recentViews } from './product-views.repository';

const SECTION_SIZE = 8;
const TRENDING_SIZE = 12;
const NEW_LISTING_DAYS = 30;
/** A favourite or purchase counts this much; each recently viewed product counts 1. */
const STRONG_SIGNAL_WEIGHT = 3;
const PERSONAL_THRESHOLD = 3;

interface SignalProduct {
  id: number;
  title: string;
  status: 'active' | 'archived';
  category_id: number;
  tags: string[];
  materials: string[];
  price_cents: number;
}

interface Signals {
  favorites: SignalProduct[];
  purchases: SignalProduct[];
  views: (Omit<SignalProduct, 'status'> & { view_count: number })[];
}

function seedOf(p: Omit<SignalProduct, 'status' | 'id' | 'title'>): Seed {
  return { categoryId: p.category_id, tags: p.tags, materials: p.materials, priceCents: p.price_cents };
}

async function loadSignals(db: DbOrTx, userId: number): Promise<Signals> {
  return {
    favorites: await recentFavorites(db, userId, 200),
    purchases: await recentPurchases(db, userId, 100),
    views: await recentViews(db, userId, 50),
  };
}

function signalStrength(s: Signals): number {
  return STRONG_SIGNAL_WEIGHT * (s.favorites.length + s.purchases.length) + s.views.length;
}

/**
 * Listings the shopper looked at, saved or bought in one category before the feed says they "often
 * look at" it and names their "usual" range: one or two views minutes after signing up are not a
 * habit, and the sentence must not claim one.
 */
export const HABIT_MIN_LISTINGS = 3;

type Taste = { categoryId: number; band: { lo: number; hi: number }; listingsSeen: number };

/** The category with the most weight across signals, and the user's usual price band in it. */
function tasteProfile(s: Signals): Taste | null {
  const weights = new Map<number, number>();
  const seen = new Map<number, Set<number>>();
  const prices: { price: number; weight: number }[] = [];
  const add = (p: { id: number; category_id: number; price_cents: number }, weight: number) => {
    weights.set(p.category_id, (weights.get(p.category_id) ?? 0) + weight);
    seen.set(p.category_id, (seen.get(p.category_id) ?? new Set()).add(p.id));
    prices.push({ price: p.price_cents, weight });
  };
  for (const p of s.favorites) add(p, STRONG_SIGNAL_WEIGHT);
  for (const p of s.purchases) add(p, STRONG_SIGNAL_WEIGHT);
  for (const p of s.views) add(p, Math.min(p.view_count, 2));
  const top = [...weights.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  if (!top) return null;
  return { categoryId: top[0], band: priceBand(prices), listingsSeen: seen.get(top[0])?.size ?? 0 };
}

/**
 * Weighted 20th–80th percentile of the prices, widened so a band of one price still has room, then
 * rounded outwards to bounds a shopper would say ($3–$150, not $3.00–$142.39). The rounded band is
 * also what the section's listings are picked from, so the sentence is true of every card.
 */
function priceBand(prices: { price: number; weight: number }[]): { lo: number; hi: number } {
  const sorted = [...prices].sort((a, b) => a.price - b.price);
  const total = sorted.reduce((sum, p) => sum + p.weight, 0);
  const at = (q: number) => {
    let acc = 0;
    for (const p of sorted) {
      acc += p.weight;
      if (acc >= q * total) return p.price;
    }
    return sorted.at(-1)?.price ?? 0;
  };
  const lo = Math.floor(at(0.2) * 0.6);
  const hi = Math.ceil(at(0.8) * 1.6);
  return { lo: roundPrice(lo, Math.floor), hi: Math.max(roundPrice(hi, Math.ceil), 100) };
}

/** To a round step for its size, in cents: $1 under $20, $5 under $100, $10 under $1,000, else $50. */
export function roundPrice(cents: number, round: (x: number) => number): number {
  const step = cents < 2_000 ? 100 : cents < 10_000 ? 500 : cents < 100_000 ? 1_000 : 5_000;
  return round(cents / step) * step;
}

/**
 * The widest band (top over bottom) still called "near the prices you looked at": a listing at $20
 * and one at $200 looked at give $20–$320, which is the whole shelf, not near anything.
 */
export const NEAR_BAND_MAX_RATIO = 3;

/**
 * Why "More in <category>" is shown: a habit only when there is one (HABIT_MIN_LISTINGS), and
 * "near the prices you looked at" only for a narrow band (NEAR_BAND_MAX_RATIO; decision 0193).
 */
export function moreInCategoryReason(category: string, taste: Pick<Taste, 'band' | 'listingsSeen'>): string {
  const range = `${formatWholeUnits(taste.band.lo)}–${formatWholeUnits(taste.band.hi)}`;
  if (taste.listingsSeen >= HABIT_MIN_LISTINGS)
    return `You often look at ${category}; these are in your usual ${range} range.`;
  const near = taste.band.hi <= taste.band.lo * NEAR_BAND_MAX_RATIO;
  return near
    ? `Because you looked at ${category}: more from ${range}, near the prices you looked at.`
    : `Because you looked at ${category}: more from ${range}.`;
}

class SectionBuilder {
  readonly sections: FeedSection[] = [];
  private readonly shown = new Set<number>();

  constructor(
    private readonly hidden: number[],
    private readonly excludeShopId: number | null,
  ) {}

  filter(limit = SECTION_SIZE): CandidateFilter {
    return { excludeIds: [...this.hidden, ...this.shown], excludeShopId: this.excludeShopId, limit };
  }

  add(section: Omit<FeedSection, 'products'>, cards: ProductCard[]) {
    const fresh = cards.filter((c) => !this.shown.has(c.id));
    if (fresh.length === 0) return;
    for (const c of fresh) this.shown.add(c.id);
    this.sections.push({ ...section, products: fresh });
  }
}

async function personalSections(deps: AppDeps, user: SessionUser, signals: Signals): Promise<FeedSection[]> {
  const db = deps.readDb;
  // Personal sections never suggest what the shopper already favourited or bought.
  const hidden = [...new Set([...signals.favorites, ...signals.purchases].map((p) => p.id))];
  const b = new SectionBuilder(hidden, user.shopId);

  const seeds = signals.favorites.filter((p) => p.status === 'active').slice(0, 2);
  for (const seed of seeds) {
    const rows = await similarProducts(db, seedOf(seed), b.filter());
    const seedCategory = await categoryName(db, seed.category_id);
    b.add(
      {
        key: `because-favorited:${seed.id}`,
        kind: 'because-favorited',
        title: `Because you favourited ${seed.title}`,
        reason: 'Similar in category, materials and price to something you saved.',
        seeMore: seedCategory ? `/search?category=${seedCategory.slug}` : null,
      },
      rows.map(toProductCard),
    );
  }
  const bought = seeds.length === 0 ? signals.purchases[0] : undefined;
  if (bought) {
    const rows = await similarProducts(db, seedOf(bought), b.filter());
    const boughtCategory = await categoryName(db, bought.category_id);
    b.add(
      {
        key: `because-bought:${bought.id}`,
        kind: 'because-bought',
        title: `Because you bought ${bought.title}`,
        reason: 'Similar in category, materials and price to something you ordered.',
        seeMore: boughtCategory ? `/search?category=${boughtCategory.slug}` : null,
      },
      rows.map(toProductCard),
    );
  }

  const taste = tasteProfile(signals);
  const category = taste ? await categoryName(db, taste.categoryId) : undefined;
  if (taste && category) {
    const rows = await productsInCategory(db, taste.categoryId, taste.band, b.filter());
    b.add(
      {
        key: `more-in-category:${category.slug}`,
        kind: 'more-in-category',
        title: `More in ${category.name}`,
        seeMore: `/search?category=${category.slug}`,
        reason: moreInCategoryReason(category.name, taste),
      },
      rows.map(toProductCard),
    );
  }

  const fromShops = await newFromFollowedShops(db, user.id, NEW_LISTING_DAYS, b.filter());
  b.add(
    {
      key: 'new-from-shops',
      kind: 'new-from-shops',
      title: 'New from your favourite shops',
      reason: `Listed in the last ${NEW_LISTING_DAYS} days by shops you favourited.`,
      seeMore: '/favorites',
    },
    fromShops.map(toProductCard),
  );

  if (b.sections.length === 0) return [];
  // Keep the page full: what is popular right now, minus anything already shown.
  b.add(trendingSection(), (await trendingProducts(db, b.filter(TRENDING_SIZE))).map(toProductCard));
  return b.sections;
}

function trendingSection(): Omit<FeedSection, 'products'> {
  return {
    key: 'trending',
    kind: 'trending',
    title: 'Trending now',
    reason: 'Popular on Hearth in the last few days: recent sales, favourites and views.',
    // Trending has no search of its own; a plain /search link would promise what it cannot show.
    seeMore: null,
  };
}

async function coldStartSections(deps: AppDeps, user: SessionUser | null): Promise<FeedSection[]> {
  const b = new SectionBuilder([], user?.shopId ?? null);
  b.add(trendingSection(), (await trendingProducts(deps.readDb, b.filter(TRENDING_SIZE))).map(toProductCard));
  if (b.sections.length === 0) {
    // A brand-new marketplace has no trend yet: show what just arrived instead.
    b.add(
      {
        key: 'fresh',
        kind: 'fresh',
        title: 'Fresh from the workshop',
        reason: 'The newest listings on Hearth.',
        seeMore: '/search?sort=newest',
      },
      (await newestProducts(deps.readDb, b.filter(TRENDING_SIZE))).map(toProductCard),
    );
  }
  return b.sections;
}

export async function homeFeed(deps: AppDeps, user: SessionUser | null): Promise<FeedHomeDto> {
  const userId = user?.id ?? null;
  const cached = await readHomeFeed(deps, userId);
  if (cached) return cached;
  let feed: FeedHomeDto | null = null;
  if (user) {
    const signals = await loadSignals(deps.readDb, user.id);
    if (signalStrength(signals) >= PERSONAL_THRESHOLD) {
      const sections = await personalSections(deps, user, signals);
      if (sections.length > 0) feed = { personal: true, sections };
    }
  }
  feed ??= { personal: false, sections: await coldStartSections(deps, user) };
  await writeHomeFeed(deps, userId, feed);
  return feed;
}

const MIN_CO_PURCHASES = 4;
const MIN_BUYERS_ACROSS_DEPARTMENTS = 2;

export async function alsoBought(
  deps: AppDeps,
  viewer: SessionUser | null,
  productId: number,
  limit = SECTION_SIZE,
): Promise<AlsoBoughtDto> {
  const product = await findSeedProduct(deps.readDb, productId);
  if (!product) throw new DomainError('NOT_FOUND', 'Listing not found.');
  const filter: CandidateFilter = { excludeIds: [productId], excludeShopId: null, limit };
  const coPurchased = await coPurchasedProductIds(deps.readDb, productId, viewer?.id ?? null, limit * 3);
  // One shared buyer is a coincidence when the items have nothing in common (a platter and a cat
  // toy): outside the product's department, a co-purchase counts only when several buyers agree.
  const departments = await departmentsOf(deps.readDb, [productId, ...coPurchased.map((r) => r.product_id)]);
  const home = departments.get(productId);
  const ranked = coPurchased.filter(
    (r) => departments.get(r.product_id) === home || r.buyers >= MIN_BUYERS_ACROSS_DEPARTMENTS,
  );
  const rank = new Map(ranked.map((r, i) => [r.product_id, i]));
  const cards = (
    await cardsByIds(
      deps.readDb,
      ranked.map((r) => r.product_id),
      filter,
    )
  )
    .sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0))
    .slice(0, limit)
    .map(toProductCard);
  if (cards.length >= Math.min(MIN_CO_PURCHASES, limit)) return { products: cards, source: 'co-purchase' };

  const similar = await similarProducts(deps.readDb, seedOf(product), {
    ...filter,
    excludeIds: [productId, ...cards.map((c) => c.id)],
    limit: limit - cards.length,
  });
  return {
    products: [...cards, ...similar.map(toProductCard)],
    source: cards.length === 0 ? 'similar' : 'mixed',
  };
}
