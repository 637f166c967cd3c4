// Domain error codes shared by server and client. Services throw DomainError; one tRPC
// middleware maps the code to a transport code and keeps `details` for the client. Each code has
// its own details type, so `if (e.code === 'INSUFFICIENT_INVENTORY') e.details.available` is
// checked by the compiler on both sides instead of read by hand from a Record<string, unknown>.
import type { QuoteDto, UnavailableItem } from './schemas/checkout';
import type { OrderStatusValue } from './schemas/orders';

/** No details: the message says it all. */
type NoDetails = Record<string, never>;
/** The input field the error is about, when there is one (the form puts the message there). */
interface FieldDetails {
  field?: string;
}

export interface DomainErrorDetailsByCode {
  NOT_FOUND: FieldDetails;
  CONFLICT: FieldDetails & { reason?: 'cart_changed' | 'duplicate_line'; reserved?: number };
  FORBIDDEN: NoDetails;
  UNAUTHORIZED: NoDetails;
  BAD_REQUEST: FieldDetails & {
    /** choose_variant: a listing with variations needs a combination (field variantId);
     * variant_off: that combination is switched off; required / too_long: personalisation. */
    reason?: 'archived' | 'cart_full' | 'choose_variant' | 'variant_off' | 'required' | 'too_long' | 'no_price';
    maxTotalHits?: number;
    maxBytes?: number;
    /** cart_full: the cart's cap on held units, and how many more this line could take. */
    maxHeldUnits?: number;
    canAdd?: number;
  };
  INSUFFICIENT_INVENTORY: {
    /** add-to-cart: units that could still be added. */
    available?: number;
    inCart?: number;
    productId?: number;
    /** checkout: every line that cannot be bought as it stands. */
    unavailableItems?: UnavailableItem[];
  };
  IDEMPOTENCY_KEY_REUSED: NoDetails;
  IDEMPOTENCY_IN_PROGRESS: NoDetails;
  PAYMENT_FAILED: { declineCode: string };
  /** The cart's prices moved since the buyer confirmed: the new quote to confirm instead. */
  PRICE_CHANGED: { quote: QuoteDto };
  /** Above what the payment provider accepts in one charge. */
  TOTAL_TOO_LARGE: { totalCents: number; maxCents: number };
  PRECONDITION_FAILED: { orderStatus?: OrderStatusValue };
  EMAIL_TAKEN: { field: 'email' };
  /** A one-time link (reset, verification) that is unknown, already used or past its expiry. */
  TOKEN_INVALID: { reason: 'unknown' | 'used' | 'expired' };
  /** The action needs a verified email address first (opening a shop). */
  EMAIL_NOT_VERIFIED: NoDetails;
  /** `limit`: how many of the thing (e.g. live-stock streams) one client may hold at once. */
  TOO_MANY_REQUESTS: { retryAfterSeconds: number; limit?: number };
  SHOP_EXISTS: NoDetails;
  SLUG_TAKEN: { field: 'slug' };
  /** A unique value someone else (or an earlier request) already holds; see unique-violation.ts. */
  ALREADY_EXISTS: FieldDetails;
  ALREADY_REVIEWED: NoDetails;
  ILLEGAL_TRANSITION: { from: OrderStatusValue; to: OrderStatusValue; allowed: OrderStatusValue[] };
  OWN_PRODUCT: NoDetails;
  /** The shop is on vacation: nothing of it can be added to a cart until it is back. */
  SHOP_ON_VACATION: { shopName: string; returnsOn: string | null; message: string };
  UNAVAILABLE: { retryAfterSeconds?: number };
}

export type DomainErrorCode = keyof DomainErrorDetailsByCode;

/** Transport code of each domain code; `satisfies` keeps this table and the details table in step. */
export const domainErrorCodes = {
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHORIZED: 'UNAUTHORIZED',
  BAD_REQUEST: 'BAD_REQUEST',
  INSUFFICIENT_INVENTORY: 'CONFLICT',
  IDEMPOTENCY_KEY_REUSED: 'CONFLICT',
  IDEMPOTENCY_IN_PROGRESS: 'CONFLICT',
  PAYMENT_FAILED: 'PRECONDITION_FAILED',
  PRICE_CHANGED: 'PRECONDITION_FAILED',
  TOTAL_TOO_LARGE: 'PRECONDITION_FAILED',
  PRECONDITION_FAILED: 'PRECONDITION_FAILED',
  EMAIL_TAKEN: 'CONFLICT',
  TOKEN_INVALID: 'BAD_REQUEST',
  EMAIL_NOT_VERIFIED: 'PRECONDITION_FAILED',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  SHOP_EXISTS: 'CONFLICT',
  SLUG_TAKEN: 'CONFLICT',
  ALREADY_EXISTS: 'CONFLICT',
  ALREADY_REVIEWED: 'CONFLICT',
  ILLEGAL_TRANSITION: 'BAD_REQUEST',
  OWN_PRODUCT: 'BAD_REQUEST',
  SHOP_ON_VACATION: 'PRECONDITION_FAILED',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
} as const satisfies Record<DomainErrorCode, string>;

export type DomainErrorDetails<C extends DomainErrorCode = DomainErrorCode> = DomainErrorDetailsByCode[C];

/** Details may be left out only where every field of them is optional. */
// biome-ignore lint/complexity/noBannedTypes: `{}` is exactly "no required field" here.
type DetailsArg<D> = {} extends D ? [details?: D] : [details: D];

export class DomainError<C extends DomainErrorCode = DomainErrorCode> extends Error {
  readonly details: DomainErrorDetails<C>;
  constructor(
    readonly code: C,
    message: string,
    ...[details]: DetailsArg<DomainErrorDetails<C>>
  ) {
    super(message);
    this.name = 'DomainError';
    this.details = details ?? ({} as DomainErrorDetails<C>);
  }
}

/** Shape of `error.data.domain` as the client receives it: narrow on `code` to read `details`. */
export type DomainErrorPayload = {
  [C in DomainErrorCode]: { code: C; details: DomainErrorDetailsByCode[C] };
}[DomainErrorCode];
