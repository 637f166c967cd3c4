import { loginInput, registerInput } from '../../../shared/schemas/auth';
import { publicProcedure, router } from '../../trpc/trpc';
import { login, logout, register } from './auth.service';

export const authRouter = router({
  register: publicProcedure.input(registerInput).mutation(({ ctx, input }) => register(ctx, input)),
  login: publicProcedure.input(loginInput).mutation(({ ctx, input }) => login(ctx, input)),
  logout: publicProcedure.mutation(({ ctx }) => logout(ctx)),
  me: publicProcedure.query(({ ctx }) => ({ user: ctx.user })),
});
