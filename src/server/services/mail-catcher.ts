// The embedded SMTP catcher (development and tests, when SMTP_URL is unset): a real SMTP server
// (smtp-server) that accepts every message, parses it (mailparser) and stores it as JSON plus the
// raw .eml under DATA_DIR/mail. /dev/mail shows what it caught; tests read it to assert what a
// user would receive. It never relays anything anywhere.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Logger } from '../logger';
import { findFreePort } from './free-port';

export interface CaughtMail {
  id: string;
  receivedAt: string;
  /** SMTP envelope: who the sending server said it was sending to (Bcc included). */
  envelope: { from: string | null; to: string[] };
  messageId: string | null;
  from: string;
  to: string;
  subject: string;
  html: string | null;
  text: string | null;
  /** Every header as received, lower-case names. */
  headers: Record<string, string>;
}

export interface MailCatcher {
  url: string;
  port: number;
  dir: string;
  /** Newest first. */
  list(): CaughtMail[];
  get(id: string): CaughtMail | null;
  stop(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

export async function startMailCatcher(
  dataDir: string,
  log: Logger,
  /** delayMs: each message waits this long before it is accepted (tests: a slow server). */
  options: { port?: number; closeTimeoutMs?: number; delayMs?: number } = {},
): Promise<MailCatcher> {
  const dir = join(dataDir, 'mail');
  mkdirSync(dir, { recursive: true });
  const port = options.port ?? (await findFreePort());
  let seq = 0;

  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    closeTimeout: options.closeTimeoutMs ?? 1000,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', callback);
      stream.on('end', async () => {
        try {
          if (options.delayMs) await Bun.sleep(options.delayMs);
          const raw = Buffer.concat(chunks);
          const parsed = await simpleParser(raw);
          const stamp = new Date();
          // Sortable by name: time first, then a per-process counter and a random tail.
          const id = `${stamp.getTime().toString(36).padStart(9, '0')}-${(seq++).toString(36).padStart(4, '0')}-${crypto.randomUUID().slice(0, 8)}`;
          const headers: Record<string, string> = {};
          for (const h of parsed.headerLines) headers[h.key] = h.line.slice(h.line.indexOf(':') + 1).trim();
          const mail: CaughtMail = {
            id,
            receivedAt: stamp.toISOString(),
            envelope: {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
              to: session.envelope.rcptTo.map((r) => r.address),
            },
            messageId: parsed.messageId ?? null,
            from: parsed.from?.text ?? '',
            to: Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(', ') : (parsed.to?.text ?? ''),
            subject: parsed.subject ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : null,
            text: parsed.text ?? null,
            headers,
          };
          // Stored before the 250 reply: a message the sender saw accepted is on disk.
          writeFileSync(join(dir, `${id}.eml`), raw);
          writeFileSync(join(dir, `${id}.json`), JSON.stringify(mail));
          callback();
        } catch (err) {
          callback(err as Error);
        }
      });
    },
  });
  server.on('error', (err) => log.warn({ service: 'mail-catcher', err: String(err) }, 'SMTP catcher error'));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });

  const read = (file: string): CaughtMail | null => {
    try {
      return JSON.parse(readFileSync(join(dir, file), 'utf8')) as CaughtMail;
    } catch {
      return null;
    }
  };

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    dir,
    list() {
      return readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .reverse()
        .map(read)
        .filter((m): m is CaughtMail => m !== null);
    },
    get(id) {
      if (!/^[a-z0-9-]{1,64}$/.test(id)) return null;
      return read(`${id}.json`);
    },
    stop() {
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
