// Buyer-to-shop conversations (issue 18.1-2). A conversation is between one buyer and one shop,
// optionally about one listing or one order; the shop's owner answers for the shop. Unread
// counts live on the conversation row and change under its row lock in the same transaction as
// the message, so any number of concurrent messages leave them exact (decision 0090).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('conversations')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('buyer_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('shop_id', 'integer', (c) => c.notNull().references('shops.id').onDelete('cascade'))
    .addColumn('product_id', 'integer', (c) => c.references('products.id').onDelete('set null'))
    .addColumn('order_id', 'integer', (c) => c.references('orders.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_message_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_message_preview', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('last_sender_id', 'integer')
    .addColumn('buyer_unread', 'integer', (c) => c.notNull().defaultTo(0).check(sql`buyer_unread >= 0`))
    .addColumn('seller_unread', 'integer', (c) => c.notNull().defaultTo(0).check(sql`seller_unread >= 0`))
    // When the side's oldest unread message arrived (null when all read): the 15-minute nudge.
    .addColumn('buyer_unread_since', 'timestamptz')
    .addColumn('seller_unread_since', 'timestamptz')
    .addColumn('buyer_nudged', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('seller_nudged', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  // One conversation per buyer, shop and subject: asking again about the same listing continues it.
  await sql`create unique index conversations_subject_key on conversations
    (buyer_id, shop_id, coalesce(product_id, 0), coalesce(order_id, 0))`.execute(db);
  await sql`create index conversations_buyer_recent on conversations (buyer_id, last_message_at desc, id desc)`.execute(
    db,
  );
  await sql`create index conversations_shop_recent on conversations (shop_id, last_message_at desc, id desc)`.execute(
    db,
  );
  await sql`create index conversations_nudge_buyer on conversations (buyer_unread_since) where buyer_unread > 0 and not buyer_nudged`.execute(
    db,
  );
  await sql`create index conversations_nudge_seller on conversations (seller_unread_since) where seller_unread > 0 and not seller_nudged`.execute(
    db,
  );

  await db.schema
    .createTable('messages')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('conversation_id', 'integer', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('sender_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('image_url', 'text')
    .addColumn('auto_reply', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('messages_conversation').on('messages').columns(['conversation_id', 'id']).execute();

  await db.schema
    .createTable('user_blocks')
    .addColumn('blocker_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('blocked_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('user_blocks_pkey', ['blocker_id', 'blocked_id'])
    .addCheckConstraint('user_blocks_not_self', sql`blocker_id <> blocked_id`)
    .execute();
  await db.schema.createIndex('user_blocks_blocked').on('user_blocks').columns(['blocked_id', 'blocker_id']).execute();

  await db.schema
    .createTable('conversation_reports')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('conversation_id', 'integer', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('reporter_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('conversation_reports_once', ['conversation_id', 'reporter_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('conversation_reports').execute();
  await db.schema.dropTable('user_blocks').execute();
  await db.schema.dropTable('messages').execute();
  await db.schema.dropTable('conversations').execute();
}
