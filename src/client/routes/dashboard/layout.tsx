// Seller dashboard shell (its own code-split chunk): sub-navigation and the seller's shop.
// Without a shop, every dashboard page leads to creating one.
import { type LoaderFunctionArgs, NavLink, Outlet } from 'react-router';
import { RouteErrorBoundary } from '../../components/states';
import { requireUser } from '../../lib/session';
import { utils } from '../../trpc';
import { useMyShop } from './use-my-shop';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  await utils.shops.mine.ensureData();
  return null;
}

export function Component() {
  const shop = useMyShop();
  const has = !!shop.data;
  return (
    <div className="page">
      <div className="dash">
        <nav className="dash-nav" aria-label="Dashboard">
          <p className="eyebrow dash-shop-name">{shop.data?.name ?? 'Your shop'}</p>
          <NavLink to="/dashboard" end>
            Overview
          </NavLink>
          <NavLink to="/dashboard/shop">{has ? 'Shop settings' : 'Create your shop'}</NavLink>
          {has && <NavLink to="/dashboard/listings">Listings</NavLink>}
          {has && <NavLink to="/dashboard/orders">Orders</NavLink>}
          {has && shop.data && (
            <NavLink to={`/shop/${shop.data.slug}`} className="dash-nav-quiet">
              View shop ↗
            </NavLink>
          )}
        </nav>
        <div>
          <Outlet />
        </div>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
