// robots.txt and the sitemaps, for search engines. Absolute URLs use the address the crawler
// used (behind a trusted proxy, its scheme and host).
import { Hono } from 'hono';
import type { AppDeps } from '../../deps';
import { publicUrl } from '../../pages/pages.routes';
import { entitySitemap, MAX_URLS_PER_SITEMAP, pagesSitemap, sitemapIndex } from './sitemap.service';

const XML = { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' };

/** Signed-in and transactional pages: nothing there for a search engine. */
const PRIVATE_PATHS = [
  '/cart',
  '/checkout',
  '/orders',
  '/favorites',
  '/messages',
  '/account',
  '/dashboard',
  '/signin',
  '/register',
  '/forgot-password',
  '/reset-password',
  '/verify-email',
  '/trpc/',
  '/api/',
];

export function seoRoutes(deps: AppDeps, options: { urlsPerSitemap?: number } = {}) {
  const per = options.urlsPerSitemap ?? MAX_URLS_PER_SITEMAP;
  const app = new Hono();
  const origin = (req: Request) => publicUrl(req, deps.config.trustProxy).origin;

  app.get('/robots.txt', (c) =>
    c.text(
      [
        'User-agent: *',
        'Allow: /',
        ...PRIVATE_PATHS.map((p) => `Disallow: ${p}`),
        '',
        `Sitemap: ${origin(c.req.raw)}/sitemap.xml`,
        '',
      ].join('\n'),
      200,
      { 'Cache-Control': 'public, max-age=86400' },
    ),
  );

  app.get('/sitemap.xml', async (c) => c.body(await sitemapIndex(deps.db, origin(c.req.raw), per), 200, XML));

  app.get('/sitemaps/:file', async (c) => {
    const file = c.req.param('file');
    if (file === 'pages.xml') return c.body(await pagesSitemap(deps.db, origin(c.req.raw)), 200, XML);
    const m = /^(listings|shops)-([1-9]\d{0,5})\.xml$/.exec(file);
    const stream = m
      ? await entitySitemap(deps.db, origin(c.req.raw), m[1] as 'listings' | 'shops', Number(m[2]), per)
      : null;
    if (!stream) return c.text('No such sitemap.', 404);
    return c.body(stream, 200, XML);
  });
  return app;
}
