// Mounted as `notifications`: the signed-in user's notifications, their live stream (which also
// carries messaging events: the header's one stream), email choices and one-click unsubscribe.
import {
  listNotificationsInput,
  markNotificationsReadInput,
  setEmailPreferenceInput,
  unsubscribeInput,
} from '../../../shared/schemas/notifications';
import { toTRPCError } from '../../trpc/error-mapper';
import { rateLimited, rateRules } from '../../trpc/rate-limit';
import { authedProcedure, publicProcedure, router } from '../../trpc/trpc';
import {
  emailPreferences,
  markAllNotificationsRead,
  markNotificationsRead,
  myNotifications,
  setEmailPreference,
  unreadCount,
  unsubscribe,
} from './notifications.service';
import { watchUserLive } from './user-live';

export const notificationsRouter = router({
  list: authedProcedure
    .input(listNotificationsInput)
    .query(({ ctx, input }) => myNotifications(ctx.deps, ctx.user.id, input?.cursor)),
  unreadCount: authedProcedure.query(({ ctx }) => unreadCount(ctx.deps, ctx.user.id)),
  markRead: authedProcedure
    .input(markNotificationsReadInput)
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.deps, ctx.user.id, input.ids)),
  markAllRead: authedProcedure.mutation(({ ctx }) => markAllNotificationsRead(ctx.deps, ctx.user.id)),
  emailPreferences: authedProcedure.query(({ ctx }) => emailPreferences(ctx.deps, ctx.user.id)),
  setEmailPreference: authedProcedure
    .input(setEmailPreferenceInput)
    .mutation(({ ctx, input }) => setEmailPreference(ctx.deps, ctx.user.id, input.event, input.email)),
  // The page an unsubscribe link opens confirms with this; mail clients POST /unsubscribe instead.
  unsubscribe: publicProcedure
    .use(rateLimited((ctx) => [[rateRules.accountToken, ctx.ip]]))
    .input(unsubscribeInput)
    .mutation(({ ctx, input }) => unsubscribe(ctx.deps, input.token)),
  watch: authedProcedure.subscription(async function* ({ ctx, signal }) {
    try {
      yield* watchUserLive(ctx.deps, ctx.user.id, signal);
    } catch (err) {
      // Errors while streaming bypass procedure middleware (see realtime.router.ts).
      throw toTRPCError(err) ?? err;
    }
  }),
});
