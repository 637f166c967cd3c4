// The account page's address book: saved addresses (default first) with edit, delete and
// "make default", and a form to add one. Every change answers with the whole book.
// Keyboard focus follows the work: an opened form's first field, then back to the control that
// opened it on Cancel, or to the address just saved, edited or made default; after a delete, the
// address that took its place (or "+ Add an address" when the book is empty). A delete's toast
// offers Undo, which saves the address again as it was (default included).
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { toast } from 'sonner';
import type { z } from 'zod';
import type { SavedAddressDto } from '../../shared/schemas/addresses';
import { type ShippingAddressInput, shippingAddressSchema } from '../../shared/schemas/checkout';
import { useCheckedForm } from '../lib/use-checked-form';
import { useFocusAfter } from '../lib/use-focus-after';
import { describeError, trpc, utils } from '../trpc';
import { AddressBlock } from './address-block';
import { AddressFields, blankAddress } from './address-fields';
import { StatusButton } from './ui/status-button';

type FormValues = z.input<typeof shippingAddressSchema>;

function AddressForm({
  initial,
  onSave,
  onCancel,
  pending,
  label,
}: {
  initial: FormValues;
  onSave: (a: ShippingAddressInput) => void;
  onCancel: () => void;
  pending: boolean;
  label: string;
}) {
  const form = useCheckedForm<FormValues, unknown, ShippingAddressInput>({
    resolver: zodResolver(shippingAddressSchema),
    defaultValues: { ...initial, line2: initial.line2 ?? '' },
  });
  const { setFocus } = form;
  // The form replaces the button that opened it; without this, focus fell to <body>.
  useEffect(() => setFocus('name'), [setFocus]);
  return (
    <form noValidate onSubmit={form.handleSubmit(onSave)} aria-label={label} className="address-form">
      <AddressFields register={form.register} errors={form.formState.errors} />
      <div className="step-actions">
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          Cancel
        </button>
        <StatusButton pending={pending} pendingLabel="Saving…">
          Save address
        </StatusButton>
      </div>
    </form>
  );
}

/** Runs `act` the first time only: the toast's Undo can be pressed again while it fades out. */
function once(act: () => void) {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    act();
  };
}

const addressItemId = (id: number) => `saved-address-${id}`;
const editButtonId = (id: number) => `edit-address-${id}`;

export function AddressBook() {
  const book = trpc.addresses.list.useQuery();
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const focusAfter = useFocusAfter();
  const addButton = useRef<HTMLButtonElement>(null);
  const byId = (id: string) => () => document.getElementById(id);
  /** Shows the new book; focus goes to the address `focusOn` picks from it, else "+ Add an address". */
  const done = (
    next: SavedAddressDto[],
    message: string,
    focusOn: (before: SavedAddressDto[]) => number | undefined,
    undo?: () => void,
  ) => {
    const id = focusOn(utils.addresses.list.getData() ?? []);
    focusAfter(id === undefined ? () => addButton.current : byId(addressItemId(id)));
    utils.addresses.list.setData(undefined, next);
    setEditing(null);
    // An Undo stays up long enough to reach by keyboard (Alt+T, then Tab) or to read and decide.
    toast.success(message, undo && { action: { label: 'Undo', onClick: undo }, duration: 10_000 });
  };
  const cancel = (id: number | 'new') => {
    focusAfter(id === 'new' ? () => addButton.current : byId(editButtonId(id)));
    setEditing(null);
  };
  const onError = (e: unknown) => toast.error(describeError(e).message);
  const create = trpc.addresses.create.useMutation({
    onSuccess: (n) => done(n, 'Address saved.', (before) => n.find((a) => !before.some((b) => b.id === a.id))?.id),
    onError,
  });
  const update = trpc.addresses.update.useMutation({
    onSuccess: (n, v) => done(n, 'Address updated.', () => v.addressId),
    onError,
  });
  // Undo saves the deleted address again, default or not as it was; focus goes to it, wherever it
  // was (Undo is pressed in a toast, which hands focus back to where it was before, not to <body>).
  const restored = useRef<number | null>(null);
  const restore = trpc.addresses.create.useMutation({
    onSuccess: (n) => {
      done(n, 'Address restored.', (before) => {
        restored.current = n.find((a) => !before.some((b) => b.id === a.id))?.id ?? null;
        return restored.current ?? undefined;
      });
      focusAfter(null);
    },
    onError,
  });
  useEffect(() => {
    const el = restored.current === null ? null : document.getElementById(addressItemId(restored.current));
    if (!el) return;
    restored.current = null;
    el.focus();
    // Focus leaving the toasts makes sonner put it back where it was before Alt+T, once.
    if (document.activeElement !== el) el.focus();
  });
  const remove = trpc.addresses.remove.useMutation({
    onSuccess: (n, v) => {
      const gone = utils.addresses.list.getData()?.find((a) => a.id === v.addressId);
      done(
        n,
        'Address deleted.',
        (before) => {
          const at = before.findIndex((a) => a.id === v.addressId);
          return (n[at] ?? n[at - 1])?.id;
        },
        gone && once(() => restore.mutate({ address: gone.address, makeDefault: gone.isDefault })),
      );
    },
    onError,
  });
  const setDefault = trpc.addresses.setDefault.useMutation({
    onSuccess: (n, v) => done(n, 'Default address changed.', () => v.addressId),
    onError,
  });

  return (
    <section className="card account-section address-book" aria-labelledby="addresses-h">
      <h2 id="addresses-h">Addresses</h2>
      {book.isPending ? (
        <p className="muted" aria-busy="true">
          Loading your addresses…
        </p>
      ) : book.isError ? (
        <div className="notice notice-danger" role="alert">
          <p>
            Your addresses could not be loaded.{' '}
            <button type="button" className="link-btn" onClick={() => book.refetch()}>
              Try again
            </button>
          </p>
        </div>
      ) : book.data.length === 0 && editing !== 'new' ? (
        <p className="muted">No saved addresses yet. Save one to fill in checkout in one tap.</p>
      ) : (
        <ul className="plain-list address-list">
          {book.data.map((a) =>
            editing === a.id ? (
              <li key={a.id}>
                <AddressForm
                  label="Edit address"
                  initial={a.address}
                  pending={update.isPending}
                  onCancel={() => cancel(a.id)}
                  onSave={(address) => update.mutate({ addressId: a.id, address })}
                />
              </li>
            ) : (
              <li key={a.id} id={addressItemId(a.id)} tabIndex={-1} className="address-item">
                <AddressBlock address={a.address} className="small" />
                <div className="address-actions">
                  {a.isDefault ? (
                    <span className="badge badge-sage">Default</span>
                  ) : (
                    <button
                      type="button"
                      className="btn btn-ghost btn-sm"
                      onClick={() => setDefault.mutate({ addressId: a.id })}
                    >
                      Make default
                    </button>
                  )}
                  <button
                    type="button"
                    id={editButtonId(a.id)}
                    className="btn btn-ghost btn-sm"
                    onClick={() => setEditing(a.id)}
                    aria-label={`Edit address ${a.address.line1}`}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="btn btn-ghost btn-sm"
                    disabled={remove.isPending}
                    onClick={() => remove.mutate({ addressId: a.id })}
                    aria-label={`Delete address ${a.address.line1}`}
                  >
                    Delete
                  </button>
                </div>
              </li>
            ),
          )}
        </ul>
      )}
      {editing === 'new' ? (
        <AddressForm
          label="New address"
          initial={blankAddress}
          pending={create.isPending}
          onCancel={() => cancel('new')}
          onSave={(address) => create.mutate({ address })}
        />
      ) : (
        book.isSuccess && (
          <button type="button" ref={addButton} className="btn" onClick={() => setEditing('new')}>
            + Add an address
          </button>
        )
      )}
    </section>
  );
}
