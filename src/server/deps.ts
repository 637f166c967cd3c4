// Everything a request or job needs, built once at boot (or per test run) and passed down.
import type { Meilisearch } from 'meilisearch';
import type { Pool } from 'pg';
import type { Db } from './db/kysely';
import type { ReplicaRouter } from './db/read-replica';
import type { Logger } from './logger';
import type { Mailer } from './modules/email/mailer';
import type { MailCatcher } from './services/mail-catcher';
import type { Store } from './services/store';

export interface AppConfig {
  production: boolean;
  holdMinutes: number;
  /** Longest a hold may live however often the cart changes (renewals stop at held_since + this). */
  holdMaxMinutes: number;
  /** Units one cart may hold at once across its lines. */
  cartMaxHeldUnits: number;
  searchCacheTtlSeconds: number;
  /** Index name used for products in Meilisearch (tests use their own). */
  productsIndex: string;
  /** Root for runtime files outside the source tree (uploaded images live in `<dataDir>/uploads`). */
  dataDir: string;
  /** Keys the HMAC under which session tokens are stored, so a database leak holds no live sessions. */
  sessionSecret: string;
  /** Whether X-Forwarded-For names the client (only behind a trusted proxy). */
  trustProxy: boolean;
  /** Public origin that links in mails point to (no trailing slash). */
  appUrl: string;
  /** The From header of every mail. */
  mailFrom: string;
}

export interface AppDeps {
  /** The primary: every write, and every read that must be exact (cart, checkout, orders, stock). */
  db: Db;
  /**
   * Read-only work that may lag a moment behind (search fallback, feed, shop and product pages,
   * suggestions, reviews): the streaming replica when DATABASE_REPLICA_URL is set and healthy,
   * the primary otherwise (decision 0102). Never for writes or transactions that write.
   */
  readDb: Db;
  /** The replica router when DATABASE_REPLICA_URL is set (status for /readyz and the bench). */
  replica: ReplicaRouter | null;
  pool: Pool;
  store: Store;
  meili: Meilisearch | null;
  log: Logger;
  /** SMTP delivery; null in production without SMTP_URL (mail then waits in the outbox). */
  mailer: Mailer | null;
  /** The embedded SMTP catcher when SMTP_URL is unset outside production (/dev/mail). */
  mailCatcher: MailCatcher | null;
  config: AppConfig;
}
