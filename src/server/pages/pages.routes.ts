// GET of any page address: redirects for old listing URLs, then the client's HTML document with
// the page's own <head> (title, description, canonical, Open Graph, JSON-LD), the status the page
// deserves (404 unknown, 410 archived, 400 unreadable search) and its caching headers.
import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { utcDay } from '../../shared/dispatch';
import type { AppDeps } from '../deps';
import { cacheControlFor, etagOf, identifiesVisitor, notModified, PUBLIC_PAGE_CACHE } from './http-caching';
import { type CachedPage, RenderedPageCache } from './page-cache';
import { renderHead, scriptJsonText } from './page-head';
import { type PageOutcome, pageOutcome } from './page-outcome';
import { cachedPageData, type RenderedPage, renderPage, serverDataClients } from './page-render';
import { type ShellParts, type ShellSource, shellParts } from './page-shell';

type Env = { Variables: { requestId: string } };

/**
 * The address the visitor used: its Host, and behind a trusted proxy the scheme the proxy received.
 * X-Forwarded-Host is not read: a client could send one the proxy passes on, and the canonical URLs
 * of a page a CDN shares with everyone would then point to the client's host.
 */
export function publicUrl(req: Request, trustProxy: boolean): URL {
  const url = new URL(req.url);
  if (trustProxy) {
    const proto = req.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
    if (proto === 'https' || proto === 'http') url.protocol = `${proto}:`;
  }
  return url;
}

/** Server-rendered: public pages and every error page (so they keep the layout without JavaScript). */
function rendersOnServer(outcome: { cache: string; status: number }): boolean {
  return outcome.cache === 'public' || outcome.status >= 400;
}

export function pageRoutes(
  deps: AppDeps,
  shell: ShellSource,
  options: { serverRendering: boolean; pageCache?: RenderedPageCache },
) {
  const app = new Hono<Env>();
  const pageCache = options.pageCache ?? new RenderedPageCache();
  app.get('*', async (c) => {
    const req = c.req.raw;
    const url = publicUrl(req, deps.config.trustProxy);
    // An anonymous listing page rendered and confirmed a moment ago: the same bytes, no queries.
    const cacheKey = url.href;
    // Estimates on the page count from today: a new day gives a new page (and a new validator).
    const renderedAt = Date.now();
    const today = utcDay(new Date(renderedAt));
    const anonymous = !identifiesVisitor(req);
    const recent = anonymous && options.serverRendering ? pageCache.fresh(cacheKey) : null;
    if (recent) return servedCopy(c, req, recent);
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

    const request = new Request(url, { headers: req.headers, signal: req.signal });
    const document = { ...headers, 'Content-Type': 'text/html; charset=UTF-8' };

    if (outcome.fingerprint !== undefined) {
      // A listing: its status and head are known from the listing itself, and so is what a
      // revalidation must compare (price, stock, rating, text): answer 304 or send the head at
      // once (the browser fetches styles and scripts while the server renders) and the body after.
      // (For a signed-in visitor the page also shows their cart and shop: no validator then.)
      const etag = anonymous
        ? `W/${etagOf(parts.head + parts.tail + url.pathname + url.search + today + outcome.fingerprint)}`
        : null;
      if (etag && outcome.status === 200 && notModified(req, etag))
        return c.body(null, 304, { ...headers, ETag: etag });
      // The same listing, unchanged, rendered for another anonymous visitor: those bytes again.
      const shareable = etag !== null && headers['Cache-Control'] === PUBLIC_PAGE_CACHE;
      const copy = shareable ? pageCache.get(cacheKey) : null;
      if (copy && copy.etag === etag) {
        pageCache.confirm(cacheKey);
        return servedCopy(c, req, copy);
      }
      const rendering = renderPage(request, clients, renderedAt).catch((err) => {
        deps.log.error({ err: err instanceof Error ? err.message : String(err), path: url.pathname }, 'render failed');
        return null;
      });
      const keep = shareable
        ? (body: Uint8Array<ArrayBuffer>) =>
            pageCache.set(cacheKey, { etag: etag as string, status: outcome.status, body })
        : null;
      return c.body(pageStream(parts, rendering, keep), outcome.status, etag ? { ...document, ETag: etag } : document);
    }

    const rendered = await renderPage(request, clients, renderedAt);
    if (rendered instanceof Response) return rendered;
    const status = (rendered.status !== 200 ? rendered.status : outcome.status) as ContentfulStatusCode;
    // A loader may find what the head could not (a page past the last result): its status decides.
    headers['Cache-Control'] = cacheControlFor(outcome.cache, status, req);
    // Weak: the bytes carry fetch times, but the same data renders the same page.
    const etag = `W/${etagOf(parts.head + parts.tail + url.pathname + url.search + rendered.fingerprint())}`;
    if (status === 200 && notModified(req, etag)) {
      void rendered.body.cancel();
      return c.body(null, 304, { ...headers, ETag: etag });
    }
    return c.body(pageStream(parts, Promise.resolve(rendered)), status, {
      ...document,
      'Cache-Control': headers['Cache-Control'],
      ETag: etag,
    });
  });
  return app;
}

/** A kept anonymous page (its headers are the shareable ones), or 304 when the visitor has it. */
function servedCopy(c: Context<Env>, req: Request, copy: CachedPage) {
  const headers = { 'Cache-Control': PUBLIC_PAGE_CACHE, Vary: 'Cookie', ETag: copy.etag };
  if (copy.status === 200 && notModified(req, copy.etag)) return c.body(null, 304, headers);
  return c.body(copy.body, copy.status as ContentfulStatusCode, {
    ...headers,
    'Content-Type': 'text/html; charset=UTF-8',
  });
}

/**
 * The document as a stream: the shell's head at once, then the rendered markup inside #root, then
 * the embedded data and the rest. When rendering fails (or a loader redirects after the head was
 * sent) the root stays empty and carries no data: the browser renders the page itself.
 */
function pageStream(
  parts: ShellParts,
  rendering: Promise<RenderedPage | Response | null>,
  /** Called with the whole document once a page rendered in full (not a fallback). */
  onComplete: ((document: Uint8Array<ArrayBuffer>) => void) | null = null,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const sent: Uint8Array[] = [];
  const send = (controller: ReadableStreamDefaultController<Uint8Array>, chunk: Uint8Array) => {
    if (onComplete) sent.push(chunk);
    controller.enqueue(chunk);
  };
  const closeRoot = parts.tail.indexOf('</div>') + '</div>'.length;
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  let payload: string | null = null;
  let step: 'head' | 'body' | 'done' = 'head';
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (step === 'head') {
        step = 'body';
        send(controller, encoder.encode(parts.head));
        const rendered = await rendering;
        if (rendered && !(rendered instanceof Response)) {
          reader = rendered.body.getReader();
          payload = rendered.payload;
        }
        return;
      }
      const chunk = reader ? await reader.read() : { done: true as const, value: undefined };
      if (!chunk.done) {
        send(controller, chunk.value);
        return;
      }
      step = 'done';
      const data =
        payload === null ? '' : `<script type="application/json" id="hearth-ssr">${scriptJsonText(payload)}</script>`;
      send(controller, encoder.encode(`${parts.tail.slice(0, closeRoot)}${data}${parts.tail.slice(closeRoot)}`));
      controller.close();
      if (onComplete && payload !== null) onComplete(Buffer.concat(sent));
    },
    cancel: (reason) => reader?.cancel(reason),
  });
}
