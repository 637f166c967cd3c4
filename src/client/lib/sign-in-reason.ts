// Why the shopper is asked to sign in or create an account, read from where they are headed
// (?next=). Sign in and Create an account say the same reason, so following "Create an account"
// from Sign in does not lose it.
import { trpc } from '../trpc';
import { readFavParam } from './favourite-after-sign-in';

/**
 * When they came to message a shop (?next= a listing or shop page with ?ask=): "<action> to message
 * <shop>", or to save a favourite (?fav=p<listing> or s<shop>): "<action> to save <title> to your
 * favourites" / "<action> to favourite <shop>". Names are read from the server by id (the listing,
 * or the shop page left), never from the address text. Null when there is no reason to give.
 */
export function useSignInReason(next: string, action: 'Sign in' | 'Create an account'): string | null {
  const url = new URL(next, 'http://hearth.invalid');
  const ask = url.searchParams.get('ask');
  const fav = readFavParam(url.searchParams.get('fav'));
  const pathProductId = Number(/^\/(?:listing|product)\/(\d+)/.exec(url.pathname)?.[1] ?? 0);
  const productId = fav ? (fav.kind === 'product' ? fav.id : 0) : ask ? pathProductId : 0;
  const slug = /^\/shop\/([^/]+)/.exec(url.pathname)?.[1] ?? '';
  const wantShop = (!!ask || fav?.kind === 'shop') && slug !== '';
  const product = trpc.catalog.product.useQuery({ productId }, { enabled: productId > 0, retry: false });
  const shop = trpc.shops.bySlug.useQuery({ slug: decodeURIComponent(slug) }, { enabled: wantShop, retry: false });
  if (fav?.kind === 'product') {
    const title = product.data?.id === fav.id ? product.data.title : null;
    return `${action} to save ${title ?? 'it'} to your favourites`;
  }
  if (fav?.kind === 'shop') {
    const name = shop.data?.id === fav.id ? shop.data.name : null;
    return `${action} to favourite ${name ?? 'this shop'}`;
  }
  if (!ask) return null;
  const name = product.data?.shop.name ?? shop.data?.name;
  return `${action} to message ${name ?? 'the shop'}`;
}
