// The refusal a listing of a shop on vacation gets (SHOP_ON_VACATION with the return date), in its
// own file so the inventory module's hold can raise it without importing the vacation service.
import { DomainError } from '../../../shared/errors';

export function vacationError(v: { name: string; message: string; returnsOn: string | null }) {
  const back = v.returnsOn
    ? ` until ${new Date(`${v.returnsOn}T12:00:00Z`).toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' })}`
    : '';
  return new DomainError('SHOP_ON_VACATION', `${v.name} is on vacation${back} and is not taking orders right now.`, {
    shopName: v.name,
    returnsOn: v.returnsOn,
    message: v.message,
  });
}
