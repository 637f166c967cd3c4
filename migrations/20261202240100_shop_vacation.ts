// Vacation mode (issue 18.5): while `vacation_since` is set the shop's listings stay visible but
// cannot be added to a cart, its holds are released, search leaves it out by default and new
// conversations get `vacation_message` as an automatic reply. `vacation_returns_on` is a calendar
// date as the seller typed it (YYYY-MM-DD, no time zone). See decision 0091.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('shops')
    .addColumn('vacation_since', 'timestamptz')
    .addColumn('vacation_message', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('vacation_returns_on', 'text', (c) => c.check(sql`vacation_returns_on ~ '^\\d{4}-\\d{2}-\\d{2}$'`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('shops')
    .dropColumn('vacation_since')
    .dropColumn('vacation_message')
    .dropColumn('vacation_returns_on')
    .execute();
}
