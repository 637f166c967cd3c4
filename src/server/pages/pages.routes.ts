// GET of any page address: redirects for old listing URLs, then the client's HTML document with
// the page's own <head> (title, description, canonical, Open Graph, JSON-LD), the status the page
// deserves (404 unknown, 410 archived, 400 unreadable search) and its caching headers.
import { Hono } from 'hono';
import type { AppDeps } from '../deps';
import { callerPageData } from './caller-page-data';
import { cacheControlFor, etagOf, notModified } from './http-caching';
import { renderHead } from './page-head';
import { pageOutcome } from './page-outcome';
import { type ShellSource, shellParts } from './page-shell';

type Env = { Variables: { requestId: string } };

/** The address the visitor used: behind a trusted proxy, its scheme and host. */
export function publicUrl(req: Request, trustProxy: boolean): URL {
  const url = new URL(req.url);
  if (trustProxy) {
    const proto = req.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
    if (proto === 'https' || proto === 'http') url.protocol = `${proto}:`;
    const host = req.headers.get('x-forwarded-host')?.split(',')[0]?.trim();
    if (host && /^[a-z0-9.-]+(?::\d+)?$/i.test(host)) url.host = host;
  }
  return url;
}

export function pageRoutes(deps: AppDeps, shell: ShellSource) {
  const app = new Hono<Env>();
  app.get('*', async (c) => {
    const req = c.req.raw;
    const url = publicUrl(req, deps.config.trustProxy);
    const data = callerPageData(deps, {
      ip: (c.env as { ip?: string } | undefined)?.ip ?? '127.0.0.1',
      requestId: c.get('requestId'),
    });
    let outcome: Awaited<ReturnType<typeof pageOutcome>>;
    try {
      outcome = await pageOutcome(url, data);
    } catch (err) {
      // The data behind the head is unavailable (database down): the document still loads and
      // the browser retries; nothing may cache this answer.
      deps.log.error({ err: err instanceof Error ? err.message : String(err), path: url.pathname }, 'page head failed');
      const parts = shellParts(await shell(), renderHead({ title: 'Hearth', description: '', robots: 'noindex' }));
      return c.html(`${parts.head}${parts.tail}`, 503, { 'Cache-Control': 'no-store', 'Retry-After': '5' });
    }
    if (outcome.kind === 'redirect') {
      c.header('Cache-Control', 'public, max-age=3600');
      return c.redirect(outcome.location, 301);
    }
    const parts = shellParts(await shell(), renderHead(outcome.head));
    const html = `${parts.head}${parts.tail}`;
    const etag = etagOf(html);
    const headers = {
      'Cache-Control': cacheControlFor(outcome.cache, outcome.status, req),
      Vary: 'Cookie',
      ETag: etag,
    };
    if (outcome.status === 200 && notModified(req, etag)) return c.body(null, 304, headers);
    return c.html(html, outcome.status, headers);
  });
  return app;
}
