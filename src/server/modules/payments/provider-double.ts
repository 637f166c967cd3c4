// For tests: a provider that behaves like `base` except for the methods given, e.g. a capture
// that fails or an authorisation that records its calls. The payment provider is the one test
// double this codebase allows.
import type { PaymentProvider } from './payment-provider';

export function overrideProvider(base: PaymentProvider, over: Partial<PaymentProvider>): PaymentProvider {
  return {
    name: base.name,
    maxAmountCents: base.maxAmountCents,
    authorize: (req) => base.authorize(req),
    capture: (ref) => base.capture(ref),
    void: (ref) => base.void(ref),
    refund: (ref, amountCents, key) => base.refund(ref, amountCents, key),
    lookup: (ref) => base.lookup(ref),
    listOpenAuthorizations: (opts) => base.listOpenAuthorizations(opts),
    ...over,
  };
}
