// HTTP routes for images (multipart does not fit tRPC): POST /api/uploads for signed-in users,
// GET /uploads/<id>.webp served with immutable caching (ids are random and never reused).
import { join } from 'node:path';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DomainError, domainErrorCodes } from '../../../shared/errors';
import type { AppDeps } from '../../deps';
import { COOKIE_NAMES, readCookie } from '../../http/cookies';
import { fromOwnOrigin } from '../../http/csrf';
import { PUBLIC_IMAGE_HEADERS } from '../../http/public-image-headers';
import { enforceRateLimit } from '../../trpc/rate-limit';
import { resolveSession } from '../auth/auth.session';
import { MAX_UPLOAD_BYTES, storeUploadedImage, uploadFileName, uploadsDir } from './uploads.service';

const uploadRule = { name: 'upload', limit: 30, windowSeconds: 60 };
/** Multipart framing around a 5 MB file stays well under this; anything larger is refused unread. */
const MAX_BODY_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;

const statusOf: Record<string, 400 | 401 | 403 | 404 | 409 | 412 | 429 | 503> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
};

function fail(c: Context, err: DomainError) {
  const status = statusOf[domainErrorCodes[err.code]] ?? 400;
  return c.json({ error: { message: err.message, code: err.code, details: err.details } }, status);
}

export function uploadsRoutes(deps: AppDeps) {
  const app = new Hono();

  app.post(
    '/api/uploads',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => fail(c, new DomainError('BAD_REQUEST', 'Images must be 5 MB or smaller.', { field: 'file' })),
    }),
    async (c) => {
      if (!fromOwnOrigin(c.req.raw, deps.config.trustProxy))
        return fail(c, new DomainError('FORBIDDEN', 'Cross-site upload refused.'));
      const sessionId = readCookie(c.req.header('cookie'), COOKIE_NAMES.session);
      const user = sessionId ? await resolveSession(deps, sessionId) : null;
      if (!user) return fail(c, new DomainError('UNAUTHORIZED', 'Please sign in to upload images.'));
      try {
        await enforceRateLimit(deps.store, uploadRule, `user:${user.id}`);
        const form = await c.req.formData().catch(() => null);
        const file = form?.get('file');
        if (!(file instanceof File)) {
          throw new DomainError('BAD_REQUEST', 'Send the image as multipart form field "file".', { field: 'file' });
        }
        const stored = await storeUploadedImage(deps, file);
        deps.log.info({ userId: user.id, url: stored.url, bytesIn: file.size }, 'image uploaded');
        return c.json(stored, 201);
      } catch (err) {
        if (err instanceof DomainError) return fail(c, err);
        throw err;
      }
    },
  );

  app.get('/uploads/:name', async (c) => {
    const name = c.req.param('name');
    if (!uploadFileName.test(name)) return c.text('Not found', 404);
    const file = Bun.file(join(uploadsDir(deps), name));
    if (!(await file.exists())) return c.text('Not found', 404);
    return new Response(file, {
      headers: {
        'Content-Type': 'image/webp',
        'Cache-Control': 'public, max-age=31536000, immutable',
        'X-Content-Type-Options': 'nosniff',
        ...PUBLIC_IMAGE_HEADERS,
      },
    });
  });

  return app;
}
