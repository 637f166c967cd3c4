// The providers around the router, the same on the server and in the browser (hydration needs
// the same tree): tRPC + TanStack Query, the router, the toaster.
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Toaster } from 'sonner';
import { useMediaQuery } from './lib/use-media-query';
import { type trpcClient as browserClient, trpc } from './trpc';

/** Where the site header wraps onto two rows (layout.css). */
const PHONE_HEADER = '(max-width: 760px)';

export function AppProviders({
  queryClient,
  trpcClient,
  children,
}: {
  queryClient: QueryClient;
  trpcClient: typeof browserClient;
  children: ReactNode;
}) {
  // Phones: toasts over the sticky header, not over the page's lower half, where the controls the
  // shopper just used are (a blocked conversation's Unblock sat under "You blocked …"). The header's
  // two rows are taller than a one-line toast. Laptops keep them at the bottom, clear of the content.
  const phone = useMediaQuery(PHONE_HEADER);
  return (
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>
        {children}
        <Toaster
          position={phone ? 'top-center' : 'bottom-center'}
          richColors
          closeButton
          toastOptions={{ duration: 4500 }}
        />
      </QueryClientProvider>
    </trpc.Provider>
  );
}
