// After commit: each seller's open tabs, on any instance, learn of their new-order notification
// (written by the checkout statement). Best effort and in the background, like availability.
import type { AppDeps } from '../../../deps';
import { announceNotifications } from '../../notifications/notification-events';
import type { Effect } from '../workflow';

export const announceNewOrders: Effect<{ deps: AppDeps; sellerIds: readonly number[] }> = {
  name: 'announceNewOrders',
  background: true,
  run: ({ deps, sellerIds }) => announceNotifications(deps, sellerIds),
};
