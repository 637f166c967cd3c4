import { describe, expect, test } from 'bun:test';
import { rejection } from '../../test/expect-error';
import { anonymousCaller, createSeller, createUser, defaultPolicy, unique } from '../../test/factories';
import { testDeps } from '../../test/test-services';

describe('shops', () => {
  test('a user opens one shop; it is public by slug and mine() returns it', async () => {
    const user = await createUser();
    const name = `Ember & Oak ${unique('n')}`;
    const shop = await user.caller.shops.create({
      name,
      tagline: 'Hand-turned bowls',
      shippingPolicy: { flatRateCents: 450, freeOverCents: 6000, processingDays: 3 },
    });
    expect(shop.slug).toMatch(/^ember-oak-/);
    expect(shop.shippingPolicy).toEqual({ flatRateCents: 450, freeOverCents: 6000, processingDays: 3 });
    const { caller } = anonymousCaller();
    const publicView = await caller.shops.bySlug({ slug: shop.slug });
    expect(publicView.name).toBe(name);
    expect(publicView).not.toHaveProperty('ownerId');
    expect((await user.caller.shops.mine())?.id).toBe(shop.id);
    const second = await rejection(user.caller.shops.create({ name: 'Another', shippingPolicy: defaultPolicy }));
    expect(second.code).toBe('CONFLICT');
  });

  test('only the owner can update a shop', async () => {
    const owner = await createSeller();
    const other = await createSeller();
    const err = await rejection(other.caller.shops.update({ shopId: owner.shopId, name: 'Hijacked' }));
    expect(err.code).toBe('FORBIDDEN');
    const row = await testDeps()
      .db.selectFrom('shops')
      .select('name')
      .where('id', '=', owner.shopId)
      .executeTakeFirstOrThrow();
    expect(row.name).not.toBe('Hijacked');
    const updated = await owner.caller.shops.update({ shopId: owner.shopId, tagline: 'Now with free shipping' });
    expect(updated.tagline).toBe('Now with free shipping');
  });

  test('an emptied tagline or description is removed; an omitted one is left as it was', async () => {
    const owner = await createSeller();
    const other = await createSeller();
    const shopId = owner.shopId;
    await owner.caller.shops.update({ shopId, tagline: 'Hand-turned bowls', description: 'Made in Leeds.' });
    // Another seller cannot clear it.
    const err = await rejection(other.caller.shops.update({ shopId, tagline: '' }));
    expect(err.code).toBe('FORBIDDEN');
    expect((await owner.caller.shops.mine())?.tagline).toBe('Hand-turned bowls');

    const cleared = await owner.caller.shops.update({ shopId, tagline: '' });
    expect(cleared.tagline).toBe('');
    expect(cleared.description).toBe('Made in Leeds.');
    const { caller } = anonymousCaller();
    expect((await caller.shops.bySlug({ slug: owner.shop.slug })).tagline).toBe('');

    // Only spaces is nothing; a name-only save leaves the rest alone.
    await owner.caller.shops.update({ shopId, tagline: 'Back again' });
    expect((await owner.caller.shops.update({ shopId, tagline: '   ', description: ' \n ' })).tagline).toBe('');
    expect((await owner.caller.shops.mine())?.description).toBe('');
    await owner.caller.shops.update({ shopId, tagline: 'Kept' });
    expect((await owner.caller.shops.update({ shopId, name: 'Renamed shop' })).tagline).toBe('Kept');

    // A NUL byte is refused in words, and nothing changes.
    const nul = await rejection(owner.caller.shops.update({ shopId, tagline: 'a\u0000b' }));
    expect(nul.code).toBe('BAD_REQUEST');
    expect(nul.message).toContain('control character');
    expect((await owner.caller.shops.mine())?.tagline).toBe('Kept');
  });

  test('taken slugs, bad policies and anonymous callers are refused', async () => {
    const owner = await createSeller();
    const user = await createUser();
    const taken = await rejection(
      user.caller.shops.create({ name: 'Copycat', slug: owner.shop.slug, shippingPolicy: defaultPolicy }),
    );
    expect(taken.code).toBe('CONFLICT');
    const negative = await rejection(
      user.caller.shops.create({
        name: 'Neg',
        shippingPolicy: { flatRateCents: -1, freeOverCents: null, processingDays: 1 },
      }),
    );
    expect(negative.code).toBe('BAD_REQUEST');
    expect(negative.message).toContain('shippingPolicy.flatRateCents');
    const { caller } = anonymousCaller();
    const anon = await rejection(caller.shops.create({ name: 'Anon', shippingPolicy: defaultPolicy }));
    expect(anon.code).toBe('UNAUTHORIZED');
    expect(await user.caller.shops.mine()).toBeNull();
    const missing = await rejection(caller.shops.bySlug({ slug: 'no-such-shop-anywhere' }));
    expect(missing.code).toBe('NOT_FOUND');
  });
});
