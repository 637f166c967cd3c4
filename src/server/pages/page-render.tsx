// Server rendering of the public pages from the browser's own route modules: React Router's static
// handler runs the loaders, which call the tRPC procedures in-process (localLink over the app
// router, with this request's context) into a per-request TanStack Query cache; React renders the
// matched routes to a stream; the router state and the dehydrated cache go into the page as JSON
// (main.tsx hydrates from them and fetches nothing again). Decision 0061.
import { type DehydratedState, dehydrate, QueryClient } from '@tanstack/react-query';
import { createTRPCClient, localLink, TRPCClientError } from '@trpc/client';
import { createTRPCQueryUtils } from '@trpc/react-query';
import { StrictMode } from 'react';
import { renderToReadableStream } from 'react-dom/server';
import {
  createStaticHandler,
  createStaticRouter,
  isRouteErrorResponse,
  RouterContextProvider,
  type StaticHandlerContext,
  StaticRouterProvider,
} from 'react-router';
import { AppProviders } from '../../client/app';
import { type DataClients, dataContext } from '../../client/lib/data-context';
import { RenderTimeContext } from '../../client/lib/render-time';
import { routes } from '../../client/router';
import { utcDay } from '../../shared/dispatch';
import type { AppDeps } from '../deps';
import { createHttpContext } from '../trpc/context';
import { type AppRouter, appRouter } from '../trpc/root';
import { identifiesVisitor } from './http-caching';
import type { PageData } from './page-outcome';
import { sharedReads, sharedReadsLink } from './shared-reads-link';

const handler = createStaticHandler(routes);

/** Longest the renderer waits for data a loader asked for without awaiting (reviews, also-bought). */
const SETTLE_MS = 1_500;

export function serverDataClients(deps: AppDeps, req: Request, meta: { ip: string; requestId: string }): DataClients {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { staleTime: 30_000, retry: false, gcTime: Number.POSITIVE_INFINITY } },
  });
  // The visitor's own context (cookies): a signed-in visitor's page is rendered for them, and is private.
  let context: ReturnType<typeof createHttpContext> | null = null;
  const trpcClient = createTRPCClient<AppRouter>({
    links: [
      sharedReadsLink(sharedReads, !identifiesVisitor(req)),
      localLink({
        router: appRouter,
        createContext: () => {
          context ??= createHttpContext(deps, req, new Headers(), meta);
          return context;
        },
        onError: ({ error, path }) => {
          if (error.code === 'INTERNAL_SERVER_ERROR')
            deps.log.error(
              { path, err: error.cause?.stack ?? error.stack ?? String(error) },
              'procedure failed (render)',
            );
        },
      }),
    ],
  });
  return { queryClient, trpcClient, utils: createTRPCQueryUtils({ queryClient, client: trpcClient }) };
}

async function orNull<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (err) {
    const status = err instanceof TRPCClientError ? (err.data as { httpStatus?: number } | undefined)?.httpStatus : 0;
    if (status === 404 || status === 400) return null;
    throw err;
  }
}

/** The head's data from the same cache the loaders use: one procedure call serves both. */
export function cachedPageData({ utils }: DataClients): PageData {
  return {
    product: (productId) => orNull(utils.catalog.product.ensureData({ productId })),
    shop: (slug) => orNull(utils.shops.bySlug.ensureData({ slug })),
    categories: () => utils.catalog.categories.ensureData(undefined, { staleTime: 10 * 60_000 }),
  };
}

async function settle(queryClient: QueryClient) {
  const deadline = Date.now() + SETTLE_MS;
  while (queryClient.isFetching() > 0 && Date.now() < deadline) {
    await new Promise<void>((resolve) => {
      const unsubscribe = queryClient.getQueryCache().subscribe(() => {
        if (queryClient.isFetching() === 0) {
          unsubscribe();
          resolve();
        }
      });
      setTimeout(() => {
        unsubscribe();
        resolve();
      }, 50);
    });
  }
}

/** Route errors as React Router revives them in the browser (`__type`), like its own server does. */
function serializeErrors(errors: StaticHandlerContext['errors']) {
  if (!errors) return null;
  const out: Record<string, unknown> = {};
  for (const [id, err] of Object.entries(errors)) {
    if (isRouteErrorResponse(err)) out[id] = { ...err, __type: 'RouteErrorResponse' };
    else if (err instanceof Error) out[id] = { message: 'Something went wrong.', __type: 'Error' };
    else out[id] = err;
  }
  return out;
}

export interface RenderedPage {
  status: number;
  /** The page's markup inside #root, streamed. */
  body: ReadableStream<Uint8Array>;
  /** JSON for <script id="hearth-ssr">: router state and dehydrated queries. */
  payload: string;
  /**
   * Stable across identical renders (no timestamps): the ETag's input. Computed on demand: a
   * listing's validator comes from the listing itself, before rendering, and needs none.
   */
  fingerprint(): string;
}

/** Renders the page for `request`, or returns the Response a loader threw (a redirect). */
export async function renderPage(
  request: Request,
  clients: DataClients,
  renderedAt: number = Date.now(),
): Promise<RenderedPage | Response> {
  const requestContext = new RouterContextProvider();
  requestContext.set(dataContext, clients);
  // The shell's own data (categories for the bar, who is signed in for the header), fetched while
  // the page's loaders run.
  const shellData = Promise.all([
    clients.utils.catalog.categories.ensureData(undefined, { staleTime: 10 * 60_000 }).catch(() => undefined),
    clients.utils.auth.me.ensureData(undefined, { staleTime: 60_000 }).catch(() => undefined),
  ]);
  const context = await handler.query(request, { requestContext });
  await shellData;
  if (context instanceof Response) return context;
  await settle(clients.queryClient);
  const queries: DehydratedState = dehydrate(clients.queryClient);
  const router = {
    loaderData: context.loaderData,
    actionData: context.actionData,
    errors: serializeErrors(context.errors),
  };
  // The instant time-dependent text was rendered with: the browser hydrates with it too
  // (client/lib/render-time.ts). The fingerprint keeps only its day: estimates change with it.
  const payload = { router, queries, renderedAt };
  const fingerprint = () =>
    JSON.stringify([
      utcDay(new Date(renderedAt)),
      router,
      queries.queries.map((q) => [q.queryHash, q.state.status, q.state.data]),
    ]);
  const staticRouter = createStaticRouter(handler.dataRoutes, context);
  const body = await renderToReadableStream(
    <StrictMode>
      <AppProviders queryClient={clients.queryClient} trpcClient={clients.trpcClient}>
        <RenderTimeContext value={renderedAt}>
          <StaticRouterProvider router={staticRouter} context={context} hydrate={false} />
        </RenderTimeContext>
      </AppProviders>
    </StrictMode>,
    { signal: request.signal, onError: (err) => void err },
  );
  return { status: context.statusCode, body, payload: JSON.stringify(payload), fingerprint };
}
