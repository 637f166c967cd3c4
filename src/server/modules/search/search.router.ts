// search.products and search.suggest (see docs/api.md): wiring only.
import { searchProductsInput, searchSuggestInput } from '../../../shared/schemas/search';
import { publicProcedure, router } from '../../trpc/trpc';
import { searchProducts, suggestSearch } from './search.service';

export const searchRouter = router({
  products: publicProcedure.input(searchProductsInput).query(({ ctx, input }) => searchProducts(ctx.deps, input)),
  suggest: publicProcedure.input(searchSuggestInput).query(({ ctx, input }) => suggestSearch(ctx.deps, input)),
});
