// Step 1: where to ship. Validated with the shared address schema; prefilled with what the
// buyer entered in this checkout, else the address of their last order.
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { z } from 'zod';
import { emailSchema } from '../../../shared/schemas/auth';
import { type ShippingAddressInput, shippingAddressSchema } from '../../../shared/schemas/checkout';
import type { ShippingAddressDto } from '../../../shared/schemas/orders';
import { Field } from '../../components/field';
import { countryOptions } from '../../lib/countries';

// A guest also gives the email their orders belong to; a signed-in buyer's is their account's.
const guestSchema = z.intersection(shippingAddressSchema, z.object({ email: emailSchema }));
type AddressForm = z.input<typeof shippingAddressSchema> & { email?: string };

const blank: AddressForm = { name: '', line1: '', line2: '', city: '', region: '', postalCode: '', country: 'US' };

export function AddressStep({
  initial,
  guestEmail,
  onDone,
}: {
  initial: ShippingAddressDto | null;
  /** Set (possibly empty) for a guest: the form then asks for an email too. */
  guestEmail?: string;
  onDone: (a: ShippingAddressInput, email?: string) => void;
}) {
  const guest = guestEmail !== undefined;
  const form = useForm<AddressForm, unknown, ShippingAddressInput & { email?: string }>({
    resolver: zodResolver(guest ? guestSchema : shippingAddressSchema) as never,
    defaultValues: {
      ...(initial ? { ...blank, ...initial, line2: initial.line2 ?? '' } : blank),
      ...(guest ? { email: guestEmail } : {}),
    },
    // Errors clear as soon as the field is fixed, not on the next submit.
    mode: 'onTouched',
  });
  const e = form.formState.errors;
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit(({ email, ...address }) => onDone(address, email))}
      aria-label="Shipping address"
    >
      {guest && (
        <Field
          label="Email"
          hint="For your receipt and a link to your order. No account needed; you can make one afterwards."
          error={e.email?.message}
        >
          <input className="input" type="email" autoComplete="email" {...form.register('email')} />
        </Field>
      )}
      <Field label="Full name" error={e.name?.message}>
        <input className="input" autoComplete="name" {...form.register('name')} />
      </Field>
      <Field label="Address line 1" error={e.line1?.message}>
        <input className="input" autoComplete="address-line1" {...form.register('line1')} />
      </Field>
      <Field label="Address line 2 (optional)" error={e.line2?.message}>
        <input className="input" autoComplete="address-line2" {...form.register('line2')} />
      </Field>
      <div className="form-row">
        <Field label="City" error={e.city?.message}>
          <input className="input" autoComplete="address-level2" {...form.register('city')} />
        </Field>
        <Field label="State / region" hint="Two letters in the US and Canada, e.g. NY" error={e.region?.message}>
          <input className="input" autoComplete="address-level1" {...form.register('region')} />
        </Field>
      </div>
      <div className="form-row">
        <Field label="Postal code" error={e.postalCode?.message}>
          <input className="input" autoComplete="postal-code" {...form.register('postalCode')} />
        </Field>
        <Field label="Country" error={e.country?.message}>
          <select className="input" autoComplete="country" {...form.register('country')}>
            {countryOptions().map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
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
