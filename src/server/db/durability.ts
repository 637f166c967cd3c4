// What the connected PostgreSQL promises about committed data, read from the server itself (so
// it is true for the embedded server and for DATABASE_URL alike). Logged at boot and printed by
// the bench next to its figures.
import { sql } from 'kysely';
import type { Db } from './kysely';

const SETTINGS = ['fsync', 'synchronous_commit', 'full_page_writes'] as const;

export interface DurabilitySettings {
  settings: Record<(typeof SETTINGS)[number], string>;
  /** All three on: an answered commit survives a crash of PostgreSQL or of the machine. */
  durable: boolean;
  /** e.g. "fsync=on synchronous_commit=on full_page_writes=on (durable)". */
  summary: string;
}

export async function durabilitySettings(db: Db): Promise<DurabilitySettings> {
  const { rows } = await sql<{ name: (typeof SETTINGS)[number]; setting: string }>`
    select name, setting from pg_settings where name in (${sql.join([...SETTINGS])})`.execute(db);
  const settings = Object.fromEntries(SETTINGS.map((n) => [n, rows.find((r) => r.name === n)?.setting ?? '?']));
  const durable = SETTINGS.every((n) => settings[n] === 'on');
  const summary = `${SETTINGS.map((n) => `${n}=${settings[n]}`).join(' ')} (${durable ? 'durable' : 'NOT durable: a crash can lose answered commits'})`;
  return { settings: settings as DurabilitySettings['settings'], durable, summary };
}
