import {
  changeEmailInput,
  changePasswordInput,
  claimGuestAccountInput,
  requestPasswordResetInput,
  resetLinkStatusInput,
  resetPasswordInput,
  verifyEmailInput,
} from '../../../shared/schemas/account';
import { rateLimited, rateRules } from '../../trpc/rate-limit';
import { authedProcedure, publicProcedure, router } from '../../trpc/trpc';
import { presented, signIn } from '../auth/auth.router';
import { startSession } from '../auth/auth.service';
import {
  accountOf,
  changeEmail,
  changePassword,
  claimGuestAccount,
  requestPasswordReset,
  resendVerification,
  resetLinkStatus,
  resetPassword,
  verifyEmail,
} from './account.service';

export const accountRouter = router({
  get: authedProcedure.query(({ ctx }) => accountOf(ctx.deps, ctx.user.id)),
  // The same answer for every address, known or not; limited per address and per email.
  requestPasswordReset: publicProcedure
    .input(requestPasswordResetInput)
    .use(
      rateLimited((ctx, input) => [
        [rateRules.resetRequest, ctx.ip],
        [rateRules.resetRequestPerEmail, (input as { email: string }).email],
      ]),
    )
    .mutation(async ({ ctx, input }) => {
      await requestPasswordReset(ctx.deps, input.email);
      return { ok: true as const };
    }),
  // Read-only: whether a reset link still works, so the page says so before a password is typed.
  resetLinkStatus: publicProcedure
    .use(rateLimited((ctx) => [[rateRules.accountToken, ctx.ip]]))
    .input(resetLinkStatusInput)
    .query(({ ctx, input }) => resetLinkStatus(ctx.deps, input.token)),
  resetPassword: publicProcedure
    .use(rateLimited((ctx) => [[rateRules.accountToken, ctx.ip]]))
    .input(resetPasswordInput)
    .mutation(({ ctx, input }) => resetPassword(ctx.deps, input)),
  verifyEmail: publicProcedure
    .use(rateLimited((ctx) => [[rateRules.accountToken, ctx.ip]]))
    .input(verifyEmailInput)
    .mutation(({ ctx, input }) => verifyEmail(ctx.deps, input.token)),
  // Guest buyer -> account, from the mailed order link; signs the browser in.
  claimGuestAccount: publicProcedure
    .use(rateLimited((ctx) => [[rateRules.accountToken, ctx.ip]]))
    .input(claimGuestAccountInput)
    .mutation(async ({ ctx, input }) => {
      const userId = await claimGuestAccount(ctx.deps, input);
      return signIn(ctx, await startSession(ctx.deps, userId, presented(ctx)));
    }),
  resendVerification: authedProcedure
    .use(rateLimited((ctx) => [[rateRules.accountMail, `user:${ctx.user?.id}`]]))
    .mutation(({ ctx }) => resendVerification(ctx.deps, ctx.user.id)),
  changePassword: authedProcedure
    .use(rateLimited((ctx) => [[rateRules.accountPassword, `user:${ctx.user?.id}`]]))
    .input(changePasswordInput)
    .mutation(async ({ ctx, input }) => {
      await changePassword(ctx.deps, ctx.user.id, ctx.sessionId ?? '', input);
      return { ok: true as const };
    }),
  changeEmail: authedProcedure
    .use(
      rateLimited((ctx) => [
        [rateRules.accountPassword, `user:${ctx.user?.id}`],
        [rateRules.accountMail, `user:${ctx.user?.id}`],
      ]),
    )
    .input(changeEmailInput)
    .mutation(({ ctx, input }) => changeEmail(ctx.deps, ctx.user.id, input)),
});
