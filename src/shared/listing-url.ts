// Human-readable listing addresses: /listing/123/hand-thrown-moon-jar. The id decides which listing
// it is; the slug is for people and search engines, so a stale or missing slug redirects to the
// current one (the server answers 301) instead of failing. One source for client links and server.

/** Lowercase ASCII words joined by dashes, at most 80 characters; "listing" when nothing is left. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'listing';
}

export function listingPath(id: number, title: string): string {
  return `/listing/${id}/${slugify(title)}`;
}

/** The id in /listing/:id/... or /product/:id; null for anything that is not a positive integer. */
export function listingIdFrom(raw: string | undefined): number | null {
  if (!raw || !/^[1-9]\d{0,15}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) && id <= 2_147_483_647 ? id : null;
}
