import { createShopInput, setVacationInput, shopBySlugInput, updateShopInput } from '../../../shared/schemas/shops';
import {
  assignSectionInput,
  createSectionInput,
  deleteSectionInput,
  renameSectionInput,
  reorderSectionsInput,
  shopSectionsInput,
  updateStorefrontInput,
} from '../../../shared/schemas/storefront';
import { shopOwnerProcedure } from '../../trpc/ownership';
import { authedProcedure, publicProcedure, router } from '../../trpc/trpc';
import {
  assignSection,
  createSection,
  deleteSection,
  renameSection,
  reorderSections,
  shopSections,
  updateStorefront,
} from './shop-sections.service';
import { setVacation } from './shop-vacation';
import { createShop, myShop, shopBySlug, updateShop } from './shops.service';

export const shopsRouter = router({
  create: authedProcedure.input(createShopInput).mutation(({ ctx, input }) => createShop(ctx.deps, ctx.user.id, input)),
  update: shopOwnerProcedure
    .input(updateShopInput)
    .mutation(({ ctx, input }) => updateShop(ctx.deps.db, ctx.shop, input)),
  bySlug: publicProcedure.input(shopBySlugInput).query(({ ctx, input }) => shopBySlug(ctx.deps.readDb, input.slug)),
  setVacation: shopOwnerProcedure
    .input(setVacationInput)
    .mutation(({ ctx, input }) => setVacation(ctx.deps, ctx.shop, input)),
  sections: publicProcedure.input(shopSectionsInput).query(({ ctx, input }) => shopSections(ctx.deps.db, input.shopId)),
  createSection: shopOwnerProcedure
    .input(createSectionInput)
    .mutation(({ ctx, input }) => createSection(ctx.deps.db, ctx.shop.id, input.name)),
  renameSection: shopOwnerProcedure
    .input(renameSectionInput)
    .mutation(({ ctx, input }) => renameSection(ctx.deps.db, ctx.shop.id, input.sectionId, input.name)),
  deleteSection: shopOwnerProcedure
    .input(deleteSectionInput)
    .mutation(({ ctx, input }) => deleteSection(ctx.deps.db, ctx.shop.id, input.sectionId)),
  reorderSections: shopOwnerProcedure
    .input(reorderSectionsInput)
    .mutation(({ ctx, input }) => reorderSections(ctx.deps.db, ctx.shop.id, input.sectionIds)),
  assignSection: shopOwnerProcedure
    .input(assignSectionInput)
    .mutation(({ ctx, input }) => assignSection(ctx.deps.db, ctx.shop.id, input)),
  updateStorefront: shopOwnerProcedure
    .input(updateStorefrontInput)
    .mutation(({ ctx, input }) => updateStorefront(ctx.deps.db, ctx.shop.id, input)),
  mine: authedProcedure.query(({ ctx }) => myShop(ctx.deps.db, ctx.user.id)),
});
