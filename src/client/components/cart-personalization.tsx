// Editing a cart line's personalisation in place (issue 16 item 4): the same field as on the
// product page (seller's instructions, counter, required), checked the same way here and by the
// server; Escape or Cancel puts the text back, and focus returns to the button that opened it.
import { type KeyboardEvent, useRef, useState } from 'react';
import { toast } from 'sonner';
import type { CartItemDto } from '../../shared/schemas/cart';
import { tooLongMessage } from '../../shared/schemas/issue-messages';
import { describeError, trpc } from '../trpc';
import { PersonalizationField } from './personalization-field';

type Spec = NonNullable<CartItemDto['personalizationSpec']>;

/** The browser's check, in the server's words; null when the text fits. */
function localProblem(spec: Spec, text: string): string | null {
  const trimmed = text.trim();
  if (spec.required && trimmed === '') return 'Add your personalisation: this listing needs it.';
  if ([...trimmed].length > spec.maxChars) return tooLongMessage('Personalisation', spec.maxChars);
  return null;
}

export function CartPersonalization({ item }: { item: CartItemDto }) {
  const spec = item.personalizationSpec;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(item.personalization);
  const [error, setError] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const trpcUtils = trpc.useUtils();
  const close = () => {
    setEditing(false);
    setError(null);
    // After React has put the button back.
    requestAnimationFrame(() => opener.current?.focus());
  };
  const save = trpc.cart.updatePersonalization.useMutation({
    onSuccess: async (cart) => {
      // The answer is the newest cart: a read sent before the change must not land on top of it.
      await trpcUtils.cart.get.cancel();
      trpcUtils.cart.get.setData(undefined, cart);
      toast.success('Personalisation updated.');
      close();
    },
    onError: (err) => setError(describeError(err).message),
  });
  if (!spec) return null;

  if (!editing)
    return (
      <button
        ref={opener}
        type="button"
        className="btn btn-ghost btn-sm line-edit"
        aria-label={`${item.personalization ? 'Edit' : 'Add'} personalisation of ${item.title}`}
        onClick={() => {
          setText(item.personalization);
          setEditing(true);
        }}
      >
        {item.personalization ? 'Edit personalisation' : 'Add personalisation'}
      </button>
    );

  const submit = () => {
    const problem = localProblem(spec, text);
    if (problem) {
      setError(problem);
      return;
    }
    if (text.trim() === item.personalization) {
      close();
      return;
    }
    save.mutate({ cartItemId: item.cartItemId, personalization: text });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the editor cancels it (the controls inside are the interactive ones)
    <div className="line-personalization-edit" onKeyDown={onKeyDown}>
      <PersonalizationField
        spec={spec}
        value={text}
        autoFocus
        onChange={(v) => {
          setText(v);
          if (error) setError(null);
        }}
        error={error}
      />
      <div className="controls">
        <button type="button" className="btn btn-primary btn-sm" disabled={save.isPending} onClick={submit}>
          {save.isPending ? 'Saving…' : 'Save personalisation'}
        </button>
        <button type="button" className="btn btn-ghost btn-sm" onClick={close}>
          Cancel
        </button>
      </div>
    </div>
  );
}
