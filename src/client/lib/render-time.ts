// The instant a server-rendered page was rendered at, for text that depends on the time (estimated
// dispatch and delivery days, "may free up in 12 minutes"). While React hydrates, components read
// the server's instant, so markup rendered a moment earlier (across midnight or a minute) or kept
// by the page cache or a CDN hydrates without a mismatch; from the next render on they read the
// clock (decision 0171).
import { createContext, useContext } from 'react';
import { useHydrated } from './use-hydrated';

/** Milliseconds since the epoch the server rendered at; null for pages the browser renders itself. */
export const RenderTimeContext = createContext<number | null>(null);

/** Now, for rendering: the server's render instant while hydrating (and on the server), then the clock. */
export function useRenderTime(): number {
  const renderedAt = useContext(RenderTimeContext);
  const hydrated = useHydrated();
  return !hydrated && renderedAt !== null ? renderedAt : Date.now();
}
