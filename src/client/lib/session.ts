// Who is signed in, for components (useMe) and loaders (requireUser redirects to sign-in).
import { redirect } from 'react-router';
import { trpc, utils } from '../trpc';
import { signInHref } from './sign-in-link';

export function useMe() {
  const me = trpc.auth.me.useQuery(undefined, { staleTime: 60_000 });
  return { user: me.data?.user ?? null, loading: me.isPending };
}

export async function requireUser(request: Request) {
  const { user } = await utils.auth.me.ensureData(undefined, { staleTime: 60_000 });
  if (!user) {
    const url = new URL(request.url);
    throw redirect(signInHref(url.pathname + url.search));
  }
  return user;
}
