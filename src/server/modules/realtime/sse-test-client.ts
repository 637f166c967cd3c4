// Test helper: reads a tRPC SSE subscription over real HTTP with fetch streaming, as a browser's
// EventSource would, and hands back the data events.
export interface SseEvent {
  event: string;
  data: string;
  /** The reconnection delay the server asked for (`retry:` field), when it sent one. */
  retry?: number;
}

export interface SseConnection {
  response: Response;
  /** Resolves with the next data event that matches, or rejects after `timeoutMs`. */
  next(match?: (data: unknown) => boolean, timeoutMs?: number): Promise<unknown>;
  /** Every event seen so far, heartbeats and control events included. */
  seen(): SseEvent[];
  /** True once the server ended the stream (or close() was called). */
  ended(): boolean;
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseConnection> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const events: SseEvent[] = [];
  const all: SseEvent[] = [];
  const waiter: { wake: (() => void) | null } = { wake: null };
  let ended = false;

  (async () => {
    if (!response.body) return;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event: SseEvent = { event: 'message', data: '' };
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) event.event = line.slice(6).trim();
            else if (line.startsWith('data:')) event.data += line.slice(5).trim();
            else if (line.startsWith('retry:')) event.retry = Number(line.slice(6).trim());
          }
          all.push(event);
          if (event.data) events.push(event);
          end = buffer.indexOf('\n\n');
        }
        waiter.wake?.();
      }
    } catch {
      // aborted by close()
    } finally {
      ended = true;
      waiter.wake?.();
    }
  })();

  return {
    response,
    async next(match = () => true, timeoutMs = 2000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const index = events.findIndex((e) => e.event === 'message' && match(JSON.parse(e.data)));
        if (index >= 0) {
          const [found] = events.splice(index, 1);
          return JSON.parse(found?.data ?? 'null');
        }
        const left = deadline - Date.now();
        if (ended || left <= 0) throw new Error(`no matching SSE event within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          waiter.wake = resolve;
          setTimeout(resolve, left);
        });
      }
    },
    seen() {
      return [...all];
    },
    ended() {
      return ended;
    },
    close() {
      abort.abort();
    },
  };
}
