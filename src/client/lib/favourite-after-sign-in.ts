// A heart (or "Favourite shop") pressed while signed out: the shopper is sent to sign in with the
// page's address plus ?fav=p<product id> or ?fav=s<shop id> as ?next=, and once signed in (or
// registered) the favourite is saved here, focus goes to its heart (drawn as saved), and ?fav leaves
// the address. Only a press in this tab saves anything: the button writes what it meant to save in
// sessionStorage, and ?fav is acted on only when it matches, so a link someone else made
// (…?fav=p123 sent to a signed-in shopper) saves nothing. A bogus or deleted id: the server refuses
// it, nothing is saved, no error page.
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { toast } from 'sonner';
import { describeError, trpc } from '../trpc';
import { focusOnArrival } from './focus-on-arrival';
import { useMe } from './session';

const PENDING_KEY = 'hearth.favouriteAfterSignIn';

export type FavouriteTarget = { kind: 'product'; id: number } | { kind: 'shop'; id: number };

/** The ?fav value for a target: p12 (a listing) or s3 (a shop). */
export function favParam(target: FavouriteTarget): string {
  return `${target.kind === 'product' ? 'p' : 's'}${target.id}`;
}

export function readFavParam(value: string | null): FavouriteTarget | null {
  const m = /^([ps])([1-9]\d{0,9})$/.exec(value ?? '');
  if (!m) return null;
  const id = Number(m[2]);
  if (!Number.isSafeInteger(id) || id > 2_147_483_647) return null;
  return { kind: m[1] === 'p' ? 'product' : 'shop', id };
}

/** Where Sign in sends the shopper back to: this page with ?fav=, remembered as this tab's own press. */
export function favouriteAfterSignInPath(target: FavouriteTarget): string {
  const url = new URL(window.location.href);
  url.searchParams.set('fav', favParam(target));
  try {
    sessionStorage.setItem(PENDING_KEY, favParam(target));
  } catch {
    // Storage refused (private mode): signing in still works, the favourite is just not saved.
  }
  return url.pathname + url.search;
}

/** Whether this tab pressed the heart ?fav names; true once only (it forgets it). */
function takePending(fav: string): boolean {
  try {
    const pending = sessionStorage.getItem(PENDING_KEY);
    sessionStorage.removeItem(PENDING_KEY);
    return pending === fav;
  } catch {
    return false;
  }
}

/** The app shell calls this once. */
export function useFavouriteAfterSignIn(): void {
  const { user, loading } = useMe();
  const [params, setParams] = useSearchParams();
  const fav = params.get('fav');
  const utils = trpc.useUtils();
  const product = trpc.favorites.toggleProduct.useMutation();
  const shop = trpc.favorites.toggleShop.useMutation();
  const signedIn = !!user;
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per ?fav, when the session is known
  useEffect(() => {
    if (fav === null || loading) return;
    const dropParam = () =>
      setParams(
        (p) => {
          p.delete('fav');
          return p;
        },
        { replace: true, preventScrollReset: true },
      );
    const target = readFavParam(fav);
    if (!signedIn || !target || !takePending(fav)) {
      dropParam();
      return;
    }
    const done = async () => {
      // A first read of the favourites (the page's hearts, enabled once the session was known) may
      // have left before the save committed; invalidating would join it (a query with no answer yet
      // is not refetched, its fetch is shared) and the heart would stay unsaved for a minute. Drop
      // any read in flight first, so the read after this one sees the save.
      await Promise.all([utils.favorites.list.cancel(), utils.catalog.product.cancel(), utils.shops.bySlug.cancel()]);
      await Promise.all([
        utils.favorites.list.invalidate(),
        utils.catalog.product.invalidate(),
        utils.shops.bySlug.invalidate(),
      ]);
      toast.success('Saved to favourites.');
      dropParam();
      // Its heart, once drawn as saved; taken from the page's heading, where arriving put it.
      focusOnArrival(
        () => document.querySelector<HTMLElement>(`[data-favourite="${favParam(target)}"][aria-pressed="true"]`),
        { checkNow: true, takeFrom: (el) => el.tagName === 'H1' },
      );
    };
    const failed = (e: Parameters<typeof describeError>[0]) => {
      toast.error(describeError(e).message);
      dropParam();
    };
    if (target.kind === 'product')
      product.mutate({ productId: target.id, favorited: true }, { onSuccess: done, onError: failed });
    else shop.mutate({ shopId: target.id, favorited: true }, { onSuccess: done, onError: failed });
  }, [fav, loading, signedIn]);
}
