// What search matches a listing by: its text fields through the one normaliser, plus the words
// its attributes stand for (a vintage listing answers "vintage", "antique" and "retro"; its
// materials under their canonical names). The same terms feed the Meilisearch document and the
// Postgres fallback's products.search_terms, so both engines match the same words.
import { canonicalMaterial, materialAliases } from '../../../shared/materials';
import { indexTermText as termText } from './search-normaliser';

export interface ListingSearchText {
  title: string;
  tags: readonly string[];
  materials: readonly string[];
  categoryName: string;
  departmentName: string;
  isVintage: boolean;
  description: string;
  shopName: string;
  /** The listing's variation values (sizes, colours, metals): shoppers search them too. */
  variationValues?: readonly string[];
}

/** Normalised terms per field, highest priority first (titles outrank tags, and so on down). */
export interface ListingTerms {
  title: string;
  attributes: string;
  tags: string;
  category: string;
  description: string;
  shop: string;
}

/** Only the start of a description is searched: the rest is care notes and shipping. */
export const DESCRIPTION_TERMS_CHARS = 1000;

export const VINTAGE_WORDS = ['vintage', 'antique', 'retro'];

export function listingTerms(l: ListingSearchText): ListingTerms {
  const materials = l.materials.flatMap((m) => {
    const canonical = canonicalMaterial(m);
    return [canonical, ...materialAliases(canonical)];
  });
  const attributes = [...new Set([...materials, ...(l.variationValues ?? [])]), ...(l.isVintage ? VINTAGE_WORDS : [])];
  return {
    title: termText(l.title),
    attributes: termText(attributes.join(' , ')),
    tags: termText(l.tags.join(' , ')),
    category: termText(
      l.categoryName === l.departmentName ? l.categoryName : `${l.categoryName} , ${l.departmentName}`,
    ),
    description: termText(l.description.slice(0, DESCRIPTION_TERMS_CHARS)),
    shop: termText(l.shopName),
  };
}
