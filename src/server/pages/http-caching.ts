// HTTP caching of page HTML. Anonymous responses of public pages may be kept by a shared cache
// (CDN) for a minute and served stale for ten while it revalidates; browsers always revalidate
// (max-age=0) with the ETag, which changes whenever the page's bytes change (so an edited listing
// gets a new one and a 304 is only ever given for identical HTML). Anything that depends on who is
// asking (a session or guest-cart cookie) is private. Decision 0060.
import { readCookies } from '../http/cookies';
import type { CacheClass } from './page-outcome';

export const PUBLIC_PAGE_CACHE = 'public, max-age=0, s-maxage=60, stale-while-revalidate=600';
export const PRIVATE_PAGE_CACHE = 'private, no-cache';

/**
 * A request that carries who it is: a session or a guest cart. Read exactly as the request's own
 * context reads them (`readCookies`), so no spelling (`hearth_session =…`) renders a visitor's page
 * while calling it anonymous, and shareable.
 */
export function identifiesVisitor(req: Request): boolean {
  const cookies = readCookies(req.headers.get('cookie'));
  return cookies.session !== null || cookies.guest !== null;
}

export function cacheControlFor(cache: CacheClass, status: number, req: Request): string {
  if (cache === 'public' && (status === 200 || status === 410) && !identifiesVisitor(req)) return PUBLIC_PAGE_CACHE;
  return PRIVATE_PAGE_CACHE;
}

export function etagOf(body: string): string {
  return `"${Bun.hash(body).toString(36)}"`;
}

/** If-None-Match names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function notModified(req: Request, etag: string): boolean {
  const header = req.headers.get('if-none-match');
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === opaque);
}
