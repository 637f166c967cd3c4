// How a popup (the account menu, the notification panel) goes away: on a click outside it, on
// Escape (then `onEscape`, e.g. focus back on its button) and whenever the page changes.
// A page change by one of its own links (a notification, Your orders) would leave focus on that link
// until the popup closes and takes it away to <body>, after the new page's arrival (useArrivalFocus)
// saw focus "somewhere" and left it: so the popup lets go of focus first, and the arrival takes it.
import { type RefObject, useEffect } from 'react';
import { useLocation } from 'react-router';

export function usePopupDismiss(
  ref: RefObject<HTMLElement | null>,
  open: boolean,
  setOpen: (open: boolean) => void,
  onEscape?: () => void,
) {
  const { pathname } = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: close whenever the page changes
  useEffect(() => {
    const focused = document.activeElement;
    // Runs before the app shell's arrival effect (a child's effects run first).
    if (open && focused instanceof HTMLElement && ref.current?.contains(focused)) focused.blur();
    setOpen(false);
  }, [pathname]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: listeners only while open
  useEffect(() => {
    if (!open) return;
    const onDoc = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      onEscape?.();
    };
    document.addEventListener('mousedown', onDoc);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDoc);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
}
