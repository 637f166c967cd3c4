// Category tree queries, and the idempotent upsert of the taxonomy at startup.
import type { Db, DbOrTx } from '../../db/kysely';
import { inTransaction } from '../../db/transaction';
import { categoryTaxonomy, type TaxonomyNode } from './category-taxonomy';

export async function syncCategories(db: Db): Promise<void> {
  await inTransaction(db, async (tx) => {
    const upsert = async (node: TaxonomyNode, parentId: number | null, position: number) => {
      const row = await tx
        .insertInto('categories')
        .values({ slug: node.slug, name: node.name, parent_id: parentId, position })
        .onConflict((oc) => oc.column('slug').doUpdateSet({ name: node.name, parent_id: parentId, position }))
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [i, child] of (node.children ?? []).entries()) await upsert(child, row.id, i);
    };
    for (const [i, node] of categoryTaxonomy.entries()) await upsert(node, null, i);
  });
}

export function listCategories(db: DbOrTx) {
  return db
    .selectFrom('categories')
    .select(['id', 'slug', 'name', 'parent_id', 'position'])
    .orderBy('position')
    .execute();
}

export function findCategoryBySlug(db: DbOrTx, slug: string) {
  return db
    .selectFrom('categories')
    .select(['id', 'slug', 'name', 'parent_id'])
    .where('slug', '=', slug)
    .executeTakeFirst();
}
