// Favourite heart for products and shops. Optimistic, with an explicit target state so a double
// click or a retry lands where the shopper expects.
import { useNavigate } from 'react-router';
import { toast } from 'sonner';
import { favouriteAfterSignInPath } from '../lib/favourite-after-sign-in';
import { useMe } from '../lib/session';
import { signInHref } from '../lib/sign-in-link';
import { describeError, trpc } from '../trpc';
import { HeartIcon } from './icons';

function useFavorites(enabled: boolean) {
  return trpc.favorites.list.useQuery(undefined, { enabled, staleTime: 60_000 });
}

export function FavoriteProductButton({
  productId,
  title,
  small,
}: {
  productId: number;
  title: string;
  small?: boolean;
}) {
  const { user } = useMe();
  const navigate = useNavigate();
  const favorites = useFavorites(!!user);
  const trpcUtils = trpc.useUtils();
  const favorited = !!favorites.data?.products.some((p) => p.id === productId);
  const toggle = trpc.favorites.toggleProduct.useMutation({
    // The product page's "Favourited N times" counts this shopper too.
    onSettled: () =>
      Promise.all([trpcUtils.favorites.list.invalidate(), trpcUtils.catalog.product.invalidate({ productId })]),
    onSuccess: (r) => toast.success(r.favorited ? 'Saved to favourites.' : 'Removed from favourites.'),
    onError: (e) => toast.error(describeError(e).message),
  });
  const pressed = toggle.isPending ? !!toggle.variables?.favorited : favorited;
  return (
    <button
      type="button"
      className={`fav-btn${small ? ' sm' : ''}`}
      aria-pressed={pressed}
      aria-label={pressed ? `Remove ${title} from favourites` : `Save ${title} to favourites`}
      data-favourite={`p${productId}`}
      onClick={() => {
        if (!user) {
          // Saved once signed in, back here (useFavouriteAfterSignIn).
          navigate(signInHref(favouriteAfterSignInPath({ kind: 'product', id: productId })));
          return;
        }
        toggle.mutate({ productId, favorited: !pressed });
      }}
    >
      <HeartIcon filled={pressed} />
    </button>
  );
}

/**
 * `heart`: drawn as a round heart like a listing's (a shop card on Favourites) rather than the shop
 * page's "Favourite shop" button; it says the same things to a screen reader as a listing's heart.
 */
export function FavoriteShopButton({
  shopId,
  slug,
  name,
  heart,
}: {
  shopId: number;
  slug: string;
  name: string;
  heart?: boolean;
}) {
  const { user } = useMe();
  const navigate = useNavigate();
  const favorites = useFavorites(!!user);
  const trpcUtils = trpc.useUtils();
  const favorited = !!favorites.data?.shops.some((s) => s.id === shopId);
  const toggle = trpc.favorites.toggleShop.useMutation({
    // The shop page's "N admirers" counts this shopper too: show the count the change returned at
    // once, then read the page again for anything else that moved.
    onSuccess: (r) => {
      trpcUtils.shops.bySlug.setData({ slug }, (shop) => shop && { ...shop, favoriteCount: r.favoriteCount });
      toast.success(r.favorited ? 'Saved to favourites.' : 'Removed from favourites.');
    },
    onSettled: () => Promise.all([trpcUtils.favorites.list.invalidate(), trpcUtils.shops.bySlug.invalidate({ slug })]),
    onError: (e) => toast.error(describeError(e).message),
  });
  const pressed = toggle.isPending ? !!toggle.variables?.favorited : favorited;
  const press = () => {
    if (!user) {
      navigate(signInHref(favouriteAfterSignInPath({ kind: 'shop', id: shopId })));
      return;
    }
    toggle.mutate({ shopId, favorited: !pressed });
  };
  if (heart)
    return (
      <button
        type="button"
        className="fav-btn sm"
        aria-pressed={pressed}
        aria-label={pressed ? `Remove ${name} from favourites` : `Favourite shop ${name}`}
        data-favourite={`s${shopId}`}
        onClick={press}
      >
        <HeartIcon filled={pressed} />
      </button>
    );
  return (
    <button
      type="button"
      className="btn btn-sm"
      aria-pressed={pressed}
      // One word for it everywhere, "favourite"; each name starts with the words on the button, so
      // a voice user can say what they see.
      aria-label={pressed ? `Favourited ${name}: remove from favourites` : `Favourite shop ${name}`}
      data-favourite={`s${shopId}`}
      onClick={press}
    >
      <HeartIcon filled={pressed} width={16} height={16} /> {pressed ? 'Favourited' : 'Favourite shop'}
    </button>
  );
}
