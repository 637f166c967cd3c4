// Starting an embedded service's process and waiting until it answers, with what it printed kept
// for the error message. A service that exits before it is ready fails at once (not after the
// whole timeout), and one that failed on a port somebody else took is tried again on a new port.
import type { Subprocess } from 'bun';
import { findFreePort, waitFor } from './free-port';

const TAIL_CHARS = 4000;

/** Reads a stream to its end, keeping only the last characters: the pipe never fills up. */
export function keepTail(stream: ReadableStream<Uint8Array>): () => string {
  let tail = '';
  void (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of stream) tail = (tail + decoder.decode(chunk, { stream: true })).slice(-TAIL_CHARS);
    } catch {
      // the process went away; what we have is what it said
    }
  })();
  return () => tail.trim();
}

export interface StartAttempt {
  proc: Subprocess;
  output: () => string;
}

/**
 * Starts a service with `spawn(port)` and waits until `ready(port)` answers true. When the
 * process exits first, tries again on a fresh port (at most `attempts` times, only when the caller
 * did not ask for a fixed port) and finally throws with the process's exit status and output.
 */
export async function startOnFreePort(options: {
  what: string;
  preferredPort?: number;
  spawn: (port: number) => StartAttempt;
  ready: (port: number) => Promise<boolean>;
  timeoutMs: number;
  attempts?: number;
}): Promise<{ port: number; proc: Subprocess }> {
  const attempts = options.preferredPort ? 1 : (options.attempts ?? 3);
  let lastError: Error | null = null;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const port = options.preferredPort ?? (await findFreePort());
    const { proc, output } = options.spawn(port);
    const exited = () =>
      proc.exitCode !== null || proc.signalCode !== null
        ? `it exited (${proc.signalCode ?? `code ${proc.exitCode}`}) on port ${port}; its output: ${output() || '(none)'}`
        : null;
    try {
      await waitFor(() => options.ready(port), options.timeoutMs, options.what, exited);
      return { port, proc };
    } catch (err) {
      const exitedEarly = exited() !== null;
      proc.kill('SIGKILL');
      await proc.exited;
      lastError = exitedEarly
        ? (err as Error)
        : new Error(`${(err as Error).message}; its output: ${output() || '(none)'}`);
      // Still running but never answered: another try on a new port would wait just as long.
      if (!exitedEarly) break;
    }
  }
  throw lastError ?? new Error(`${options.what} did not start`);
}
