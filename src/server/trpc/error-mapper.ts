// The one place that turns domain errors into transport errors, and hides unknown ones.
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { DomainError, type DomainErrorPayload, domainErrorCodes } from '../../shared/errors';

export function toTRPCError(err: unknown): TRPCError | null {
  if (err instanceof ZodError)
    return new TRPCError({ code: 'BAD_REQUEST', message: describeZodError(err), cause: err });
  if (err instanceof DomainError) {
    return new TRPCError({ code: domainErrorCodes[err.code] as TRPCError['code'], message: err.message, cause: err });
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
