// The <head> of a page as data, and its HTML. Every value is escaped here, once: titles and
// descriptions come from sellers. JSON-LD is embedded so that no "</script>" inside it can end the
// element (the `<` of every string is written as \u003c).

export interface PageHead {
  /** Full document title, site name included. */
  title: string;
  description: string;
  /** Absolute URL; absent on pages that must not be indexed under another address (errors). */
  canonical?: string;
  /** e.g. "noindex, follow" for internal search results and private pages. */
  robots?: string;
  openGraph?: {
    type: 'website' | 'product' | 'profile';
    /** Absolute URL of the picture link previews show. */
    image?: string;
    imageAlt?: string;
    /** product:price:amount / currency for product cards. */
    price?: { amount: string; currency: string };
  };
  jsonLd?: object[];
  /**
   * The page's largest picture (a listing's first photo): preloaded at high priority from the head,
   * which a listing page sends before its body is rendered, so the picture loads alongside the CSS.
   */
  preloadImage?: string;
}

const SITE_NAME = 'Hearth';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON safe inside a <script> element: no "<", no line separators that end JS strings. */
export function scriptJson(value: unknown): string {
  return scriptJsonText(JSON.stringify(value));
}

/** Already-serialised JSON made safe inside a <script> element. */
export function scriptJsonText(json: string): string {
  return json
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function meta(attr: 'name' | 'property', key: string, content: string): string {
  return `<meta ${attr}="${key}" content="${escapeHtml(content)}" />`;
}

/** Collapses whitespace and cuts at a word near 160 characters (what result pages show). */
export function summarise(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 30)).replace(/[\s,.;:–—-]+$/, '')}…`;
}

export function renderHead(head: PageHead): string {
  const tags = [`<title>${escapeHtml(head.title)}</title>`, meta('name', 'description', head.description)];
  if (head.robots) tags.push(meta('name', 'robots', head.robots));
  if (head.canonical) tags.push(`<link rel="canonical" href="${escapeHtml(head.canonical)}" />`);
  if (head.preloadImage)
    tags.push(`<link rel="preload" as="image" href="${escapeHtml(head.preloadImage)}" fetchpriority="high" />`);
  const og = head.openGraph;
  if (og) {
    tags.push(
      meta('property', 'og:site_name', SITE_NAME),
      meta('property', 'og:type', og.type),
      meta('property', 'og:title', head.title),
      meta('property', 'og:description', head.description),
    );
    if (head.canonical) tags.push(meta('property', 'og:url', head.canonical));
    if (og.image) {
      tags.push(meta('property', 'og:image', og.image));
      if (og.imageAlt) tags.push(meta('property', 'og:image:alt', og.imageAlt));
    }
    if (og.price)
      tags.push(
        meta('property', 'product:price:amount', og.price.amount),
        meta('property', 'product:price:currency', og.price.currency),
      );
    tags.push(
      meta('name', 'twitter:card', og.image ? 'summary_large_image' : 'summary'),
      meta('name', 'twitter:title', head.title),
      meta('name', 'twitter:description', head.description),
    );
    if (og.image) tags.push(meta('name', 'twitter:image', og.image));
  }
  for (const block of head.jsonLd ?? []) tags.push(`<script type="application/ld+json">${scriptJson(block)}</script>`);
  return tags.join('\n    ');
}
