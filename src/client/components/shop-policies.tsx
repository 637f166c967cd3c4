// A shop's policies as shoppers read them: processing time, returns and exchanges, the maker's notes.
import type { ShopPoliciesDto } from '../../shared/schemas/storefront';
import { plural } from '../lib/format';

function returnsLine(p: ShopPoliciesDto): string {
  const within = p.returnWindowDays ? ` within ${plural(p.returnWindowDays, 'day')} of delivery` : '';
  if (p.returnsAccepted && p.exchangesAccepted) return `Returns and exchanges accepted${within}`;
  if (p.returnsAccepted) return `Returns accepted${within}; no exchanges`;
  if (p.exchangesAccepted) return `Exchanges accepted${within}; no returns`;
  return 'No returns or exchanges (ask the shop if there is a problem with your order)';
}

export function ShopPolicies({ policies, headingLevel = 3 }: { policies: ShopPoliciesDto; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="shop-policies">
      <Heading className="card-subtitle">Policies</Heading>
      <ul className="small shop-policy">
        <li>Made and dispatched within {plural(policies.processingDays, 'business day')}</li>
        <li>{returnsLine(policies)}</li>
      </ul>
      {policies.notes && <p className="small policy-notes">{policies.notes}</p>}
    </div>
  );
}
