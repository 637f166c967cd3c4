// Client entry: providers (tRPC + TanStack Query), the router and the toaster.
import './zod-setup';
import './styles/index.css';
import { type DehydratedState, hydrate } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter, matchRoutes, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { AppProviders } from './app';
import { RenderTimeContext } from './lib/render-time';
import { routes } from './router';
import { queryClient, trpcClient } from './trpc';

/** What the server rendered with (src/server/pages/page-render.tsx): router state and query cache. */
interface ServerPayload {
  router: unknown;
  queries: DehydratedState;
  /** When the server rendered (ms since the epoch): what hydration renders with (lib/render-time.ts). */
  renderedAt: number;
}

async function start() {
  const rootEl = document.getElementById('root');
  if (!rootEl) throw new Error('missing #root');
  const payloadEl = document.getElementById('hearth-ssr');
  const payload = payloadEl ? (JSON.parse(payloadEl.textContent ?? '{}') as ServerPayload) : null;
  if (payload) {
    // The cache the server filled: components read it at once and fetch nothing again.
    hydrate(queryClient, payload.queries);
    // React Router reads (and revives route errors from) this global when it is created.
    (window as unknown as { __staticRouterHydrationData: unknown }).__staticRouterHydrationData = payload.router;
    // Route modules load on demand; the ones on screen must be in place before hydrating, or the
    // first render would be the loading fallback instead of the server's markup.
    const lazy = (matchRoutes(routes, window.location) ?? []).filter((m) => m.route.lazy);
    await Promise.all(
      lazy.map(async (m) => {
        const mod = await (m.route.lazy as () => Promise<Partial<RouteObject>>)();
        Object.assign(m.route, { ...mod, lazy: undefined });
      }),
    );
  }
  const router = createBrowserRouter(routes);
  const app = (
    <StrictMode>
      <AppProviders queryClient={queryClient} trpcClient={trpcClient}>
        <RenderTimeContext value={payload?.renderedAt ?? null}>
          <RouterProvider router={router} />
        </RenderTimeContext>
      </AppProviders>
    </StrictMode>
  );
  if (payload) hydrateRoot(rootEl, app);
  else createRoot(rootEl).render(app);
}

void start();
