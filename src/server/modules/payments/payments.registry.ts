// Which PaymentProvider an app instance uses. The deterministic test provider is the default
// (this marketplace has no live processor yet); a real one is installed once at boot.
import type { AppDeps } from '../../deps';
import type { PaymentProvider } from './payment-provider';
import { TestPaymentProvider } from './test-payment-provider';

const providers = new WeakMap<AppDeps, PaymentProvider>();

export function paymentProvider(deps: AppDeps): PaymentProvider {
  let provider = providers.get(deps);
  if (!provider) {
    provider = new TestPaymentProvider(deps.db);
    providers.set(deps, provider);
  }
  return provider;
}

export function installPaymentProvider(deps: AppDeps, provider: PaymentProvider) {
  providers.set(deps, provider);
}
