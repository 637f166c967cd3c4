// Mounted as `inventory` in the root router: `inventory.watch` over SSE.
import { watchInventoryInput } from '../../../shared/schemas/realtime';
import { publicProcedure, router } from '../../trpc/trpc';
import { watchAvailability } from './inventory-watch';

export const inventoryRouter = router({
  watch: publicProcedure.input(watchInventoryInput).subscription(async function* ({ ctx, input, signal }) {
    yield* watchAvailability(ctx.deps, input.productIds, signal);
  }),
});
