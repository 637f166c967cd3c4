// Graceful drain on SIGTERM (decision 0101). An instance that is asked to stop first answers
// /readyz with 503 so the load balancer stops sending it new requests, keeps serving whatever
// still arrives meanwhile, then ends its live-stock streams with an SSE `retry:` hint (the
// browser reconnects through the balancer to another instance) and stops once in-flight requests
// are done. This file owns the "draining" state and the stream registry; index.ts owns the order.
import type { MiddlewareHandler } from 'hono';

/** How soon a client whose stream was ended by a drain should reconnect (SSE `retry:`). */
export const DRAIN_RETRY_MS = 1_000;

export class Drain {
  private state: 'serving' | 'draining' | 'streams-closed' = 'serving';
  private readonly streams = new Set<(retryMs: number) => void>();

  get draining(): boolean {
    return this.state !== 'serving';
  }

  get openStreams(): number {
    return this.streams.size;
  }

  /** From now on /readyz says 503: the balancer takes this instance out of rotation. */
  begin() {
    if (this.state === 'serving') this.state = 'draining';
  }

  /** Ends every open event stream with a retry hint; streams opened later end at once. */
  closeStreams(retryMs = DRAIN_RETRY_MS) {
    this.state = 'streams-closed';
    for (const close of [...this.streams]) close(retryMs);
  }

  /**
   * Wraps event-stream responses so closeStreams() can end them: the client reads `retry: N`
   * and the end of the stream without tRPC's `return` event, so it reconnects (EventSource, and
   * tRPC's httpSubscriptionLink on top of it) instead of treating the subscription as finished.
   */
  eventStreams(): MiddlewareHandler {
    return async (c, next) => {
      await next();
      const body = c.res.body;
      if (!body || !c.res.headers.get('content-type')?.startsWith('text/event-stream')) return;
      const reader = body.getReader();
      const encoder = new TextEncoder();
      let closeThis: ((retryMs: number) => void) | null = null;
      const wrapped = new ReadableStream<Uint8Array>({
        start: (controller) => {
          let ended = false;
          closeThis = (retryMs) => {
            if (ended) return;
            ended = true;
            this.streams.delete(closeThis!);
            try {
              controller.enqueue(encoder.encode(`retry: ${retryMs}\n\n`));
              controller.close();
            } catch {
              // the client already left
            }
            void reader.cancel().catch(() => {});
          };
          this.streams.add(closeThis);
          if (this.state === 'streams-closed') closeThis(DRAIN_RETRY_MS);
        },
        pull: async (controller) => {
          try {
            const { value, done } = await reader.read();
            if (done) {
              this.streams.delete(closeThis!);
              controller.close();
            } else controller.enqueue(value);
          } catch {
            this.streams.delete(closeThis!);
            try {
              controller.close();
            } catch {}
          }
        },
        cancel: async () => {
          this.streams.delete(closeThis!);
          await reader.cancel().catch(() => {});
        },
      });
      c.res = new Response(wrapped, { status: c.res.status, headers: c.res.headers });
    };
  }
}
