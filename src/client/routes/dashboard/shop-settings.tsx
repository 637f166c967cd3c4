// Create or edit the shop: name, tagline, description, logo and banner with preview, shipping.
import { Controller } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { toast } from 'sonner';
import { type CreateShopInput, createShopInput, type ShopDto } from '../../../shared/schemas/shops';
import { EmailText } from '../../components/email-text';
import { Field } from '../../components/field';
import { ImageUpload } from '../../components/image-upload';
import { ResendVerificationButton } from '../../components/resend-verification-button';
import { PageSkeleton, RouteErrorBoundary } from '../../components/states';
import { StatusButton } from '../../components/ui/status-button';
import { applyServerErrors } from '../../lib/form-errors';
import { centsToDollarsText, parseDollars } from '../../lib/format';
import { usePageMeta } from '../../lib/page-meta';
import { saveUnlessUnchanged } from '../../lib/save-unless-unchanged';
import { schemaResolver } from '../../lib/schema-resolver';
import { useMe } from '../../lib/session';
import { useCheckedForm } from '../../lib/use-checked-form';
import { queryClient, trpc } from '../../trpc';
import { useMyShop } from './use-my-shop';
import { VacationCard } from './vacation-card';

interface ShopFormValues {
  name: string;
  tagline: string;
  description: string;
  logoUrl: string | null;
  bannerUrl: string | null;
  flatRate: string;
  freeOver: string;
  processingDays: string;
}

function valuesFrom(shop: ShopDto | null | undefined): ShopFormValues {
  return {
    name: shop?.name ?? '',
    tagline: shop?.tagline ?? '',
    description: shop?.description ?? '',
    logoUrl: shop?.logoUrl ?? null,
    bannerUrl: shop?.bannerUrl ?? null,
    flatRate: centsToDollarsText(shop?.shippingPolicy.flatRateCents ?? 500),
    freeOver:
      shop?.shippingPolicy.freeOverCents === null || shop?.shippingPolicy.freeOverCents === undefined
        ? ''
        : centsToDollarsText(shop.shippingPolicy.freeOverCents),
    processingDays: String(shop?.shippingPolicy.processingDays ?? 3),
  };
}

/** What a save would store, in a form that compares: the form's checked input, or the saved shop. */
function storedForm(s: Omit<CreateShopInput, 'slug'>) {
  return JSON.stringify([
    s.name,
    s.tagline ?? '',
    s.description ?? '',
    s.logoUrl ?? null,
    s.bannerUrl ?? null,
    s.shippingPolicy.flatRateCents,
    s.shippingPolicy.freeOverCents,
    s.shippingPolicy.processingDays,
  ]);
}

/** One toast for the form: a save, or "nothing to save", replaces the last instead of stacking. */
const SHOP_TOAST = 'shop-settings';

// Form fields for the shared schema's nested shipping policy.
const fieldOf = {
  'shippingPolicy.flatRateCents': 'flatRate',
  'shippingPolicy.freeOverCents': 'freeOver',
  'shippingPolicy.processingDays': 'processingDays',
} as const;

const resolver = schemaResolver(
  createShopInput,
  (v: ShopFormValues) => ({
    name: v.name,
    // An emptied field is sent as '' (remove it); undefined would mean "leave as is", and the
    // server kept the old tagline after "Shop updated".
    tagline: v.tagline,
    description: v.description,
    logoUrl: v.logoUrl,
    bannerUrl: v.bannerUrl,
    shippingPolicy: {
      flatRateCents: parseDollars(v.flatRate) ?? -1,
      freeOverCents: v.freeOver.trim() ? (parseDollars(v.freeOver) ?? -1) : null,
      processingDays: /^\d+$/.test(v.processingDays.trim()) ? Number(v.processingDays) : -1,
    },
  }),
  {
    fieldOf,
    messages: {
      flatRate: 'Enter a price like 4.50 (at most $1,000).',
      freeOver: 'Enter an amount like 50, or leave it empty.',
      processingDays: 'Enter a whole number of days from 0 to 60.',
    },
  },
);

function ShopForm({ shop }: { shop: ShopDto | null }) {
  const navigate = useNavigate();
  const trpcUtils = trpc.useUtils();
  const form = useCheckedForm<ShopFormValues, unknown, CreateShopInput>({
    resolver,
    defaultValues: valuesFrom(shop),
  });
  const onSaved = async (saved: ShopDto) => {
    trpcUtils.shops.mine.setData(undefined, saved);
    form.reset(valuesFrom(saved));
    await queryClient.invalidateQueries();
    toast.success(shop ? 'Shop updated.' : 'Your shop is open! Add your first listing.', { id: SHOP_TOAST });
    if (!shop) navigate('/dashboard/listings');
  };
  const onError = (err: unknown) => {
    const message = applyServerErrors(form, err, { ...fieldOf, SLUG_TAKEN: 'name', SHOP_EXISTS: 'name' });
    if (message) toast.error(message);
  };
  const create = trpc.shops.create.useMutation({ onSuccess: onSaved, onError });
  const update = trpc.shops.update.useMutation({ onSuccess: onSaved, onError });
  const pending = create.isPending || update.isPending;
  const e = form.formState.errors;

  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((input) => {
        if (!shop) return create.mutate(input);
        // The form says exactly what is saved (a second Enter after "Shop updated" lands here):
        // send nothing, and say so in the same toast.
        saveUnlessUnchanged({
          unchanged: storedForm(input) === storedForm(shop),
          toastId: SHOP_TOAST,
          upToDate: 'No changes to save: your shop is up to date.',
          save: () => update.mutate({ shopId: shop.id, ...input }),
        });
      })}
      className="card"
      aria-label={shop ? 'Shop settings' : 'Create your shop'}
    >
      <Field label="Shop name" error={e.name?.message}>
        <input className="input" maxLength={80} {...form.register('name')} />
      </Field>
      <Field label="Tagline" hint="One line that says what you make." error={e.tagline?.message}>
        <input className="input" maxLength={140} {...form.register('tagline')} />
      </Field>
      <Field label="About your shop" error={e.description?.message}>
        <textarea className="textarea" maxLength={5000} {...form.register('description')} />
      </Field>
      <div className="form-row">
        <Controller
          control={form.control}
          name="logoUrl"
          render={({ field }) => (
            <ImageUpload
              label="Logo"
              values={field.value ? [field.value] : []}
              onChange={(v) => field.onChange(v[0] ?? null)}
            />
          )}
        />
        <Controller
          control={form.control}
          name="bannerUrl"
          render={({ field }) => (
            <ImageUpload
              label="Banner"
              wide
              values={field.value ? [field.value] : []}
              onChange={(v) => field.onChange(v[0] ?? null)}
            />
          )}
        />
      </div>
      <h2 className="card-title">Shipping policy</h2>
      <div className="form-row">
        <Field label="Flat shipping rate ($)" error={e.flatRate?.message}>
          <input className="input" inputMode="decimal" {...form.register('flatRate')} />
        </Field>
        <Field label="Free shipping over ($)" hint="Leave empty for never." error={e.freeOver?.message}>
          <input className="input" inputMode="decimal" {...form.register('freeOver')} />
        </Field>
        <Field label="Processing days" error={e.processingDays?.message}>
          <input className="input" inputMode="numeric" {...form.register('processingDays')} />
        </Field>
      </div>
      <StatusButton className="btn btn-primary btn-lg" pending={pending} pendingLabel="Saving…">
        {shop ? 'Save changes' : 'Open my shop'}
      </StatusButton>
    </form>
  );
}

/** Opening a shop needs a confirmed email (the server refuses otherwise): say so up front. */
function VerifyFirst() {
  const { user } = useMe();
  if (!user || user.emailVerified) return null;
  return (
    <div className="notice notice-warn" role="status">
      <div>
        <p>
          <strong>Confirm your email first.</strong> Your shop can open once you follow the link we mailed to{' '}
          <EmailText email={user.email} />.
        </p>
        <ResendVerificationButton sentMessage={`A new link is on its way to ${user.email}.`} />
      </div>
    </div>
  );
}

export function Component() {
  const shop = useMyShop();
  usePageMeta(shop.data ? 'Shop settings' : 'Open your shop');

  if (shop.isPending) return <PageSkeleton />;
  return (
    <div>
      <h1>{shop.data ? 'Shop settings' : 'Open your shop on Hearth'}</h1>
      {!shop.data && <p className="muted">It takes a minute. You can change everything later.</p>}
      {!shop.data && <VerifyFirst />}
      <ShopForm key={shop.data?.id ?? 'new'} shop={shop.data ?? null} />
      {shop.data && <VacationCard shop={shop.data} />}
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
