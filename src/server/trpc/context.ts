// Request context, split like tRPC's starter: an inner part (deps + caller identity) that tests
// build directly for `createCaller`, and an HTTP part that reads cookies and headers.
import type { AppDeps } from '../deps';
import { CookieJar, readCookies } from '../http/cookies';
import { resolveSession, type SessionUser } from '../modules/auth/auth.session';
import { verifyGuestToken } from '../modules/cart/guest-token';

export type InnerContext = {
  deps: AppDeps;
  user: SessionUser | null;
  sessionId: string | null;
  /** The guest cart's key, from a guest cookie whose signature checked out; null otherwise. */
  guestToken: string | null;
  ip: string;
  requestId: string;
  /** Headers to add to the response; `cookies` writes Set-Cookie onto them. */
  resHeaders: Headers;
  cookies: CookieJar;
};

export type Context = InnerContext;

export function createInnerContext(deps: AppDeps, over: Partial<InnerContext> = {}): InnerContext {
  const resHeaders = over.resHeaders ?? new Headers();
  return {
    deps,
    user: null,
    sessionId: null,
    guestToken: null,
    ip: '127.0.0.1',
    resHeaders,
    cookies: new CookieJar(resHeaders, deps.config.production),
    ...over,
    // HTTP requests bring the id their log line already carries; only tests and jobs need a new one.
    requestId: over.requestId ?? crypto.randomUUID(),
  };
}

export async function createHttpContext(
  deps: AppDeps,
  req: Request,
  resHeaders: Headers,
  meta: { ip: string; requestId: string },
): Promise<Context> {
  const cookies = readCookies(req.headers.get('cookie'));
  const user = cookies.session ? await resolveSession(deps, cookies.session) : null;
  return createInnerContext(deps, {
    user,
    sessionId: user ? cookies.session : null,
    guestToken: verifyGuestToken(deps.config.sessionSecret, cookies.guest),
    ip: meta.ip,
    requestId: meta.requestId,
    resHeaders,
  });
}
