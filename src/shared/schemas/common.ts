import { z } from 'zod';
import { text } from './text';

export const idSchema = z.number().int().positive().max(2_147_483_647);
export const centsSchema = z.number().int().min(0).max(100_000_000);
export const cursorSchema = z.number().int().positive().max(2_147_483_647).optional();
export const limitSchema = z.number().int().positive().max(100).optional();
/** Relative paths served by this app (/uploads/…) or absolute http(s) URLs. */
export const imageUrlSchema = text()
  .max(500)
  .refine((v) => /^\/(uploads|images)\/[\w./-]+$/.test(v) || /^https?:\/\/[^\s"'<>]+$/.test(v), 'Must be an image URL');
export const slugSchema = text()
  .toLowerCase()
  .min(3)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, numbers and dashes');
