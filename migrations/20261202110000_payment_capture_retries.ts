// Payment reconciliation: a capture that failed after commit is retried with backoff, so each
// payment remembers how often it was tried, when it is due next, and the last error.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('payments')
    .addColumn('capture_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_capture_at', 'timestamptz')
    .addColumn('last_capture_error', 'text')
    .execute();
  // The job reads only payments still waiting for capture: a small partial index.
  await db.schema
    .createIndex('payments_awaiting_capture_idx')
    .on('payments')
    .columns(['next_capture_at', 'created_at'])
    .where(sql.ref('status'), '=', 'authorized')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('payments_awaiting_capture_idx').execute();
  await db.schema
    .alterTable('payments')
    .dropColumn('capture_attempts')
    .dropColumn('next_capture_at')
    .dropColumn('last_capture_error')
    .execute();
}
