// In-process HTTP calls to the app (createApp(...).request), as a browser or outside client sends
// them: queries GET ?input=, mutations JSON POST, identity in the session cookie, ip in x-forwarded-for.
import type { App } from '../app';

export interface Identity {
  cookie?: string;
  ip?: string;
}

export interface HttpOutcome {
  status: number;
  body: unknown;
  text: string;
  headers: Headers;
}

export async function callProcedure(
  app: App,
  path: string,
  type: 'query' | 'mutation' | 'subscription',
  input: unknown,
  who: Identity = {},
): Promise<HttpOutcome> {
  const headers: Record<string, string> = {
    'x-forwarded-for': who.ip ?? `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  };
  if (who.cookie) headers.cookie = who.cookie;
  let res: Response;
  if (type === 'mutation') {
    headers['content-type'] = 'application/json';
    res = await app.request(`http://localhost/trpc/${path}`, {
      method: 'POST',
      headers,
      body: input === undefined ? undefined : JSON.stringify(input),
    });
  } else {
    const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    const controller = new AbortController();
    res = await app.request(`http://localhost/trpc/${path}${qs}`, { headers, signal: controller.signal });
    if (type === 'subscription') {
      // A valid subscription streams forever: read its status, then hang up.
      const out = { status: res.status, body: null, text: '', headers: res.headers };
      if (res.status !== 200) out.text = await res.text();
      else await res.body?.cancel().catch(() => {});
      controller.abort();
      return out;
    }
  }
  return read(res);
}

export async function read(res: Response): Promise<HttpOutcome> {
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: res.status, body, text, headers: res.headers };
}

export function errorOf(
  out: HttpOutcome,
): { code?: string; message?: string; domain?: string; details?: Record<string, unknown> } | null {
  const e = (
    out.body as {
      error?: {
        message?: string;
        data?: { code?: string; domain?: { code?: string; details?: Record<string, unknown> } | null };
      };
    } | null
  )?.error;
  if (!e) return out.status >= 400 ? { message: out.text.slice(0, 200) } : null;
  return { code: e.data?.code, message: e.message, domain: e.data?.domain?.code, details: e.data?.domain?.details };
}

export const sessionCookie = (sessionId: string) => `hearth_session=${sessionId}`;

/** The `quote` field of checkout.place, from a checkout.quote answer (what the checkout page sends). */
export function confirmedQuote(body: unknown): { version: string; totalCents: number } {
  const data = (body as { result?: { data?: { version?: unknown; totalCents?: unknown } } } | null)?.result?.data;
  if (typeof data?.version !== 'string' || typeof data.totalCents !== 'number')
    throw new Error(`not a checkout.quote answer: ${JSON.stringify(body).slice(0, 200)}`);
  return { version: data.version, totalCents: data.totalCents };
}
