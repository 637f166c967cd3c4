// search.products, search.suggest and search.click (see docs/api.md): wiring only.
import { searchClickInput, searchProductsInput, searchSuggestInput } from '../../../shared/schemas/search';
import { rateLimited, rateRules } from '../../trpc/rate-limit';
import { publicProcedure, router } from '../../trpc/trpc';
import { recordSearchClick, searchProducts, suggestSearch } from './search.service';

export const searchRouter = router({
  products: publicProcedure.input(searchProductsInput).query(({ ctx, input }) => searchProducts(ctx.deps, input)),
  suggest: publicProcedure.input(searchSuggestInput).query(({ ctx, input }) => suggestSearch(ctx.deps, input)),
  click: publicProcedure
    .use(rateLimited((ctx) => [[rateRules.searchClick, ctx.ip]]))
    .input(searchClickInput)
    .mutation(({ ctx, input }) => recordSearchClick(ctx.deps, input)),
});
