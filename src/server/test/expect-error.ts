// Awaits a call expected to fail and returns its TRPCError, so tests can assert code and message.
import { TRPCError } from '@trpc/server';

export async function rejection(p: Promise<unknown>): Promise<TRPCError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCError) return err;
    throw err;
  }
  throw new Error('expected the call to fail, it succeeded');
}

export function domainDetails(err: TRPCError): Record<string, unknown> {
  const cause = err.cause as { details?: Record<string, unknown> } | undefined;
  return cause?.details ?? {};
}
