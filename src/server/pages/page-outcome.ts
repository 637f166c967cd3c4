// What the server answers for a page address, before any HTML: a redirect (old or stale listing
// URLs), or a status, a <head> and a caching class. The route table is the browser's own
// (client/router.tsx), so the server says 404 exactly where the browser shows "not found".
// Data comes through `PageData`: the server renderer backs it with the request's in-process tRPC
// client and query cache, so the head and the page's loaders share one procedure call.
import { matchRoutes } from 'react-router';
import { DEFAULT_DESCRIPTION, pageTitle } from '../../client/lib/page-meta';
import { routes } from '../../client/router';
import { listingIdFrom, listingPath, listingSlug } from '../../shared/listing-url';
import type { CategoryNode, ProductDto } from '../../shared/schemas/catalog';
import type { ShopDto } from '../../shared/schemas/shops';
import { canonicalSearchQuery, readSearchUrl, searchFormQuery, searchPageTitle } from '../../shared/search-url';
import { type PageHead, summarise } from './page-head';
import {
  breadcrumbList,
  type Crumb,
  CURRENCY,
  priceAmount,
  productJsonLd,
  shopJsonLd,
  siteJsonLd,
} from './structured-data';

export interface PageData {
  /** null when there is no such listing. */
  product(productId: number): Promise<ProductDto | null>;
  shop(slug: string): Promise<ShopDto | null>;
  categories(): Promise<CategoryNode[]>;
}

/**
 * `public`: the same HTML for every anonymous visitor, shareable by a CDN. `private`: depends on
 * who asks or must not be stored (signed-in pages, errors).
 */
export type CacheClass = 'public' | 'private';

export type PageOutcome =
  | { kind: 'redirect'; status: 301; location: string }
  | {
      kind: 'page';
      status: 200 | 400 | 404 | 410;
      head: PageHead;
      cache: CacheClass;
      route: PublicRoute | null;
      /**
       * Set when the page's content is this data (a listing): the validator can be computed, and
       * the head sent, before the page is rendered.
       */
      fingerprint?: string;
    };

export type PublicRoute = 'home' | 'search' | 'category' | 'listing' | 'shop';

const NOT_INDEXED = 'noindex, follow';

/** A page the browser renders for whoever asks, kept out of search engines and shared caches. */
function privatePage(status: 200 | 404, title: string | null): PageOutcome {
  return {
    kind: 'page',
    status,
    head: { title: pageTitle(title), description: DEFAULT_DESCRIPTION, robots: 'noindex' },
    cache: 'private',
    route: null,
  };
}

function notFound(title = 'Page not found'): PageOutcome {
  return privatePage(404, title);
}

export function absoluteUrl(origin: string, src: string): string {
  return /^https?:\/\//.test(src) ? src : `${origin}${src.startsWith('/') ? '' : '/'}${src}`;
}

function findCategory(
  tree: CategoryNode[],
  slug: string,
): { department: CategoryNode; leaf: CategoryNode | null } | null {
  for (const top of tree) {
    if (top.slug === slug) return { department: top, leaf: null };
    const leaf = top.children.find((c) => c.slug === slug);
    if (leaf) return { department: top, leaf };
  }
  return null;
}

function categoryCrumbs(origin: string, tree: CategoryNode[], slug: string): Crumb[] {
  const where = findCategory(tree, slug);
  if (!where) return [];
  const crumbs = [
    { name: 'Home', url: `${origin}/` },
    { name: where.department.name, url: `${origin}/search?category=${where.department.slug}` },
  ];
  if (where.leaf) crumbs.push({ name: where.leaf.name, url: `${origin}/search?category=${where.leaf.slug}` });
  return crumbs;
}

async function listingOutcome(url: URL, rawId: string | undefined, slug: string | undefined, data: PageData) {
  const id = listingIdFrom(rawId);
  if (id === null) return notFound('Listing not found');
  const product = await data.product(id);
  if (!product) return notFound('Listing not found');
  const path = listingPath(product.id, product.title);
  if (url.pathname !== path || slug !== listingSlug(product.title))
    return { kind: 'redirect', status: 301, location: path + url.search } satisfies PageOutcome;
  const origin = url.origin;
  const image = product.images[0] ? absoluteUrl(origin, product.images[0]) : undefined;
  const archived = product.status === 'archived';
  // The shop beside the buy box (vacation, policies) is part of what the page shows: its validator
  // covers it too. The page's loader reads it from the same query cache.
  const [tree, shop] = await Promise.all([data.categories(), data.shop(product.shop.slug)]);
  const crumbs = categoryCrumbs(origin, tree, product.category.slug);
  crumbs.push({ name: product.title, url: origin + path });
  const head: PageHead = {
    title: pageTitle(product.title),
    description: summarise(
      `${product.title} by ${product.shop.name}: ${product.description || 'handmade and vintage goods on Hearth.'}`,
    ),
    canonical: origin + path,
    ...(product.images[0] ? { preloadImage: product.images[0] } : {}),
    openGraph: {
      type: 'product',
      image,
      imageAlt: product.title,
      price: { amount: priceAmount(product.priceCents), currency: CURRENCY },
    },
    // An archived listing answers 410 with the page (and similar items) for people who follow an
    // old link; search engines drop it.
    ...(archived
      ? { robots: 'noindex' }
      : {
          jsonLd: [
            productJsonLd(product, origin, (src) => absoluteUrl(origin, src)),
            ...(crumbs.length > 1 ? [breadcrumbList(crumbs)] : []),
          ],
        }),
  };
  return {
    kind: 'page',
    status: archived ? 410 : 200,
    head,
    cache: 'public',
    route: 'listing',
    fingerprint: JSON.stringify([product, shop]),
  } satisfies PageOutcome;
}

async function shopOutcome(url: URL, slug: string | undefined, data: PageData): Promise<PageOutcome> {
  if (!slug || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/i.test(slug) || slug.length > 60) return notFound('Shop not found');
  const shop = await data.shop(slug);
  if (!shop) return notFound('Shop not found');
  const origin = url.origin;
  const canonical = `${origin}/shop/${shop.slug}`;
  const head: PageHead = {
    title: pageTitle(shop.name),
    description: summarise(shop.tagline || shop.description || `${shop.name} on Hearth: handmade and vintage goods.`),
    canonical,
    openGraph: {
      type: 'profile',
      image:
        shop.bannerUrl || shop.logoUrl ? absoluteUrl(origin, (shop.bannerUrl || shop.logoUrl) as string) : undefined,
      imageAlt: shop.name,
    },
    jsonLd: [
      shopJsonLd(shop, origin, (src) => absoluteUrl(origin, src)),
      breadcrumbList([
        { name: 'Home', url: `${origin}/` },
        { name: shop.name, url: canonical },
      ]),
    ],
  };
  return { kind: 'page', status: 200, head, cache: 'public', route: 'shop' };
}

async function searchOutcome(url: URL, data: PageData): Promise<PageOutcome> {
  // The filter form submitted without JavaScript: on to the address it means (an address with
  // unreadable prices kept as typed means itself: the page renders and says what is wrong).
  const submitted = searchFormQuery(url.searchParams);
  if (submitted !== null && submitted !== url.search)
    return { kind: 'redirect', status: 301, location: `/search${submitted}` };
  const read = readSearchUrl(url.searchParams);
  if (!read.ok) {
    return {
      kind: 'page',
      status: read.status,
      head: {
        title: pageTitle(read.title),
        description: read.message,
        robots: 'noindex',
      },
      cache: 'private',
      route: null,
    };
  }
  const { input, page } = read;
  const origin = url.origin;
  const canonical = `${origin}/search${canonicalSearchQuery(url.searchParams)}`;
  const tree = await data.categories();
  const where = input.category ? findCategory(tree, input.category) : null;
  if (input.category && !where) return notFound('Category not found');
  const category = where ? (where.leaf ?? where.department) : null;
  if (input.q) {
    return {
      kind: 'page',
      status: 200,
      head: {
        title: pageTitle(searchPageTitle(input.q, category?.name, page)),
        description: summarise(`Handmade and vintage ${input.q} from independent makers on Hearth.`),
        canonical,
        robots: NOT_INDEXED,
      },
      cache: 'public',
      route: 'search',
    };
  }
  if (category && where) {
    return {
      kind: 'page',
      status: 200,
      head: {
        title: pageTitle(searchPageTitle(undefined, category.name, page)),
        description: summarise(
          `Shop handmade and vintage ${category.name.toLowerCase()} from independent makers on Hearth${where.leaf ? `, in ${where.department.name}` : ''}.`,
        ),
        canonical,
        openGraph: { type: 'website' },
        jsonLd: [breadcrumbList(categoryCrumbs(origin, tree, category.slug))],
      },
      cache: 'public',
      route: 'category',
    };
  }
  return {
    kind: 'page',
    status: 200,
    head: {
      title: pageTitle(searchPageTitle(undefined, undefined, page)),
      description: 'Browse every handmade and vintage listing on Hearth, from independent makers.',
      canonical,
      openGraph: { type: 'website' },
    },
    cache: 'public',
    route: 'search',
  };
}

/** The answer for a GET of a page address. */
export async function pageOutcome(url: URL, data: PageData): Promise<PageOutcome> {
  const matches = matchRoutes(routes, url.pathname);
  const leaf = matches?.at(-1);
  if (!leaf || leaf.route.path === '*') return notFound();
  const path = leaf.route.path;
  if (leaf.route.index && matches?.length === 2) {
    return {
      kind: 'page',
      status: 200,
      head: {
        title: pageTitle(null),
        description:
          'Handmade and vintage goods from independent makers: ceramics, knitwear, jewellery, furniture and more.',
        canonical: `${url.origin}/`,
        openGraph: { type: 'website' },
        jsonLd: siteJsonLd(url.origin),
      },
      cache: 'public',
      route: 'home',
    };
  }
  if (path === 'listing/:productId/:slug?' || path === 'product/:productId')
    return listingOutcome(url, leaf.params.productId, leaf.params.slug, data);
  if (path === 'shop/:slug') return shopOutcome(url, leaf.params.slug, data);
  if (path === 'search') return searchOutcome(url, data);
  // Cart, checkout, orders, the dashboard, sign-in…: rendered in the browser for whoever is signed in.
  return privatePage(200, null);
}
