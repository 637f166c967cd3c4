// Applies migrations/ in name order. Used at startup, by `bun run db:migrate` and by tests.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { FileMigrationProvider, Migrator } from 'kysely/migration';
import type { Db } from './kysely';

export const migrationsDir = path.resolve(import.meta.dir, '../../../migrations');

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: new FileMigrationProvider({ fs, path, migrationFolder: migrationsDir }),
    // Branches land migrations in any order; each is independent and applied once by name.
    allowUnorderedMigrations: true,
  });
  // Several instances may boot at once: Kysely serialises migrations on a lock table.
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
