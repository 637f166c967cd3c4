// Archive and Restore from the listings table. Either takes the row (and the focused button) out
// of the list it was in: focus goes to the next row's action, else the previous row's, else the
// empty state or the heading. Under "All" the row stays: its button, now the opposite action,
// keeps focus.
import type { RefObject } from 'react';
import { toast } from 'sonner';
import type { SellerListingDto } from '../../../../shared/schemas/seller';
import { useFocusAfter } from '../../../lib/use-focus-after';
import { describeError, trpc } from '../../../trpc';

export function useListingArchive({
  listed,
  heading,
  onArchiveSettled,
}: {
  /** The listings shown now, in order. */
  listed: () => SellerListingDto[];
  /** Where focus goes when no row or empty state is left to take it. */
  heading: RefObject<HTMLElement | null>;
  /** The archive request answered (either way): the question asked before it closes. */
  onArchiveSettled: () => void;
}) {
  const trpcUtils = trpc.useUtils();
  const focusAfter = useFocusAfter();
  const actionOf = (id: number) =>
    document.querySelector<HTMLButtonElement>(`[data-listing-row="${id}"] [data-listing-action]`);
  const focusAfterLeaving = (id: number, status: SellerListingDto['status']) => {
    const order = listed().map((i) => i.id);
    const at = order.indexOf(id);
    const neighbours = [...order.slice(at + 1), ...order.slice(0, Math.max(at, 0)).reverse()];
    focusAfter(() => {
      const row = document.querySelector(`[data-listing-row="${id}"]`);
      // Still listed in its old state: the list has not refreshed yet.
      if (row) return row.getAttribute('data-listing-status') === status ? actionOf(id) : null;
      for (const other of neighbours) {
        const action = actionOf(other);
        if (action) return action;
      }
      return document.querySelector<HTMLElement>('.listings-empty button') ?? heading.current;
    }, actionOf(id));
  };
  const refresh = () => {
    void trpcUtils.seller.listings.invalidate();
    void trpcUtils.catalog.shopProducts.invalidate();
    void trpcUtils.catalog.product.invalidate();
  };
  const archive = trpc.catalog.archiveProduct.useMutation({
    onSuccess: (_r, vars) => {
      toast.success('Listing archived. Find it under “Archived” to restore it.');
      focusAfterLeaving(vars.productId, 'archived');
      onArchiveSettled();
      refresh();
    },
    onError: (e) => {
      toast.error(describeError(e).message);
      onArchiveSettled();
    },
  });
  const restore = trpc.catalog.restoreProduct.useMutation({
    onSuccess: (_r, vars) => {
      const title = listed().find((i) => i.id === vars.productId)?.title;
      toast.success(title ? `“${title}” is back on sale.` : 'Listing restored.');
      focusAfterLeaving(vars.productId, 'active');
      refresh();
    },
    onError: (e, vars) => {
      toast.error(describeError(e).message);
      // The button was disabled while it worked, which can drop focus: it is back, so is focus.
      focusAfter(() => actionOf(vars.productId));
    },
  });
  return { archive, restore };
}
