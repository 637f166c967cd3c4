import { z } from 'zod';
import { text } from './text';

export const idSchema = z.number().int().positive().max(2_147_483_647);
export const centsSchema = z.number().int().min(0).max(100_000_000);
/**
 * What a buyer pays for a listing, or for one of its combinations: at least a cent, since a
 * marketplace sells nothing for $0.00 (the seeded catalogue starts at $1.50 a listing and $1.00 a
 * combination, so a cent refuses only the free), and at most $100,000.
 */
export const priceCentsSchema = z
  .number({ error: 'Enter a price like 24.00.' })
  .int('Enter a price like 24.00.')
  .min(1, 'Enter a price above $0.00.')
  .max(10_000_000, 'Price must be at most $100,000.');
export const cursorSchema = z.number().int().positive().max(2_147_483_647).optional();
export const limitSchema = z.number().int().positive().max(100).optional();
/** Relative paths served by this app (/uploads/…) or absolute http(s) URLs. */
export const imageUrlSchema = text()
  .max(500)
  .refine(
    (v) => /^\/(uploads|images)\/[\w./-]+$/.test(v) || /^https?:\/\/[^\s"'<>]+$/.test(v),
    'Must be an image URL.',
  );
export const slugSchema = text()
  .toLowerCase()
  .min(3)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, numbers and dashes.');
