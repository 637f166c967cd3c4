// The one way to send someone to sign in and bring them back where they were.

/** `/signin?next=…` for a path inside this app; anything else comes back to the home page. */
export function signInHref(next: string = currentPath()): string {
  const safe = next.startsWith('/') && !next.startsWith('//') ? next : '/';
  return `/signin?next=${encodeURIComponent(safe)}`;
}

function currentPath(): string {
  return typeof location === 'undefined' ? '/' : location.pathname + location.search;
}
