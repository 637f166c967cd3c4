// The storefront in the dashboard: the announcement at the top of the shop page, the shop's
// policies (shown on the shop and on every listing) and its sections.
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { toast } from 'sonner';
import type { ShopDto } from '../../../shared/schemas/shops';
import { ANNOUNCEMENT_MAX, POLICY_NOTES_MAX } from '../../../shared/schemas/storefront';
import { Field } from '../../components/field';
import { PageSkeleton, RouteErrorBoundary } from '../../components/states';
import { StatusButton } from '../../components/ui/status-button';
import { useFocusFirstInvalid } from '../../lib/form-errors';
import { usePageMeta } from '../../lib/page-meta';
import { describeError, trpc } from '../../trpc';
import { NoShopYet } from './no-shop-yet';
import { SectionsManager } from './storefront-sections';
import { useMyShop } from './use-my-shop';

function StorefrontForm({ shop }: { shop: ShopDto }) {
  const [announcement, setAnnouncement] = useState(shop.announcement);
  const [returnsAccepted, setReturns] = useState(shop.policies.returnsAccepted);
  const [exchangesAccepted, setExchanges] = useState(shop.policies.exchangesAccepted);
  const [windowDays, setWindowDays] = useState(String(shop.policies.returnWindowDays ?? ''));
  const [notes, setNotes] = useState(shop.policies.notes);
  const u = trpc.useUtils();
  const save = trpc.shops.updateStorefront.useMutation({
    onSuccess: (saved) => {
      u.shops.mine.setData(undefined, saved);
      void u.shops.bySlug.invalidate({ slug: saved.slug });
      toast.success('Storefront saved.');
    },
  });
  const error = save.error ? describeError(save.error) : null;
  const windowError = error?.fieldErrors['policies.returnWindowDays']?.[0];
  const accepting = returnsAccepted || exchangesAccepted;
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, save.error);
  return (
    <form
      ref={formRef}
      className="card"
      aria-labelledby="storefront-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const days = windowDays.trim() === '' ? null : Number(windowDays);
        save.mutate({
          shopId: shop.id,
          announcement,
          policies: {
            returnsAccepted,
            exchangesAccepted,
            returnWindowDays: !accepting || days === null ? null : Number.isFinite(days) ? days : -1,
            notes,
          },
        });
      }}
    >
      <h2 id="storefront-title" className="card-title">
        Announcement and policies
      </h2>
      <Field label="Announcement" hint="Shown at the top of your shop page. Leave empty for none.">
        <textarea
          className="textarea"
          rows={3}
          maxLength={ANNOUNCEMENT_MAX}
          value={announcement}
          placeholder="Holiday orders ship until December 18."
          onChange={(e) => setAnnouncement(e.target.value)}
        />
      </Field>
      <fieldset className="policy-fieldset">
        <legend>Returns and exchanges</legend>
        <label className="check-row">
          <input type="checkbox" checked={returnsAccepted} onChange={(e) => setReturns(e.target.checked)} /> I accept
          returns
        </label>
        <label className="check-row">
          <input type="checkbox" checked={exchangesAccepted} onChange={(e) => setExchanges(e.target.checked)} /> I
          accept exchanges
        </label>
        {accepting && (
          <Field label="Within how many days of delivery" error={windowError}>
            <input
              className="input input-short"
              inputMode="numeric"
              value={windowDays}
              onChange={(e) => setWindowDays(e.target.value)}
            />
          </Field>
        )}
      </fieldset>
      <p className="small muted">
        Processing time comes from your shipping policy in <Link to="/dashboard/shop">shop settings</Link> (
        {shop.policies.processingDays} days).
      </p>
      <Field label="Anything else buyers should know">
        <textarea
          className="textarea"
          rows={3}
          maxLength={POLICY_NOTES_MAX}
          value={notes}
          placeholder="Custom orders cannot be returned. Buyer pays return postage."
          onChange={(e) => setNotes(e.target.value)}
        />
      </Field>
      {error && !windowError && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      <StatusButton pending={save.isPending} pendingLabel="Saving…">
        Save
      </StatusButton>
    </form>
  );
}

export function Component() {
  usePageMeta('Storefront');
  const shop = useMyShop();
  if (shop.isPending) return <PageSkeleton />;
  if (!shop.data) return <NoShopYet />;
  return (
    <div className="storefront-page">
      <h1>Storefront</h1>
      <StorefrontForm key={shop.data.id} shop={shop.data} />
      <SectionsManager shopId={shop.data.id} />
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
