// Unique values under a real race: sellers claiming one shop address at the same moment. Only
// the unique index can decide; the loser gets CONFLICT with a code the form can show, never a 500.
// Every 23505 goes through db/unique-violation.ts, so the same holds for any other unique value.
import { describe, expect, test } from 'bun:test';
import { callProcedure, errorOf, sessionCookie } from '../../abuse/http-client';
import { createApp } from '../../app';
import { domainOf } from '../../test/expect-error';
import { createSeller, createUser, defaultPolicy, unique } from '../../test/factories';
import { testDeps } from '../../test/test-services';

const RACERS = 8;

describe('shop address races', () => {
  test('sellers renaming their shops to one free address at once: one wins, the rest get SLUG_TAKEN', async () => {
    const deps = testDeps();
    const sellers = await Promise.all(Array.from({ length: RACERS }, () => createSeller(deps)));
    const slug = unique('race-').toLowerCase();
    const results = await Promise.allSettled(sellers.map((s) => s.caller.shops.update({ shopId: s.shopId, slug })));
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'fulfilled') continue;
      expect(r.reason.code).toBe('CONFLICT');
      expect(domainOf(r.reason)).toEqual({ code: 'SLUG_TAKEN', details: { field: 'slug' } });
    }
    const holders = await deps.db.selectFrom('shops').select('id').where('slug', '=', slug).execute();
    expect(holders).toHaveLength(1);
  }, 30_000);

  test('new shops claiming one address at once over HTTP: one 200, the rest 409 SLUG_TAKEN, no 500', async () => {
    const deps = testDeps();
    const app = createApp(deps);
    const users = await Promise.all(Array.from({ length: RACERS }, () => createUser(deps)));
    const slug = unique('new-').toLowerCase();
    const outcomes = await Promise.all(
      users.map((u) =>
        callProcedure(
          app,
          'shops.create',
          'mutation',
          { name: 'Racing Pottery', slug, shippingPolicy: defaultPolicy },
          { cookie: sessionCookie(u.sessionId) },
        ),
      ),
    );
    const statuses = outcomes.map((o) => o.status).sort();
    expect(statuses).toEqual([200, ...Array(RACERS - 1).fill(409)]);
    for (const o of outcomes.filter((x) => x.status === 409)) {
      expect(errorOf(o)).toMatchObject({ code: 'CONFLICT', domain: 'SLUG_TAKEN', details: { field: 'slug' } });
    }
    const shops = await deps.db
      .selectFrom('shops')
      .select('owner_id')
      .where(
        'owner_id',
        'in',
        users.map((u) => u.id),
      )
      .execute();
    expect(shops).toHaveLength(1);
  }, 30_000);

  test('one user opening two shops at once: one shop, the other call SHOP_EXISTS', async () => {
    const deps = testDeps();
    const user = await createUser(deps);
    const results = await Promise.allSettled(
      [1, 2, 3, 4].map((i) =>
        user.caller.shops.create({ name: `Twin ${unique(`t${i}`)}`, shippingPolicy: defaultPolicy }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(domainOf(r.reason)?.code).toBe('SHOP_EXISTS');
    const rows = await deps.db.selectFrom('shops').select('id').where('owner_id', '=', user.id).execute();
    expect(rows).toHaveLength(1);
  }, 30_000);
});
