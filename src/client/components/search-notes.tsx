// Notes above search results: "Did you mean …" (a link that keeps the other filters) and, when
// partial matches follow the full ones, which words the results are for.
import { Link } from 'react-router';
import type { SearchProductsResult } from '../../shared/schemas/search';

function quoted(words: string[]): string {
  const q = words.map((w) => `‘${w}’`);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

/** `onFollow`: the suggestion's link goes with the results it was for, so the page decides where focus waits. */
export function SearchNotes({
  result,
  params,
  onFollow,
}: {
  result: SearchProductsResult | undefined;
  params: URLSearchParams;
  onFollow: (e: React.MouseEvent) => void;
}) {
  if (!result || (!result.suggestion && !result.partial)) return null;
  const corrected = new URLSearchParams(params);
  if (result.suggestion) corrected.set('q', result.suggestion);
  corrected.delete('page');
  return (
    <div className="search-notes small" role="status">
      {result.suggestion && (
        <p className="search-note">
          Did you mean{' '}
          <Link to={`/search?${corrected.toString()}`} className="search-suggestion" onClick={onFollow}>
            <strong>{result.suggestion}</strong>
          </Link>
          ?
        </p>
      )}
      {result.partial && (
        <p className="muted search-note-last">
          {result.partial.fullMatches === 0
            ? 'No listings match every word. '
            : `${result.partial.fullMatches} ${result.partial.fullMatches === 1 ? 'listing matches' : 'listings match'} every word; more follow. `}
          Showing results for {quoted(result.partial.words)}.
        </p>
      )}
    </div>
  );
}
