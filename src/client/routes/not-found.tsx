import { Link } from 'react-router';
import { EmptyState } from '../components/states';
import { usePageMeta } from '../lib/page-meta';

export function Component() {
  usePageMeta('Page not found');
  return (
    <div className="page">
      <EmptyState
        art="🧭"
        headingLevel={1}
        title="This page wandered off"
        action={
          <Link to="/" className="btn btn-primary">
            Back to the shop floor
          </Link>
        }
      >
        The link may be old or mistyped. Try searching for what you had in mind.
      </EmptyState>
    </div>
  );
}
