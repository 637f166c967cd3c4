// The one place that knows Hearth's cookies: their names, their flags, how they are read and how
// they are written. Services never see a cookie; procedures hand this jar plain values.
export const COOKIE_NAMES = {
  session: 'hearth_session',
  guest: 'hearth_guest',
  /** Read-your-writes with a replica (read-your-writes.ts): this browser just wrote. */
  recentWrite: 'hearth_recent_write',
} as const;
export type CookieKind = keyof typeof COOKIE_NAMES;

/** Longest value we read: a session id is 43 characters, a signed guest token under 100. */
const MAX_VALUE_LENGTH = 200;

/**
 * Reads one cookie from a Cookie header: the first value of that name that decodes. A value that
 * does not decode (`%`, `%ZZ`) or is too long is ignored, as if absent: a bad cookie costs the
 * caller that cookie, never the request.
 */
export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    if (raw.length > MAX_VALUE_LENGTH * 3) continue;
    try {
      const value = decodeURIComponent(raw);
      if (value.length <= MAX_VALUE_LENGTH) return value;
    } catch {
      // undecodable: ignored
    }
  }
  return null;
}

export function readCookies(header: string | null | undefined): Record<'session' | 'guest', string | null> {
  return { session: readCookie(header, COOKIE_NAMES.session), guest: readCookie(header, COOKIE_NAMES.guest) };
}

/** One Set-Cookie value: every Hearth cookie is HttpOnly, SameSite=Lax, site-wide, Secure in production. */
function serializeCookie(kind: CookieKind, value: string, lifetime: string, secure: boolean): string {
  const attrs = [`${COOKIE_NAMES[kind]}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', lifetime];
  if (secure) attrs.push('Secure');
  return attrs.join('; ');
}

/** The recent-write marker, for a middleware that appends it after the response is made. */
export function recentWriteCookie(maxAgeSeconds: number, secure: boolean): string {
  return serializeCookie('recentWrite', '1', `Max-Age=${maxAgeSeconds}`, secure);
}

export const GUEST_CART_DAYS = 30;

/** Writes Set-Cookie headers onto a response's headers, with every cookie's flags in one place. */
export class CookieJar {
  constructor(
    private readonly headers: Headers,
    private readonly secure: boolean,
  ) {}

  private write(kind: CookieKind, value: string, lifetime: string) {
    this.headers.append('Set-Cookie', serializeCookie(kind, value, lifetime, this.secure));
  }

  setSession(id: string, expiresAt: Date) {
    this.write('session', id, `Expires=${expiresAt.toUTCString()}`);
  }

  setGuest(token: string) {
    this.write('guest', token, `Max-Age=${GUEST_CART_DAYS * 86_400}`);
  }

  clear(kind: CookieKind) {
    this.write(kind, '', 'Max-Age=0');
  }
}
