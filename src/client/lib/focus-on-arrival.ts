// Focus for a page that a navigation is about to draw: once `find` returns its element (a page
// draws its heading when its data arrives, often well after the navigation's own render), that
// element takes focus, if focus is still nowhere (<body>) by then. It watches the document rather
// than waiting for a React commit of the component that navigated, which may never come again.
// It stops when the element took focus, when focus went anywhere else (the page or the shopper put
// it somewhere), or after WAIT_MS. Returns a function that stops it early.

/**
 * The page area (<main>) once the page drawn in it is the one for address `to`, else null. The
 * address bar changes before React draws the page for it, and anything else that changes in the
 * document meanwhile (a list closing, a progress bar) would otherwise pass for the new page's
 * arrival and put focus on the page left. The app shell writes the address it drew on <main>.
 */
export function pageOnScreen(to: string): HTMLElement | null {
  const main = document.getElementById('main');
  const drawn = main?.dataset.location;
  if (!main || drawn === undefined) return null;
  const address = (path: string) => {
    const url = new URL(path, window.location.href);
    return url.pathname + url.search;
  };
  return address(drawn) === address(to) ? main : null;
}

/** How long a slow page may take to draw its element before we stop waiting for it. */
const WAIT_MS = 10_000;

/**
 * `takeFrom`: focus may also be taken from an element it matches (the page's heading, where
 * arriving put it), when nothing the shopper did has moved it since.
 */
export function focusOnArrival(
  find: () => HTMLElement | null,
  options: { checkNow?: boolean; takeFrom?: (active: Element) => boolean } = {},
): () => void {
  // True when done: focus is somewhere already (leave it), or the element took it.
  const settle = () => {
    const active = document.activeElement;
    if (active && active !== document.body && !options.takeFrom?.(active)) return true;
    const el = find();
    if (!el) return false; // not drawn yet
    // ScrollRestoration owns the scroll position.
    el.focus({ preventScroll: true });
    return true;
  };
  const observer = new MutationObserver(() => {
    if (settle()) stop();
  });
  const timer = window.setTimeout(() => stop(), WAIT_MS);
  function stop() {
    observer.disconnect();
    window.clearTimeout(timer);
  }
  if (options.checkNow && settle()) {
    stop();
    return stop;
  }
  // data-location: the commit that draws a page may change no node around its heading (a second
  // search only changes the heading's text), but it always changes the address on <main>.
  observer.observe(document.body, {
    childList: true,
    subtree: true,
    characterData: true,
    attributeFilter: ['data-location'],
  });
  return stop;
}
