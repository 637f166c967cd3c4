// The notice shown where a message would be written when the reader blocked the other party:
// in a conversation in place of its composer (message-thread.tsx), and on the order pages in
// place of "Message the buyer" (dashboard/message-buyer.tsx) and "Message the shop"
// (order-contact-shop.tsx). One wording and one Unblock for all three. When the other party
// blocked the reader, the order pages say so instead (NotAcceptingNotice).
import { useCallback, useEffect, useRef } from 'react';
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
 * typed, and with no Unblock (the block is theirs to undo). The words a conversation shows too.
 * Focusable from script, for when the reader's own block goes and this one remains.
 */
export function NotAcceptingNotice({ name }: { name: string }) {
  return (
    <p className="notice" role="status" tabIndex={-1}>
      {name} is not accepting messages from you.
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
