// Each page's own <title> and meta description (tabs, history, bookmarks and link previews say
// which page it is). The document head is outside React's tree, so this is one of the few
// effects that sync with an external system; pages call it with what they know so far.
import { useEffect } from 'react';

const SITE = 'Hearth';
export const DEFAULT_DESCRIPTION = 'Hearth — a marketplace for handmade and vintage goods from independent makers.';

export function pageTitle(title: string | null | undefined): string {
  return title ? `${title} · ${SITE}` : `${SITE} — handmade & vintage`;
}

export function usePageMeta(title: string | null | undefined, description?: string | null) {
  useEffect(() => {
    document.title = pageTitle(title);
    let meta = document.querySelector<HTMLMetaElement>('meta[name="description"]');
    if (!meta) {
      meta = document.createElement('meta');
      meta.name = 'description';
      document.head.append(meta);
    }
    meta.content = (description ?? DEFAULT_DESCRIPTION).replace(/\s+/g, ' ').trim().slice(0, 160);
  }, [title, description]);
}
