// A minimal tRPC-over-HTTP client (no batching, no transformer), as an outside client would call
// the API: queries are GETs with ?input=, mutations JSON POSTs, the session in a cookie.
export class TrpcHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    readonly domainCode: string | undefined,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${status} ${domainCode ?? code ?? ''}: ${message}`);
  }
}

interface ErrorBody {
  error?: {
    message?: string;
    data?: { code?: string; domain?: { code?: string; details?: Record<string, unknown> } | null };
  };
}

export class TrpcHttp {
  cookie: string | null = null;

  constructor(
    readonly baseUrl: string,
    readonly ip = '127.0.0.1',
  ) {}

  private headers(json: boolean): Record<string, string> {
    const h: Record<string, string> = { 'x-forwarded-for': this.ip };
    if (json) h['content-type'] = 'application/json';
    if (this.cookie) h.cookie = this.cookie;
    return h;
  }

  async query<T>(path: string, input?: unknown): Promise<T> {
    const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    const res = await fetch(`${this.baseUrl}/trpc/${path}${qs}`, { headers: this.headers(false) });
    return this.read<T>(res);
  }

  async mutate<T>(path: string, input?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}/trpc/${path}`, {
      method: 'POST',
      headers: this.headers(true),
      body: input === undefined ? undefined : JSON.stringify(input),
    });
    return this.read<T>(res);
  }

  private async read<T>(res: Response): Promise<T> {
    const setCookie = res.headers.get('set-cookie');
    const session = setCookie?.match(/hearth_session=([^;]*)/)?.[1];
    if (session) this.cookie = `hearth_session=${session}`;
    const text = await res.text();
    let body: { result?: { data?: T } } & ErrorBody;
    try {
      body = JSON.parse(text);
    } catch {
      throw new TrpcHttpError(res.status, undefined, undefined, text.slice(0, 200));
    }
    if (!res.ok || body.error) {
      const e = body.error;
      throw new TrpcHttpError(
        res.status,
        e?.data?.code,
        e?.data?.domain?.code,
        e?.message ?? 'error',
        e?.data?.domain?.details ?? {},
      );
    }
    return body.result?.data as T;
  }
}
