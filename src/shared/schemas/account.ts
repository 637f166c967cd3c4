// Inputs of the account procedures: password reset, email verification, change password/email.
import { z } from 'zod';
import { emailSchema } from './auth';
import { tooLongMessage } from './issue-messages';
import { guestOrderTokenSchema } from './orders';
import { text } from './text';

const newPassword = text({ trim: false })
  .min(8, 'Password must be at least 8 characters.')
  .max(200, tooLongMessage('Password', 200));

/** A token from a mailed link: 43 base64url characters (32 random bytes). */
export const accountToken = text().regex(/^[A-Za-z0-9_-]{20,100}$/, 'This link is not valid. Ask for a new one.');

/** The words under "Password again" when it differs, on every form that asks twice. */
export const PASSWORDS_DIFFER = 'The two passwords differ.';

export const requestPasswordResetInput = z.object({ email: emailSchema });
export type RequestPasswordResetInput = z.infer<typeof requestPasswordResetInput>;

export const resetPasswordInput = z.object({ token: accountToken, password: newPassword });
export type ResetPasswordInput = z.infer<typeof resetPasswordInput>;

export const verifyEmailInput = z.object({ token: accountToken });

export const resetLinkStatusInput = z.object({ token: accountToken });
export type VerifyEmailInput = z.infer<typeof verifyEmailInput>;

export const changePasswordInput = z.object({
  currentPassword: text({ trim: false }).min(1, 'Enter your current password.').max(200),
  newPassword,
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export const changeEmailInput = z.object({
  email: emailSchema,
  password: text({ trim: false }).min(1, 'Enter your password.').max(200),
});
export type ChangeEmailInput = z.infer<typeof changeEmailInput>;

export interface AccountDto {
  email: string;
  name: string;
  emailVerified: boolean;
  /** A new address waiting for its verification link to be followed. */
  pendingEmail: string | null;
}

/** Turn a guest buyer into an account from the mailed order link. */
export const claimGuestAccountInput = z.object({ token: guestOrderTokenSchema, password: newPassword });
export type ClaimGuestAccountInput = z.infer<typeof claimGuestAccountInput>;
