// Mutations accept only JSON POSTs from the app's own origin. Browsers always send Origin on a
// cross-site POST; a request without Origin (server-to-server client) is allowed. The Origin must
// match this server's scheme, host and port: http://shop.example may not post to
// https://shop.example, nor :8080 to :443. Behind a trusted proxy the scheme is the one the
// proxy received (X-Forwarded-Proto).
import type { Context } from 'hono';

/** The refusal for a mutation that is not JSON or comes from another site; undefined lets it through. */
export function csrfRefusal(c: Context, trustProxy: boolean): Response | undefined {
  if (c.req.method !== 'POST') return undefined;
  const type = c.req.header('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    return c.json(
      { error: { message: 'Mutations must be sent as application/json.', code: 'UNSUPPORTED_MEDIA_TYPE' } },
      415,
    );
  }
  if (!fromOwnOrigin(c.req.raw, trustProxy)) {
    return c.json({ error: { message: 'Cross-site request refused.', code: 'FORBIDDEN' } }, 403);
  }
  return undefined;
}

/** False for a cross-site browser request; true for our own pages and for clients that send no Origin. */
export function fromOwnOrigin(req: Request, trustProxy: boolean): boolean {
  if (req.headers.get('sec-fetch-site') === 'cross-site') return false;
  const origin = req.headers.get('origin');
  return !origin || sameOrigin(origin, ownOrigin(req, trustProxy));
}

function ownOrigin(req: Request, trustProxy: boolean): string {
  const url = new URL(req.url);
  const forwarded = trustProxy ? req.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() : undefined;
  const scheme = forwarded === 'https' || forwarded === 'http' ? `${forwarded}:` : url.protocol;
  return `${scheme}//${req.headers.get('host') ?? url.host}`;
}

/** Same scheme, host and port; URL drops default ports, so https://a and https://a:443 agree. */
function sameOrigin(origin: string, own: string): boolean {
  try {
    const theirs = new URL(origin);
    return theirs.origin !== 'null' && theirs.origin === new URL(own).origin;
  } catch {
    return false;
  }
}
