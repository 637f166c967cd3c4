// Shared reads between server renders: the category tree and "also bought" are asked of the
// database once a minute, not once a render; "also bought" only for anonymous renders; errors are
// never kept.
import { describe, expect, test } from 'bun:test';
import { createTRPCClient, type TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import type { AppRouter } from '../trpc/root';
import { SharedReads, sharedReadsLink } from './shared-reads-link';

function setup(anonymous: boolean, reads: SharedReads) {
  const calls: string[] = [];
  let failNext = false;
  const terminal: TRPCLink<AppRouter> =
    () =>
    ({ op }) =>
      observable((o) => {
        calls.push(op.path);
        if (failNext) {
          failNext = false;
          o.error(new Error('database down') as never);
          return;
        }
        o.next({ result: { type: 'data', data: { call: calls.length } } } as never);
        o.complete();
      });
  const client = createTRPCClient<AppRouter>({ links: [sharedReadsLink(reads, anonymous), terminal] });
  const failOnce = () => {
    failNext = true;
  };
  return { client, calls, failOnce };
}

describe('shared reads link', () => {
  test('anonymous renders share "also bought" and categories until they expire', async () => {
    let now = 0;
    const reads = new SharedReads(() => now);
    const { client, calls } = setup(true, reads);
    const first = await client.feed.alsoBought.query({ productId: 7 });
    expect(await client.feed.alsoBought.query({ productId: 7 })).toEqual(first);
    await client.feed.alsoBought.query({ productId: 8 });
    await client.catalog.categories.query();
    await client.catalog.categories.query();
    expect(calls).toEqual(['feed.alsoBought', 'feed.alsoBought', 'catalog.categories']);
    now += 60_001;
    await client.feed.alsoBought.query({ productId: 7 });
    expect(calls.length).toBe(4);
  });

  test('a signed-in render asks for its own "also bought"; other procedures are never shared', async () => {
    const reads = new SharedReads();
    const anonymous = setup(true, reads);
    await anonymous.client.feed.alsoBought.query({ productId: 7 });
    const signedIn = setup(false, reads);
    await signedIn.client.feed.alsoBought.query({ productId: 7 });
    await signedIn.client.catalog.categories.query();
    await anonymous.client.catalog.categories.query();
    await signedIn.client.catalog.product.query({ productId: 7 });
    await signedIn.client.catalog.product.query({ productId: 7 });
    expect(signedIn.calls).toEqual(['feed.alsoBought', 'catalog.categories', 'catalog.product', 'catalog.product']);
    expect(anonymous.calls).toEqual(['feed.alsoBought']);
  });

  test('a failed read is not kept', async () => {
    const { client, calls, failOnce } = setup(true, new SharedReads());
    failOnce();
    await expect(client.feed.alsoBought.query({ productId: 7 })).rejects.toThrow('database down');
    expect(await client.feed.alsoBought.query({ productId: 7 })).toEqual({ call: 2 } as never);
    await client.feed.alsoBought.query({ productId: 7 });
    expect(calls.length).toBe(2);
  });
});
