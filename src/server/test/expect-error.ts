// The one helper for calls expected to fail: awaits the call and returns its TRPCError, so tests
// assert the transport code, the domain code and its details the way the client reads them.
import { TRPCError } from '@trpc/server';
import { DomainError, type DomainErrorCode } from '../../shared/errors';

export async function rejection(p: Promise<unknown>): Promise<TRPCError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCError) return err;
    throw err;
  }
  throw new Error('expected the call to fail, it succeeded');
}

/**
 * The domain code and details the client would see (`error.data.domain`). Details are loosely
 * typed here so a test can assert any of them with `toEqual`; the app reads them narrowed by code.
 */
export function domainOf(err: TRPCError): { code: DomainErrorCode; details: Record<string, unknown> } | null {
  const cause = err.cause;
  return cause instanceof DomainError ? { code: cause.code, details: { ...cause.details } } : null;
}

/** Details of the domain error behind `err`, `{}` when there is none. */
export function domainDetails(err: TRPCError): Record<string, unknown> {
  return domainOf(err)?.details ?? {};
}
