// The shipping address schema (shared by the checkout form, the address book and the server):
// every problem in an address is reported at once, so one submit shows them all.
import { describe, expect, test } from 'bun:test';
import { shippingAddressSchema } from './checkout';

const valid = {
  name: 'Ada Lovelace',
  line1: '1 Main St',
  city: 'Portland',
  region: 'OR',
  postalCode: '97201',
  country: 'US',
};

function problems(input: Record<string, unknown>) {
  const r = shippingAddressSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('shippingAddressSchema', () => {
  test('an empty name, a misspelt US state and a UK postcode are reported together', () => {
    expect(problems({ ...valid, name: '', region: 'Oregn', postalCode: 'CF10 1EP' })).toEqual([
      { path: 'name', message: 'Full name is required.' },
      { path: 'region', message: 'Use the two-letter state code, e.g. NY.' },
      { path: 'postalCode', message: 'US ZIP codes look like 12345 or 12345-6789.' },
    ]);
  });

  test('an empty US state or Canadian province is missing, not misspelt', () => {
    expect(problems({ ...valid, region: '' })).toEqual([{ path: 'region', message: 'State / region is required.' }]);
    expect(problems({ ...valid, region: '  ', country: 'CA', postalCode: 'K1A 0B1' })).toEqual([
      { path: 'region', message: 'State / region is required.' },
    ]);
  });

  test('a Canadian province is checked while another field fails', () => {
    expect(problems({ ...valid, city: '', country: 'ca', region: 'Ontario', postalCode: 'K1A 0B1' })).toEqual([
      { path: 'city', message: 'City is required.' },
      { path: 'region', message: 'Use the two-letter province code, e.g. ON.' },
    ]);
  });

  test('a field that fails its own rule gets one message, not the country rule on top', () => {
    expect(problems({ ...valid, postalCode: '97#01' })).toEqual([
      { path: 'postalCode', message: 'Postal code may contain letters, digits, spaces and dashes.' },
    ]);
    expect(problems({ ...valid, country: 'XX', region: 'Oregn', postalCode: 'CF10 1EP' })).toEqual([
      { path: 'country', message: 'Country must be an ISO 3166-1 alpha-2 code, e.g. US, GB, DE.' },
    ]);
  });

  test('every over-long field is named by its label in the form and worded alike: "… must be N characters or fewer"', () => {
    const long = (n: number) => 'a'.repeat(n + 1);
    expect(
      problems({
        ...valid,
        name: long(100),
        line1: long(200),
        line2: long(200),
        city: long(100),
        region: long(100),
        postalCode: '1'.repeat(13),
        country: 'GB',
      }),
    ).toEqual([
      { path: 'name', message: 'Full name must be 100 characters or fewer.' },
      { path: 'line1', message: 'Address line 1 must be 200 characters or fewer.' },
      { path: 'line2', message: 'Address line 2 must be 200 characters or fewer.' },
      { path: 'city', message: 'City must be 100 characters or fewer.' },
      { path: 'region', message: 'State / region must be 100 characters or fewer.' },
      { path: 'postalCode', message: 'Postal code must be 12 characters or fewer.' },
    ]);
  });

  test('a valid address still comes out normalised', () => {
    expect(shippingAddressSchema.parse({ ...valid, region: 'or', country: 'us' })).toEqual({
      ...valid,
      line2: null,
    });
    expect(shippingAddressSchema.parse({ ...valid, region: 'Cardiff', postalCode: 'CF10 1EP', country: 'GB' })).toEqual(
      {
        ...valid,
        region: 'Cardiff',
        postalCode: 'CF10 1EP',
        country: 'GB',
        line2: null,
      },
    );
  });
});
