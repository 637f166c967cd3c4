// Client entry: providers (tRPC + TanStack Query), the router and the toaster.
import './styles/design.css';
import './styles/layout.css';
import './styles/catalog.css';
import './styles/commerce.css';
import './styles/dashboard.css';
import './styles/reviews.css';
import './styles/orders.css';
import './styles/ui.css';
import './styles/messages.css';
import './styles/account.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { Toaster } from 'sonner';
import { z } from 'zod';
import { routes } from './router';
import { queryClient, trpc, trpcClient } from './trpc';

// The CSP forbids eval; tell zod not to probe for it (its probe logs a CSP violation).
z.config({ jitless: true });

const router = createBrowserRouter(routes);

const rootEl = document.getElementById('root');
if (!rootEl) throw new Error('missing #root');

createRoot(rootEl).render(
  <StrictMode>
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
        <Toaster position="bottom-center" richColors closeButton toastOptions={{ duration: 4500 }} />
      </QueryClientProvider>
    </trpc.Provider>
  </StrictMode>,
);
