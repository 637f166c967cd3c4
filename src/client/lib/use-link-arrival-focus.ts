// Following a link to another page (the seller overview's "View all 12 in Listings", a search
// result card) unmounts the link, and the browser drops focus to <body>: the next Tab starts again
// at "Skip to content". The app shell calls this once: after a client-side navigation that a link
// started and that changed the page (not only its query), once the new page's h1 is on screen it
// takes focus, if focus is still on <body>. It does nothing on the first load, nothing when a page
// (or the shopper) already put focus somewhere, and nothing for a link that stays on screen (the
// dashboard's side nav keeps focus on the link pressed).
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { focusOnArrival } from './focus-on-arrival';

export function useLinkArrivalFocus(): void {
  const { pathname } = useLocation();
  // The page a same-origin link was just activated for (click, or Enter on it, which clicks).
  const clicked = useRef<string | null>(null);
  const previous = useRef(pathname);

  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = e.target instanceof Element ? e.target.closest('a[href]') : null;
      if (!(a instanceof HTMLAnchorElement) || (a.target && a.target !== '_self')) return;
      const url = new URL(a.href, window.location.href);
      clicked.current = url.origin === window.location.origin ? url.pathname : null;
    };
    // Capture: before the router's own handler turns the click into a navigation.
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, []);

  useEffect(() => {
    const from = previous.current;
    previous.current = pathname;
    const target = clicked.current;
    clicked.current = null;
    if (pathname === from || target !== pathname) return;
    const main = document.getElementById('main');
    if (!main) return;
    return focusOnArrival(
      () => {
        const h1 = main.querySelector<HTMLElement>('h1');
        if (h1 && !h1.hasAttribute('tabindex')) {
          h1.tabIndex = -1;
          h1.classList.add('focus-heading');
        }
        return h1;
      },
      { checkNow: true },
    );
  }, [pathname]);
}
