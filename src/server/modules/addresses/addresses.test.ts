import { describe, expect, test } from 'bun:test';
import { MAX_SAVED_ADDRESSES } from '../../../shared/schemas/addresses';
import { rejection } from '../../test/expect-error';
import { createUser } from '../../test/factories';
import { address } from '../checkout/checkout-test-kit';

describe('address book', () => {
  test('add, edit, make default, delete; the first address is the default and a deleted default passes on', async () => {
    const user = await createUser();
    expect(await user.caller.addresses.list()).toEqual([]);
    const [home] = await user.caller.addresses.create({ address: address({ line1: '1 Home Row' }) });
    expect(home).toMatchObject({ isDefault: true, address: { line1: '1 Home Row', country: 'US', region: 'NY' } });
    const two = await user.caller.addresses.create({
      address: address({ line1: '2 Work Way', country: 'GB', region: '', postalCode: 'SW1A 1AA', city: 'London' }),
    });
    expect(two.map((a) => [a.address.line1, a.isDefault])).toEqual([
      ['1 Home Row', true],
      ['2 Work Way', false],
    ]);
    const work = two.find((a) => a.address.line1 === '2 Work Way')!;
    const edited = await user.caller.addresses.update({
      addressId: work.id,
      address: { ...work.address, line1: '3 Work Way' },
    });
    expect(edited.some((a) => a.address.line1 === '3 Work Way')).toBe(true);
    const swapped = await user.caller.addresses.setDefault({ addressId: work.id });
    expect(swapped.filter((a) => a.isDefault).map((a) => a.id)).toEqual([work.id]);
    const left = await user.caller.addresses.remove({ addressId: work.id });
    expect(left).toEqual([
      { id: home!.id, address: expect.objectContaining({ line1: '1 Home Row' }), isDefault: true },
    ]);
  });

  test('saving an address the book already holds (an Undo pressed twice) adds no copy', async () => {
    const user = await createUser();
    await user.caller.addresses.create({ address: address({ line1: '1 Home Row' }) });
    const [gone] = await user.caller.addresses.create({ address: address({ line1: '2 Work Way' }), makeDefault: true });
    await user.caller.addresses.remove({ addressId: gone!.id });
    const again = { address: gone!.address, makeDefault: true };
    await Promise.all([user.caller.addresses.create(again), user.caller.addresses.create(again)]);
    const book = await user.caller.addresses.create(again);
    expect(book.map((a) => [a.address.line1, a.isDefault])).toEqual([
      ['2 Work Way', true],
      ['1 Home Row', false],
    ]);
  });

  test("another user's address id is NOT_FOUND and stays as it was", async () => {
    const [owner, other] = [await createUser(), await createUser()];
    const [a] = await owner.caller.addresses.create({ address: address() });
    // One at a time: a promise that rejects while another is awaited would be unhandled.
    for (const call of [
      () => other.caller.addresses.update({ addressId: a!.id, address: address({ line1: 'Hijacked' }) }),
      () => other.caller.addresses.remove({ addressId: a!.id }),
      () => other.caller.addresses.setDefault({ addressId: a!.id }),
    ])
      expect((await rejection(call())).code).toBe('NOT_FOUND');
    expect(await owner.caller.addresses.list()).toEqual([a!]);
    expect(await other.caller.addresses.list()).toEqual([]);
  });

  test('bad addresses are refused naming the field; 30 parallel saves stop at the limit with one default', async () => {
    const user = await createUser();
    const bad = await rejection(user.caller.addresses.create({ address: address({ country: 'XX' }) }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.message).toContain('Country');
    const nul = await rejection(user.caller.addresses.create({ address: address({ line1: 'a\u0000b' }) }));
    expect(nul.code).toBe('BAD_REQUEST');
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        user.caller.addresses.create({ address: address({ line1: `${i} Many St` }), makeDefault: i % 3 === 0 }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(MAX_SAVED_ADDRESSES);
    const book = await user.caller.addresses.list();
    expect(book).toHaveLength(MAX_SAVED_ADDRESSES);
    expect(book.filter((a) => a.isDefault)).toHaveLength(1);
  });
});
