// Domain error codes shared by server and client. Services throw DomainError; one tRPC
// middleware maps the code to a transport code and keeps `details` for the client.
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
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  SHOP_EXISTS: 'CONFLICT',
  SLUG_TAKEN: 'CONFLICT',
  ILLEGAL_TRANSITION: 'BAD_REQUEST',
  OWN_PRODUCT: 'BAD_REQUEST',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
} as const;

export type DomainErrorCode = keyof typeof domainErrorCodes;

export type DomainErrorDetails = Record<string, unknown>;

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Shape of `error.data.domain` as the client receives it. */
export interface DomainErrorPayload {
  code: DomainErrorCode;
  details: DomainErrorDetails;
}
