// Concurrent live-stock streams per client, counted in this instance. A page opens one stream;
// a shopper with many tabs stays far below these caps, a script opening thousands does not.
// Per instance on purpose: a slot is held for as long as a connection stays open, and a count
// in Redis would leak slots whenever an instance dies with streams open.
import { DomainError } from '../../../shared/errors';

export const MAX_STREAMS_PER_IP = 30;
export const MAX_STREAMS_PER_USER = 15;

export interface StreamClient {
  ip: string;
  userId: number | null;
}

class StreamSlots {
  private readonly open = new Map<string, number>();

  /** Takes a slot for each of the client's subjects, or throws TOO_MANY_REQUESTS taking none. */
  acquire(client: StreamClient): () => void {
    const subjects: [string, number][] = [[`ip:${client.ip}`, MAX_STREAMS_PER_IP]];
    if (client.userId !== null) subjects.push([`user:${client.userId}`, MAX_STREAMS_PER_USER]);
    for (const [subject, limit] of subjects) {
      if ((this.open.get(subject) ?? 0) >= limit)
        throw new DomainError(
          'TOO_MANY_REQUESTS',
          `Too many live stock streams open (at most ${limit}). Close some pages and try again.`,
          { retryAfterSeconds: 5, limit },
        );
    }
    for (const [subject] of subjects) this.open.set(subject, (this.open.get(subject) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const [subject] of subjects) {
        const left = (this.open.get(subject) ?? 1) - 1;
        if (left > 0) this.open.set(subject, left);
        else this.open.delete(subject);
      }
    };
  }

  count(subject: string): number {
    return this.open.get(subject) ?? 0;
  }
}

const slots = new WeakMap<object, StreamSlots>();

/** The slot counter of one app instance (keyed by its Store, like the inventory hub). */
export function streamSlots(instance: object): StreamSlots {
  let s = slots.get(instance);
  if (!s) {
    s = new StreamSlots();
    slots.set(instance, s);
  }
  return s;
}
