// In-process cache of rendered anonymous listing pages (decision 0132). The key is the page's
// ETag, which already covers everything the listing shows from its own data (price, stock, text,
// rating: the listing's fingerprint), the address and the deployed shell: an edit changes the key,
// so a cached copy is never served for a changed listing and nothing needs purging. What the page
// shows besides the listing (reviews, "also bought") may be up to `ttlMs` old, as a CDN copy may be
// (s-maxage), and live stock is corrected by the SSE channel as on any cached page. Only pages the
// HTTP rules call shareable are stored (anonymous, no session or guest-cart cookie; 200 or 410);
// the size is bounded (least recently used copies go first).

export interface CachedPage {
  status: number;
  body: Uint8Array<ArrayBuffer>;
}

export class RenderedPageCache {
  private readonly entries = new Map<string, CachedPage & { storedAt: number }>();
  private bytes = 0;

  constructor(
    private readonly options: { ttlMs: number; maxBytes: number; now?: () => number } = {
      ttlMs: 60_000,
      maxBytes: 32 * 1024 * 1024,
    },
  ) {}

  private now() {
    return this.options.now?.() ?? Date.now();
  }

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

  set(key: string, page: CachedPage) {
    if (page.body.byteLength > this.options.maxBytes / 8) return;
    this.remove(key);
    this.entries.set(key, { ...page, storedAt: this.now() });
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
