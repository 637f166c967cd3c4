// A row's actions: Edit, and Archive (asked first, by the page) or Restore for an archived listing.
import type { SellerListingDto } from '../../../../shared/schemas/seller';

export function ListingRowActions({
  listing,
  archiving,
  restoring,
  onEdit,
  onArchive,
  onRestore,
}: {
  listing: SellerListingDto;
  /** This listing's archive request is under way. */
  archiving: boolean;
  /** This listing's restore request is under way. */
  restoring: boolean;
  onEdit: () => void;
  onArchive: () => void;
  onRestore: () => void;
}) {
  return (
    <>
      <button
        type="button"
        className="btn btn-sm"
        onClick={onEdit}
        aria-label={`Edit ${listing.title}`}
        data-edit-listing={listing.id}
      >
        Edit
      </button>{' '}
      {listing.status === 'archived' ? (
        <button
          type="button"
          className="btn btn-sm btn-primary"
          aria-label={`Restore ${listing.title}`}
          data-listing-action="restore"
          disabled={restoring}
          onClick={onRestore}
        >
          {restoring ? 'Restoring…' : 'Restore'}
        </button>
      ) : (
        <button
          type="button"
          className="btn btn-sm btn-ghost btn-danger"
          aria-label={`Archive ${listing.title}`}
          data-listing-action="archive"
          disabled={archiving}
          onClick={onArchive}
        >
          Archive
        </button>
      )}
    </>
  );
}
