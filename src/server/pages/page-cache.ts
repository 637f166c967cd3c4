// In-process cache of rendered anonymous listing pages (decision 0132), one copy per address. A
// copy carries the page's ETag, which covers everything the listing shows from its own data and
// its shop's (price, stock, text, rating, vacation: the listing's fingerprint), the address and the
// deployed shell. The server serves a copy without asking the database for `recheckMs` after it
// last confirmed it, and after that only once the listing's fingerprint still gives the same ETag:
// an edit is seen by anonymous visitors within `recheckMs`, nothing needs purging, and a copy is
// never served for a changed listing beyond that. What the page shows besides the listing
// (reviews, "also bought") may be up to `ttlMs` old (a CDN copy may be older: s-maxage); live stock is
// corrected by the SSE channel as on any cached page. Only pages the HTTP rules call shareable are
// stored (anonymous: no session or guest-cart cookie; 200 or 410); the size is bounded (least
// recently used copies go first).

export interface CachedPage {
  etag: string;
  status: number;
  body: Uint8Array<ArrayBuffer>;
}

interface Entry extends CachedPage {
  storedAt: number;
  checkedAt: number;
}

export interface PageCacheOptions {
  /** Longest a rendered copy is served at all. */
  ttlMs: number;
  /** How long a copy is served without checking the listing again. */
  recheckMs: number;
  maxBytes: number;
  now?: () => number;
}

/**
 * 20 s: under the browser's 30 s staleTime (client/trpc.ts), so the data embedded in a kept page is
 * still fresh when it hydrates and is not fetched again (live stock has its own 5 s and SSE).
 */
export const DEFAULT_PAGE_CACHE: PageCacheOptions = { ttlMs: 20_000, recheckMs: 1_000, maxBytes: 32 * 1024 * 1024 };

export class RenderedPageCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(private readonly options: PageCacheOptions = DEFAULT_PAGE_CACHE) {}

  private now() {
    return this.options.now?.() ?? Date.now();
  }

  /** The copy for `key` while it may be served (checked against the listing or not). */
  get(key: string): CachedPage | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (this.now() - entry.storedAt > this.options.ttlMs) {
      this.remove(key);
      return null;
    }
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** The copy for `key` if it was confirmed within `recheckMs`: served without asking the database. */
  fresh(key: string): CachedPage | null {
    const entry = this.entries.get(key);
    if (!entry || this.now() - entry.checkedAt > this.options.recheckMs) return null;
    return this.get(key);
  }

  /** The listing still gives the copy's ETag: serve it without checking for another `recheckMs`. */
  confirm(key: string) {
    const entry = this.entries.get(key);
    if (entry) entry.checkedAt = this.now();
  }

  set(key: string, page: CachedPage) {
    if (page.body.byteLength > this.options.maxBytes / 8) return;
    this.remove(key);
    const now = this.now();
    this.entries.set(key, { ...page, storedAt: now, checkedAt: now });
    this.bytes += page.body.byteLength;
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.options.maxBytes) break;
      this.remove(oldest);
    }
  }

  get size() {
    return this.entries.size;
  }

  private remove(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.body.byteLength;
    this.entries.delete(key);
  }
}
