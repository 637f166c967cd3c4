// Guest checkout (issue 15 item 5): a guest's orders belong to their email. An address with no
// account gets a user row without a password (a guest buyer: it cannot sign in) that holds the
// orders; setting a password from the order link, or a password reset, turns it into an
// account. See docs/decisions/0073-guest-checkout.md.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .alterColumn('password_hash', (c) => c.dropNotNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('users').where('password_hash', 'is', null).execute();
  await db.schema
    .alterTable('users')
    .alterColumn('password_hash', (c) => c.setNotNull())
    .execute();
}
