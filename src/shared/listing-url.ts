// Human-readable listing addresses: /listing/123/hand-thrown-moon-jar. The id decides which listing
// it is; the slug is for people and search engines, so a stale or missing slug redirects to the
// current one (the server answers 301) instead of failing. One source for client links and server.
import { slugify } from './slug';

/**
 * The shared slug rule at up to 80 characters, apostrophes dropped first ("Anna's mug" ->
 * annas-mug, not anna-s-mug); "listing" when nothing is left.
 */
export function listingSlug(title: string): string {
  return slugify(title.normalize('NFKD').replace(/['’]/g, ''), 80) || 'listing';
}

export function listingPath(id: number, title: string): string {
  return `/listing/${id}/${listingSlug(title)}`;
}

/** The id in /listing/:id/... or /product/:id; null for anything that is not a positive integer. */
export function listingIdFrom(raw: string | undefined): number | null {
  if (!raw || !/^[1-9]\d{0,15}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) && id <= 2_147_483_647 ? id : null;
}
