// The search sidebar as a shopper reads it: which categories a search can be narrowed to (with how
// many listings each), and what a typed price range means.
import { describe, expect, test } from 'bun:test';
import { renderToStaticMarkup } from 'react-dom/server';
import type { CategoryNode } from '../../shared/schemas/catalog';
import { priceRanges, type SearchProductsResult } from '../../shared/schemas/search';
import { Facets } from './search-facets';

const leaf = (slug: string, name: string): CategoryNode => ({ slug, name, children: [] });
const tree: CategoryNode[] = [
  {
    slug: 'clothing',
    name: 'Clothing',
    children: [leaf('sweaters', 'Sweaters & Jumpers'), leaf('dresses', 'Dresses')],
  },
  { slug: 'vintage', name: 'Vintage', children: [leaf('vintage-clothing', 'Vintage Clothing')] },
  { slug: 'furniture', name: 'Furniture', children: [leaf('sofas', 'Sofas & Couches')] },
];

/** What the engines answer for "jumper": counts per leaf category. */
function result(categories: [string, number][]): SearchProductsResult {
  return {
    hits: [],
    total: categories.reduce((n, [, c]) => n + c, 0),
    page: 1,
    pageSize: 24,
    facets: {
      categories: categories.map(([value, count]) => ({ value, label: value, count })),
      priceRanges: priceRanges.map((r) => ({ ...r, count: 0 })),
      isVintage: [],
      materials: [],
      colours: [],
    },
    engine: 'meilisearch',
    partial: null,
    suggestion: null,
    tookMs: 1,
  };
}

/** The category choices as text, e.g. "All categories | Clothing 4 | Vintage 2". */
function categoryChoices(params: string, counts: [string, number][]): string {
  const html = renderToStaticMarkup(
    <Facets result={result(counts)} tree={tree} params={new URLSearchParams(params)} update={() => {}} />,
  );
  const fieldset = html.slice(0, html.indexOf('</fieldset>'));
  return [...fieldset.matchAll(/<label[^>]*>(.*?)<\/label>/g)]
    .map((m) =>
      m[1]
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .replaceAll('&amp;', '&')
        .trim(),
    )
    .join(' | ');
}

describe('category facet', () => {
  test('a text search offers the departments its results are in, with their totals', () => {
    expect(
      categoryChoices('q=jumper', [
        ['sweaters', 4],
        ['vintage-clothing', 2],
      ]),
    ).toBe('All categories | Clothing 4 | Vintage 2');
  });

  test('inside a department, its subcategories with their own counts', () => {
    expect(
      categoryChoices('q=jumper&category=clothing', [
        ['sweaters', 4],
        ['dresses', 1],
      ]),
    ).toBe('All categories | All Clothing 5 | Sweaters & Jumpers 4 | Dresses 1');
  });
});

describe('price facet', () => {
  /** The price choices ticked in the rendered facets, e.g. ["Under $25"]. */
  function tickedPrices(params: string): string[] {
    const html = renderToStaticMarkup(
      <Facets result={result([])} tree={tree} params={new URLSearchParams(params)} update={() => {}} />,
    );
    return [...html.matchAll(/<input type="radio" name="price" checked=""[^>]*><span>([^<]*)<\/span>/g)].map((m) =>
      m[1].replaceAll('&amp;', '&'),
    );
  }

  test('the range the address asks for is ticked', () => {
    expect(tickedPrices('price=under-25')).toEqual(['Under $25']);
    expect(tickedPrices('')).toEqual(['Any price']);
  });

  test('a range the search refused is not shown as chosen, so picking it applies it (decision 0160)', () => {
    // "Minimum price ($50.00) is more than the maximum ($24.99).": searched at every price.
    expect(tickedPrices('price=under-25&min=5000')).toEqual([]);
    expect(tickedPrices('price=under-25&max=100000001')).toEqual([]);
  });
});
