// The short per-user cache in front of feed.home. Favouriting drops it so the shopper sees the
// effect at once; views only age out (they are frequent and weaker signals).
import type { FeedHomeDto } from '../../../shared/schemas/feed';
import type { AppDeps } from '../../deps';

export const HOME_FEED_TTL_SECONDS = 60;
export const ANONYMOUS_FEED_TTL_SECONDS = 30;

const homeFeedKey = (userId: number | null) => `feed:home:v1:${userId ?? 'anon'}`;

export async function readHomeFeed(deps: AppDeps, userId: number | null): Promise<FeedHomeDto | null> {
  const cached = await deps.store.get(homeFeedKey(userId));
  return cached ? (JSON.parse(cached) as FeedHomeDto) : null;
}

export async function writeHomeFeed(deps: AppDeps, userId: number | null, feed: FeedHomeDto): Promise<void> {
  await deps.store.set(
    homeFeedKey(userId),
    JSON.stringify(feed),
    userId === null ? ANONYMOUS_FEED_TTL_SECONDS : HOME_FEED_TTL_SECONDS,
  );
}

export async function forgetHomeFeed(deps: AppDeps, userId: number): Promise<void> {
  await deps.store.del(homeFeedKey(userId));
}

export async function forgetAnonymousHomeFeed(deps: AppDeps): Promise<void> {
  await deps.store.del(homeFeedKey(null));
}
