import { PageState } from '../components/states';
import { usePageMeta } from '../lib/page-meta';

export function Component() {
  usePageMeta('Page not found');
  return (
    <PageState art="🧭" title="This page wandered off" link={{ to: '/', label: 'Back to the shop floor' }}>
      The link may be old or mistyped. Try searching for what you had in mind.
    </PageState>
  );
}
