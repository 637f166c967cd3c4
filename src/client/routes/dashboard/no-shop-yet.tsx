// What a dashboard page shows to a signed-in user who has no shop yet: a way to open one.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/states';

export function NoShopYet({
  title = 'Open a shop first',
  actionLabel = 'Create your shop',
  art,
  children,
}: {
  title?: string;
  actionLabel?: string;
  art?: string;
  children?: ReactNode;
}) {
  return (
    <EmptyState
      art={art}
      title={title}
      action={
        <Link to="/dashboard/shop" className="btn btn-primary">
          {actionLabel}
        </Link>
      }
    >
      {children}
    </EmptyState>
  );
}
