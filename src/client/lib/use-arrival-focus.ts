// Moving to another page unmounts whatever had focus (a link followed, the Sign in button of a form
// that sends the shopper on, the Account menu's Sign out), and the browser drops focus to <body>:
// the next Tab starts again at "Skip to content". The app shell calls this once: after a
// client-side navigation to another page (a link, or code after a form or button: not back/forward,
// not a change of query or hash only), once the new page's h1 is on screen it takes focus, if focus
// is still on <body>. It does nothing on the first load (nor for a redirect before the shopper has
// pressed anything), nothing when the page (or the shopper) already put focus somewhere (Sign in
// after a password reset focuses its Password field), and nothing for a link that stays on screen
// (the dashboard's side nav keeps focus on the link pressed).
import { useEffect, useRef } from 'react';
import { useLocation, useNavigationType } from 'react-router';
import { focusOnArrival, pageOnScreen } from './focus-on-arrival';

/**
 * Navigation state for code that sends the shopper to a page as a new arrival even when it has the
 * same path as the page they are on: Sign out goes to the home page, and on the home page at /#main
 * (after "Skip to content") that is only a change of hash, which the hook otherwise leaves to the page.
 */
export const arriveAsNewPage = { arrival: 'new-page' } as const;

function isNewPageArrival(state: unknown): boolean {
  return typeof state === 'object' && state !== null && (state as { arrival?: unknown }).arrival === 'new-page';
}

export function useArrivalFocus(): void {
  const location = useLocation();
  const navigationType = useNavigationType();
  // Whether the shopper has pressed or clicked anything yet: until then a navigation is part of
  // the first load (a page redirecting on arrival), which moves nothing.
  const acted = useRef(false);
  const previous = useRef(location);

  useEffect(() => {
    const onAct = () => {
      acted.current = true;
    };
    // Capture: before the handler that navigates.
    document.addEventListener('pointerdown', onAct, true);
    document.addEventListener('keydown', onAct, true);
    return () => {
      document.removeEventListener('pointerdown', onAct, true);
      document.removeEventListener('keydown', onAct, true);
    };
  }, []);

  useEffect(() => {
    const from = previous.current;
    previous.current = location;
    if (location.key === from.key || navigationType === 'POP' || !acted.current) return;
    // Same page, another query or hash (search filters, checkout steps): the page keeps focus itself,
    // unless the code that navigated asked for a new page's arrival (arriveAsNewPage).
    const sameTarget =
      location.pathname === from.pathname && (location.search !== from.search || location.hash !== from.hash);
    if (sameTarget && !isNewPageArrival(location.state)) return;
    const to = location.pathname + location.search;
    return focusOnArrival(
      () => {
        const h1 = pageOnScreen(to)?.querySelector<HTMLElement>('h1') ?? null;
        if (h1 && !h1.hasAttribute('tabindex')) {
          h1.tabIndex = -1;
          h1.classList.add('focus-heading');
        }
        return h1;
      },
      { checkNow: true },
    );
  }, [location, navigationType]);
}
