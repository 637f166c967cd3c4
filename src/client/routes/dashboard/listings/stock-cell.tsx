// The stock of a listing without variations, edited in its row: Enter or leaving the field saves,
// Escape puts the saved number back.
import { useEffect, useRef, useState } from 'react';
import { toast } from 'sonner';
import type { SellerListingDto } from '../../../../shared/schemas/seller';
import { DIGITS_ONLY, keepDigits } from '../../../lib/whole-number-input';
import { describeError, trpc } from '../../../trpc';

export function StockCell({ listing }: { listing: SellerListingDto }) {
  const trpcUtils = trpc.useUtils();
  const [value, setValue] = useState(String(listing.quantity));
  const [error, setError] = useState<string | null>(null);
  // The last value sent: Enter commits, then the input blurs while disabled; that blur must not
  // send (and toast) the same change a second time.
  const sent = useRef<number | null>(null);
  useEffect(() => setValue(String(listing.quantity)), [listing.quantity]);
  const save = trpc.catalog.updateProduct.useMutation({
    onSuccess: () => {
      toast.success(`Stock updated for “${listing.title}”.`);
      void trpcUtils.catalog.product.invalidate({ productId: listing.id });
      void trpcUtils.catalog.shopProducts.invalidate();
      void trpcUtils.seller.listings.invalidate();
    },
    onError: (e) => {
      toast.error(describeError(e).message);
      sent.current = null;
      setValue(String(listing.quantity));
    },
  });
  const commit = () => {
    const text = value.trim();
    const q = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isInteger(q) || q > 10_000) {
      // Say why, and put the saved number back rather than leave a value that was not saved.
      setError('Stock must be a whole number from 0 to 10,000.');
      setValue(String(listing.quantity));
      return;
    }
    setError(null);
    if (q === listing.quantity || q === sent.current || save.isPending) return;
    sent.current = q;
    save.mutate({ productId: listing.id, quantity: q });
  };
  const errorId = `stock-error-${listing.id}`;
  return (
    <div className="stock-cell">
      <input
        className="input stock-input"
        inputMode="numeric"
        aria-label={`Stock for ${listing.title}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        value={value}
        readOnly={save.isPending}
        onChange={(e) => {
          const { digits, dropped } = keepDigits(e.target.value);
          setValue(digits);
          setError(dropped ? DIGITS_ONLY : null);
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
          if (e.key === 'Escape') {
            setError(null);
            setValue(String(listing.quantity));
          }
        }}
      />
      {error && (
        <span id={errorId} className="error small" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
