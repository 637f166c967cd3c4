// GET of any page address: redirects for old listing URLs, then the client's HTML document with
// the page's own <head> (title, description, canonical, Open Graph, JSON-LD), the status the page
// deserves (404 unknown, 410 archived, 400 unreadable search) and its caching headers.
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppDeps } from '../deps';
import { cacheControlFor, etagOf, notModified } from './http-caching';
import { renderHead, scriptJsonText } from './page-head';
import { type PageOutcome, pageOutcome } from './page-outcome';
import { cachedPageData, renderPage, serverDataClients } from './page-render';
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

/** Server-rendered: public pages and every error page (so they keep the layout without JavaScript). */
function rendersOnServer(outcome: { cache: string; status: number }): boolean {
  return outcome.cache === 'public' || outcome.status >= 400;
}

export function pageRoutes(deps: AppDeps, shell: ShellSource, options: { serverRendering: boolean }) {
  const app = new Hono<Env>();
  app.get('*', async (c) => {
    const req = c.req.raw;
    const url = publicUrl(req, deps.config.trustProxy);
    const meta = { ip: (c.env as { ip?: string } | undefined)?.ip ?? '127.0.0.1', requestId: c.get('requestId') };
    const clients = serverDataClients(deps, req, meta);
    let outcome: PageOutcome;
    try {
      outcome = await pageOutcome(url, cachedPageData(clients));
    } catch (err) {
      // The data behind the page is unavailable (database down): the document still loads and
      // the browser retries; nothing may cache this answer.
      deps.log.error({ err: err instanceof Error ? err.message : String(err), path: url.pathname }, 'page failed');
      const parts = shellParts(await shell(), renderHead({ title: 'Hearth', description: '', robots: 'noindex' }));
      return c.html(`${parts.head}${parts.tail}`, 503, { 'Cache-Control': 'no-store', 'Retry-After': '5' });
    }
    if (outcome.kind === 'redirect') {
      c.header('Cache-Control', 'public, max-age=3600');
      return c.redirect(outcome.location, 301);
    }
    const parts = shellParts(await shell(), renderHead(outcome.head));
    const headers = { 'Cache-Control': cacheControlFor(outcome.cache, outcome.status, req), Vary: 'Cookie' };

    if (!options.serverRendering || !rendersOnServer(outcome)) {
      // Signed-in pages: the document only; the browser renders them for whoever is signed in.
      const html = `${parts.head}${parts.tail}`;
      return c.html(html, outcome.status, { ...headers, ETag: etagOf(html) });
    }

    const rendered = await renderPage(new Request(url, { headers: req.headers, signal: req.signal }), clients);
    if (rendered instanceof Response) return rendered;
    const status = (rendered.status !== 200 ? rendered.status : outcome.status) as ContentfulStatusCode;
    // A loader may find what the head could not (a page past the last result): its status decides.
    headers['Cache-Control'] = cacheControlFor(outcome.cache, status, req);
    // Weak: the bytes carry fetch times, but the same data renders the same page.
    const etag = `W/${etagOf(parts.head + parts.tail + url.pathname + url.search + rendered.fingerprint)}`;
    if (status === 200 && notModified(req, etag)) {
      void rendered.body.cancel();
      return c.body(null, 304, { ...headers, ETag: etag });
    }
    const encoder = new TextEncoder();
    const closeRoot = parts.tail.indexOf('</div>') + '</div>'.length;
    const before = encoder.encode(parts.head);
    const after = encoder.encode(
      `${parts.tail.slice(0, closeRoot)}<script type="application/json" id="hearth-ssr">${scriptJsonText(rendered.payload)}</script>${parts.tail.slice(closeRoot)}`,
    );
    const reader = rendered.body.getReader();
    let started = false;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(before);
          return;
        }
        const { done, value } = await reader.read();
        if (done) {
          controller.enqueue(after);
          controller.close();
        } else controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    });
    return c.body(stream, status, { ...headers, ETag: etag, 'Content-Type': 'text/html; charset=UTF-8' });
  });
  return app;
}
