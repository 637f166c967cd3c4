import { describe, expect, test } from 'bun:test';
import { rejection } from '../../test/expect-error';
import { anonymousCaller, createProduct, createSeller } from '../../test/factories';
import { testDeps } from '../../test/test-services';

type Code = Awaited<ReturnType<typeof rejection>>['code'];

async function sectionsOf(shopId: number) {
  return testDeps()
    .db.selectFrom('shop_sections')
    .select(['id', 'name', 'position'])
    .where('shop_id', '=', shopId)
    .orderBy('position')
    .execute();
}

describe('shop sections', () => {
  test('a seller creates, renames, orders and fills sections; the shop page filters by them', async () => {
    const seller = await createSeller();
    const [mug, vase, seconds] = [
      await createProduct(seller, { title: 'Mug' }),
      await createProduct(seller, { title: 'Vase' }),
      await createProduct(seller, { title: 'Wonky mug' }),
    ];
    const c = seller.caller.shops;
    await c.createSection({ shopId: seller.shopId, name: 'Mugs' });
    await c.createSection({ shopId: seller.shopId, name: 'Vases' });
    let sections = await c.createSection({ shopId: seller.shopId, name: 'Secnds' });
    const [mugs, vases, sec] = sections;
    sections = await c.renameSection({ shopId: seller.shopId, sectionId: sec!.id, name: 'Seconds' });
    sections = await c.reorderSections({ shopId: seller.shopId, sectionIds: [sec!.id] });
    expect(sections.map((s) => s.name)).toEqual(['Seconds', 'Mugs', 'Vases']);

    await c.assignSection({ shopId: seller.shopId, sectionId: mugs!.id, productIds: [mug.id, seconds.id] });
    await c.assignSection({ shopId: seller.shopId, sectionId: sec!.id, productIds: [seconds.id] });
    await c.assignSection({ shopId: seller.shopId, sectionId: vases!.id, productIds: [vase.id] });
    const shopper = anonymousCaller().caller;
    expect((await shopper.shops.sections({ shopId: seller.shopId })).map((s) => [s.name, s.listingCount])).toEqual([
      ['Seconds', 1],
      ['Mugs', 1],
      ['Vases', 1],
    ]);
    const inMugs = await shopper.catalog.shopProducts({ shopId: seller.shopId, sectionId: mugs!.id });
    expect(inMugs.items.map((p) => p.id)).toEqual([mug.id]);
    expect((await shopper.catalog.shopProducts({ shopId: seller.shopId })).items).toHaveLength(3);

    // Deleting a section keeps its listings in the shop, in no section.
    await c.deleteSection({ shopId: seller.shopId, sectionId: vases!.id });
    expect((await shopper.catalog.shopProducts({ shopId: seller.shopId })).items).toHaveLength(3);
    expect((await shopper.shops.sections({ shopId: seller.shopId })).map((s) => s.name)).toEqual(['Seconds', 'Mugs']);
  });

  test('bad input and other sellers’ ids: clear errors, nothing written', async () => {
    const seller = await createSeller();
    const other = await createSeller();
    const mine = await createProduct(seller);
    const theirs = await createProduct(other);
    const [section] = await seller.caller.shops.createSection({ shopId: seller.shopId, name: 'Mugs' });
    const [theirSection] = await other.caller.shops.createSection({ shopId: other.shopId, name: 'Bowls' });
    const cases: [string, () => Promise<unknown>, Code, string][] = [
      [
        'duplicate name',
        () => seller.caller.shops.createSection({ shopId: seller.shopId, name: 'MUGS' }),
        'CONFLICT',
        '',
      ],
      [
        'empty name',
        () => seller.caller.shops.createSection({ shopId: seller.shopId, name: '  ' }),
        'BAD_REQUEST',
        'Name the section',
      ],
      [
        'long name',
        () => seller.caller.shops.createSection({ shopId: seller.shopId, name: 'x'.repeat(41) }),
        'BAD_REQUEST',
        'Section name must be 40 characters or fewer.',
      ],
      [
        'another shop’s sections',
        () => other.caller.shops.renameSection({ shopId: seller.shopId, sectionId: section!.id, name: 'Mine' }),
        'FORBIDDEN',
        'your own shop',
      ],
      [
        'their section id under my shop',
        () => seller.caller.shops.renameSection({ shopId: seller.shopId, sectionId: theirSection!.id, name: 'Mine' }),
        'NOT_FOUND',
        'Section not found',
      ],
      [
        'delete their section',
        () => seller.caller.shops.deleteSection({ shopId: seller.shopId, sectionId: theirSection!.id }),
        'NOT_FOUND',
        'Section not found',
      ],
      [
        'their listing into my section',
        () =>
          seller.caller.shops.assignSection({
            shopId: seller.shopId,
            sectionId: section!.id,
            productIds: [mine.id, theirs.id],
          }),
        'NOT_FOUND',
        'not in your shop',
      ],
      [
        'my listing into their section',
        () =>
          seller.caller.shops.assignSection({
            shopId: seller.shopId,
            sectionId: theirSection!.id,
            productIds: [mine.id],
          }),
        'NOT_FOUND',
        'Section not found',
      ],
      [
        'reorder with a foreign id',
        () =>
          seller.caller.shops.reorderSections({ shopId: seller.shopId, sectionIds: [section!.id, theirSection!.id] }),
        'NOT_FOUND',
        'Section not found',
      ],
      [
        'reorder with a missing one',
        () => seller.caller.shops.reorderSections({ shopId: seller.shopId, sectionIds: [] }),
        'BAD_REQUEST',
        'new order',
      ],
    ];
    for (const [what, call, code, message] of cases) {
      const err = await rejection(call()).catch((e) => {
        throw new Error(`${what}: ${e.message}`);
      });
      expect({ what, code: err.code, message: err.message.includes(message) }).toEqual({ what, code, message: true });
    }
    expect((await sectionsOf(seller.shopId)).map((s) => s.name)).toEqual(['Mugs']);
    expect((await sectionsOf(other.shopId)).map((s) => s.name)).toEqual(['Bowls']);
    const sectionOf = async (id: number) =>
      (await testDeps().db.selectFrom('products').select('section_id').where('id', '=', id).executeTakeFirstOrThrow())
        .section_id;
    expect([await sectionOf(mine.id), await sectionOf(theirs.id)]).toEqual([null, null]);
  });

  test('two sections with one name created at the same moment: one wins, the other is a clear conflict', async () => {
    const seller = await createSeller();
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => seller.caller.shops.createSection({ shopId: seller.shopId, name: 'Rings' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as { code: string }).code).toBe('CONFLICT');
    expect(await sectionsOf(seller.shopId)).toHaveLength(1);
  });
});

describe('shop announcement and policies', () => {
  test('a seller sets an announcement and policies; shoppers read them on the shop', async () => {
    const seller = await createSeller();
    const shop = await seller.caller.shops.updateStorefront({
      shopId: seller.shopId,
      announcement: 'Holiday orders ship until Dec 18.\nThank you!',
      policies: {
        returnsAccepted: true,
        exchangesAccepted: false,
        returnWindowDays: 30,
        notes: 'Buyer pays return postage.',
      },
    });
    expect(shop.announcement).toBe('Holiday orders ship until Dec 18.\nThank you!');
    const seen = await anonymousCaller().caller.shops.bySlug({ slug: shop.slug });
    expect(seen.policies).toEqual({
      processingDays: 2,
      returnsAccepted: true,
      exchangesAccepted: false,
      returnWindowDays: 30,
      notes: 'Buyer pays return postage.',
    });
    // Nothing accepted: the window is dropped.
    const none = await seller.caller.shops.updateStorefront({
      shopId: seller.shopId,
      policies: { returnsAccepted: false, exchangesAccepted: false, returnWindowDays: 14, notes: '' },
    });
    expect(none.policies.returnWindowDays).toBeNull();
    expect(none.announcement).toBe('Holiday orders ship until Dec 18.\nThank you!');
  });

  test('bad policies and another seller: clear errors, nothing written', async () => {
    const seller = await createSeller();
    const other = await createSeller();
    const cases: [string, () => Promise<unknown>, Code, string][] = [
      [
        'returns without a window',
        () =>
          seller.caller.shops.updateStorefront({
            shopId: seller.shopId,
            policies: { returnsAccepted: true, exchangesAccepted: false, returnWindowDays: null, notes: '' },
          }),
        'BAD_REQUEST',
        'within how many days',
      ],
      [
        'window of 0 days',
        () =>
          seller.caller.shops.updateStorefront({
            shopId: seller.shopId,
            policies: { returnsAccepted: true, exchangesAccepted: true, returnWindowDays: 0, notes: '' },
          }),
        'BAD_REQUEST',
        'Allow at least 1 day.',
      ],
      [
        'oversize announcement',
        () => seller.caller.shops.updateStorefront({ shopId: seller.shopId, announcement: 'x'.repeat(1001) }),
        'BAD_REQUEST',
        'Announcement must be 1,000 characters or fewer.',
      ],
      [
        'another seller',
        () => other.caller.shops.updateStorefront({ shopId: seller.shopId, announcement: 'Closed forever' }),
        'FORBIDDEN',
        'your own shop',
      ],
    ];
    for (const [what, call, code, message] of cases) {
      const err = await rejection(call()).catch((e) => {
        throw new Error(`${what}: ${e.message}`);
      });
      expect({ what, code: err.code, message: err.message.includes(message) }).toEqual({ what, code, message: true });
    }
    const row = await testDeps()
      .db.selectFrom('shops')
      .select(['announcement', 'returns_accepted', 'return_window_days'])
      .where('id', '=', seller.shopId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ announcement: '', returns_accepted: false, return_window_days: null });
  });
});
