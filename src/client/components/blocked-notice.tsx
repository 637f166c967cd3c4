// The notice shown where a message would be written when the reader blocked the other party:
// in a conversation in place of its composer (message-thread.tsx), and on the order pages in
// place of "Message the buyer" (dashboard/message-buyer.tsx) and "Message the shop"
// (order-contact-shop.tsx). One wording and one Unblock for all three. When the other party
// blocked the reader, the order pages say so instead (NotAcceptingNotice).
import { type RefObject, useCallback, useEffect, useRef } from 'react';
import { StatusButton } from './ui/status-button';

export function BlockedNotice({ name, pending, onUnblock }: { name: string; pending: boolean; onUnblock: () => void }) {
  return (
    <div className="notice blocked-notice" role="status">
      <p className="flush">You blocked {name}. Neither of you can send messages until you unblock them.</p>
      <StatusButton
        type="button"
        className="btn btn-sm"
        pending={pending}
        pendingLabel="Unblocking…"
        onClick={onUnblock}
      >
        Unblock {name}
      </StatusButton>
    </div>
  );
}

/**
 * The other party blocked the reader: said where a message would be written, before anything is
 * typed, and with no Unblock (the block is theirs to undo). The words a conversation shows too,
 * there with `draftKept` when words written and not sent wait for the composer to come back.
 * Focusable from script, for when the reader's own block goes and this one remains, or this
 * replaces a focused composer or button.
 */
export function NotAcceptingNotice({ name, draftKept = false }: { name: string; draftKept?: boolean }) {
  return (
    <p className="notice" role="status" tabIndex={-1}>
      {name} is not accepting messages from you.
      {draftKept && ' Your unsent message is kept and will be here if messaging opens again.'}
    </p>
  );
}

/**
 * Unblocking removes the button that had focus, so what takes the notice's place should get it:
 * call the returned function as the unblock starts, and once `blocked` turns false `focus` runs
 * (once). A block going away for another reason (another tab) leaves focus alone.
 */
export function useFocusAfterUnblock(blocked: boolean, focus: () => void): () => void {
  const armed = useRef(false);
  const focusRef = useRef(focus);
  focusRef.current = focus;
  useEffect(() => {
    if (blocked || !armed.current) return;
    armed.current = false;
    focusRef.current();
  }, [blocked]);
  return useCallback(() => {
    armed.current = true;
  }, []);
}

/**
 * The other party's block, arriving live (or the reader's own, from another tab), swaps the
 * message button for a notice; a browser drops the focus of a removed element to <body>, where
 * a keyboard user is lost. When `replaced` turns true and what last had focus in `box` is gone
 * with focus nowhere, the notice in its place takes it (or its Unblock, when the block is the
 * reader's). Focus anywhere else, or moved off the button by the reader, is left alone.
 */
export function useFocusNoticeWhenReplaced(box: RefObject<HTMLElement | null>, replaced: boolean) {
  const focused = useRef<Element | null>(null);
  useEffect(() => {
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target as Element;
      focused.current = box.current?.contains(target) ? target : null;
    };
    // Focus leaving for nowhere (a click on the page) forgets the button; its removal does not,
    // nor the window losing focus (the element keeps document focus then).
    const onFocusOut = (event: FocusEvent) => {
      const target = event.target as Element;
      if (event.relatedTarget || target !== focused.current) return;
      setTimeout(() => {
        if (target.isConnected && document.activeElement !== target && focused.current === target)
          focused.current = null;
      });
    };
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', onFocusOut);
    };
  }, [box]);
  useEffect(() => {
    const had = focused.current;
    if (!replaced || !had || had.isConnected) return;
    focused.current = null;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    box.current?.querySelector<HTMLElement>('.notice[tabindex], .notice button')?.focus();
  }, [replaced, box]);
}
