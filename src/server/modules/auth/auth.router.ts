import { loginInput, registerInput } from '../../../shared/schemas/auth';
import type { Context } from '../../trpc/context';
import { rateLimited, rateRules } from '../../trpc/rate-limit';
import { loginLimits } from '../../trpc/rate-limit-login';
import { publicProcedure, router } from '../../trpc/trpc';
import { login, logout, type Presented, register, type SignedIn } from './auth.service';

export const presented = (ctx: Context): Presented => ({ sessionId: ctx.sessionId, guestToken: ctx.guestToken });

/** The new session becomes the browser's (and this context's): session cookie in, guest cookie out. */
export function signIn(ctx: Context, result: SignedIn) {
  ctx.cookies.setSession(result.session.id, result.session.expiresAt);
  if (result.guestCartAdopted) {
    ctx.cookies.clear('guest');
    ctx.guestToken = null;
  }
  ctx.sessionId = result.session.id;
  ctx.user = result.user;
  return { user: result.user };
}

export const authRouter = router({
  register: publicProcedure
    .use(rateLimited((ctx) => [[rateRules.register, ctx.ip]]))
    .input(registerInput)
    .mutation(async ({ ctx, input }) => signIn(ctx, await register(ctx.deps, input, presented(ctx)))),
  login: publicProcedure
    .input(loginInput)
    .use(loginLimits)
    .mutation(async ({ ctx, input }) => signIn(ctx, await login(ctx.deps, input, presented(ctx)))),
  logout: publicProcedure.mutation(async ({ ctx }) => {
    await logout(ctx.deps, ctx.sessionId);
    ctx.cookies.clear('session');
    ctx.sessionId = null;
    ctx.user = null;
    return { ok: true as const };
  }),
  me: publicProcedure.query(({ ctx }) => ({ user: ctx.user })),
});
