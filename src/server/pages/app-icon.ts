// The app's icon (an inline SVG, so no request for it can fail), for pages served outside the
// client's index.html, which carries the same href in its <link rel="icon"> (a test keeps them equal).
// Browsers still ask for /favicon.ico where a document names no icon; `appIconResponse` answers it.
import { PUBLIC_IMAGE_HEADERS } from '../http/public-image-headers';

export const APP_ICON_HREF =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='8' fill='%23b8532b'/%3E%3Ctext x='16' y='23' font-size='20' text-anchor='middle' fill='white' font-family='Georgia'%3Eh%3C/text%3E%3C/svg%3E";

const APP_ICON_SVG = decodeURIComponent(APP_ICON_HREF.slice(APP_ICON_HREF.indexOf(',') + 1));

/** GET /favicon.ico: the same icon, for documents that name none (and crawlers that ask anyway). */
export function appIconResponse(): Response {
  return new Response(APP_ICON_SVG, {
    headers: {
      'Content-Type': 'image/svg+xml',
      'Cache-Control': 'public, max-age=86400',
      'X-Content-Type-Options': 'nosniff',
      ...PUBLIC_IMAGE_HEADERS,
    },
  });
}
