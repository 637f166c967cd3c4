// The one place that turns domain errors into transport errors, and hides unknown ones.
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { DomainError, type DomainErrorCode, type DomainErrorPayload, domainErrorCodes } from '../../shared/errors';
import { isUniqueViolation, uniqueViolationError } from '../db/unique-violation';

// Connection-level failures and transaction conflicts that outlived their retries: the request
// did nothing and may simply be sent again, so the client gets 503 with a retry time, not a 500.
const RETRYABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '40001',
  '40P01',
]);
const RETRYABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|connection error|Connection refused/i;

export function isRetryableInfrastructureError(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const { code, message } = err as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (RETRYABLE_CODES.has(code) || code.startsWith('08'))) return true;
  return typeof message === 'string' && RETRYABLE_MESSAGES.test(message);
}

export function toTRPCError(err: unknown): TRPCError | null {
  if (isRetryableInfrastructureError(err)) {
    return toTRPCError(
      new DomainError('UNAVAILABLE', 'We could not complete that just now. Please try again in a moment.', {
        retryAfterSeconds: 2,
      }),
    );
  }
  if (isUniqueViolation(err)) return toTRPCError(uniqueViolationError(err));
  if (err instanceof ZodError)
    return new TRPCError({ code: 'BAD_REQUEST', message: describeZodError(err), cause: err });
  if (err instanceof DomainError) {
    const code: DomainErrorCode = err.code;
    return new TRPCError({ code: domainErrorCodes[code], message: err.message, cause: err });
  }
  return null;
}

export function describeZodError(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

export interface ErrorShapeData {
  domain: DomainErrorPayload | null;
  fieldErrors: Record<string, string[]> | null;
}

export function errorData(error: TRPCError): ErrorShapeData & { message?: string } {
  const cause = error.cause;
  if (cause instanceof DomainError) return { domain: { code: cause.code, details: cause.details }, fieldErrors: null };
  if (cause instanceof ZodError) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of cause.issues) {
      const key = issue.path.join('.') || '_';
      fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
    }
    return { domain: null, fieldErrors, message: describeZodError(cause) };
  }
  return { domain: null, fieldErrors: null };
}
