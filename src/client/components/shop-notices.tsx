// What a shop tells shoppers on its pages: vacation (nothing can be bought until it is back).
import type { ShopVacation } from '../../shared/schemas/shops';
import { formatDate } from '../lib/format';

export function vacationReturn(v: ShopVacation): string {
  return v.returnsOn ? `until ${formatDate(`${v.returnsOn}T12:00:00Z`)}` : 'for now';
}

export function VacationNotice({ shopName, vacation }: { shopName: string; vacation: ShopVacation }) {
  return (
    <div className="notice notice-warn vacation-notice" role="status">
      <p>
        <strong>
          {shopName} is on vacation {vacationReturn(vacation)}
        </strong>{' '}
        and is not taking orders. You can still favourite listings and send a message.
      </p>
      {vacation.message && <p className="vacation-message">“{vacation.message}”</p>}
    </div>
  );
}
