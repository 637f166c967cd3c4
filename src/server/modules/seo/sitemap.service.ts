// sitemap.xml: an index of paged sitemaps (at most 50,000 URLs each, the protocol's limit) for
// listings, shops and the browsable pages (home and every category), each URL with its lastmod.
// Paged sitemaps are written as a stream from the database in batches.
import { listingPath } from '../../../shared/listing-url';
import type { Db } from '../../db/kysely';
import { categoryTree } from '../catalog/catalog.service';
import { chunkStartId, type SitemapKind, sitemapBatch, sitemapChunks } from './sitemap.repository';

export const MAX_URLS_PER_SITEMAP = 50_000;
const BATCH = 2_000;

const xmlEscape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);

function urlEntry(loc: string, lastmod?: Date): string {
  return `<url><loc>${xmlEscape(loc)}</loc>${lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : ''}</url>\n`;
}

const URLSET_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n';

export async function sitemapIndex(db: Db, origin: string, per = MAX_URLS_PER_SITEMAP): Promise<string> {
  const parts = [`<sitemap><loc>${xmlEscape(`${origin}/sitemaps/pages.xml`)}</loc></sitemap>`];
  for (const kind of ['listings', 'shops'] as const) {
    for (const { chunk, lastmod } of await sitemapChunks(db, kind, per))
      parts.push(
        `<sitemap><loc>${xmlEscape(`${origin}/sitemaps/${kind}-${chunk + 1}.xml`)}</loc><lastmod>${new Date(lastmod).toISOString()}</lastmod></sitemap>`,
      );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${parts.join('\n')}\n</sitemapindex>\n`;
}

/** Home and every category page (department and leaf). */
export async function pagesSitemap(db: Db, origin: string): Promise<string> {
  const entries = [urlEntry(`${origin}/`)];
  for (const department of await categoryTree(db)) {
    entries.push(urlEntry(`${origin}/search?category=${department.slug}`));
    for (const leaf of department.children) entries.push(urlEntry(`${origin}/search?category=${leaf.slug}`));
  }
  return `${URLSET_OPEN}${entries.join('')}</urlset>\n`;
}

/**
 * Sitemap `page` (1-based) of listings or shops as a stream, or null when there is no such page.
 * Batches are read one at a time as the client reads, so memory stays one batch whatever the size.
 */
export async function entitySitemap(
  db: Db,
  origin: string,
  kind: SitemapKind,
  page: number,
  per = MAX_URLS_PER_SITEMAP,
): Promise<ReadableStream<Uint8Array> | null> {
  const start = await chunkStartId(db, kind, page - 1, per);
  if (start === null) return null;
  const encoder = new TextEncoder();
  let nextId = start;
  let left = per;
  let opened = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!opened) {
        opened = true;
        controller.enqueue(encoder.encode(URLSET_OPEN));
      }
      const rows = left > 0 ? await sitemapBatch(db, kind, nextId, Math.min(BATCH, left)) : [];
      if (rows.length === 0) {
        controller.enqueue(encoder.encode('</urlset>\n'));
        controller.close();
        return;
      }
      left -= rows.length;
      nextId = (rows.at(-1)?.id ?? nextId) + 1;
      const path = (r: (typeof rows)[number]) => (kind === 'listings' ? listingPath(r.id, r.name) : `/shop/${r.name}`);
      controller.enqueue(encoder.encode(rows.map((r) => urlEntry(origin + path(r), r.updated_at)).join('')));
    },
  });
}
