// The account page's "Email me about…" choices: one switch per optional mail (the same ones a
// mail's unsubscribe link turns off). Receipts and security mails are not listed: they always go.
import { toast } from 'sonner';
import type { EmailPreferenceDto } from '../../shared/schemas/notifications';
import { useMe } from '../lib/session';
import { describeError, trpc } from '../trpc';

export function EmailChoices() {
  const { user } = useMe();
  const u = trpc.useUtils();
  const prefs = trpc.notifications.emailPreferences.useQuery();
  const set = trpc.notifications.setEmailPreference.useMutation({
    onMutate: ({ event, email }) => {
      const before = u.notifications.emailPreferences.getData();
      u.notifications.emailPreferences.setData(undefined, (old) =>
        old?.map((p) => (p.event === event ? { ...p, email } : p)),
      );
      return { before };
    },
    onSuccess: (data, v) => {
      u.notifications.emailPreferences.setData(undefined, data);
      toast.success(
        `${v.email ? 'You will get' : 'No more'} emails for “${data.find((p) => p.event === v.event)?.label}”.`,
      );
    },
    onError: (e, _v, c) => {
      u.notifications.emailPreferences.setData(undefined, c?.before);
      toast.error(describeError(e).message);
    },
  });
  // Sellers' events only for people with a shop: a shopper has no orders to receive.
  const shown = (prefs.data ?? []).filter((p: EmailPreferenceDto) => p.audience !== 'seller' || user?.shopId);
  return (
    <section className="card account-section" aria-labelledby="email-choices-h" id="email-choices">
      <h2 id="email-choices-h">Email notifications</h2>
      <p className="email-choices-note">
        Everything also shows under the bell in the header. Choose what we email you as well. Receipts, cancellations,
        refunds and account security emails always arrive.
      </p>
      {prefs.isPending ? (
        <p role="status" className="muted">
          Loading your choices…
        </p>
      ) : prefs.isError ? (
        <p role="alert">{describeError(prefs.error).message}</p>
      ) : (
        <ul className="email-choices">
          {shown.map((p) => (
            <li key={p.event}>
              <label>
                <input
                  type="checkbox"
                  checked={p.email}
                  onChange={(e) => set.mutate({ event: p.event, email: e.target.checked })}
                />
                {p.label}
              </label>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
