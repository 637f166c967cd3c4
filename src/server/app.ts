// createApp(deps): the Hono app with middleware, /trpc, health checks and (in production) the
// built client. Tests call `app.request()` on it without a socket.
import { trpcServer } from '@hono/trpc-server';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps } from './deps';
import type { Drain } from './http/graceful-drain';
import { readYourWrites } from './http/read-your-writes';
import { MAX_BATCH_SIZE } from './http/request-limits';
import { trpcGuard } from './http/trpc-guard';
import { devMailRoutes } from './modules/email/dev-mail.routes';
import { unsubscribeRoutes } from './modules/notifications/unsubscribe.routes';
import { seoRoutes } from './modules/seo/seo.routes';
import { uploadsRoutes } from './modules/uploads/uploads.routes';
import { appIconResponse } from './pages/app-icon';
import type { RenderedPageCache } from './pages/page-cache';
import type { ShellSource } from './pages/page-shell';
import { pageRoutes } from './pages/pages.routes';
import { createHttpContext } from './trpc/context';
import { appRouter } from './trpc/root';

type Env = { Variables: { requestId: string } };

export interface CreateAppOptions {
  /** Extra routes (uploads, built client) mounted after the API. */
  mount?: (app: Hono<Env>) => void;
  /** The client's HTML document; when set, every other GET is a page served from it. */
  shell?: ShellSource;
  /** Graceful drain (index.ts on SIGTERM): not ready while draining, event streams closable. */
  drain?: Drain;
  /** Render public pages on the server (default); false sends the document with its head only. */
  serverRendering?: boolean;
  /** Rendered anonymous listing pages (tests pass one with their own clock). */
  pageCache?: RenderedPageCache;
}

export function createApp(deps: AppDeps, options: CreateAppOptions = {}) {
  const app = new Hono<Env>();

  app.use('*', async (c, next) => {
    const requestId = c.req.header('x-request-id')?.slice(0, 64) || crypto.randomUUID();
    c.set('requestId', requestId);
    const started = performance.now();
    await next();
    // On the finished response's own headers: Hono's c.header() after the handler rebuilds the
    // whole response around its body on every request (issue 13). secureHeaders does the same.
    c.res.headers.set('x-request-id', requestId);
    const ms = Math.round((performance.now() - started) * 10) / 10;
    const path = c.req.path;
    // The balancer asks /readyz every second: log it only when it says "not ready".
    if (path !== '/healthz' && !(path === '/readyz' && c.res.status === 200))
      deps.log.info({ requestId, method: c.req.method, path, status: c.res.status, ms }, 'request');
  });

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: deps.config.production
        ? {
            defaultSrc: ["'self'"],
            imgSrc: ["'self'", 'data:', 'https:'],
            styleSrc: ["'self'", "'unsafe-inline'"],
            connectSrc: ["'self'"],
            frameAncestors: ["'none'"],
          }
        : undefined,
      crossOriginEmbedderPolicy: false,
      // A header a route set itself is its own answer (public images: PUBLIC_IMAGE_HEADERS).
      overwrite: false,
    }),
  );

  // Event streams are tRPC subscriptions (GET /trpc/...): only those requests pass the drain's wrapper.
  if (options.drain) app.get('/trpc/*', options.drain.eventStreams());
  // Without a replica every read goes to the primary anyway: no middleware level on every request.
  if (deps.replica) app.use('*', readYourWrites(deps.replica, deps.config.production));

  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/favicon.ico', () => appIconResponse());

  app.get('/readyz', async (c) => {
    // Draining (SIGTERM): out of rotation at once, whatever the services say.
    if (options.drain?.draining) return c.json({ ok: false, draining: true }, 503);
    const [postgres, redis, meilisearch] = await Promise.all([
      deps.db
        .selectNoFrom((eb) => eb.val(1).as('one'))
        .execute()
        .then(() => true)
        .catch(() => false),
      deps.store.ping(),
      deps.meili
        ? deps.meili
            .health()
            .then((h) => h.status === 'available')
            .catch(() => false)
        : Promise.resolve(false),
    ]);
    const checks = {
      postgres: { ok: postgres },
      // Informational: without the replica, reads go to the primary; it never gates readiness.
      ...(deps.replica ? { replica: deps.replica.status() } : {}),
      redis: { ok: redis, kind: deps.store.kind },
      meilisearch: { ok: meilisearch, configured: deps.meili !== null },
    };
    // Search falls back to Postgres and the store to memory, so only Postgres gates readiness
    // when those are absent by configuration; when configured they must answer.
    const ready = postgres && redis && (meilisearch || deps.meili === null);
    return c.json({ ok: ready, checks }, ready ? 200 : 503);
  });

  app.use('/trpc/*', trpcGuard({ trustProxy: deps.config.trustProxy }));
  app.use(
    '/trpc/*',
    trpcServer({
      endpoint: '/trpc',
      router: appRouter,
      maxBatchSize: MAX_BATCH_SIZE,
      createContext: (opts, c) =>
        createHttpContext(deps, opts.req, opts.resHeaders, {
          ip:
            (deps.config.trustProxy && c.req.header('x-forwarded-for')?.split(',')[0]?.trim()) ||
            c.env?.ip ||
            '127.0.0.1',
          requestId: c.get('requestId'),
        }),
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          deps.log.error({ path, err: error.cause?.stack ?? error.stack ?? String(error) }, 'procedure failed');
      },
    }),
  );

  app.route('/', uploadsRoutes(deps));
  // The development inbox exists only with the embedded catcher, which production never starts.
  if (deps.mailCatcher && !deps.config.production) app.route('/dev/mail', devMailRoutes(deps.mailCatcher, deps.db));
  app.route('/', unsubscribeRoutes(deps));
  app.route('/', seoRoutes(deps));
  options.mount?.(app);
  if (options.shell)
    app.route(
      '/',
      pageRoutes(deps, options.shell, {
        serverRendering: options.serverRendering ?? true,
        pageCache: options.pageCache,
      }),
    );
  return app;
}

export type App = ReturnType<typeof createApp>;
