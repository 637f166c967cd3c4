// Limits on one HTTP request to /trpc, so one request cannot carry the work of hundreds
// (issue 19.8: 200 batched logins were 28 CPU-seconds, 1,000 batched logouts 72 kB of Set-Cookie).
// tRPC itself refuses batches over MAX_BATCH_SIZE (its maxBatchSize option, set in app.ts); this
// file refuses batches that include an auth mutation and JSON bodies over MAX_JSON_BYTES. Uploads
// are not under /trpc and keep their own limit.
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

export const MAX_BATCH_SIZE = 10;
/** The largest legitimate body (a listing with a long description, batched) is far below this. */
export const MAX_JSON_BYTES = 256 * 1024;

/** Auth procedures cost a password hash each or set a cookie each: one call per request. */
export const UNBATCHABLE = /^auth\.(login|register|logout)$/;

const refuse = (message: string, code: string) => ({ error: { message, code } });

/** The refusal for a batch that includes an auth procedure; undefined lets it through. */
export function batchedAuthRefusal(c: Context): Response | undefined {
  const paths = safeDecode(c.req.path.replace(/^\/trpc\/?/, '')).split(',');
  if (paths.length > 1 && paths.some((p) => UNBATCHABLE.test(p))) {
    return c.json(refuse('Sign-in, registration and sign-out cannot be batched; send them alone.', 'BAD_REQUEST'), 400);
  }
  return undefined;
}

export const jsonBodyLimit: MiddlewareHandler = bodyLimit({
  maxSize: MAX_JSON_BYTES,
  onError: (c) =>
    c.json(refuse(`Request bodies are limited to ${MAX_JSON_BYTES / 1024} kB.`, 'PAYLOAD_TOO_LARGE'), 413),
});

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
