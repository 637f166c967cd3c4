// Test helpers for search: a seller's shop with listings, synced into the shared test index.
// Tests share one Meilisearch, so every assertion is scoped to a shop the test created.
import { Meilisearch } from 'meilisearch';
import type { CreateProductInput } from '../../../shared/schemas/catalog';
import type { SearchProductsInput } from '../../../shared/schemas/search';
import type { AppDeps } from '../../deps';
import { drainAll } from '../../jobs/search-outbox-drainer';
import { findFreePort } from '../../services/free-port';
import { anonymousCaller, createProduct, createSeller } from '../../test/factories';
import { testDeps } from '../../test/test-services';

export async function shopWith(listings: Partial<CreateProductInput>[], deps: AppDeps = testDeps()) {
  const seller = await createSeller(deps);
  const products = [];
  for (const over of listings) products.push(await createProduct(seller, over));
  return { seller, shopId: seller.shopId, products };
}

/** Pushes every pending outbox row to Meilisearch, like the drainer job does. */
export function syncSearch(deps: AppDeps = testDeps()) {
  return drainAll(deps);
}

export function search(input: SearchProductsInput, deps: AppDeps = testDeps()) {
  return anonymousCaller(deps).caller.search.products(input);
}

/** The same deps, but Meilisearch is a closed port: every call fails fast. */
export async function depsWithUnreachableMeili(deps: AppDeps = testDeps()): Promise<AppDeps> {
  const port = await findFreePort();
  return {
    ...deps,
    meili: new Meilisearch({ host: `http://127.0.0.1:${port}`, apiKey: 'x'.repeat(16), timeout: 300 }),
    // No result cache: every answer must really come from the engine under test.
    config: { ...deps.config, searchCacheTtlSeconds: 0 },
  };
}

export const ids = (hits: { id: number }[]) => hits.map((h) => h.id);
