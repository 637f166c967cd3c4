// Country names for the address form and addresses on screen, from the browser's own locale data
// (Intl.DisplayNames) so no name table ships in the bundle. Codes come from the shared schema, so
// the picker offers exactly what the server accepts.
import { isoCountryCodes } from '../../shared/schemas/checkout';

const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

export function countryName(code: string): string {
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

let cached: { code: string; name: string }[] | null = null;

/** All accepted countries, sorted by their English name. */
export function countryOptions(): { code: string; name: string }[] {
  cached ??= isoCountryCodes()
    .map((code) => ({ code, name: countryName(code) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return cached;
}
