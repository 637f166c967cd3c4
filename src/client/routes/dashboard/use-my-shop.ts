import { trpc } from '../../trpc';

export function useMyShop() {
  return trpc.shops.mine.useQuery(undefined, { staleTime: 60_000 });
}
