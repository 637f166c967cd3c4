// A postal address as people read it, with the country's name. Used by checkout review, the
// buyer's order page and the seller's order page.
import type { ShippingAddressDto } from '../../shared/schemas/orders';
import { countryName } from '../lib/countries';

export function AddressBlock({ address: a, className }: { address: ShippingAddressDto; className?: string }) {
  return (
    <address className={['address-block', className].filter(Boolean).join(' ')}>
      {a.name}
      <br />
      {a.line1}
      {a.line2 ? `, ${a.line2}` : ''}
      <br />
      {a.city}
      {a.region ? `, ${a.region}` : ''} {a.postalCode}
      <br />
      {countryName(a.country)}
    </address>
  );
}
