// Above the results: the typed price filter was not applied, and why. The address keeps prices it
// could not read as typed (`pmin`/`pmax`, see searchFormQuery), so the page rendered without
// JavaScript says it as clearly as the price boxes do with it.
import { priceBoxErrorsOf } from '../../shared/search-url';

export function PriceBoxNotice({ params }: { params: URLSearchParams }) {
  const errors = priceBoxErrorsOf(params);
  if (!errors) return null;
  return (
    <div className="notice notice-warn price-box-notice" data-testid="price-not-applied">
      <div>
        <p className="flush">
          <strong>Your price range was not applied.</strong>
        </p>
        {(['min', 'max'] as const).map((end) =>
          errors[end] ? (
            <p key={end} className="flush">
              {errors[end]}
            </p>
          ) : null,
        )}
        <p className="flush small">Fix the amount under Price in the filters, or pick one of the price ranges there.</p>
      </div>
    </div>
  );
}
