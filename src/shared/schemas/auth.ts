import { z } from 'zod';
import { text } from './text';

/** One rule for an email address, worded by the form that asks for it. */
function email(words: { missing: string; invalid: string; tooLong?: string }) {
  return text().toLowerCase().min(1, words.missing).max(254, words.tooLong).pipe(z.email(words.invalid));
}

export const emailSchema = email({ missing: 'Enter your email address.', invalid: 'Enter a valid email address.' });

// Sign in and Create an account speak in whole sentences, in the browser and from the server alike.
const accountEmail = email({
  missing: 'Enter your email address.',
  invalid: 'Enter a valid email address, like name@example.com.',
  tooLong: 'Your email address must be 254 characters or fewer.',
});
const tooLongPassword = 'Your password must be 200 characters or fewer.';

export const registerInput = z.object({
  email: accountEmail,
  password: text({ trim: false }).min(8, 'Your password must be at least 8 characters.').max(200, tooLongPassword),
  name: text().min(1, 'Enter your name.').max(100, 'Your name must be 100 characters or fewer.'),
});
export type RegisterInput = z.infer<typeof registerInput>;

export const loginInput = z.object({
  email: accountEmail,
  password: text({ trim: false }).min(1, 'Enter your password.').max(200, tooLongPassword),
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
