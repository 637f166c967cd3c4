// Favourite products and shops.
import { Link, type LoaderFunctionArgs } from 'react-router';
import { FavoriteShopButton } from '../components/favorite-button';
import { ProductGrid } from '../components/product-card';
import { Stars } from '../components/stars';
import { EmptyState, PageSkeleton, RouteErrorBoundary } from '../components/states';
import { usePageMeta } from '../lib/page-meta';
import { requireUser } from '../lib/session';
import { useFocusAfter } from '../lib/use-focus-after';
import { trpc, utils } from '../trpc';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  await utils.favorites.list.ensureData();
  return null;
}

export function Component() {
  usePageMeta('Favourites');
  const favorites = trpc.favorites.list.useQuery(undefined, { staleTime: 10_000 });
  const focusAfter = useFocusAfter();
  if (favorites.isPending) return <PageSkeleton />;
  const f = favorites.data;
  const empty = !f || (f.products.length === 0 && f.shops.length === 0);
  return (
    // A filled heart pressed here takes its card away once the list is read again: focus then goes
    // to the next heart (the previous one after the last), or to "Nothing saved yet" after the last
    // of all, rather than falling to <body>. Armed on the press (capture), before the heart's own
    // handler; a press that fails keeps the card, and useFocusAfter leaves focus on it.
    <div className="page" onClickCapture={(e) => armNextHeart(e.target, focusAfter)}>
      <h1>Favourites</h1>
      {empty ? (
        <EmptyState
          art="♡"
          title="Nothing saved yet"
          action={
            <Link to="/" className="btn btn-primary">
              Find something you love
            </Link>
          }
        >
          Tap the heart on any item or shop to keep it here. Your home feed learns from what you save.
        </EmptyState>
      ) : (
        <>
          {f.products.length > 0 && (
            <section aria-labelledby="fav-items">
              <h2 id="fav-items">Items</h2>
              <ProductGrid products={f.products} />
            </section>
          )}
          {f.shops.length > 0 && (
            <section aria-labelledby="fav-shops" className="section-gap">
              <h2 id="fav-shops">Shops</h2>
              <div className="fav-shop-grid">
                {f.shops.map((s) => (
                  <div key={s.id} className="shop-card fav-shop-card">
                    <Link to={`/shop/${s.slug}`} className="fav-shop-link plain-link">
                      <div className="logo">{s.logoUrl ? <img src={s.logoUrl} alt="" /> : s.name.charAt(0)}</div>
                      <div>
                        <strong>{s.name}</strong>
                        <div className="small muted">{s.tagline}</div>
                        <Stars rating={s.rating} count={s.reviewCount} />
                      </div>
                    </Link>
                    <FavoriteShopButton shopId={s.id} slug={s.slug} name={s.name} heart />
                  </div>
                ))}
              </div>
            </section>
          )}
        </>
      )}
    </div>
  );
}

function armNextHeart(pressed: EventTarget, focusAfter: ReturnType<typeof useFocusAfter>) {
  const heart = pressed instanceof Element ? pressed.closest<HTMLElement>('[data-favourite]') : null;
  if (heart?.getAttribute('aria-pressed') !== 'true') return;
  const hearts = [...document.querySelectorAll<HTMLElement>('#main [data-favourite]')];
  const at = hearts.indexOf(heart);
  const neighbour = hearts[at + 1] ?? hearts[at - 1];
  const key = neighbour?.dataset.favourite;
  focusAfter(() => {
    if (key) return document.querySelector<HTMLElement>(`#main [data-favourite="${key}"]`);
    const empty = document.querySelector<HTMLElement>('#main .empty h2');
    if (empty && !empty.hasAttribute('tabindex')) {
      empty.tabIndex = -1;
      empty.classList.add('focus-heading');
    }
    return empty;
  }, heart);
}

export const ErrorBoundary = RouteErrorBoundary;
