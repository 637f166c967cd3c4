// The seller's variations of a listing (issue 16, decision 0080): up to two properties with
// seller-named values, and the combination table. Every rule that can be checked without the
// database is checked here, each with the path of the field it is about, so the form puts the
// message next to the cell and nothing is written.
import { z } from 'zod';
import { MAX_COMBINATIONS, MAX_VARIATION_PROPERTIES, MAX_VARIATION_VALUES, optionsLabel } from '../variations';
import { idSchema, priceCentsSchema } from './common';
import { tooLongMessage } from './issue-messages';
import { text } from './text';

const propertyName = text().min(1, 'Name the property (e.g. Size).').max(30, tooLongMessage('Property name', 30));
const valueText = text().min(1, 'A value cannot be empty.').max(40, tooLongMessage('Each value', 40));

export const variationPropertyInput = z.object({
  name: propertyName,
  values: z
    .array(valueText)
    .min(1, 'Give at least one value.')
    .max(MAX_VARIATION_VALUES, `At most ${MAX_VARIATION_VALUES} values per property.`),
});

export const combinationInput = z.object({
  /** One value per property, in the properties' order. */
  values: z.array(valueText).min(1).max(MAX_VARIATION_PROPERTIES),
  priceCents: priceCentsSchema,
  quantity: z
    .number()
    .int('Quantity must be a whole number.')
    .min(0, 'Quantity cannot be negative.')
    .max(10_000, 'Quantity must be at most 10,000.'),
  sku: text().max(64, tooLongMessage('SKU', 64)).default(''),
  enabled: z.boolean().default(true),
});

const fold = (s: string) => s.toLocaleLowerCase('en');

const variationTableFields = {
  /** Empty: the listing has no variations (its one default combination sells again). */
  properties: z
    .array(variationPropertyInput)
    .max(MAX_VARIATION_PROPERTIES, `A listing can vary on at most ${MAX_VARIATION_PROPERTIES} properties.`),
  combinations: z
    .array(combinationInput)
    .max(MAX_COMBINATIONS, `A listing can have at most ${MAX_COMBINATIONS} combinations.`),
};

type VariationTable = {
  properties: z.infer<typeof variationPropertyInput>[];
  combinations: z.infer<typeof combinationInput>[];
};

/** Rules across the table: names and values once each, combinations of existing values, no duplicates. */
function checkVariationTable(input: VariationTable, ctx: z.RefinementCtx) {
  const names = new Set<string>();
  input.properties.forEach((p, i) => {
    if (names.has(fold(p.name)))
      ctx.addIssue({ code: 'custom', path: ['properties', i, 'name'], message: `“${p.name}” is named twice.` });
    names.add(fold(p.name));
    const seen = new Set<string>();
    p.values.forEach((v, j) => {
      if (seen.has(fold(v)))
        ctx.addIssue({ code: 'custom', path: ['properties', i, 'values', j], message: `“${v}” is listed twice.` });
      seen.add(fold(v));
    });
  });
  if (input.properties.length === 0) {
    if (input.combinations.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['combinations'],
        message: 'Combinations need at least one property (e.g. Size).',
      });
    return;
  }
  if (input.combinations.length === 0)
    ctx.addIssue({ code: 'custom', path: ['combinations'], message: 'Add at least one combination.' });
  const combos = new Set<string>();
  input.combinations.forEach((c, i) => {
    if (c.values.length !== input.properties.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['combinations', i, 'values'],
        message: `Give one value for each of ${input.properties.map((p) => p.name).join(' and ')}.`,
      });
      return;
    }
    c.values.forEach((v, j) => {
      const property = input.properties[j]!;
      if (!property.values.includes(v))
        ctx.addIssue({
          code: 'custom',
          path: ['combinations', i, 'values', j],
          message: `“${v}” is not one of the values of ${property.name}.`,
        });
    });
    const key = JSON.stringify(c.values);
    if (combos.has(key))
      ctx.addIssue({
        code: 'custom',
        path: ['combinations', i],
        message: `Duplicate combination ${optionsLabel(c.values.map((value, j) => ({ name: input.properties[j]!.name, value })))}.`,
      });
    combos.add(key);
  });
}

export const setVariationsInput = z
  .object({ productId: idSchema, ...variationTableFields })
  .superRefine(checkVariationTable);
/** The same table sent with a new listing, so it is published with its variations in one go. */
export const variationTableInput = z.object(variationTableFields).superRefine(checkVariationTable);
export type VariationTableInput = z.infer<typeof variationTableInput>;
export type SetVariationsInput = z.infer<typeof setVariationsInput>;
export type SetVariationsInputRaw = z.input<typeof setVariationsInput>;

/** A listing's variations as the seller edits them. */
export interface ListingVariationsDto {
  productId: number;
  properties: { name: string; values: string[] }[];
  combinations: {
    id: number;
    values: string[];
    priceCents: number;
    quantity: number;
    reserved: number;
    sku: string;
    enabled: boolean;
  }[];
}

export const variationsOfInput = z.object({ productId: idSchema });
