// Category lookups for search, read from the taxonomy the app syncs into `categories` at boot,
// so validating a category filter and labelling facets costs no database round trip.
import { categoryTaxonomy } from '../catalog/category-taxonomy';

export interface SearchCategory {
  slug: string;
  name: string;
  /** Slug of its top-level department (itself for a department). */
  topSlug: string;
  isTop: boolean;
}

const bySlug = new Map<string, SearchCategory>();
for (const top of categoryTaxonomy) {
  bySlug.set(top.slug, { slug: top.slug, name: top.name, topSlug: top.slug, isTop: true });
  for (const child of top.children ?? []) {
    bySlug.set(child.slug, { slug: child.slug, name: child.name, topSlug: top.slug, isTop: false });
  }
}

export function findSearchCategory(slug: string): SearchCategory | undefined {
  return bySlug.get(slug);
}

export function categoryLabel(slug: string): string {
  return bySlug.get(slug)?.name ?? slug;
}

export function allSearchCategories(): SearchCategory[] {
  return [...bySlug.values()];
}
