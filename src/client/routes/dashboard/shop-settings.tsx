// Create or edit the shop: name, tagline, description, logo and banner with preview, shipping.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { toast } from 'sonner';
import type { ShopDto } from '../../../shared/schemas/shops';
import { createShopInput } from '../../../shared/schemas/shops';
import { Field } from '../../components/field';
import { ImageUpload } from '../../components/image-upload';
import { PageSkeleton, RouteErrorBoundary } from '../../components/states';
import { centsToDollarsText, parseDollars } from '../../lib/format';
import { describeError, queryClient, trpc } from '../../trpc';
import { useMyShop } from './use-my-shop';

interface Draft {
  name: string;
  tagline: string;
  description: string;
  logoUrl: string | null;
  bannerUrl: string | null;
  flatRate: string;
  freeOver: string;
  processingDays: string;
}

function draftFrom(shop: ShopDto | null | undefined): Draft {
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

function ShopForm({ shop }: { shop: ShopDto | null }) {
  const [d, setD] = useState<Draft>(() => draftFrom(shop));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const navigate = useNavigate();
  const trpcUtils = trpc.useUtils();
  const set = (k: keyof Draft) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setD((x) => ({ ...x, [k]: e.target.value }));
  const onSaved = async (saved: ShopDto) => {
    trpcUtils.shops.mine.setData(undefined, saved);
    await queryClient.invalidateQueries();
    toast.success(shop ? 'Shop updated' : 'Your shop is open! Add your first listing.');
    if (!shop) navigate('/dashboard/listings');
  };
  const onError = (err: unknown) => {
    const info = describeError(err);
    const fe: Record<string, string> = {};
    for (const [k, v] of Object.entries(info.fieldErrors)) fe[k] = v[0] ?? 'Invalid';
    if (info.code === 'SLUG_TAKEN' || info.code === 'SHOP_EXISTS') fe.name = info.message;
    setErrors(fe);
    if (!Object.keys(fe).length) toast.error(info.message);
  };
  const create = trpc.shops.create.useMutation({ onSuccess: onSaved, onError });
  const update = trpc.shops.update.useMutation({ onSuccess: onSaved, onError });
  const pending = create.isPending || update.isPending;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const flat = parseDollars(d.flatRate);
    const freeOver = d.freeOver.trim() ? parseDollars(d.freeOver) : null;
    const payload = {
      name: d.name,
      tagline: d.tagline || undefined,
      description: d.description || undefined,
      logoUrl: d.logoUrl,
      bannerUrl: d.bannerUrl,
      shippingPolicy: {
        flatRateCents: flat ?? -1,
        freeOverCents: freeOver ?? (d.freeOver.trim() ? -1 : null),
        processingDays: Number(d.processingDays),
      },
    };
    const parsed = createShopInput.safeParse(payload);
    if (!parsed.success) {
      const fe: Record<string, string> = {};
      for (const issue of parsed.error.issues) fe[issue.path.join('.')] ??= issue.message;
      if (fe['shippingPolicy.flatRateCents']) fe['shippingPolicy.flatRateCents'] = 'Enter a price like 4.50';
      if (fe['shippingPolicy.freeOverCents'])
        fe['shippingPolicy.freeOverCents'] = 'Enter an amount like 50, or leave empty';
      setErrors(fe);
      return;
    }
    setErrors({});
    if (shop) update.mutate({ shopId: shop.id, ...parsed.data });
    else create.mutate(parsed.data);
  }

  return (
    <form noValidate onSubmit={submit} className="card" aria-label={shop ? 'Shop settings' : 'Create your shop'}>
      <Field label="Shop name" error={errors.name}>
        <input className="input" value={d.name} onChange={set('name')} maxLength={80} />
      </Field>
      <Field label="Tagline" hint="One line that says what you make." error={errors.tagline}>
        <input className="input" value={d.tagline} onChange={set('tagline')} maxLength={140} />
      </Field>
      <Field label="About your shop" error={errors.description}>
        <textarea className="textarea" value={d.description} onChange={set('description')} maxLength={5000} />
      </Field>
      <div className="form-row">
        <ImageUpload
          label="Logo"
          values={d.logoUrl ? [d.logoUrl] : []}
          onChange={(v) => setD((x) => ({ ...x, logoUrl: v[0] ?? null }))}
        />
        <ImageUpload
          label="Banner"
          wide
          values={d.bannerUrl ? [d.bannerUrl] : []}
          onChange={(v) => setD((x) => ({ ...x, bannerUrl: v[0] ?? null }))}
        />
      </div>
      <h2 style={{ fontSize: '1.1rem', marginTop: 8 }}>Shipping policy</h2>
      <div className="form-row">
        <Field label="Flat shipping rate ($)" error={errors['shippingPolicy.flatRateCents']}>
          <input className="input" inputMode="decimal" value={d.flatRate} onChange={set('flatRate')} />
        </Field>
        <Field
          label="Free shipping over ($)"
          hint="Leave empty for never."
          error={errors['shippingPolicy.freeOverCents']}
        >
          <input className="input" inputMode="decimal" value={d.freeOver} onChange={set('freeOver')} />
        </Field>
        <Field label="Processing days" error={errors['shippingPolicy.processingDays']}>
          <input
            className="input"
            type="number"
            min={0}
            max={60}
            value={d.processingDays}
            onChange={set('processingDays')}
          />
        </Field>
      </div>
      <button type="submit" className="btn btn-primary btn-lg" disabled={pending}>
        {pending ? 'Saving…' : shop ? 'Save changes' : 'Open my shop'}
      </button>
    </form>
  );
}

export function Component() {
  const shop = useMyShop();
  if (shop.isPending) return <PageSkeleton />;
  return (
    <div>
      <h1>{shop.data ? 'Shop settings' : 'Open your shop on Hearth'}</h1>
      {!shop.data && <p className="muted">It takes a minute. You can change everything later.</p>}
      <ShopForm key={shop.data?.id ?? 'new'} shop={shop.data ?? null} />
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
