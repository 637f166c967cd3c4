// Orders placed through guest checkout are marked: anyone may name any email there (decision
// 0073), so such an order's address must never be offered to the account as its own (decision 0115).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('orders')
    .addColumn('placed_as_guest', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('orders').dropColumn('placed_as_guest').execute();
}
