// Create or edit a listing. Validated with the shared zod schema before sending; server field
// errors (error.data.fieldErrors) land on the same fields.
import { useState } from 'react';
import { toast } from 'sonner';
import { type CategoryNode, createProductInput, type ProductDto } from '../../../shared/schemas/catalog';
import { Field } from '../../components/field';
import { ImageUpload } from '../../components/image-upload';
import { centsToDollarsText, parseDollars } from '../../lib/format';
import { describeError, trpc } from '../../trpc';

function flatten(nodes: CategoryNode[], depth = 0): { slug: string; label: string }[] {
  return nodes.flatMap((n) => [
    { slug: n.slug, label: `${'\u00a0\u00a0'.repeat(depth)}${n.name}` },
    ...flatten(n.children, depth + 1),
  ]);
}

const splitList = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim().toLowerCase())
    .filter(Boolean);

export function ListingForm({
  shopId,
  product,
  onDone,
}: {
  shopId: number;
  product: ProductDto | null;
  onDone: () => void;
}) {
  const categories = trpc.catalog.categories.useQuery(undefined, { staleTime: 10 * 60_000 });
  const trpcUtils = trpc.useUtils();
  const [title, setTitle] = useState(product?.title ?? '');
  const [description, setDescription] = useState(product?.description ?? '');
  const [price, setPrice] = useState(product ? centsToDollarsText(product.priceCents) : '');
  const [quantity, setQuantity] = useState(String(product?.quantity ?? 1));
  const [categorySlug, setCategorySlug] = useState(product?.category.slug ?? '');
  const [tags, setTags] = useState(product?.tags.join(', ') ?? '');
  const [materials, setMaterials] = useState(product?.materials.join(', ') ?? '');
  const [isVintage, setIsVintage] = useState(product?.isVintage ?? false);
  const [images, setImages] = useState<string[]>(product?.images ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const done = async () => {
    await Promise.all([
      trpcUtils.catalog.shopProducts.invalidate(),
      trpcUtils.catalog.product.invalidate(),
      trpcUtils.seller.listings.invalidate(),
    ]);
    toast.success(product ? 'Listing updated' : 'Listing published — it will appear in search within seconds.');
    onDone();
  };
  const fail = (err: unknown) => {
    const info = describeError(err);
    const fe: Record<string, string> = {};
    for (const [k, v] of Object.entries(info.fieldErrors)) fe[k] = v[0] ?? 'Invalid';
    setErrors(fe);
    toast.error(Object.keys(fe).length ? 'Please fix the highlighted fields.' : info.message);
  };
  const create = trpc.catalog.createProduct.useMutation({ onSuccess: done, onError: fail });
  const update = trpc.catalog.updateProduct.useMutation({ onSuccess: done, onError: fail });
  const pending = create.isPending || update.isPending;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const payload = {
      shopId,
      title,
      description,
      priceCents: parseDollars(price) ?? -1,
      quantity: Number.parseInt(quantity, 10),
      categorySlug,
      tags: splitList(tags),
      materials: splitList(materials),
      isVintage,
      images,
    };
    const parsed = createProductInput.safeParse(payload);
    if (!parsed.success) {
      const fe: Record<string, string> = {};
      for (const issue of parsed.error.issues) fe[String(issue.path[0])] ??= issue.message;
      if (fe.priceCents && payload.priceCents < 0) fe.priceCents = 'Enter a price like 24.00';
      if (fe.categorySlug) fe.categorySlug = 'Choose a category';
      if (fe.quantity) fe.quantity = 'Enter a whole number from 0 to 10,000';
      setErrors(fe);
      return;
    }
    setErrors({});
    if (product) {
      const { shopId: _s, ...fields } = parsed.data;
      update.mutate({ productId: product.id, ...fields });
    } else create.mutate(parsed.data);
  }

  return (
    <form noValidate onSubmit={submit} aria-label={product ? 'Edit listing' : 'New listing'}>
      <Field label="Title" error={errors.title}>
        <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={140} />
      </Field>
      <Field label="Description" error={errors.description}>
        <textarea
          className="textarea"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          maxLength={5000}
        />
      </Field>
      <div className="form-row">
        <Field label="Price ($)" error={errors.priceCents}>
          <input className="input" inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} />
        </Field>
        <Field label="Quantity in stock" error={errors.quantity}>
          <input
            className="input"
            type="number"
            min={0}
            max={10000}
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
          />
        </Field>
        <Field label="Category" error={errors.categorySlug}>
          <select className="select" value={categorySlug} onChange={(e) => setCategorySlug(e.target.value)}>
            <option value="">Choose…</option>
            {flatten(categories.data ?? []).map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="form-row">
        <Field label="Tags" hint="Comma separated, up to 13." error={errors.tags}>
          <input className="input" value={tags} onChange={(e) => setTags(e.target.value)} />
        </Field>
        <Field label="Materials" hint="Comma separated, e.g. stoneware, glaze" error={errors.materials}>
          <input className="input" value={materials} onChange={(e) => setMaterials(e.target.value)} />
        </Field>
      </div>
      <label className="check" style={{ marginBottom: 14 }}>
        <input type="checkbox" checked={isVintage} onChange={(e) => setIsVintage(e.target.checked)} />
        Vintage (at least 20 years old)
      </label>
      <ImageUpload label="Photos" values={images} onChange={setImages} max={10} />
      {errors.images && <p className="error">{errors.images}</p>}
      <div className="step-actions">
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? 'Saving…' : product ? 'Save listing' : 'Publish listing'}
        </button>
      </div>
    </form>
  );
}
