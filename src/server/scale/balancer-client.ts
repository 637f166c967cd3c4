// Calls tRPC procedures over real HTTP (through the balancer or straight at one instance), as the
// browser does: queries GET ?input=, mutations JSON POST, identity in the session cookie. Each call
// carries its own request id, so a test can ask which instance answered it.
import type { ShippingAddressInput } from '../../shared/schemas/checkout';

export interface Outcome {
  status: number;
  /** tRPC's `result.data` on success. */
  data: unknown;
  /** tRPC's error `data.code`/`message` on failure ('' on success). */
  code: string;
  message: string;
  body: string;
  requestId: string;
  /** Set-Cookie headers of the response. */
  setCookie: string[];
}

export const address: Omit<ShippingAddressInput, 'line2'> = {
  name: 'Ada',
  line1: '1 Main St',
  city: 'Albany',
  region: 'NY',
  postalCode: '12207',
  country: 'US',
};

export async function call(
  base: string,
  procedure: string,
  input: unknown,
  { session, method = 'POST' }: { session?: string; method?: 'GET' | 'POST' } = {},
): Promise<Outcome> {
  const requestId = crypto.randomUUID();
  const headers: Record<string, string> = { 'x-request-id': requestId };
  if (session) headers.cookie = `hearth_session=${session}`;
  let res: Response;
  try {
    if (method === 'GET') {
      const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
      res = await fetch(`${base}/trpc/${procedure}${query}`, { headers });
    } else {
      headers['content-type'] = 'application/json';
      res = await fetch(`${base}/trpc/${procedure}`, { method: 'POST', headers, body: JSON.stringify(input) });
    }
  } catch (err) {
    return { status: 0, data: null, code: 'NETWORK', message: String(err), body: '', requestId, setCookie: [] };
  }
  const body = await res.text();
  let parsed: { result?: { data?: unknown }; error?: { message?: string; data?: { code?: string } } } = {};
  try {
    parsed = JSON.parse(body);
  } catch {}
  return {
    status: res.status,
    data: parsed.result?.data ?? null,
    code: parsed.error?.data?.code ?? '',
    message: parsed.error?.message ?? '',
    body,
    requestId,
    setCookie: res.headers.getSetCookie(),
  };
}

export interface Quote {
  version: string;
  totalCents: number;
}

export async function quoteFor(base: string, session: string): Promise<Quote> {
  const q = await call(base, 'checkout.quote', { shippingAddress: address }, { session, method: 'GET' });
  if (q.status !== 200) throw new Error(`quote failed: ${q.status} ${q.body.slice(0, 200)}`);
  return q.data as Quote;
}

export function place(base: string, session: string, idempotencyKey: string, quote: Quote) {
  return call(
    base,
    'checkout.place',
    {
      idempotencyKey,
      shippingAddress: address,
      quote: { version: quote.version, totalCents: quote.totalCents },
      payment: { token: 'tok_visa' },
    },
    { session },
  );
}
