import { z } from 'zod';
import { text } from './text';

export const emailSchema = text()
  .toLowerCase()
  .min(1, 'Enter your email address')
  .max(254)
  .pipe(z.email('Enter a valid email address'));

export const registerInput = z.object({
  email: emailSchema,
  password: text({ trim: false }).min(8, 'Password must be at least 8 characters').max(200),
  name: text().min(1, 'Name is required').max(100),
});
export type RegisterInput = z.infer<typeof registerInput>;

export const loginInput = z.object({
  email: emailSchema,
  password: text({ trim: false }).min(1, 'Password is required').max(200),
});
export type LoginInput = z.infer<typeof loginInput>;

export interface UserDto {
  id: number;
  email: string;
  name: string;
  shopId: number | null;
  /** False until the owner follows the link mailed at registration (a banner reminds them). */
  emailVerified: boolean;
  /**
   * True in the session that registration opened, during the account's first day: the home page
   * greets "Welcome, Rita" rather than "Welcome back" (decision 0177). Absent counts as false.
   */
  firstVisit?: boolean;
}
