// Every typeahead suggestion is a link the server accepts: a category suggestion's value filters
// search.products, a shop suggestion's value opens shops.bySlug. (The client once built category
// slugs from names, so "Sweaters & Jumpers" became 'sweaters-jumpers' and an error page.)
import { beforeAll, describe, expect, test } from 'bun:test';
import type { SearchSuggestion } from '../../../shared/schemas/search';
import { anonymousCaller } from '../../test/factories';
import { testDeps } from '../../test/test-services';
import { waitUntil } from '../../test/wait-until';
import { allSearchCategories } from './search-categories';
import { ensureSearchIndex } from './search-index';
import { shopWith, syncSearch } from './search-test-fixtures';

// The index settings (filterable attributes) must be in place whichever test file runs first.
beforeAll(() => ensureSearchIndex(testDeps()));

const listing = { priceCents: 2500, quantity: 3, materials: ['wool'], tags: ['gift'] };

/** Every prefix a shopper could type for a name: each word, from 2 letters to the whole word. */
function prefixesOf(name: string): string[] {
  const out = new Set<string>();
  for (const word of name.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 2)) {
    for (let n = 2; n <= word.length; n++) out.add(word.slice(0, n));
  }
  return [...out];
}

async function suggestionsFor(prefixes: string[], deps = testDeps()): Promise<SearchSuggestion[]> {
  const { caller } = anonymousCaller(deps);
  const all = new Map<string, SearchSuggestion>();
  for (const q of prefixes) {
    for (const s of (await caller.search.suggest({ q })).suggestions) all.set(`${s.kind}:${s.value}`, s);
  }
  return [...all.values()];
}

describe('typeahead suggestions are links the server accepts', () => {
  test('every category suggestion opens its category in search, and every category can be suggested', async () => {
    const categories = allSearchCategories();
    const suggested = (await suggestionsFor(categories.flatMap((c) => prefixesOf(c.name)))).filter(
      (s) => s.kind === 'category',
    );
    // All 80-odd categories are reachable from the typeahead...
    const reached = new Set(suggested.map((s) => s.value));
    expect(categories.filter((c) => !reached.has(c.slug)).map((c) => c.name)).toEqual([]);
    // ...and following each one gives results, not an error.
    const { caller } = anonymousCaller();
    for (const s of suggested) {
      const result = await caller.search.products({ category: s.value, pageSize: 1 });
      expect(result.total).toBeGreaterThanOrEqual(0);
      expect(categories.find((c) => c.slug === s.value)?.name).toBe(s.text);
    }
  }, 120_000);

  test('every shop suggestion opens that shop, on Meilisearch and on the Postgres fallback', async () => {
    const first = await shopWith([{ ...listing, title: 'Thrown mug', categorySlug: 'mugs' }]);
    const second = await shopWith([{ ...listing, title: 'Knitted hat', categorySlug: 'hats' }]);
    // Every factory shop is called "Shop <run id>…", so their prefixes are shared by hundreds of
    // shops in a full run; these two get names a shopper could type and only they carry.
    const letters = () =>
      Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
    const shops = [
      await first.seller.caller.shops.update({ shopId: first.shopId, name: `Quillwort Pottery ${letters()}` }),
      await second.seller.caller.shops.update({ shopId: second.shopId, name: `Juniper Kiln ${letters()}` }),
    ];
    await syncSearch();
    const { caller } = anonymousCaller();
    // Other test files run app processes whose drainers may have claimed these rows: syncSearch is
    // not a barrier, so wait until Meilisearch shows both shops before asking for suggestions.
    await waitUntil(
      async () =>
        (await Promise.all(shops.map((s) => caller.search.products({ shopId: s.id, q: s.name })))).every(
          (r) => r.engine === 'meilisearch' && r.total > 0,
        ),
      { timeoutMs: 90_000, what: 'both shops indexed under their new names' },
    );
    for (const deps of [testDeps(), { ...testDeps(), meili: null }]) {
      const suggested = (await suggestionsFor(prefixesOf(shops.map((s) => s.name).join(' ')), deps)).filter(
        (s) => s.kind === 'shop',
      );
      for (const shop of shops) expect(suggested).toContainEqual({ text: shop.name, kind: 'shop', value: shop.slug });
      for (const s of suggested) {
        const opened = await caller.shops.bySlug({ slug: s.value });
        expect(opened.name).toBe(s.text);
      }
    }
  }, 240_000);
});
