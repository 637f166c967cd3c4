// Request context, split like tRPC's starter: an inner part (deps + caller identity) that tests
// build directly for `createCaller`, and an HTTP part that reads cookies and headers.
import type { AppDeps } from '../deps';
import { resolveSession, type SessionUser } from '../modules/auth/auth.session';

export const SESSION_COOKIE = 'hearth_session';
export const GUEST_COOKIE = 'hearth_guest';

export type InnerContext = {
  deps: AppDeps;
  user: SessionUser | null;
  sessionId: string | null;
  guestToken: string | null;
  ip: string;
  requestId: string;
  /** Headers to add to the response (Set-Cookie). */
  resHeaders: Headers;
};

export type Context = InnerContext;

export function createInnerContext(deps: AppDeps, over: Partial<InnerContext> = {}): InnerContext {
  return {
    deps,
    user: null,
    sessionId: null,
    guestToken: null,
    ip: '127.0.0.1',
    requestId: crypto.randomUUID(),
    resHeaders: new Headers(),
    ...over,
  };
}

export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...rest] = part.trim().split('=');
    if (k === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

export async function createHttpContext(
  deps: AppDeps,
  req: Request,
  resHeaders: Headers,
  meta: { ip: string; requestId: string },
): Promise<Context> {
  const cookies = req.headers.get('cookie');
  const sessionId = readCookie(cookies, SESSION_COOKIE);
  const user = sessionId ? await resolveSession(deps, sessionId) : null;
  return createInnerContext(deps, {
    user,
    sessionId: user ? sessionId : null,
    guestToken: readCookie(cookies, GUEST_COOKIE),
    ip: meta.ip,
    requestId: meta.requestId,
    resHeaders,
  });
}
