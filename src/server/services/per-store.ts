// One object per Store, made on first use. Each app instance (and each instance a test starts)
// has its own Store, so this gives one session memo, inventory hub or set of rate-limit leases per
// instance without threading each through AppDeps.
import type { Store } from './store';

export function perStore<T>(make: (store: Store) => T): (store: Store) => T {
  const made = new WeakMap<Store, T>();
  return (store) => {
    let value = made.get(store);
    if (value === undefined) {
      value = make(store);
      made.set(store, value);
    }
    return value;
  };
}
