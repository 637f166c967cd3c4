// False while React hydrates server-rendered HTML (and on the server), true from the next render
// on and for anything mounted later: a component can render exactly what the server sent, then
// switch to what needs the browser (window sizes, virtual lists) without a hydration mismatch.
import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
