// The product tile used by the feed, search, shop, favourites and also-bought rows.
import { Link } from 'react-router';
import { listingPath } from '../../shared/listing-url';
import type { ProductCard as ProductCardDto } from '../../shared/schemas/catalog';
import { formatCents } from '../lib/format';
import { useLiveCards } from '../lib/use-live-cards';
import { FavoriteProductButton } from './favorite-button';
import { ProductImage } from './product-image';

export function ProductCard({ product, eager = false }: { product: ProductCardDto; eager?: boolean }) {
  const soldOut = product.available <= 0;
  // The heart sits beside the link, not inside it: a button inside a link is not valid HTML and
  // a click on it would also follow the link.
  return (
    <div className={`product-card${soldOut ? ' sold-out' : ''}`}>
      <Link to={listingPath(product.id, product.title)} className="product-card-link">
        <div className="thumb">
          <ProductImage src={product.image} alt={product.title} seed={product.id} eager={eager} />
          <div className="tags">
            {product.isVintage && <span className="badge">Vintage</span>}
            {soldOut ? (
              <span className="badge badge-danger">Sold out</span>
            ) : product.available === 1 ? (
              <span className="badge badge-clay">Only 1 left</span>
            ) : null}
          </div>
        </div>
        <span className="title">{product.title}</span>
        <span className="price">
          {product.priceMaxCents ? `From ${formatCents(product.priceCents)}` : formatCents(product.priceCents)}
        </span>
        <span className="meta">
          <span>{product.shopName}</span>
          {product.reviewCount > 0 && (
            <span className="card-rating">
              <span aria-hidden="true" className="card-star">
                ★
              </span>
              <span className="visually-hidden">rated</span> {product.rating.toFixed(1)}{' '}
              <span className="card-review-count">
                ({product.reviewCount.toLocaleString('en-US')}
                <span className="visually-hidden"> {product.reviewCount === 1 ? 'review' : 'reviews'}</span>)
              </span>
            </span>
          )}
        </span>
      </Link>
      <div className="card-fav">
        <FavoriteProductButton productId={product.id} title={product.title} small />
      </div>
    </div>
  );
}

export function ProductCardSkeleton() {
  return (
    <div className="product-card card-skeleton" aria-hidden="true">
      <div className="thumb skeleton" />
      <div className="skeleton skeleton-text skeleton-w90" />
      <div className="skeleton skeleton-text skeleton-w40" />
      <div className="skeleton skeleton-text skeleton-w60" />
    </div>
  );
}

export function ProductGrid({ products, eagerCount = 0 }: { products: ProductCardDto[]; eagerCount?: number }) {
  const live = useLiveCards(products);
  return (
    <div className="product-grid">
      {live.map((p, i) => (
        <ProductCard key={p.id} product={p} eager={i < eagerCount} />
      ))}
    </div>
  );
}

export function GridSkeleton({ count = 8 }: { count?: number }) {
  return (
    <div className="product-grid" role="status" aria-label="Loading products">
      {Array.from({ length: count }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
        <ProductCardSkeleton key={i} />
      ))}
    </div>
  );
}
