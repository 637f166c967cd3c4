// The one slug rule, for shop addresses made from a shop's name and for seeded shops alike:
// accents dropped (é -> e), every run of anything else that is not a-z0-9 becomes one dash
// ("Ember & Oak" -> "ember-oak"), at most 50 characters, no dash at either end. May return ''
// (a name with no letters or digits). Listing addresses (listing-url.ts) use the same rule with
// room for 80 characters.
export const SLUG_MAX_LENGTH = 50;

export function slugify(text: string, maxLength = SLUG_MAX_LENGTH): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
}
