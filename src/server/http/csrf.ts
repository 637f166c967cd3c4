// Mutations accept only JSON POSTs from the app's own origin. Browsers always send Origin on a
// cross-site POST; a request without Origin (server-to-server client) is allowed.
import type { MiddlewareHandler } from 'hono';

export const csrfGuard: MiddlewareHandler = async (c, next) => {
  if (c.req.method === 'POST') {
    const type = c.req.header('content-type') ?? '';
    if (!type.toLowerCase().startsWith('application/json')) {
      return c.json(
        { error: { message: 'Mutations must be sent as application/json.', code: 'UNSUPPORTED_MEDIA_TYPE' } },
        415,
      );
    }
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    if ((origin && !sameHost(origin, c.req.header('host') ?? new URL(c.req.url).host)) || site === 'cross-site') {
      return c.json({ error: { message: 'Cross-site request refused.', code: 'FORBIDDEN' } }, 403);
    }
  }
  await next();
};

function sameHost(origin: string, host: string): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
