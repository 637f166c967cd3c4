// The Kysely queries of conversations, messages, blocks and reports. Functions that change a
// conversation's counters take a Transaction: the counter update takes the row lock that orders
// concurrent messages of one conversation.
import { sql } from 'kysely';
import type { ConversationRole } from '../../../shared/schemas/messaging';
import type { DbOrTx, Tx } from '../../db/kysely';

export function findConversationParties(db: DbOrTx, conversationId: number) {
  return db
    .selectFrom('conversations as c')
    .innerJoin('shops as s', 's.id', 'c.shop_id')
    .select(['c.id', 'c.buyer_id', 'c.shop_id', 's.owner_id'])
    .where('c.id', '=', conversationId)
    .executeTakeFirst();
}

export function findShopForMessaging(db: DbOrTx, shopId: number) {
  return db
    .selectFrom('shops')
    .select(['id', 'owner_id', 'name', 'vacation_since', 'vacation_message', 'vacation_returns_on'])
    .where('id', '=', shopId)
    .executeTakeFirst();
}

export async function productInShop(db: DbOrTx, productId: number, shopId: number): Promise<boolean> {
  const row = await db
    .selectFrom('products')
    .select('id')
    .where('id', '=', productId)
    .where('shop_id', '=', shopId)
    .executeTakeFirst();
  return !!row;
}

export async function orderOfBuyerAtShop(db: DbOrTx, orderId: number, buyerId: number, shopId: number) {
  const row = await db
    .selectFrom('orders')
    .select('id')
    .where('id', '=', orderId)
    .where('buyer_id', '=', buyerId)
    .where('shop_id', '=', shopId)
    .executeTakeFirst();
  return !!row;
}

/** Blocks between two users, either way: who blocked whom. */
export function blocksBetween(db: DbOrTx, a: number, b: number) {
  return db
    .selectFrom('user_blocks')
    .select(['blocker_id', 'blocked_id'])
    .where((eb) =>
      eb.or([
        eb.and([eb('blocker_id', '=', a), eb('blocked_id', '=', b)]),
        eb.and([eb('blocker_id', '=', b), eb('blocked_id', '=', a)]),
      ]),
    )
    .execute();
}

/** The conversation about this subject, created if there is none (a concurrent twin wins the index). */
export async function upsertConversation(
  tx: Tx,
  v: { buyerId: number; shopId: number; productId: number | null; orderId: number | null },
): Promise<{ id: number; created: boolean }> {
  const inserted = await tx
    .insertInto('conversations')
    .values({ buyer_id: v.buyerId, shop_id: v.shopId, product_id: v.productId, order_id: v.orderId })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true };
  const existing = await findConversationBySubject(tx, v);
  if (!existing) throw new Error('conversation vanished between its conflict and its read');
  return { id: existing.id, created: false };
}

/** The conversation of this buyer and shop about this listing / order / nothing, if there is one. */
export function findConversationBySubject(
  db: DbOrTx,
  v: { buyerId: number; shopId: number; productId: number | null; orderId: number | null },
) {
  return db
    .selectFrom('conversations')
    .select('id')
    .where('buyer_id', '=', v.buyerId)
    .where('shop_id', '=', v.shopId)
    .where(sql<number>`coalesce(product_id, 0)`, '=', v.productId ?? 0)
    .where(sql<number>`coalesce(order_id, 0)`, '=', v.orderId ?? 0)
    .executeTakeFirst();
}

/** The conversations about an order, with both parties (the buyer, the shop's owner). */
export function findOrderConversations(db: DbOrTx, orderId: number) {
  return db
    .selectFrom('conversations as c')
    .innerJoin('shops as s', 's.id', 'c.shop_id')
    .select(['c.id', 'c.buyer_id', 's.owner_id'])
    .where('c.order_id', '=', orderId)
    .execute();
}

/** An order's buyer as the shop may reach them: `has_account` is false for a guest buyer (no password). */
export function findBuyerForMessaging(db: DbOrTx, userId: number) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email', sql<boolean>`password_hash is not null`.as('has_account')])
    .where('id', '=', userId)
    .executeTakeFirst();
}

/**
 * Adds a message: first the conversation row (locked by the update: the other side's unread
 * count, its unread-since time and the inbox preview), then the message itself.
 */
export async function appendMessage(
  tx: Tx,
  m: {
    conversationId: number;
    senderId: number;
    senderRole: ConversationRole;
    body: string;
    imageUrl: string | null;
    autoReply?: boolean;
  },
) {
  const preview = m.body ? m.body.replace(/\s+/g, ' ').slice(0, 140) : 'Photo';
  const recipient = m.senderRole === 'buyer' ? 'seller' : 'buyer';
  const unread = `${recipient}_unread` as const;
  const since = `${recipient}_unread_since` as const;
  await tx
    .updateTable('conversations')
    .set({
      last_message_at: sql`now()`,
      last_message_preview: preview,
      last_sender_id: m.senderId,
      [unread]: sql`${sql.ref(unread)} + 1`,
      [since]: sql`coalesce(${sql.ref(since)}, now())`,
    })
    .where('id', '=', m.conversationId)
    .execute();
  return tx
    .insertInto('messages')
    .values({
      conversation_id: m.conversationId,
      sender_id: m.senderId,
      body: m.body,
      image_url: m.imageUrl,
      auto_reply: m.autoReply ?? false,
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
}

/** Everything up to now is read by `role`; the nudge re-arms for the next unread message. */
export async function markConversationRead(db: DbOrTx, conversationId: number, role: ConversationRole) {
  const result = await db
    .updateTable('conversations')
    .set(
      role === 'buyer'
        ? { buyer_unread: 0, buyer_unread_since: null, buyer_nudged: false }
        : { seller_unread: 0, seller_unread_since: null, seller_nudged: false },
    )
    .where('id', '=', conversationId)
    .where(role === 'buyer' ? 'buyer_unread' : 'seller_unread', '>', 0)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

const summaryColumns = [
  'c.id',
  'c.buyer_id',
  'c.shop_id',
  'c.product_id',
  'c.order_id',
  'c.last_message_at',
  'c.last_message_preview',
  'c.last_sender_id',
  'c.buyer_unread',
  'c.seller_unread',
  's.slug as shop_slug',
  's.name as shop_name',
  's.logo_url as shop_logo',
  's.owner_id',
  'u.name as buyer_name',
  'p.title as product_title',
  'p.images as product_images',
  'p.price_cents as product_price_cents',
] as const;

/** Conversations as `role` sees them; `blocked_by_me`: that side blocked the other (a primary-key probe per row). */
function summaries(db: DbOrTx, role: ConversationRole) {
  const [me, other] =
    role === 'buyer' ? (['c.buyer_id', 's.owner_id'] as const) : (['s.owner_id', 'c.buyer_id'] as const);
  return db
    .selectFrom('conversations as c')
    .innerJoin('shops as s', 's.id', 'c.shop_id')
    .innerJoin('users as u', 'u.id', 'c.buyer_id')
    .leftJoin('products as p', 'p.id', 'c.product_id')
    .select(summaryColumns)
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('user_blocks as b')
            .select('b.blocker_id')
            .whereRef('b.blocker_id', '=', me)
            .whereRef('b.blocked_id', '=', other),
        )
        .$castTo<boolean>()
        .as('blocked_by_me'),
    );
}
export type ConversationSummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>['executeTakeFirstOrThrow']>>;

/** Newest activity first; `offset` pages (the order shifts as messages arrive, like any inbox). */
export function listConversations(
  db: DbOrTx,
  who: { buyerId: number } | { shopId: number },
  offset: number,
  limit: number,
) {
  const q =
    'buyerId' in who
      ? summaries(db, 'buyer').where('c.buyer_id', '=', who.buyerId)
      : summaries(db, 'seller').where('c.shop_id', '=', who.shopId);
  return q.orderBy('c.last_message_at', 'desc').orderBy('c.id', 'desc').offset(offset).limit(limit).execute();
}

export function findConversationSummary(db: DbOrTx, conversationId: number, role: ConversationRole) {
  return summaries(db, role).where('c.id', '=', conversationId).executeTakeFirst();
}

export function findOrderBrief(db: DbOrTx, orderId: number) {
  return db
    .selectFrom('orders')
    .select(['id', 'status', 'total_cents', 'created_at'])
    .where('id', '=', orderId)
    .executeTakeFirst();
}

/** The newest `limit` messages before `before` (all when absent), newest first. */
export function listMessages(db: DbOrTx, conversationId: number, before: number | undefined, limit: number) {
  let q = db
    .selectFrom('messages')
    .select(['id', 'sender_id', 'body', 'image_url', 'auto_reply', 'created_at'])
    .where('conversation_id', '=', conversationId);
  if (before) q = q.where('id', '<', before);
  return q.orderBy('id', 'desc').limit(limit).execute();
}

/** Unread messages for this user: as a buyer, and as the owner of a shop. */
export async function unreadTotals(db: DbOrTx, userId: number) {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('conversations')
        .select(sql<number>`coalesce(sum(buyer_unread), 0)::int`.as('n'))
        .where('buyer_id', '=', userId)
        .as('asBuyer'),
      eb
        .selectFrom('conversations as c')
        .innerJoin('shops as s', 's.id', 'c.shop_id')
        .select(sql<number>`coalesce(sum(c.seller_unread), 0)::int`.as('n'))
        .where('s.owner_id', '=', userId)
        .as('asSeller'),
    ])
    .executeTakeFirstOrThrow();
  return { asBuyer: Number(row.asBuyer ?? 0), asSeller: Number(row.asSeller ?? 0) };
}

export async function insertBlock(db: DbOrTx, blockerId: number, blockedId: number) {
  await db
    .insertInto('user_blocks')
    .values({ blocker_id: blockerId, blocked_id: blockedId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function deleteBlock(db: DbOrTx, blockerId: number, blockedId: number) {
  await db.deleteFrom('user_blocks').where('blocker_id', '=', blockerId).where('blocked_id', '=', blockedId).execute();
}

/** One report per person and conversation; a second one changes nothing. */
export async function insertReport(
  db: DbOrTx,
  r: { conversationId: number; reporterId: number; reason: string; details: string },
) {
  await db
    .insertInto('conversation_reports')
    .values({ conversation_id: r.conversationId, reporter_id: r.reporterId, reason: r.reason, details: r.details })
    .onConflict((oc) => oc.columns(['conversation_id', 'reporter_id']).doNothing())
    .execute();
}

export async function hasReported(db: DbOrTx, conversationId: number, reporterId: number) {
  const row = await db
    .selectFrom('conversation_reports')
    .select('id')
    .where('conversation_id', '=', conversationId)
    .where('reporter_id', '=', reporterId)
    .executeTakeFirst();
  return !!row;
}
