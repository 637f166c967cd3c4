// The listing editor's dialog (?edit=<id> or ?edit=new): the form, and the "Discard unsaved
// changes?" question before Cancel, Escape, Close, Back or a reload throws edits away.
import { type RefObject, useEffect, useRef, useState } from 'react';
import { useBlocker } from 'react-router';
import { ConfirmDialog, Dialog } from '../../../components/ui/dialog';
import { trpc } from '../../../trpc';
import { ListingForm, type ListingFormStart, type UnsavedListing } from '../listing-form';

export function EditListingDialog({
  shopId,
  productId,
  onClose,
  returnFocusTo,
  startAt = 'title',
}: {
  shopId: number;
  productId: number | 'new';
  /** The field that takes focus as the form opens. */
  startAt?: ListingFormStart;
  onClose: () => void;
  returnFocusTo?: RefObject<HTMLElement | null>;
}) {
  const product = trpc.catalog.product.useQuery(
    { productId: productId === 'new' ? 0 : productId },
    { enabled: productId !== 'new' },
  );
  // A link (e.g. "Edit listing" on the product page) may name any id: only this shop's open.
  const notOurs = product.isError || (product.data !== undefined && product.data.shop.id !== shopId);
  const changes = useRef<UnsavedListing>(null);
  // Set once the dialog closes on purpose (saved, discarded, nothing to lose): that navigation is not asked about.
  const closing = useRef(false);
  const unsaved = () => !closing.current && (changes.current?.changed() ?? false);
  const close = () => {
    closing.current = true;
    onClose();
  };
  // Cancel, Escape and the close button all come here: unsaved edits go only when the seller says so.
  const [askingToDiscard, setAskingToDiscard] = useState(false);
  const requestClose = () => (unsaved() ? setAskingToDiscard(true) : close());
  // The dialog is in the URL, so Back (or Alt+Left) leaves it too: the same question first.
  const leaving = useBlocker(
    ({ currentLocation, nextLocation }) =>
      unsaved() &&
      (nextLocation.pathname !== currentLocation.pathname ||
        new URLSearchParams(nextLocation.search).get('edit') !==
          new URLSearchParams(currentLocation.search).get('edit')),
  );
  // Reload, closing the tab, or Back to another site: only the browser can ask, and only while
  // something is unsaved (decision 0174).
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (closing.current || !changes.current?.changed()) return;
      event.preventDefault();
      // Chromium before 119 asks only when returnValue is set.
      event.returnValue = true;
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);
  return (
    <>
      <Dialog
        open
        onClose={requestClose}
        title={productId === 'new' ? 'New listing' : 'Edit listing'}
        size="lg"
        returnFocusTo={returnFocusTo}
      >
        {notOurs ? (
          <p className="notice notice-warn" role="alert">
            That listing is not in your shop, or it no longer exists.
          </p>
        ) : productId !== 'new' && !product.data ? (
          <div className="skeleton dialog-skeleton" role="status" aria-label="Loading listing" />
        ) : (
          <ListingForm
            shopId={shopId}
            product={product.data ?? null}
            onDone={close}
            onCancel={requestClose}
            changes={changes}
            startAt={startAt}
          />
        )}
      </Dialog>
      {/* A sibling, not a child: the question stacks above the form without nesting dialogs. */}
      <ConfirmDialog
        open={askingToDiscard || leaving.state === 'blocked'}
        title="Discard unsaved changes?"
        confirmLabel="Discard changes"
        cancelLabel="Keep editing"
        onConfirm={() => {
          if (leaving.state !== 'blocked') return close();
          closing.current = true;
          leaving.proceed();
        }}
        onClose={() => {
          setAskingToDiscard(false);
          leaving.reset?.();
        }}
      >
        {productId === 'new'
          ? 'This listing has not been published; what you entered will be lost.'
          : 'Your changes to this listing have not been saved.'}
      </ConfirmDialog>
    </>
  );
}
