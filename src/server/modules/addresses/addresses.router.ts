import { addressIdInput, createAddressInput, updateAddressInput } from '../../../shared/schemas/addresses';
import { authedProcedure, router } from '../../trpc/trpc';
import { editAddress, makeDefaultAddress, myAddresses, removeAddress, saveAddress } from './addresses.service';

// Every mutation answers with the whole (small) address book, so the page redraws from one reply.
export const addressesRouter = router({
  list: authedProcedure.query(({ ctx }) => myAddresses(ctx.deps, ctx.user.id)),
  create: authedProcedure
    .input(createAddressInput)
    .mutation(({ ctx, input }) => saveAddress(ctx.deps, ctx.user.id, input)),
  update: authedProcedure
    .input(updateAddressInput)
    .mutation(({ ctx, input }) => editAddress(ctx.deps, ctx.user.id, input)),
  remove: authedProcedure
    .input(addressIdInput)
    .mutation(({ ctx, input }) => removeAddress(ctx.deps, ctx.user.id, input.addressId)),
  setDefault: authedProcedure
    .input(addressIdInput)
    .mutation(({ ctx, input }) => makeDefaultAddress(ctx.deps, ctx.user.id, input.addressId)),
});
