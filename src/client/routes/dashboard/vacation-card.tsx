// Vacation mode in shop settings: a message and an optional return date. While on, shoppers see
// the listings but cannot add them to a cart; holds are released; search leaves the shop out;
// new conversations get the message as an automatic reply.
import { useRef, useState } from 'react';
import { toast } from 'sonner';
import { latestVacationReturn, type ShopDto, VACATION_MESSAGE_MAX } from '../../../shared/schemas/shops';
import { Field } from '../../components/field';
import { StatusButton } from '../../components/ui/status-button';
import { useFocusFirstInvalid } from '../../lib/form-errors';
import { formatDate } from '../../lib/format';
import { saveUnlessUnchanged } from '../../lib/save-unless-unchanged';
import { useFocusAfter } from '../../lib/use-focus-after';
import { describeError, errorField, queryClient, trpc } from '../../trpc';

const today = () => new Date().toLocaleDateString('en-CA');
const AWAY = 'Your shop is on vacation.';

export function VacationCard({ shop }: { shop: ShopDto }) {
  const on = shop.vacation !== null;
  const [message, setMessage] = useState(shop.vacation?.message ?? '');
  const [returnsOn, setReturnsOn] = useState(shop.vacation?.returnsOn ?? '');
  const u = trpc.useUtils();
  const title = useRef<HTMLHeadingElement>(null);
  const focusAfter = useFocusAfter();
  const formRef = useRef<HTMLFormElement>(null);
  const set = trpc.shops.setVacation.useMutation({
    onSuccess: async (saved) => {
      u.shops.mine.setData(undefined, saved);
      await queryClient.invalidateQueries();
      toast.success(saved.vacation ? AWAY : 'Welcome back! Your shop is open again.', { id: 'vacation' });
    },
  });
  const error = set.error ? describeError(set.error) : null;
  // A field's own message: from input validation, or a domain error that names the field.
  const fieldError = (f: string): string | undefined => {
    if (!error) return undefined;
    const own = error.fieldErrors[f]?.[0];
    if (own) return own;
    return errorField(error) === f ? error.message : undefined;
  };
  const messageError = fieldError('message');
  const dateError = fieldError('returnsOn');
  // The server's message under a field takes focus there, as the browser's own checks would.
  useFocusFirstInvalid(formRef, set.error);
  return (
    <section className="card vacation-card" aria-labelledby="vacation-title">
      <h2 ref={title} id="vacation-title" className="card-title" tabIndex={-1}>
        Vacation mode {on && <span className="badge badge-warn">On</span>}
      </h2>
      <p className="small muted">
        While you are away your listings stay visible but cannot be bought, items in shoppers’ carts are released,
        search hides your shop, and new messages get your vacation message as an automatic reply.
      </p>
      {on && shop.vacation && (
        <p className="notice notice-warn" role="status">
          On vacation since {formatDate(shop.vacation.since)}
          {shop.vacation.returnsOn ? `, back ${formatDate(`${shop.vacation.returnsOn}T12:00:00Z`)}` : ''}.
        </p>
      )}
      <form
        ref={formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          // Already away with exactly this: send nothing and say so in the form's own toast, like
          // every seller form. A second Enter just after "Go on vacation" lands here once the first
          // has answered.
          const saved = shop.vacation;
          saveUnlessUnchanged({
            unchanged: saved !== null && saved.message === message && (saved.returnsOn ?? null) === (returnsOn || null),
            toastId: 'vacation',
            upToDate: 'No changes to save: your vacation is up to date.',
            save: () => set.mutate({ shopId: shop.id, on: true, message, returnsOn: returnsOn || null }),
          });
        }}
      >
        <Field label="Message for shoppers" error={messageError}>
          <textarea
            className="textarea"
            rows={3}
            value={message}
            maxLength={VACATION_MESSAGE_MAX}
            placeholder="We're at the winter craft fair. Orders open again when we're back!"
            onChange={(e) => setMessage(e.target.value)}
          />
        </Field>
        <Field label="Back on (optional)" error={dateError}>
          <input
            className="input"
            type="date"
            // Within the next year, as the server accepts: the picker then takes a 4-digit year only.
            min={today()}
            max={latestVacationReturn(today())}
            value={returnsOn}
            onChange={(e) => setReturnsOn(e.target.value)}
          />
        </Field>
        {error && !messageError && !dateError && (
          <p className="error" role="alert">
            {error.message}
          </p>
        )}
        <div className="vacation-actions">
          <StatusButton pending={set.isPending && set.variables?.on === true} pendingLabel="Saving…">
            {on ? 'Update vacation' : 'Go on vacation'}
          </StatusButton>
          {on && (
            <StatusButton
              type="button"
              className="btn"
              pending={set.isPending && set.variables?.on === false}
              pendingLabel="Opening…"
              onClick={() => {
                // Once open, this button is gone: focus goes to the card's title, not to "Go on
                // vacation" in its place, where the second Enter of a double press would submit it.
                focusAfter(() => title.current);
                set.mutate({ shopId: shop.id, on: false });
              }}
            >
              I’m back: open the shop
            </StatusButton>
          )}
        </div>
      </form>
    </section>
  );
}
