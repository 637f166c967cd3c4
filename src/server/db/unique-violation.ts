// The one translation of PostgreSQL unique violations (SQLSTATE 23505) into domain errors. A
// unique index is the only check that holds under a race (two sellers claiming one shop address
// in the same millisecond both pass any "is it free?" read), so the violation is an expected
// answer, not a bug: CONFLICT with a code the client can switch on, never a 500. Services may
// still check first to give the common case a friendly message; the race lands here.
import { DomainError } from '../../shared/errors';

interface PgError {
  code?: unknown;
  constraint?: unknown;
}

export function isUniqueViolation(err: unknown): boolean {
  return !!err && typeof err === 'object' && (err as PgError).code === '23505';
}

/** Constraint name (PostgreSQL's default `<table>_<column>_key` unless named) -> what the user is told. */
const BY_CONSTRAINT: Record<string, () => DomainError> = {
  shops_slug_key: () => new DomainError('SLUG_TAKEN', 'That shop address is taken.', { field: 'slug' }),
  shops_owner_id_key: () => new DomainError('SHOP_EXISTS', 'You already have a shop.'),
  users_email_key: () =>
    new DomainError('EMAIL_TAKEN', 'An account with this email already exists.', { field: 'email' }),
  reviews_order_item_id_key: () =>
    new DomainError('ALREADY_REVIEWED', 'You have already reviewed this item from this order.'),
};

/** The domain error for a unique violation; unknown constraints get a generic ALREADY_EXISTS. */
export function uniqueViolationError(err: unknown): DomainError {
  const constraint = (err as PgError).constraint;
  const known = typeof constraint === 'string' ? BY_CONSTRAINT[constraint] : undefined;
  return known
    ? known()
    : new DomainError('ALREADY_EXISTS', 'That already exists; it may have just been created by another request.');
}
