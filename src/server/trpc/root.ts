// The root router: a table of contents of every domain.
import { authRouter } from '../modules/auth/auth.router';
import { catalogRouter } from '../modules/catalog/catalog.router';
import { shopsRouter } from '../modules/shops/shops.router';
import { router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  shops: shopsRouter,
  catalog: catalogRouter,
});

export type AppRouter = typeof appRouter;
