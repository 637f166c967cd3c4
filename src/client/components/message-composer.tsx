// The message composer: text with a live count against the limit, an optional photo, Ctrl+Enter,
// one message per press-burst, and focus kept in the box. The conversation page sends with it
// (message-thread.tsx), and so do the seller's "Message the buyer" on an order (decision 0195) and
// the buyer's "Message the shop" (contact-shop.tsx); the caller says what sending does. What is
// written and not sent is kept per place (`draftKey`, lib/message-draft-store.ts) until it is sent.
import { useEffect, useRef, useState } from 'react';
import { MESSAGE_TEXT_MAX } from '../../shared/schemas/messaging';
import { loadMessageDraft, saveMessageDraft } from '../lib/message-draft-store';
import { useMe } from '../lib/session';
import { uploadImage } from '../lib/upload';
import { describeError } from '../trpc';
import { StatusButton } from './ui/status-button';

export interface ComposedMessage {
  text: string;
  imageUrl: string | null;
}

export function MessageComposer({
  send,
  pending,
  error,
  label = 'Write a message',
  showLabel = false,
  placeholder = 'Write a message…',
  autoFocus = false,
  onCancel,
  sendLabel = 'Send',
  draftKey,
}: {
  /** Resolves once the message is sent (the box empties), rejects when it was refused (`error` says why). */
  send: (message: ComposedMessage) => Promise<unknown>;
  pending: boolean;
  error: unknown;
  label?: string;
  /** The label on screen (in a dialog) rather than for screen readers only (under a thread). */
  showLabel?: boolean;
  placeholder?: string;
  /** Focused when its dialog opens. */
  autoFocus?: boolean;
  /** A Cancel button beside Send (in a dialog). */
  onCancel?: () => void;
  sendLabel?: string;
  /** Where this message goes ("conversation:12", "order:34"): an unsent draft is kept under it. */
  draftKey: string;
}) {
  const [text, setText] = useState('');
  const [imageUrl, setImageUrl] = useState<string | null>(null);
  const userId = useMe().user?.id;
  // The draft comes back once the composer is in the browser (not during hydration: the server
  // has no drafts). Nothing typed yet is overwritten.
  useEffect(() => {
    if (userId === undefined) return;
    const draft = loadMessageDraft(userId, draftKey);
    if (!draft) return;
    setText((now) => now || draft.text);
    setImageUrl((now) => now ?? draft.imageUrl);
  }, [userId, draftKey]);
  const keepDraft = (draft: ComposedMessage) => {
    if (userId !== undefined) saveMessageDraft(userId, draftKey, draft);
  };
  const changeText = (next: string) => {
    setText(next);
    keepDraft({ text: next, imageUrl });
  };
  // The text as last drawn: a photo's upload ends after more typing than its closure saw.
  const latestText = useRef(text);
  latestText.current = text;
  const changeImage = (next: string | null) => {
    setImageUrl(next);
    keepDraft({ text: latestText.current, imageUrl: next });
  };
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  // One press-burst sends one message: Ctrl+Enter twice before the first send answered sent the
  // same text twice (the box empties only on success, and `pending` shows a render later).
  const sending = useRef(false);
  const over = text.length > MESSAGE_TEXT_MAX;
  const canSend = (text.trim().length > 0 || imageUrl) && !over && !uploading;
  const failure = uploadError ?? (error ? describeError(error).message : null);
  const submit = () => {
    if (!canSend || sending.current) return;
    sending.current = true;
    send({ text, imageUrl })
      .then(
        () => {
          setText('');
          setImageUrl(null);
          // Sent: the draft goes too (also when the dialog closed with the send).
          keepDraft({ text: '', imageUrl: null });
        },
        () => undefined,
      )
      // Send is disabled while sending (and again once the box is empty), which dropped focus to
      // the page: it goes back to the box, ready for the next message. Focus moved elsewhere
      // meanwhile stays.
      .finally(() => {
        sending.current = false;
        // Only this composer's own box: one that closed with its dialog as the page moved on does
        // not pull focus into the next page's composer.
        const at = document.activeElement;
        if (!at || at === document.body || form.current?.contains(at)) box.current?.focus();
      });
  };
  return (
    <form
      ref={form}
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label htmlFor="composer-text" className={showLabel ? 'composer-label' : 'visually-hidden'}>
        {label}
      </label>
      <textarea
        ref={box}
        id="composer-text"
        className="textarea"
        rows={showLabel ? 5 : 3}
        value={text}
        placeholder={placeholder}
        onChange={(e) => changeText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            submit();
          }
        }}
        aria-invalid={over || !!error || undefined}
        aria-describedby={over ? 'composer-count composer-over' : 'composer-count'}
        data-autofocus={autoFocus || undefined}
      />
      {/* Send is disabled over the limit: say why, in words, where the count is read out. */}
      {over && (
        <p id="composer-over" className="error flush">
          Shorten your message to {MESSAGE_TEXT_MAX.toLocaleString('en-US')} characters.
        </p>
      )}
      {imageUrl && (
        <div className="composer-photo">
          <img src={imageUrl} alt="Attached to your next message" />
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => changeImage(null)}>
            Remove photo
          </button>
        </div>
      )}
      <div className="composer-bar">
        <label className="btn btn-ghost btn-sm composer-attach">
          {uploading ? 'Uploading…' : 'Attach photo'}
          <input
            type="file"
            accept="image/*"
            className="visually-hidden"
            // Not disabled while uploading: that dropped keyboard focus to the page.
            aria-disabled={uploading || undefined}
            onClick={(e) => {
              if (uploading) e.preventDefault();
            }}
            onChange={async (e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              setUploading(true);
              setUploadError(null);
              try {
                changeImage(await uploadImage(file));
              } catch (err) {
                setUploadError((err as Error).message);
              } finally {
                setUploading(false);
              }
            }}
          />
        </label>
        <span className="small">
          {/* The count alone describes the box (and turns red over the limit); the key hint is not
              part of it, so a screen reader does not read it as part of the count. */}
          <span id="composer-count" className={over ? 'composer-count-over' : 'muted'}>
            {text.length.toLocaleString('en-US')} / {MESSAGE_TEXT_MAX.toLocaleString('en-US')}
          </span>
          {/* Only where there is a keyboard to press it with (hidden on touch screens and at phone width). */}
          <span className="composer-keys muted"> · Ctrl+Enter sends</span>
        </span>
        <span className="composer-send">
          {onCancel && (
            <button type="button" className="btn" onClick={onCancel}>
              Cancel
            </button>
          )}
          <StatusButton pending={pending} pendingLabel="Sending…" disabled={!canSend}>
            {sendLabel}
          </StatusButton>
        </span>
      </div>
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
    </form>
  );
}
