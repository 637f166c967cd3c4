// The environment, validated once at boot. The only module that reads process.env.
import { z } from 'zod';
import { parseRedisUrl } from './services/redis-url';

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.url().optional())
  .optional();

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./.data'),
  DATABASE_URL: optionalUrl,
  /** A streaming replica of DATABASE_URL for read-only work (decision 0102). */
  DATABASE_REPLICA_URL: optionalUrl,
  /** Reads leave the replica while it is further behind than this. */
  REPLICA_MAX_LAG_MS: z.coerce.number().int().min(0).max(600_000).default(1_000),
  /** One Redis (redis://) or a Redis Cluster (redis+cluster://host:port,host:port; decision 0103). */
  REDIS_URL: z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .optional()
    .superRefine((v, ctx) => {
      if (v === undefined) return;
      try {
        parseRedisUrl(v);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
      }
    }),
  MEILI_URL: optionalUrl,
  MEILI_MASTER_KEY: z.string().min(16).optional(),
  /**
   * Where mail goes: smtp://user:pass@host:587 or smtps://…:465. Unset outside production: an
   * embedded SMTP catcher stores mail under DATA_DIR and shows it at /dev/mail. Unset in
   * production: mail waits in the outbox (a loud warning at boot).
   */
  SMTP_URL: z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(z.url({ protocol: /^smtps?$/, error: 'must be smtp://… or smtps://…' }).optional())
    .optional(),
  /** The From header of every mail (a bare address or "Name <address>"). */
  MAIL_FROM: z.string().trim().min(3).max(200).default('Hearth <no-reply@hearth.test>'),
  /** The public origin links in mails point to. Default: http://localhost:PORT. */
  APP_URL: optionalUrl,
  SESSION_SECRET: z.string().min(32).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /**
   * Durability of the EMBEDDED PostgreSQL (ignored with DATABASE_URL). Default: 'safe' in
   * production (PostgreSQL's defaults), 'fast' elsewhere (fsync, synchronous_commit and
   * full_page_writes off). Production refuses 'fast'.
   */
  PG_DURABILITY: z.enum(['safe', 'fast']).optional(),
  /**
   * Connections the app keeps open to PostgreSQL. Default: twice the machine's cores, at least 4
   * (decision 0182): more backends than cores only queue inside PostgreSQL, where they cost CPU.
   */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).optional(),
  HOLD_MINUTES: z.coerce.number().int().positive().max(1440).default(30),
  /** A hold's longest life: cart changes renew holds, but never past this after the hold began. */
  HOLD_MAX_MINUTES: z.coerce.number().int().positive().max(10080).default(120),
  /** Units one cart may hold at once, across all its lines. */
  CART_MAX_HELD_UNITS: z.coerce.number().int().positive().max(100000).default(100),
  SEARCH_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  SEED_DEMO: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /** Take the client IP from X-Forwarded-For (set when behind a load balancer). Default: on outside production. */
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true' || v === '1')),
  WORKERS: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /**
   * One timer for every periodic background job (sweeper, trending, reconciliation, shop sales)
   * instead of each job's own interval: for multi-instance tests and benchmarks that must see
   * the jobs run within seconds. Unset in production.
   */
  JOBS_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).optional(),
  /**
   * On SIGTERM, how long the instance keeps serving while /readyz already says 503, so the load
   * balancer takes it out of rotation before it stops listening (HAProxy in deploy/: within 2 s).
   * Default 3000 in production, 0 elsewhere (Ctrl-C in development stops at once).
   */
  DRAIN_DELAY_MS: z.coerce.number().int().min(0).max(120_000).optional(),
  /** Longest wait for in-flight requests once the instance stopped listening. */
  DRAIN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(25_000),
  /** Render the public pages on the server (decision 0061); false serves every page client-rendered (the bench compares both). */
  SERVER_RENDERING: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
});

export type Env = Omit<z.infer<typeof envSchema>, 'DRAIN_DELAY_MS'> & { DRAIN_DELAY_MS: number };

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema
    .refine((e) => e.NODE_ENV !== 'production' || !!e.SESSION_SECRET, {
      message: 'SESSION_SECRET (≥ 32 chars) is required when NODE_ENV=production',
      path: ['SESSION_SECRET'],
    })
    .refine((e) => e.NODE_ENV !== 'production' || e.PG_DURABILITY !== 'fast', {
      message: 'PG_DURABILITY=fast (fsync off) would lose committed orders on a crash; not allowed in production',
      path: ['PG_DURABILITY'],
    })
    .safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
  }
  return {
    ...parsed.data,
    DRAIN_DELAY_MS: parsed.data.DRAIN_DELAY_MS ?? (parsed.data.NODE_ENV === 'production' ? 3_000 : 0),
  };
}

export class EnvError extends Error {}

/** How the embedded PostgreSQL runs: safe in production always, fast elsewhere unless asked. */
export function embeddedPostgresDurability(env: Pick<Env, 'NODE_ENV' | 'PG_DURABILITY'>): 'safe' | 'fast' {
  if (env.NODE_ENV === 'production') return 'safe';
  return env.PG_DURABILITY ?? 'fast';
}
