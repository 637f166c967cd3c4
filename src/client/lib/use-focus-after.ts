// Where keyboard focus goes when an action removes the control that had it: a cart line's Remove,
// a review form replaced by its result, "I'm back" once the shop is open again. The browser drops
// focus to <body> and the next Tab starts again at "Skip to content". Arm it as the action starts
// with where focus should land; after the commit that removes the control, focus moves there.
import { useCallback, useEffect, useRef } from 'react';

type Target = () => HTMLElement | null | undefined;

/**
 * `from` is the control the action leaves focus on, when that is not the one focused now (a
 * confirm dialog that closes gives focus back to the row's button, which the refresh then removes).
 */
export function useFocusAfter(): (target: Target | null, from?: Element | null) => void {
  const armed = useRef<{ from: Element | null; target: Target } | null>(null);
  // After every commit of the component that armed it (no deps on purpose: the removal is a commit).
  useEffect(() => {
    const a = armed.current;
    if (!a) return;
    const active = document.activeElement;
    if (active && active !== document.body) {
      // Still on the pressed control (the action is under way), or the shopper moved on: then leave it.
      if (active !== a.from) armed.current = null;
      return;
    }
    const el = a.target();
    if (!el) return; // not rendered yet (the result is still loading)
    armed.current = null;
    el.focus();
  });
  // `null` disarms it: the action failed and its control stays, so a rule left armed would pull
  // focus away the next time it fell to <body>, long after the action.
  return useCallback((target: Target | null, from?: Element | null) => {
    armed.current = target && { from: from ?? document.activeElement, target };
  }, []);
}
