// RFC 8058 one-click unsubscribe: a mail client POSTs `List-Unsubscribe=One-Click` to the URL in
// the List-Unsubscribe header, from no page of ours (so not through /trpc and its same-origin
// rule: the signed token is the authority). A person opening the same URL gets the page
// (GET, routes/unsubscribe.tsx), which confirms with notifications.unsubscribe: a link scanner
// fetching the URL changes nothing.
import { Hono } from 'hono';
import { DomainError } from '../../../shared/errors';
import type { AppDeps } from '../../deps';
import { unsubscribe } from './notifications.service';

export function unsubscribeRoutes(deps: AppDeps) {
  const app = new Hono();
  app.post('/unsubscribe', async (c) => {
    const token = c.req.query('token') ?? '';
    try {
      const done = await unsubscribe(deps, token);
      return c.json({ ok: true, event: done.event });
    } catch (err) {
      if (err instanceof DomainError) return c.json({ error: { message: err.message, code: err.code } }, 400);
      throw err;
    }
  });
  return app;
}
