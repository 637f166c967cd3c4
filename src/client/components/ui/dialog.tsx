// One accessible modal dialog: the native <dialog> opened with showModal() (the page behind is
// inert, Escape closes, focus returns to the opener, also when the dialog is unmounted while open),
// a visible close button, a labelled title, and Tab/Shift+Tab kept inside the dialog instead of
// leaving for the browser chrome.
import { type ReactNode, type RefObject, useEffect, useId, useRef } from 'react';
import { CloseIcon } from '../icons';
import { showToastsIn } from './toaster';

const focusable =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  size = 'md',
  returnFocusTo,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  size?: 'sm' | 'md' | 'lg';
  /** Where focus goes on unmount when the control that opened the dialog has left the page. */
  returnFocusTo?: RefObject<HTMLElement | null>;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descId = useId();
  // What had focus when the dialog opened. close() gives focus back to it natively, but a dialog
  // that is unmounted while open (the seller's editor lives in the URL and goes with it) is just
  // removed, and focus fell to <body>: a keyboard user started again from the top of the page.
  const opener = useRef<HTMLElement | null>(null);
  // The native dialog's open state follows the prop (showModal is imperative).
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      el.showModal();
      (
        el.querySelector<HTMLElement>('[autofocus], [data-autofocus]') ?? el.querySelector<HTMLElement>(focusable)
      )?.focus();
    } else if (!open && el.open) {
      opener.current = null;
      el.close();
    }
  }, [open]);
  const fallback = useRef(returnFocusTo);
  fallback.current = returnFocusTo;
  useEffect(() => {
    const el = ref.current;
    return () => {
      const back = opener.current;
      if (!back) return;
      opener.current = null;
      if (el?.open) el.close();
      // After this commit: a dialog stacked on this one (a "Discard changes?" question) closes in
      // the same commit, and while it is open the opener is inert and cannot take focus. Focus
      // moved on purpose elsewhere, or an opener no longer in the page, is left alone.
      queueMicrotask(() => {
        const lost = !document.activeElement || document.activeElement === document.body;
        const target = back.isConnected && back !== document.body ? back : fallback.current?.current;
        if (lost && target?.isConnected) target.focus();
      });
    };
  }, []);
  // Toasts raised while the dialog is open (a save error, "Saved") are drawn above it, not under the backdrop.
  useEffect(() => (open && ref.current ? showToastsIn(ref.current) : undefined), [open]);

  function trapTab(e: React.KeyboardEvent<HTMLDialogElement>) {
    if (e.key !== 'Tab') return;
    const items = [...e.currentTarget.querySelectorAll<HTMLElement>(focusable)].filter((x) => x.offsetParent !== null);
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  }

  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descId : undefined}
      onCancel={(e) => {
        // Escape: let the owner decide (it owns `open`).
        e.preventDefault();
        onClose();
      }}
      onKeyDown={trapTab}
    >
      {open && (
        <div className="dialog-body">
          <div className="dialog-head">
            <h2 id={titleId} className="dialog-title">
              {title}
            </h2>
            <button type="button" className="btn btn-ghost btn-icon" onClick={onClose} aria-label="Close">
              <CloseIcon />
            </button>
          </div>
          {description && (
            <p id={descId} className="dialog-description">
              {description}
            </p>
          )}
          {children}
        </div>
      )}
    </dialog>
  );
}

/** "Are you sure?" without the browser's confirm(): says what will happen, and focuses the safe choice. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel = 'Keep it',
  pending = false,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  pending?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title={title} description={children} size="sm">
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose} data-autofocus>
          {cancelLabel}
        </button>
        <button type="button" className="btn btn-danger" onClick={onConfirm} disabled={pending} aria-busy={pending}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
