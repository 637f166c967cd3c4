import { beforeAll, describe, expect, test } from 'bun:test';
import { sql } from 'kysely';
import { anonymousCaller, unique } from '../../test/factories';
import { testDeps } from '../../test/test-services';
import { analyticsWrites, FLUSH_MS, flushSearchAnalytics } from './search-analytics';
import { queryReport } from './search-analytics.repository';
import { ensureSearchIndex } from './search-index';
import { search, shopWith, syncSearch } from './search-test-fixtures';

const plain = { description: 'Made in a small studio.', tags: [], materials: [], images: [] };

async function statsOf(query: string) {
  const { rows } = await sql<{ searches: number; zero_results: number; clicks: number }>`
    select searches, zero_results, clicks from search_query_stats where query = ${query}`.execute(testDeps().db);
  return rows;
}

beforeAll(() => ensureSearchIndex(testDeps()));

describe('search analytics', () => {
  test('searches and clicks are counted in batches, not written one by one; the report lists top and zero-result queries', async () => {
    const word = unique('zq').replace(/[^a-z]/g, '');
    const { shopId, products } = await shopWith([{ ...plain, title: `Analytics ${word} vase`, categorySlug: 'vases' }]);
    await syncSearch();
    await flushSearchAnalytics(testDeps().db);
    const writesBefore = analyticsWrites(testDeps().db);
    const started = performance.now();
    for (let i = 0; i < 30; i++) await search({ q: `${word.toUpperCase()}  vase`, shopId });
    await search({ q: `${word} vase`, shopId, page: 2, pageSize: 1 });
    for (let i = 0; i < 5; i++)
      await search({ q: `${word} nothingatall`, shopId, inStockOnly: true, materials: ['jet'] });
    await anonymousCaller(testDeps()).caller.search.click({ q: `${word} vase`, productId: products[0]!.id });
    // Typeahead never counts.
    await anonymousCaller(testDeps()).caller.search.suggest({ q: word });

    await flushSearchAnalytics(testDeps().db);
    // One batch per FLUSH_MS (plus the final flush), however many searches: never one per search.
    const batches = analyticsWrites(testDeps().db) - writesBefore;
    expect(batches).toBeLessThanOrEqual(1 + Math.ceil((performance.now() - started) / FLUSH_MS));
    expect(batches).toBeLessThan(36);
    expect(await statsOf(`${word} vase`)).toEqual([{ searches: 30, zero_results: 0, clicks: 1 }]);
    expect(await statsOf(`${word} nothingatall`)).toEqual([{ searches: 5, zero_results: 5, clicks: 0 }]);
    const report = await queryReport(testDeps().db, 1, 1000);
    expect(report.top.map((r) => r.query)).toContain(`${word} vase`);
    expect(report.zeroResults.map((r) => r.query)).toContain(`${word} nothingatall`);
    expect(report.zeroResults.map((r) => r.query)).not.toContain(`${word} vase`);
  });

  test('a click needs a query and a real id shape; junk is a clear BAD_REQUEST', async () => {
    const caller = anonymousCaller(testDeps()).caller;
    for (const input of [
      { q: '', productId: 1 },
      { q: 'x', productId: -1 },
      { q: 'x'.repeat(201), productId: 1 },
    ]) {
      await expect(caller.search.click(input as never)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    }
  });
});
