// schema.org JSON-LD for the public pages: what search engines read for rich results. Built from
// the same DTOs the pages show, so the markup and the page never disagree on price or stock.
import { listingPath } from '../../shared/listing-url';
import type { ProductDto } from '../../shared/schemas/catalog';
import type { ShopDto } from '../../shared/schemas/shops';

export const CURRENCY = 'USD';

export function priceAmount(cents: number): string {
  return (cents / 100).toFixed(2);
}

export interface Crumb {
  name: string;
  /** Absolute URL. */
  url: string;
}

export function breadcrumbList(crumbs: Crumb[]): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: c.url })),
  };
}

/** Availability as schema.org names it: archived listings are discontinued, held ones limited. */
export function offerAvailability(product: Pick<ProductDto, 'status' | 'available'>): string {
  if (product.status === 'archived') return 'https://schema.org/Discontinued';
  return product.available > 0 ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock';
}

export function productJsonLd(product: ProductDto, origin: string, absolute: (src: string) => string): object {
  const url = origin + listingPath(product.id, product.title);
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    '@id': `${url}#product`,
    name: product.title,
    description: product.description,
    sku: String(product.id),
    url,
    image: product.images.map(absolute),
    category: product.category.name,
    ...(product.materials.length ? { material: product.materials.join(', ') } : {}),
    brand: { '@type': 'Brand', name: product.shop.name },
    offers: {
      '@type': 'Offer',
      url,
      price: priceAmount(product.priceCents),
      priceCurrency: CURRENCY,
      availability: offerAvailability(product),
      itemCondition: product.isVintage ? 'https://schema.org/UsedCondition' : 'https://schema.org/NewCondition',
      seller: { '@type': 'Organization', name: product.shop.name, url: `${origin}/shop/${product.shop.slug}` },
    },
    ...(product.reviewCount > 0
      ? {
          aggregateRating: {
            '@type': 'AggregateRating',
            ratingValue: Number(product.rating.toFixed(2)),
            reviewCount: product.reviewCount,
            bestRating: 5,
            worstRating: 1,
          },
        }
      : {}),
  };
}

export function shopJsonLd(shop: ShopDto, origin: string, absolute: (src: string) => string): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: shop.name,
    url: `${origin}/shop/${shop.slug}`,
    ...(shop.logoUrl ? { logo: absolute(shop.logoUrl) } : {}),
    ...(shop.tagline ? { slogan: shop.tagline } : {}),
  };
}

/** Home: who runs the site, and the search box search engines may show under the result. */
export function siteJsonLd(origin: string): object[] {
  return [
    {
      '@context': 'https://schema.org',
      '@type': 'Organization',
      '@id': `${origin}/#organization`,
      name: 'Hearth',
      url: `${origin}/`,
    },
    {
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      '@id': `${origin}/#website`,
      name: 'Hearth',
      url: `${origin}/`,
      publisher: { '@id': `${origin}/#organization` },
      potentialAction: {
        '@type': 'SearchAction',
        target: { '@type': 'EntryPoint', urlTemplate: `${origin}/search?q={search_term_string}` },
        'query-input': 'required name=search_term_string',
      },
    },
  ];
}
