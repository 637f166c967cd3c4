// Client side of POST /api/uploads: the server checks, re-encodes and stores; we get a URL back.
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export async function uploadImage(file: File): Promise<string> {
  if (!file.type.startsWith('image/')) throw new Error('Choose an image file (JPEG, PNG, WebP, GIF or AVIF).');
  if (file.size > MAX_UPLOAD_BYTES) throw new Error('Images must be 5 MB or smaller.');
  const body = new FormData();
  body.set('file', file);
  const res = await fetch('/api/uploads', { method: 'POST', body, credentials: 'same-origin' });
  const json = (await res.json().catch(() => null)) as { url?: string; error?: { message?: string } } | null;
  if (!res.ok || !json?.url) throw new Error(json?.error?.message ?? 'Upload failed. Please try again.');
  return json.url;
}
