// The account page's address book: saved addresses (default first) with edit, delete and
// "make default", and a form to add one. Every change answers with the whole book.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { toast } from 'sonner';
import type { z } from 'zod';
import type { SavedAddressDto } from '../../shared/schemas/addresses';
import { type ShippingAddressInput, shippingAddressSchema } from '../../shared/schemas/checkout';
import { useCheckedForm } from '../lib/use-checked-form';
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

export function AddressBook() {
  const book = trpc.addresses.list.useQuery();
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const done = (next: SavedAddressDto[], message: string) => {
    utils.addresses.list.setData(undefined, next);
    setEditing(null);
    toast.success(message);
  };
  const onError = (e: unknown) => toast.error(describeError(e).message);
  const create = trpc.addresses.create.useMutation({ onSuccess: (n) => done(n, 'Address saved'), onError });
  const update = trpc.addresses.update.useMutation({ onSuccess: (n) => done(n, 'Address updated'), onError });
  const remove = trpc.addresses.remove.useMutation({ onSuccess: (n) => done(n, 'Address deleted'), onError });
  const setDefault = trpc.addresses.setDefault.useMutation({
    onSuccess: (n) => done(n, 'Default address changed'),
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
                  onCancel={() => setEditing(null)}
                  onSave={(address) => update.mutate({ addressId: a.id, address })}
                />
              </li>
            ) : (
              <li key={a.id} className="address-item">
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
          onCancel={() => setEditing(null)}
          onSave={(address) => create.mutate({ address })}
        />
      ) : (
        book.isSuccess && (
          <button type="button" className="btn" onClick={() => setEditing('new')}>
            + Add an address
          </button>
        )
      )}
    </section>
  );
}
