// Image uploads: the only way user files enter the system. Every file is decoded and re-encoded
// (never stored as sent), so a polyglot or oversized file cannot reach other users; stored under
// DATA_DIR, outside the source tree, named by a random id so URLs are immutable and cacheable.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { DomainError } from '../../../shared/errors';
import type { AppDeps } from '../../deps';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** Longest edge after re-encoding: big enough for a banner, small enough to load fast. */
const MAX_EDGE_PX = 2000;
/** Refuse decompression bombs before decoding (a 5 MB PNG can claim gigapixels). */
const MAX_INPUT_PIXELS = 40_000_000;
const ACCEPTED_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif']);
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'heif']);

export const uploadFileName = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.webp$/;

export function uploadsDir(deps: AppDeps): string {
  return join(deps.config.dataDir, 'uploads');
}

export async function storeUploadedImage(deps: AppDeps, file: File): Promise<{ url: string }> {
  if (!ACCEPTED_TYPES.has(file.type)) {
    throw new DomainError('BAD_REQUEST', 'Upload a JPEG, PNG, WebP, GIF or AVIF image.', { field: 'file' });
  }
  if (file.size === 0) throw new DomainError('BAD_REQUEST', 'The file is empty.', { field: 'file' });
  if (file.size > MAX_UPLOAD_BYTES) {
    throw new DomainError('BAD_REQUEST', 'Images must be 5 MB or smaller.', {
      field: 'file',
      maxBytes: MAX_UPLOAD_BYTES,
    });
  }

  const input = Buffer.from(await file.arrayBuffer());
  let output: Buffer;
  try {
    const image = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, animated: false, failOn: 'error' });
    const meta = await image.metadata();
    if (!meta.format || !ACCEPTED_FORMATS.has(meta.format)) throw new Error(`format ${meta.format}`);
    output = await image
      .rotate() // apply EXIF orientation before metadata is dropped
      .resize({ width: MAX_EDGE_PX, height: MAX_EDGE_PX, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 82, effort: 4 })
      .toBuffer();
  } catch {
    throw new DomainError('BAD_REQUEST', 'That file could not be read as an image.', { field: 'file' });
  }

  const dir = uploadsDir(deps);
  await mkdir(dir, { recursive: true });
  const name = `${crypto.randomUUID()}.webp`;
  await Bun.write(join(dir, name), output);
  return { url: `/uploads/${name}` };
}
