// Create or edit a listing: react-hook-form checked with the shared createProductInput schema
// (the server's own rules and messages); errors clear as soon as a field is fixed, and server
// field errors land on the same fields. Editing, "Save listing" also saves the combination table's
// unsaved changes, so pressing it instead of "Save variations" loses nothing; with nothing to
// store it sends nothing and says so. Whether anything is unsaved (form or table) is told to the
// dialog through `changes`, which asks before closing.
import { type FormEvent, type RefObject, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { Controller } from 'react-hook-form';
import { toast } from 'sonner';
import type { CategoryNode, ProductDto } from '../../../shared/schemas/catalog';
import { Field } from '../../components/field';
import { ImageUpload } from '../../components/image-upload';
import { StatusButton } from '../../components/ui/status-button';
import { applyServerErrors } from '../../lib/form-errors';
import { parseDollars, plural } from '../../lib/format';
import { saveUnlessUnchanged } from '../../lib/save-unless-unchanged';
import { useCheckedForm } from '../../lib/use-checked-form';
import { DIGITS_ONLY, keepDigits } from '../../lib/whole-number-input';
import { describeError, trpc } from '../../trpc';
import {
  type ListingFormValues,
  type ListingInput,
  listingResolver,
  storesTheSame,
  updateOf,
  valuesFrom,
} from './listing-form-values';
import { useMyShop } from './use-my-shop';
import {
  CELLS_PROBLEM,
  NO_VARIATIONS,
  type UnsavedVariations,
  useVariationsDraft,
  VariationsEditor,
  VariationsFields,
} from './variations-editor';

// One <optgroup> per department: the closed select then shows "Invitations", not a
// space-indented "  Invitations" (the old nbsp indent showed on phones). A listing may sit in the
// department itself, so it is the group's first option.
function CategoryOptions({ tree }: { tree: CategoryNode[] }) {
  const flatten = (nodes: CategoryNode[]): CategoryNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);
  return tree.map((department) => (
    <optgroup key={department.slug} label={department.name}>
      <option value={department.slug}>{department.name} (general)</option>
      {flatten(department.children).map((c) => (
        <option key={c.slug} value={c.slug}>
          {c.name}
        </option>
      ))}
    </optgroup>
  ));
}

// The toast of a save that closes the dialog ("Listing updated", "No changes to save"), shown on the
// page; one replaces the last instead of stacking. What a save that keeps the dialog open came to
// is said beside Save listing instead (decision 0201): a toast there covered the dialog's fields.
const SAVE_TOAST = { id: 'listing-form-save' };

/** Under the empty Price of a listing saved without one. */
const NO_PRICE_YET = 'This listing has no price. Enter one to put it on sale.';

/**
 * Where focus starts as the form opens: Title, or the stock ("Edit stock"): the quantity field,
 * or for a listing with variations the first combination's quantity once the table is drawn.
 */
export type ListingFormStart = 'title' | 'stock';

/** What the dialog around the form may ask before it closes. */
export interface UnsavedListing {
  /** True when the form or the combination table differs from what was last saved. */
  changed(): boolean;
}

export function ListingForm({
  shopId,
  product,
  onDone,
  onCancel,
  changes,
  startAt = 'title',
}: {
  shopId: number;
  product: ProductDto | null;
  startAt?: ListingFormStart;
  /** Saved: close without asking. */
  onDone: () => void;
  /** Cancel pressed: the owner asks first when `changes` says something is unsaved. */
  onCancel: () => void;
  changes?: RefObject<UnsavedListing | null>;
}) {
  const categories = trpc.catalog.categories.useQuery(undefined, { staleTime: 10 * 60_000 });
  const trpcUtils = trpc.useUtils();
  // Why the last press of Save listing did not save, beside the button (a polite live region).
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useCheckedForm<ListingFormValues, unknown, ListingInput>({
    resolver: listingResolver,
    defaultValues: valuesFrom(product),
  });
  const quantityField = form.register('quantity');
  const refresh = () =>
    Promise.all([
      trpcUtils.catalog.shopProducts.invalidate(),
      trpcUtils.catalog.product.invalidate(),
      trpcUtils.seller.listings.invalidate(),
      trpcUtils.catalog.variations.invalidate(),
    ]);
  const done = async (
    message = product ? 'Listing updated.' : 'Listing published — it will appear in search within seconds.',
  ) => {
    await refresh();
    toast.success(message, SAVE_TOAST);
    onDone();
  };
  const fail = (err: unknown) => {
    // A new listing's combination table answers on its own cells ("variations.combinations.2.quantity").
    const onTable = !product && draft.showServerErrors(err, 'variations.');
    const message = applyServerErrors(form, err, { priceCents: 'price' });
    setRefusal(onTable || !message ? 'Please fix the highlighted fields.' : message);
  };
  const create = trpc.catalog.createProduct.useMutation({ onSuccess: () => done(), onError: fail });
  const update = trpc.catalog.updateProduct.useMutation({ onError: fail });
  // The editor's unsaved table, sent once the listing itself is saved (see submit).
  const unsaved = useRef<UnsavedVariations>(null);
  const saveTable = trpc.catalog.setVariations.useMutation();
  const tableFailed = (err: unknown, listingSaved: boolean) => {
    // Checked in the browser first, so rare (a SKU taken, stock below what carts hold); the
    // dialog stays open and says which half was saved.
    const placed = unsaved.current?.showServerErrors(err) ?? false;
    const why = placed ? 'please fix the highlighted cells.' : describeError(err).message;
    setRefusal(
      listingSaved ? `The listing was saved, but not its variations: ${why}` : `The variations were not saved: ${why}`,
    );
    void refresh();
  };
  const pending = create.isPending || update.isPending || saveTable.isPending;
  const e = form.formState.errors;
  const shop = useMyShop();
  const draft = useVariationsDraft(NO_VARIATIONS, parseDollars(form.watch('price')) ?? 0);
  // With variations, price and quantity live in the combination table (the server refuses them here).
  const varies = product ? product.variations != null : draft.properties.length > 0;
  const personalize = form.watch('personalize');
  const processingMode = form.watch('processingMode');
  const madeToOrder = form.watch('madeToOrder');
  const shopDays = shop.data?.shippingPolicy.processingDays;
  // Read while rendering so react-hook-form keeps it current (its formState is a lazy proxy).
  const formChanged = form.formState.isDirty;
  // A listing saved without a price (archived at $0.00, decision 0199) asks for one up front, as a
  // required field does, until one is typed; the form's own check takes over once it is submitted.
  const asksForPrice = !!product && !varies && product.priceCents <= 0 && !form.watch('price').trim();
  // Why Save listing refused no longer stands once the form or a new listing's table is edited,
  // even back to what is saved: the next press checks afresh. ('varies' is set by the submit itself.)
  useEffect(() => {
    const sub = form.watch((_, { name }) => {
      if (name !== 'varies') setRefusal(null);
    });
    return () => sub.unsubscribe();
  }, [form]);
  const draftShown = draft.shown;
  const lastDraftShown = useRef(draftShown);
  useEffect(() => {
    if (draftShown === lastDraftShown.current) return;
    lastDraftShown.current = draftShown;
    setRefusal(null);
  }, [draftShown]);
  useImperativeHandle(changes, () => ({
    changed: () => formChanged || (product ? (unsaved.current?.changed() ?? false) : draft.changed),
  }));

  // A keyboard user starts on Title (or on Quantity in stock after "Edit stock"), not on the
  // dialog's Close button. The dialog focuses that field itself when the form opens with it
  // (data-autofocus); a listing still loading as it opened shows the form later, so the field takes
  // focus then, unless focus has gone elsewhere. With variations the stock is in the table, which
  // takes focus when it is drawn (VariationsEditor's startOnStock).
  const formEl = useRef<HTMLFormElement>(null);
  const { setFocus } = form;
  const firstField = startAt === 'stock' && !varies && !madeToOrder ? 'quantity' : 'title';
  useEffect(() => {
    const el = formEl.current;
    const active = document.activeElement;
    const dialog = el?.closest('dialog');
    if (!el || !dialog?.open || el.contains(active)) return;
    if (active && active !== document.body && !dialog.contains(active)) return;
    setFocus(firstField);
  }, [setFocus, firstField]);

  // A refusal appears right above the buttons and pushes them down: the button just pressed, still
  // focused, slid past the dialog's bottom edge (wholly at 390 px, partly at 1366 px). Bring what has
  // focus back into view, with its ring (the dialog's scroll-padding); a marked field already shown stays put.
  useEffect(() => {
    if (!refusal) return;
    const active = document.activeElement;
    if (active instanceof HTMLElement && formEl.current?.contains(active)) active.scrollIntoView({ block: 'nearest' });
  }, [refusal]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    setRefusal(null);
    form.setValue('varies', varies);
    // A new listing's table is checked with the form, so nothing is sent while a cell is wrong;
    // so is an edited listing's unsaved table (null: nothing changed), saved after the listing so
    // that a listing just given variations still takes its price and quantity first.
    const table = !product && varies ? draft.build() : undefined;
    const changedTable = product ? (unsaved.current?.take() ?? null) : null;
    return form.handleSubmit((input) => {
      if (table === null || changedTable === 'invalid') {
        setRefusal((table === null ? draft.problem() : unsaved.current?.problem()) ?? CELLS_PROBLEM);
        return;
      }
      if (product) {
        // The form says exactly what is saved: send no update (which would date the listing
        // today), save only a changed table, or say there is nothing to save and close.
        const listingChanged = !storesTheSame(input, product);
        const sendTable = () =>
          changedTable
            ? saveTable.mutate(
                { productId: product.id, ...changedTable },
                {
                  onSuccess: () => done(listingChanged ? 'Listing and variations updated.' : 'Variations saved.'),
                  onError: (err) => tableFailed(err, listingChanged),
                },
              )
            : done();
        const sent = saveUnlessUnchanged({
          unchanged: !listingChanged && !changedTable,
          toastId: SAVE_TOAST.id,
          upToDate: 'No changes to save: your listing is up to date.',
          save: () =>
            listingChanged
              ? update.mutate({ productId: product.id, ...updateOf(input, varies) }, { onSuccess: sendTable })
              : sendTable(),
        });
        if (!sent) onDone();
        return;
      }
      create.mutate({
        shopId,
        ...input,
        // With variations the listing is priced from its cheapest combination (the server's rule too).
        ...(table?.combinations.length ? { priceCents: Math.min(...table.combinations.map((c) => c.priceCents)) } : {}),
        ...(table ? { variations: table } : {}),
      });
    })(event);
  };

  return (
    <>
      <form ref={formEl} noValidate aria-label={product ? 'Edit listing' : 'New listing'} onSubmit={submit}>
        <Field label="Title" error={e.title?.message}>
          <input
            className="input"
            maxLength={140}
            data-autofocus={firstField === 'title' ? '' : undefined}
            {...form.register('title')}
          />
        </Field>
        <Field label="Description" error={e.description?.message}>
          <textarea className="textarea" maxLength={5000} {...form.register('description')} />
        </Field>
        <div className="form-row">
          {varies ? (
            <p className="hint form-row-note">Price and quantity are set per combination under Variations below.</p>
          ) : (
            <>
              <Field label="Price ($)" error={e.price?.message ?? (asksForPrice ? NO_PRICE_YET : undefined)}>
                <input className="input" inputMode="decimal" {...form.register('price')} />
              </Field>
              {!madeToOrder && (
                <Field label="Quantity in stock" error={e.quantity?.message}>
                  <input
                    className="input"
                    inputMode="numeric"
                    data-autofocus={firstField === 'quantity' ? '' : undefined}
                    {...quantityField}
                    onChange={async (event) => {
                      // Letters never land in the box; saying so outlasts the form's own re-check.
                      const { digits, dropped } = keepDigits(event.target.value);
                      event.target.value = digits;
                      await quantityField.onChange(event);
                      if (dropped) form.setError('quantity', { message: DIGITS_ONLY });
                      else if (form.getFieldState('quantity').error?.message === DIGITS_ONLY)
                        form.clearErrors('quantity');
                    }}
                  />
                </Field>
              )}
            </>
          )}
          <Field label="Category" error={e.categorySlug?.message}>
            <select className="select" {...form.register('categorySlug')}>
              <option value="">Choose…</option>
              <CategoryOptions tree={categories.data ?? []} />
            </select>
          </Field>
        </div>
        <div className="form-row">
          <Field label="Tags" hint="Comma separated, up to 13." error={e.tags?.message}>
            <input className="input" {...form.register('tags')} />
          </Field>
          <Field label="Materials" hint="Comma separated, e.g. stoneware, glaze" error={e.materials?.message}>
            <input className="input" {...form.register('materials')} />
          </Field>
        </div>
        <label className="check check-spaced">
          <input type="checkbox" {...form.register('isVintage')} />
          Vintage (at least 20 years old)
        </label>
        <Controller
          control={form.control}
          name="images"
          render={({ field, fieldState }) => (
            <>
              <ImageUpload label="Photos" item="photo" values={field.value} onChange={field.onChange} max={10} />
              {fieldState.error && (
                <p className="error" role="alert">
                  {fieldState.error.message}
                </p>
              )}
            </>
          )}
        />
        <fieldset className="form-fieldset">
          <legend>Personalisation</legend>
          <label className="check">
            <input type="checkbox" {...form.register('personalize')} />
            Buyers can personalise this (e.g. a name to engrave)
          </label>
          {personalize && (
            <>
              <Field label="Instructions for buyers" hint="Shown above the buyer's text box." error={e.prompt?.message}>
                <input
                  className="input"
                  maxLength={500}
                  placeholder="Name to engrave, max 12 letters"
                  {...form.register('prompt')}
                />
              </Field>
              <div className="form-row">
                <Field label="Most characters" error={e.maxChars?.message}>
                  <input className="input" inputMode="numeric" {...form.register('maxChars')} />
                </Field>
                <label className="check form-row-check">
                  <input type="checkbox" {...form.register('required')} />
                  Required
                </label>
              </div>
            </>
          )}
        </fieldset>
        <fieldset className="form-fieldset">
          <legend>Processing time</legend>
          <label className="check">
            <input type="radio" value="shop" {...form.register('processingMode')} />
            Use shop default{shopDays !== undefined ? ` (${plural(shopDays, 'business day')})` : ''}
          </label>
          <label className="check">
            <input type="radio" value="own" {...form.register('processingMode')} />
            This listing's own processing time
          </label>
          {processingMode === 'own' && (
            <div className="form-row">
              <Field label="Shortest (business days)" error={e.minDays?.message}>
                <input className="input" inputMode="numeric" {...form.register('minDays')} />
              </Field>
              <Field label="Longest (business days)" error={e.maxDays?.message}>
                <input className="input" inputMode="numeric" {...form.register('maxDays')} />
              </Field>
            </div>
          )}
          <label className="check">
            <input type="checkbox" {...form.register('madeToOrder')} />
            Made to order (no stock to count; made after each order)
          </label>
        </fieldset>
        {!product && (
          <section className="variations" aria-labelledby="variations-title">
            <VariationsFields draft={draft} />
          </section>
        )}
        {/* Always in the page, so a screen reader hears each new refusal. */}
        <p className="form-status" role="status">
          {refusal}
        </p>
        <div className="step-actions">
          <button type="button" className="btn btn-ghost" onClick={onCancel}>
            Cancel
          </button>
          <StatusButton pending={pending} pendingLabel="Saving…">
            {product ? 'Save listing' : 'Publish listing'}
          </StatusButton>
        </div>
      </form>
      {product && (
        <VariationsEditor
          productId={product.id}
          basePriceCents={product.priceCents}
          unsaved={unsaved}
          startOnStock={startAt === 'stock'}
          onEdited={() => setRefusal(null)}
        />
      )}
    </>
  );
}
