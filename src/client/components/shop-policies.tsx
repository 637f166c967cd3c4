// A shop's policies as shoppers read them: processing time, returns and exchanges, the maker's notes.
import { type Processing, processingLabel } from '../../shared/dispatch';
import type { ShopPoliciesDto } from '../../shared/schemas/storefront';
import { plural } from '../lib/format';

/**
 * The shop's processing time is its default; a listing may set its own (5–10 days beside a shop's
 * 5), so the line says it is the general rule and, on a listing whose own time differs, names that
 * one too (decision 0180).
 */
function processingLine(days: number, listing: Processing | undefined): string {
  const general = `Dispatched within ${plural(days, 'business day')} unless a listing says otherwise`;
  if (!listing || (listing.minDays === days && listing.maxDays === days)) return general;
  return `${general} (this one: ${processingLabel(listing)})`;
}

function returnsLine(p: ShopPoliciesDto): string {
  const within = p.returnWindowDays ? ` within ${plural(p.returnWindowDays, 'day')} of delivery` : '';
  if (p.returnsAccepted && p.exchangesAccepted) return `Returns and exchanges accepted${within}`;
  if (p.returnsAccepted) return `Returns accepted${within}; no exchanges`;
  if (p.exchangesAccepted) return `Exchanges accepted${within}; no returns`;
  return 'No returns or exchanges (ask the shop if there is a problem with your order)';
}

export function ShopPolicies({
  policies,
  headingLevel = 3,
  listing,
}: {
  policies: ShopPoliciesDto;
  headingLevel?: 2 | 3;
  /** On a listing's page: its own processing time. */
  listing?: Processing;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="shop-policies">
      <Heading className="card-subtitle">Policies</Heading>
      <ul className="small shop-policy">
        <li>{processingLine(policies.processingDays, listing)}</li>
        <li>{returnsLine(policies)}</li>
      </ul>
      {policies.notes && <p className="small policy-notes">{policies.notes}</p>}
    </div>
  );
}
