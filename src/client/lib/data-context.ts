// Which tRPC client and query cache a loader uses. In the browser: the app's singletons (the
// default). On the server: a fresh cache and an in-process client per request, put into the
// router's request context by the server renderer, so one visitor's data never reaches another's
// page and loaders call procedures without HTTP.
import type { QueryClient } from '@tanstack/react-query';
import { createContext, data, type RouterContextProvider } from 'react-router';
import { queryClient, trpcClient, utils } from '../trpc';

export interface DataClients {
  queryClient: QueryClient;
  trpcClient: typeof trpcClient;
  utils: typeof utils;
}

export const dataContext = createContext<DataClients>({ queryClient, trpcClient, utils });

const statusTexts = { 400: 'Bad Request', 404: 'Not Found' } as const;

/**
 * A loader's 400 or 404, with its message for the page. React Router's `data()` without a
 * `statusText` says "Internal Server Error" beside any status, and the served page embeds it for
 * hydration (a 400 read "status 400, Internal Server Error").
 */
export function routeError(status: 400 | 404, message: string) {
  return data(message, { status, statusText: statusTexts[status] });
}

export function dataClients(context: Readonly<RouterContextProvider>): DataClients {
  return context.get(dataContext);
}

/**
 * A listing or shop that does not exist is a 404 route error (a Response), not a failed call: the
 * server answers with that status, and the error survives the trip to the browser for hydration.
 */
export async function orNotFound<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (err) {
    const status = (err as { data?: { httpStatus?: number } } | null)?.data?.httpStatus;
    if (status === 404 || status === 400) throw routeError(404, 'Not found');
    throw err;
  }
}
