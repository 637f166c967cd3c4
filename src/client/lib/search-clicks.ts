// Search analytics from the results page: a click on a listing card counts once for the query
// (fire and forget; the server batches it). Delegated from the results container so the cards
// themselves know nothing about search.
import type { MouseEvent } from 'react';
import { trpcClient } from '../trpc';

export function recordResultClick(q: string, event: MouseEvent<HTMLElement>): void {
  if (!q) return;
  const link = (event.target as Element | null)?.closest?.('a[href^="/listing/"], a[href^="/product/"]');
  const id = Number(link?.getAttribute('href')?.split('/')[2]);
  if (!Number.isSafeInteger(id) || id <= 0) return;
  void trpcClient.search.click.mutate({ q, productId: id }).catch(() => {});
}
