// The fields of a postal address, for any react-hook-form whose values include one (checkout's
// address step, the address book). Country is picked from the list the server accepts.
import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { countryOptions } from '../lib/countries';
import { Field } from './field';

export interface AddressFieldValues {
  name: string;
  line1: string;
  line2?: string | null;
  city: string;
  region?: string;
  postalCode: string;
  country: string;
}

export const blankAddress: AddressFieldValues = {
  name: '',
  line1: '',
  line2: '',
  city: '',
  region: '',
  postalCode: '',
  country: 'US',
};

export function AddressFields({
  register,
  errors,
}: {
  // biome-ignore lint/suspicious/noExplicitAny: shared by forms whose values extend the address
  register: UseFormRegister<any>;
  errors: FieldErrors<AddressFieldValues>;
}) {
  const e = errors;
  return (
    <>
      <Field label="Full name" error={e.name?.message}>
        <input className="input" autoComplete="name" {...register('name')} />
      </Field>
      <Field label="Address line 1" error={e.line1?.message}>
        <input className="input" autoComplete="address-line1" {...register('line1')} />
      </Field>
      <Field label="Address line 2 (optional)" error={e.line2?.message}>
        <input className="input" autoComplete="address-line2" {...register('line2')} />
      </Field>
      <div className="form-row">
        <Field label="City" error={e.city?.message}>
          <input className="input" autoComplete="address-level2" {...register('city')} />
        </Field>
        <Field label="State / region" hint="Two letters in the US and Canada, e.g. NY" error={e.region?.message}>
          <input className="input" autoComplete="address-level1" {...register('region')} />
        </Field>
      </div>
      <div className="form-row">
        <Field label="Postal code" error={e.postalCode?.message}>
          <input className="input" autoComplete="postal-code" {...register('postalCode')} />
        </Field>
        <Field label="Country" error={e.country?.message}>
          <select className="input" autoComplete="country" {...register('country')}>
            {countryOptions().map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </>
  );
}
