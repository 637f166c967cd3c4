// Queries of shop sections and the storefront fields (announcement, policies).
import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../db/kysely';
import { shopColumns } from './shops.repository';

export function listSections(db: DbOrTx, shopId: number) {
  return db
    .selectFrom('shop_sections as s')
    .select([
      's.id',
      's.name',
      's.position',
      (eb) =>
        eb
          .selectFrom('products as p')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('p.section_id', '=', 's.id')
          .where('p.status', '=', 'active')
          .as('listing_count'),
    ])
    .where('s.shop_id', '=', shopId)
    .orderBy('s.position')
    .orderBy('s.id')
    .execute();
}

export async function countSections(db: DbOrTx, shopId: number): Promise<number> {
  const row = await db
    .selectFrom('shop_sections')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('shop_id', '=', shopId)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Appends a section at the end; a name the shop already uses → unique violation (ALREADY_EXISTS). */
export function insertSection(db: DbOrTx, shopId: number, name: string) {
  return db
    .insertInto('shop_sections')
    .values({
      shop_id: shopId,
      name,
      position: sql<number>`coalesce((select max(position) + 1 from shop_sections where shop_id = ${shopId}), 0)`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function renameSectionRow(db: DbOrTx, shopId: number, sectionId: number, name: string) {
  const r = await db
    .updateTable('shop_sections')
    .set({ name })
    .where('id', '=', sectionId)
    .where('shop_id', '=', shopId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function deleteSectionRow(db: DbOrTx, shopId: number, sectionId: number) {
  const r = await db
    .deleteFrom('shop_sections')
    .where('id', '=', sectionId)
    .where('shop_id', '=', shopId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** The shop's section ids, locked (a reorder and a create cannot interleave). */
export async function lockSectionIds(tx: Tx, shopId: number): Promise<number[]> {
  const rows = await tx
    .selectFrom('shop_sections')
    .select('id')
    .where('shop_id', '=', shopId)
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map((r) => r.id);
}

export async function setSectionPositions(tx: Tx, orderedIds: number[]) {
  if (orderedIds.length === 0) return;
  const values = sql.join(orderedIds.map((id, i) => sql`(${id}::int, ${i}::int)`));
  await sql`update shop_sections s set position = v.pos from (values ${values}) as v(id, pos) where s.id = v.id`.execute(
    tx,
  );
}

export async function sectionBelongsTo(db: DbOrTx, sectionId: number, shopId: number) {
  const row = await db
    .selectFrom('shop_sections')
    .select('id')
    .where('id', '=', sectionId)
    .where('shop_id', '=', shopId)
    .executeTakeFirst();
  return !!row;
}

/** How many of these listings belong to the shop (archived included). */
export async function countShopListings(db: DbOrTx, shopId: number, productIds: number[]) {
  const row = await db
    .selectFrom('products')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('shop_id', '=', shopId)
    .where('id', 'in', productIds)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function setListingsSection(tx: Tx, shopId: number, sectionId: number | null, productIds: number[]) {
  await tx
    .updateTable('products')
    .set({ section_id: sectionId })
    .where('shop_id', '=', shopId)
    .where('id', 'in', productIds)
    .execute();
}

export function updateStorefrontRow(
  db: DbOrTx,
  shopId: number,
  v: {
    announcement?: string;
    returns_accepted?: boolean;
    exchanges_accepted?: boolean;
    return_window_days?: number | null;
    policy_notes?: string;
  },
) {
  return db
    .updateTable('shops')
    .set({ ...v, updated_at: new Date() })
    .where('id', '=', shopId)
    .returning(shopColumns)
    .executeTakeFirstOrThrow();
}
