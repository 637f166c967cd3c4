// Records that a signed-in shopper looked at a listing. Repeated views within a minute are
// absorbed by the Store, so a refresh-happy shopper costs one write per minute per listing.
import { DomainError } from '../../../shared/errors';
import type { AppDeps } from '../../deps';
import { pruneProductViews, upsertProductView } from './product-views.repository';

const VIEW_DEDUPE_SECONDS = 60;

export async function recordView(deps: AppDeps, userId: number, productId: number): Promise<{ recorded: boolean }> {
  const fresh = await deps.store.setIfAbsent(`view:${userId}:${productId}`, '1', VIEW_DEDUPE_SECONDS);
  if (!fresh) return { recorded: false };
  try {
    const inserted = await upsertProductView(deps.db, userId, productId);
    if (inserted) await pruneProductViews(deps.db, userId);
    return { recorded: true };
  } catch (err) {
    await deps.store.del(`view:${userId}:${productId}`);
    if ((err as { code?: string }).code === '23503') throw new DomainError('NOT_FOUND', 'Listing not found.');
    throw err;
  }
}

/** A view by whoever is asking: signed-out views are not recorded, there is nobody to personalise for. */
export function recordShopperView(
  deps: AppDeps,
  user: { id: number } | null,
  productId: number,
): Promise<{ recorded: boolean }> {
  return user ? recordView(deps, user.id, productId) : Promise.resolve({ recorded: false });
}

/** For pages that record as a side effect: never delays or fails the page. */
export function recordViewInBackground(deps: AppDeps, userId: number, productId: number): void {
  recordView(deps, userId, productId).catch((err) => {
    deps.log.warn({ err: String(err), userId, productId }, 'could not record product view');
  });
}
