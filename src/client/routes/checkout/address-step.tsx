// Step 1: where to ship. Validated with the shared address schema; prefilled with what the
// buyer was typing here before a reload, else what they entered in this checkout, else their
// default saved address, else their last order's. A signed-in buyer may pick a saved address or
// save the one typed; a guest gives an email. Every change is handed to `onEdit` (kept for a reload).
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';
import type { SavedAddressDto } from '../../../shared/schemas/addresses';
import { emailSchema } from '../../../shared/schemas/auth';
import { type ShippingAddressInput, shippingAddressSchema } from '../../../shared/schemas/checkout';
import type { ShippingAddressDto } from '../../../shared/schemas/orders';
import { AddressBlock } from '../../components/address-block';
import { AddressFields, blankAddress } from '../../components/address-fields';
import { Field } from '../../components/field';
import { useCheckedForm } from '../../lib/use-checked-form';
import type { AddressTyping } from './checkout-draft-store';

// A guest also gives the email their orders belong to; a signed-in buyer's is their account's.
const guestSchema = z.intersection(shippingAddressSchema, z.object({ email: emailSchema }));
type AddressForm = z.input<typeof shippingAddressSchema> & { email?: string };

const sameAddress = (a: ShippingAddressDto, b: ShippingAddressDto) =>
  a.name === b.name &&
  a.line1 === b.line1 &&
  (a.line2 ?? '') === (b.line2 ?? '') &&
  a.city === b.city &&
  a.region === b.region &&
  a.postalCode === b.postalCode &&
  a.country === b.country;

export function AddressStep({
  initial,
  typed,
  guestEmail,
  saved = [],
  onEdit,
  onDone,
}: {
  initial: ShippingAddressDto | null;
  /** What was being typed here before a reload; wins over `initial`. */
  typed?: AddressTyping | null;
  /** Set (possibly empty) for a guest: the form then asks for an email too. */
  guestEmail?: string;
  /** A signed-in buyer's address book. */
  saved?: SavedAddressDto[];
  onEdit?: (typing: AddressTyping) => void;
  onDone: (a: ShippingAddressInput, options: { email?: string; save: boolean }) => void;
}) {
  const guest = guestEmail !== undefined;
  const form = useCheckedForm<AddressForm, unknown, ShippingAddressInput & { email?: string }>({
    resolver: zodResolver(guest ? guestSchema : shippingAddressSchema) as never,
    // Restored values are where the form starts, not edits: like a prefilled address they show no
    // error until the buyer submits, or types in a field and leaves it (decision 0177).
    defaultValues: {
      ...(typed
        ? { ...blankAddress, ...typed.fields }
        : initial
          ? { ...blankAddress, ...initial, line2: initial.line2 ?? '' }
          : blankAddress),
      ...(guest ? { email: typed?.email ?? guestEmail } : {}),
    },
  });
  const [save, setSave] = useState(typed?.save ?? false);
  const remember = (saving = save) => {
    const { email, ...fields } = form.getValues();
    onEdit?.({ fields: { ...fields, line2: fields.line2 ?? '' }, email: guest ? (email ?? '') : null, save: saving });
  };
  // The form's register, telling `onEdit` of each change. The library stores the new value before
  // its first await, so it is read at once: a reload straight after typing loses nothing.
  const register: typeof form.register = (name, options) => {
    const field = form.register(name, options);
    return {
      ...field,
      onChange: (event) => {
        const result = field.onChange(event);
        remember();
        return result;
      },
    };
  };
  const values = form.watch();
  const picked = saved.find((s) =>
    sameAddress(s.address, { ...values, line2: values.line2 ?? null, region: values.region ?? '' }),
  );
  const e = form.formState.errors;
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit(({ email, ...address }) => onDone(address, { email, save: save && !picked }))}
      aria-label="Shipping address"
    >
      {guest && (
        <Field
          label="Email"
          hint="For your receipt and a link to your order. No account needed; you can make one afterwards."
          error={e.email?.message}
        >
          <input className="input" type="email" autoComplete="email" {...register('email')} />
        </Field>
      )}
      {saved.length > 0 && (
        <fieldset className="saved-addresses">
          <legend>Your saved addresses</legend>
          {saved.map((s) => (
            <label key={s.id} className="saved-address">
              <input
                type="radio"
                name="saved-address"
                checked={picked?.id === s.id}
                onChange={() => {
                  form.reset({ ...blankAddress, ...s.address, line2: s.address.line2 ?? '' });
                  remember();
                }}
              />
              <AddressBlock address={s.address} className="small" />
            </label>
          ))}
        </fieldset>
      )}
      <AddressFields register={register} errors={e} />
      {!guest && !picked && (
        <label className="check-row">
          <input
            type="checkbox"
            checked={save}
            onChange={(ev) => {
              setSave(ev.target.checked);
              remember(ev.target.checked);
            }}
          />
          Save this address to my address book
        </label>
      )}
      <div className="step-actions">
        <Link to="/cart" className="btn btn-ghost">
          ← Back to cart
        </Link>
        <button type="submit" className="btn btn-primary btn-lg">
          Continue to payment
        </button>
      </div>
    </form>
  );
}
