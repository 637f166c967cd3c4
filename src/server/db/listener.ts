// A PostgreSQL LISTEN on one channel, on a connection of its own (not one of the pool's: a
// listening connection stays checked out for good). When the connection drops it is opened again
// after a pause, and `onNotify` is called once it listens again, since a signal sent while it was
// away is lost: the caller treats that call like a signal and looks for work.
import pg from 'pg';
import type { Logger } from '../logger';

export interface Listener {
  /** Whether signals reach `onNotify` now (false while connecting or after a drop). */
  readonly listening: boolean;
  stop(): Promise<void>;
}

export const LISTEN_RETRY_MS = 1_000;

export function listenTo(
  connection: pg.ClientConfig,
  channel: string,
  onNotify: () => void,
  log: Logger,
  retryMs = LISTEN_RETRY_MS,
): Listener {
  let client: pg.Client | null = null;
  let listening = false;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let opening: Promise<void> | null = null;

  const lost = (c: pg.Client, err?: unknown) => {
    if (client !== c) return;
    client = null;
    listening = false;
    c.end().catch(() => {});
    if (stopped) return;
    log.warn({ channel, err: err instanceof Error ? err.message : String(err ?? 'connection ended') }, 'listen lost');
    retry = setTimeout(open, retryMs);
  };

  const open = () => {
    retry = null;
    const c = new pg.Client({ ...connection, application_name: `hearth-listen-${channel}` });
    client = c;
    c.on('notification', (n) => {
      if (n.channel === channel) onNotify();
    });
    c.on('error', (err) => lost(c, err));
    c.on('end', () => lost(c));
    opening = c
      .connect()
      .then(() => c.query(`listen ${c.escapeIdentifier(channel)}`))
      .then(() => {
        if (client !== c) return;
        listening = true;
        onNotify();
      })
      .catch((err) => lost(c, err))
      .finally(() => {
        opening = null;
      });
  };

  open();
  return {
    get listening() {
      return listening;
    },
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      await opening;
      const c = client;
      client = null;
      listening = false;
      await c?.end().catch(() => {});
    },
  };
}
