// robots.txt and sitemaps as a crawler reads them: the index lists paged sitemaps, each at most
// the page size, with lastmod; a sample of their URLs all load (200) as pages.
import { describe, expect, test } from 'bun:test';
import { resolve } from 'node:path';
import { Hono } from 'hono';
import { listingPath } from '../../../shared/listing-url';
import { createApp } from '../../app';
import { fileShell } from '../../pages/page-shell';
import { createProduct, createSeller } from '../../test/factories';
import { testDeps } from '../../test/test-services';
import { seoRoutes } from './seo.routes';

const ORIGIN = 'http://hearth.test';
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1].replace(/&amp;/g, '&'));

describe('robots.txt and sitemaps', () => {
  test('robots.txt keeps crawlers out of private pages and names the sitemap', async () => {
    const res = await createApp(testDeps()).request(`${ORIGIN}/robots.txt`);
    const body = await res.text();
    expect(body).toContain('Disallow: /checkout');
    expect(body).toContain('Disallow: /dashboard');
    expect(body).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
  });

  test('the index pages listings and shops by the page size, and every listed URL loads', async () => {
    const seller = await createSeller();
    const mine: { id: number; title: string }[] = [];
    for (let i = 0; i < 3; i++) mine.push(await createProduct(seller, { title: `Sitemap vase ${i}` }));
    const archived = await createProduct(seller, { title: 'Sitemap archived vase' });
    await seller.caller.catalog.archiveProduct({ productId: archived.id });

    const per = 7;
    const app = new Hono().route('/', seoRoutes(testDeps(), { urlsPerSitemap: per }));
    const indexXml = await (await app.request(`${ORIGIN}/sitemap.xml`)).text();
    expect(indexXml).toStartWith('<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex');
    const sitemaps = locs(indexXml);
    expect(sitemaps[0]).toBe(`${ORIGIN}/sitemaps/pages.xml`);
    expect(sitemaps).toContain(`${ORIGIN}/sitemaps/listings-1.xml`);
    expect(indexXml).toMatch(/<lastmod>\d{4}-\d\d-\d\dT[\d:.]+Z<\/lastmod>/);

    const urls: string[] = [];
    for (const sm of sitemaps) {
      const res = await app.request(sm);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/xml');
      const xml = await res.text();
      expect(xml).toEndWith('</urlset>\n');
      const found = locs(xml);
      expect(found.length).toBeLessThanOrEqual(sm.includes('pages.xml') ? 1_000 : per);
      if (!sm.includes('pages.xml')) expect(found.length).toBeGreaterThan(0);
      urls.push(...found);
    }
    expect(new Set(urls).size).toBe(urls.length);
    for (const p of mine) expect(urls).toContain(`${ORIGIN}${listingPath(p.id, p.title)}`);
    expect(urls).toContain(`${ORIGIN}/shop/${seller.shop.slug}`);
    expect(urls).toContain(`${ORIGIN}/search?category=mugs`);
    expect(urls.some((u) => u.includes(`/listing/${archived.id}/`))).toBe(false);

    // Follow a sample (ours, plus every 25th of the rest) through the page handler: all 200.
    const pages = createApp(testDeps(), { shell: fileShell(resolve(import.meta.dir, '../../../client/index.html')) });
    const sample = [
      ...new Set([
        ...urls.filter((_u, i) => i % 25 === 0),
        ...urls.filter(
          (u) =>
            u.includes('Sitemap') || u.includes(seller.shop.slug) || mine.some((p) => u.includes(`/listing/${p.id}/`)),
        ),
      ]),
    ];
    for (const url of sample) expect({ url, status: (await pages.request(url)).status }).toEqual({ url, status: 200 });

    expect((await app.request(`${ORIGIN}/sitemaps/listings-99999.xml`)).status).toBe(404);
    expect((await app.request(`${ORIGIN}/sitemaps/listings-0.xml`)).status).toBe(404);
    expect((await app.request(`${ORIGIN}/sitemaps/passwords.xml`)).status).toBe(404);
  });
});
