// One page of search results with links to the pages around it (?page=N): what the server renders,
// what the browser hydrates, and all a shopper without JavaScript gets (routes/search.tsx switches
// to the live virtual grid once hydrated).
import { Link } from 'react-router';
import type { SearchProductsResult } from '../../shared/schemas/search';
import { SEARCH_LAST_PAGE } from '../../shared/search-url';
import { ProductCard } from './product-card';

/**
 * One page of results with links to the pages around it: what the server renders, what the
 * browser hydrates, and all a shopper without JavaScript gets. With JavaScript the virtual,
 * endlessly loading grid takes over once hydrated.
 */
export function PagedResults({ result, params }: { result: SearchProductsResult; params: URLSearchParams }) {
  const lastPage = Math.min(Math.ceil(result.total / result.pageSize), SEARCH_LAST_PAGE);
  const pageHref = (n: number) => {
    const next = new URLSearchParams(params);
    if (n === 1) next.delete('page');
    else next.set('page', String(n));
    const qs = next.toString();
    return qs ? `/search?${qs}` : '/search';
  };
  return (
    <>
      <div className="paged-grid">
        {result.hits.map((p, i) => (
          <ProductCard key={p.id} product={p} eager={i < 5} />
        ))}
      </div>
      {lastPage > 1 && (
        <nav className="pagination" aria-label="Pages of results">
          {result.page > 1 && (
            <Link className="btn btn-sm" to={pageHref(result.page - 1)} rel="prev">
              ← Previous page
            </Link>
          )}
          <span className="small muted">
            Page {result.page} of {lastPage}
          </span>
          {result.page < lastPage && (
            <Link className="btn btn-sm" to={pageHref(result.page + 1)} rel="next">
              Next page →
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
