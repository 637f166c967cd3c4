// Mounted as `inventory` in the root router: `inventory.watch` over SSE.
import { watchInventoryInput } from '../../../shared/schemas/realtime';
import { toTRPCError } from '../../trpc/error-mapper';
import { publicProcedure, router } from '../../trpc/trpc';
import { watchAvailability } from './inventory-watch';

export const inventoryRouter = router({
  watch: publicProcedure.input(watchInventoryInput).subscription(async function* ({ ctx, input, signal }) {
    try {
      yield* watchAvailability(ctx.deps, input.productIds, signal, { ip: ctx.ip, userId: ctx.user?.id ?? null });
    } catch (err) {
      // Errors while streaming bypass procedure middleware: map them here, so a database outage
      // reaches the subscriber as UNAVAILABLE (retry later) and a refused stream as 429.
      throw toTRPCError(err) ?? err;
    }
  }),
});
