// Row types of every table, declared once. Services map rows to DTOs at their edge.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface UsersTable {
  id: Generated<number>;
  email: string;
  /** Null for a guest buyer: an email that checked out without an account (cannot sign in). */
  password_hash: string | null;
  name: string;
  /** Null until the owner follows a verification link (accounts older than it count as verified). */
  email_verified_at: Date | null;
  created_at: CreatedAt;
}

export interface AccountTokensTable {
  id: Generated<number>;
  user_id: number;
  purpose: 'verify' | 'reset';
  token_key: string;
  email: string;
  expires_at: Date;
  used_at: Date | null;
  created_at: CreatedAt;
}

export interface AddressesTable {
  id: Generated<number>;
  user_id: number;
  address: ColumnType<ShippingAddress, string, string>;
  is_default: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface CategoriesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  parent_id: number | null;
  position: Generated<number>;
}

export interface ShopsTable {
  id: Generated<number>;
  owner_id: number;
  slug: string;
  name: string;
  tagline: Generated<string>;
  description: Generated<string>;
  logo_url: string | null;
  banner_url: string | null;
  flat_rate_cents: Generated<number>;
  free_over_cents: number | null;
  processing_days: Generated<number>;
  rating: Generated<number>;
  review_count: Generated<number>;
  sales_count: Generated<number>;
  favorite_count: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  /** Vacation mode (issue 18.5): on while set. */
  vacation_since: Date | null;
  vacation_message: Generated<string>;
  /** YYYY-MM-DD as the seller typed it. */
  vacation_returns_on: string | null;
  /** Shown at the top of the shop page (issue 18.4). */
  announcement: Generated<string>;
  returns_accepted: Generated<boolean>;
  exchanges_accepted: Generated<boolean>;
  return_window_days: number | null;
  policy_notes: Generated<string>;
}

export interface ShopSectionsTable {
  id: Generated<number>;
  shop_id: number;
  name: string;
  position: Generated<number>;
  created_at: CreatedAt;
}

export type ProductStatus = 'active' | 'archived';

export interface ProductsTable {
  id: Generated<number>;
  shop_id: number;
  title: string;
  description: Generated<string>;
  price_cents: number;
  quantity: number;
  reserved: Generated<number>;
  is_vintage: Generated<boolean>;
  category_id: number;
  tags: Generated<string[]>;
  materials: Generated<string[]>;
  images: Generated<string[]>;
  status: Generated<ProductStatus>;
  rating: Generated<number>;
  review_count: Generated<number>;
  /** Generated: Bayesian average of the rating (migration 20261202170100). */
  rating_score: Generated<number>;
  favorite_count: Generated<number>;
  sales_count: Generated<number>;
  search_text: Generated<string>;
  search_vector: Generated<string>;
  /** The search normaliser's terms per field (search-listing-terms.ts); null until written. */
  search_terms: Generated<unknown>;
  /** Up to two properties a buyer chooses between (decision 0080); empty: no variations. */
  variation_properties: ColumnType<VariationProperty[], string | undefined, string>;
  /** Highest enabled combination price when it differs from price_cents (the lowest); else null. */
  price_max_cents: Generated<number | null>;
  /** Instructions to the buyer; null: personalisation is off. */
  personalization_prompt: string | null;
  personalization_max_chars: number | null;
  personalization_required: Generated<boolean>;
  /** Processing time of this listing; null: the shop's processing_days. */
  processing_days_min: number | null;
  processing_days_max: number | null;
  made_to_order: Generated<boolean>;
  /** The seller's shop section, if any (issue 18.3). */
  section_id: Generated<number | null>;
  /** Generated: the values of a Colour property, lower-cased (migration 20261202230100). */
  colours: Generated<string[]>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface VariationProperty {
  name: string;
  values: string[];
}

/** One combination of a listing's variation values, with its own stock (migration 20261202230000). */
export interface ListingVariantsTable {
  id: Generated<number>;
  product_id: number;
  /** The implicit combination of a listing without variations (no options). */
  is_default: Generated<boolean>;
  option1: string | null;
  option2: string | null;
  price_cents: number;
  quantity: number;
  reserved: Generated<number>;
  sku: Generated<string>;
  enabled: Generated<boolean>;
  position: Generated<number>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface SearchOutboxTable {
  id: Generated<number>;
  product_id: number;
  attempts: Generated<number>;
  available_at: Timestamp;
  created_at: CreatedAt;
}

/** Units sold (or, negative, restocked) per shop, folded into shops.sales_count by a job. */
export interface ShopSalesEventsTable {
  id: Generated<number>;
  shop_id: number;
  units: number;
  created_at: CreatedAt;
}

/** Search analytics per day and normalised query (migration 20261202150100). */
export interface SearchQueryStatsTable {
  day: string;
  query: string;
  searches: number;
  zero_results: number;
  results: ColumnType<number, number, number>;
  clicks: number;
}

/** A reindex in progress for `index_name` (see migration 20261122100100). */
export interface SearchReindexRunsTable {
  index_name: string;
  target_index: string;
  started_at: Timestamp;
  heartbeat_at: Timestamp;
}

export interface CartsTable {
  id: Generated<number>;
  user_id: number | null;
  guest_token: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface CartItemsTable {
  id: Generated<number>;
  cart_id: number;
  product_id: number;
  quantity: number;
  held: Generated<number>;
  /** When the current hold began (null when nothing is held); caps renewals (decision 0020). */
  held_since: Timestamp | null;
  hold_expires_at: Timestamp;
  /** Unit price when the line was added (set by a trigger on insert). */
  price_when_added_cents: Generated<number | null>;
  /** The chosen combination; a trigger fills in the default one when not given. */
  variant_id: Generated<number>;
  /** The buyer's personalisation text ('' when none); part of the line's identity. */
  personalization: Generated<string>;
  created_at: CreatedAt;
}

export interface TaxRatesTable {
  country: string;
  region: Generated<string>;
  rate_bps: number;
}

export type PaymentStatus = 'authorized' | 'captured' | 'voided' | 'refunded' | 'partially_refunded';

export interface PaymentsTable {
  id: Generated<number>;
  buyer_id: number;
  provider: string;
  provider_ref: string;
  amount_cents: number;
  refunded_cents: Generated<number>;
  status: PaymentStatus;
  /** Capture retries after commit (payment reconciliation job). */
  capture_attempts: Generated<number>;
  next_capture_at: Date | null;
  last_capture_error: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

import type { OrderStatusValue, ShippingAddressDto } from '../../shared/schemas/orders';

export type OrderStatus = OrderStatusValue;

/** The address stored with an order (jsonb) is the one the client sends and reads. */
export type ShippingAddress = ShippingAddressDto;

export interface OrdersTable {
  id: Generated<number>;
  buyer_id: number;
  shop_id: number;
  payment_id: number;
  status: OrderStatus;
  subtotal_cents: number;
  shipping_cents: number;
  tax_cents: number;
  total_cents: number;
  shipping_address: ColumnType<ShippingAddress, string, string>;
  tracking_number: string | null;
  carrier: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  /** Placed through guest checkout (by whoever typed this buyer's email): its address is not the buyer's to reuse. */
  placed_as_guest: Generated<boolean>;
}

export interface OrderItemsTable {
  id: Generated<number>;
  order_id: number;
  product_id: number;
  title: string;
  image: string | null;
  price_cents: number;
  quantity: number;
  /** The combination bought (a trigger fills in the default one when not given). */
  variant_id: Generated<number>;
  /** The chosen values as they read when bought: [{ name, value }]. */
  options: ColumnType<{ name: string; value: string }[], string | undefined, string>;
  personalization: Generated<string>;
  /** Processing time when sold (a trigger copies it); null on lines sold before it was kept. */
  processing_days_min: Generated<number | null>;
  processing_days_max: Generated<number | null>;
}

export interface OrderStatusHistoryTable {
  id: Generated<number>;
  order_id: number;
  status: OrderStatus;
  note: string | null;
  created_at: CreatedAt;
}

export interface IdempotencyKeysTable {
  user_id: number;
  key: string;
  request_hash: string;
  status: 'in_progress' | 'completed' | 'failed';
  response: ColumnType<unknown, string | null, string | null>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  payload: ColumnType<Record<string, unknown>, string, string>;
  read_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface NotificationPreferencesTable {
  user_id: number;
  event: string;
  email: boolean;
  updated_at: Timestamp;
}

export type EmailStatus = 'pending' | 'sent' | 'failed' | 'skipped';

export interface EmailOutboxTable {
  id: Generated<number>;
  kind: string;
  to_address: string | null;
  payload: ColumnType<Record<string, unknown>, string | undefined, string>;
  dedupe_key: string | null;
  status: Generated<EmailStatus>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  locked_until: Date | null;
  /** failed: the last error; skipped: why it was not sent (e.g. "ada@example.com turned off “My order has shipped” (order.shipped)"). */
  last_error: string | null;
  message_id: string | null;
  subject: string | null;
  created_at: CreatedAt;
  sent_at: Date | null;
}

export interface FavoriteProductsTable {
  user_id: number;
  product_id: number;
  created_at: CreatedAt;
}

export interface FavoriteShopsTable {
  user_id: number;
  shop_id: number;
  created_at: CreatedAt;
}

export interface ProductViewsTable {
  user_id: number;
  product_id: number;
  view_count: Generated<number>;
  viewed_at: Timestamp;
}

export interface ReviewsTable {
  id: Generated<number>;
  order_item_id: number;
  product_id: number;
  shop_id: number;
  user_id: number;
  rating: number;
  text: string;
  reply: string | null;
  replied_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface TrendingProductsTable {
  product_id: number;
  score: number;
  refreshed_at: Timestamp;
}

/** The test card processor's own ledger (stands in for an external processor's records). */
export interface TestProcessorAuthorizationsTable {
  idempotency_key: string;
  fingerprint: string;
  result: ColumnType<unknown, string, string>;
  created_at: CreatedAt;
}

export interface TestProcessorPaymentsTable {
  ref: string;
  amount_cents: number;
  status: string;
  refunded_cents: Generated<number>;
  updated_at: Timestamp;
}

export interface TestProcessorRefundsTable {
  idempotency_key: string;
  ref: string;
  amount_cents: number;
  created_at: CreatedAt;
}

export interface ConversationsTable {
  id: Generated<number>;
  buyer_id: number;
  shop_id: number;
  product_id: number | null;
  order_id: number | null;
  created_at: CreatedAt;
  last_message_at: Timestamp;
  last_message_preview: Generated<string>;
  last_sender_id: number | null;
  buyer_unread: Generated<number>;
  seller_unread: Generated<number>;
  buyer_unread_since: Date | null;
  seller_unread_since: Date | null;
  buyer_nudged: Generated<boolean>;
  seller_nudged: Generated<boolean>;
}

export interface MessagesTable {
  id: Generated<number>;
  conversation_id: number;
  sender_id: number;
  body: string;
  image_url: string | null;
  auto_reply: Generated<boolean>;
  created_at: CreatedAt;
}

export interface UserBlocksTable {
  blocker_id: number;
  blocked_id: number;
  created_at: CreatedAt;
}

export interface ConversationReportsTable {
  id: Generated<number>;
  conversation_id: number;
  reporter_id: number;
  reason: string;
  details: Generated<string>;
  created_at: CreatedAt;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  categories: CategoriesTable;
  shops: ShopsTable;
  products: ProductsTable;
  listing_variants: ListingVariantsTable;
  search_outbox: SearchOutboxTable;
  search_query_stats: SearchQueryStatsTable;
  shop_sales_events: ShopSalesEventsTable;
  search_reindex_runs: SearchReindexRunsTable;
  carts: CartsTable;
  cart_items: CartItemsTable;
  tax_rates: TaxRatesTable;
  payments: PaymentsTable;
  orders: OrdersTable;
  order_items: OrderItemsTable;
  order_status_history: OrderStatusHistoryTable;
  idempotency_keys: IdempotencyKeysTable;
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  email_outbox: EmailOutboxTable;
  account_tokens: AccountTokensTable;
  addresses: AddressesTable;
  favorite_products: FavoriteProductsTable;
  favorite_shops: FavoriteShopsTable;
  product_views: ProductViewsTable;
  reviews: ReviewsTable;
  conversations: ConversationsTable;
  shop_sections: ShopSectionsTable;
  messages: MessagesTable;
  user_blocks: UserBlocksTable;
  conversation_reports: ConversationReportsTable;
  trending_products: TrendingProductsTable;
  test_processor_authorizations: TestProcessorAuthorizationsTable;
  test_processor_payments: TestProcessorPaymentsTable;
  test_processor_refunds: TestProcessorRefundsTable;
}

export type UserRow = Selectable<UsersTable>;
export type ShopRow = Selectable<ShopsTable>;
export type ProductRow = Selectable<ProductsTable>;
export type NewProduct = Insertable<ProductsTable>;
export type CategoryRow = Selectable<CategoriesTable>;
