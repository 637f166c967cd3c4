// Shop sections (issue 18.3) and the storefront's announcement and policies (18.4). The shop is
// always the caller's own (shopOwnerProcedure); section and listing ids are checked against it
// here, so another shop's ids are refused and nothing is written.
import { DomainError } from '../../../shared/errors';
import type { ShopDto } from '../../../shared/schemas/shops';
import {
  type AssignSectionInput,
  MAX_SECTIONS,
  type ShopSectionDto,
  type UpdateStorefrontInput,
} from '../../../shared/schemas/storefront';
import type { Db, DbOrTx } from '../../db/kysely';
import { inTransaction } from '../../db/transaction';
import {
  countSections,
  countShopListings,
  deleteSectionRow,
  insertSection,
  listSections,
  lockSectionIds,
  renameSectionRow,
  sectionBelongsTo,
  setListingsSection,
  setSectionPositions,
  updateStorefrontRow,
} from './shop-sections.repository';
import { toShopDto } from './shops.service';

const sectionNotFound = () => new DomainError('NOT_FOUND', 'Section not found in your shop.', { field: 'sectionId' });

export async function shopSections(db: DbOrTx, shopId: number): Promise<ShopSectionDto[]> {
  const rows = await listSections(db, shopId);
  return rows.map((r) => ({ id: r.id, name: r.name, position: r.position, listingCount: r.listing_count ?? 0 }));
}

export async function createSection(db: Db, shopId: number, name: string): Promise<ShopSectionDto[]> {
  if ((await countSections(db, shopId)) >= MAX_SECTIONS)
    throw new DomainError('BAD_REQUEST', `A shop has at most ${MAX_SECTIONS} sections.`, { field: 'name' });
  // A name already in use meets the unique index: ALREADY_EXISTS (db/unique-violation.ts).
  await insertSection(db, shopId, name);
  return shopSections(db, shopId);
}

export async function renameSection(db: Db, shopId: number, sectionId: number, name: string) {
  if (!(await renameSectionRow(db, shopId, sectionId, name))) throw sectionNotFound();
  return shopSections(db, shopId);
}

/** The section's listings stay in the shop, in no section. */
export async function deleteSection(db: Db, shopId: number, sectionId: number) {
  if (!(await deleteSectionRow(db, shopId, sectionId))) throw sectionNotFound();
  return shopSections(db, shopId);
}

/**
 * The listed sections move to the front in the given order; any not listed (one created a moment
 * ago in another tab) keep their order after them.
 */
export async function reorderSections(db: Db, shopId: number, sectionIds: number[]) {
  await inTransaction(db, async (tx) => {
    const current = new Set(await lockSectionIds(tx, shopId));
    if (!sectionIds.every((id) => current.has(id))) throw sectionNotFound();
    const rest = (await listSections(tx, shopId)).map((s) => s.id).filter((id) => !sectionIds.includes(id));
    await setSectionPositions(tx, [...sectionIds, ...rest]);
  });
  return shopSections(db, shopId);
}

export async function assignSection(db: Db, shopId: number, input: AssignSectionInput) {
  await inTransaction(db, async (tx) => {
    if (input.sectionId !== null && !(await sectionBelongsTo(tx, input.sectionId, shopId))) throw sectionNotFound();
    if ((await countShopListings(tx, shopId, input.productIds)) !== input.productIds.length)
      throw new DomainError('NOT_FOUND', 'Some of those listings are not in your shop.', { field: 'productIds' });
    await setListingsSection(tx, shopId, input.sectionId, input.productIds);
  });
  return shopSections(db, shopId);
}

export async function updateStorefront(db: Db, shopId: number, input: UpdateStorefrontInput): Promise<ShopDto> {
  const p = input.policies;
  const row = await updateStorefrontRow(db, shopId, {
    announcement: input.announcement,
    ...(p && {
      returns_accepted: p.returnsAccepted,
      exchanges_accepted: p.exchangesAccepted,
      // A window only means something when something is accepted.
      return_window_days: p.returnsAccepted || p.exchangesAccepted ? p.returnWindowDays : null,
      policy_notes: p.notes,
    }),
  });
  return toShopDto(row);
}
