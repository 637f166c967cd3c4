// Headers every public image response carries (the app icon, uploads, demo placeholders).

/**
 * Any origin may embed these images. A document with an opaque origin (a mail's HTML in /dev/mail's
 * sandboxed frame, or opened on its own) is never "same origin": under the site-wide
 * `Cross-Origin-Resource-Policy: same-origin` its images and its /favicon.ico were refused
 * ("ERR_BLOCKED_BY_RESPONSE.NotSameOrigin" in the console). Nothing in these files is private.
 */
export const PUBLIC_IMAGE_HEADERS = { 'Cross-Origin-Resource-Policy': 'cross-origin' } as const;
