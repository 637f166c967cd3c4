// What a shop shows shoppers beyond its listings (issue 18.3-4): sections, an announcement and
// structured policies.
import { z } from 'zod';
import { idSchema } from './common';
import { tooLongMessage } from './issue-messages';
import { text } from './text';

export const SECTION_NAME_MAX = 40;
export const MAX_SECTIONS = 30;
export const ANNOUNCEMENT_MAX = 1000;
export const POLICY_NOTES_MAX = 2000;

const sectionName = text()
  .min(1, 'Name the section.')
  .max(SECTION_NAME_MAX, tooLongMessage('Section name', SECTION_NAME_MAX));

export const shopSectionsInput = z.object({ shopId: idSchema });
export const createSectionInput = z.object({ shopId: idSchema, name: sectionName });
export const renameSectionInput = z.object({ shopId: idSchema, sectionId: idSchema, name: sectionName });
export const deleteSectionInput = z.object({ shopId: idSchema, sectionId: idSchema });
export const reorderSectionsInput = z.object({
  shopId: idSchema,
  /** Sections of the shop in the new order; any left out follow in their current order. */
  sectionIds: z
    .array(idSchema)
    .min(1, 'List the sections in their new order.')
    .max(MAX_SECTIONS)
    .refine((ids) => new Set(ids).size === ids.length, 'List each section once.'),
});
export const assignSectionInput = z.object({
  shopId: idSchema,
  /** null takes the listings out of any section. */
  sectionId: idSchema.nullable(),
  productIds: z
    .array(idSchema)
    .min(1, 'Pick at least one listing.')
    .max(200)
    .refine((ids) => new Set(ids).size === ids.length, 'List each listing once.'),
});
export type AssignSectionInput = z.infer<typeof assignSectionInput>;

export interface ShopSectionDto {
  id: number;
  name: string;
  position: number;
  /** Active listings in it. */
  listingCount: number;
}

export const shopPoliciesSchema = z
  .object({
    returnsAccepted: z.boolean(),
    exchangesAccepted: z.boolean(),
    /** Days after delivery; required when returns or exchanges are accepted. */
    returnWindowDays: z
      .number()
      .int('Enter a whole number of days.')
      .min(1, 'Allow at least 1 day.')
      .max(365, 'Allow at most 365 days.')
      .nullable(),
    notes: text({ multiline: true }).max(POLICY_NOTES_MAX, tooLongMessage('Policy notes', POLICY_NOTES_MAX)),
  })
  .refine((p) => !(p.returnsAccepted || p.exchangesAccepted) || p.returnWindowDays !== null, {
    message: 'Say within how many days returns or exchanges are accepted.',
    path: ['returnWindowDays'],
  });
export type ShopPoliciesInput = z.infer<typeof shopPoliciesSchema>;

export const updateStorefrontInput = z.object({
  shopId: idSchema,
  announcement: text({ multiline: true })
    .max(ANNOUNCEMENT_MAX, tooLongMessage('Announcement', ANNOUNCEMENT_MAX))
    .optional(),
  policies: shopPoliciesSchema.optional(),
});
export type UpdateStorefrontInput = z.infer<typeof updateStorefrontInput>;

/** A shop's policies as shoppers read them; processing time comes from the shipping policy. */
export interface ShopPoliciesDto {
  processingDays: number;
  returnsAccepted: boolean;
  exchangesAccepted: boolean;
  returnWindowDays: number | null;
  notes: string;
}
