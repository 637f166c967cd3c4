// Migration files: applied once by name, so two files may never share a name, and new files get
// a timestamp prefix of their own (decision 0026). The one pair that landed with the same prefix
// before this check is known and left as it is: both are applied, in name order.
import { describe, expect, test } from 'bun:test';
import { readdirSync } from 'node:fs';
import { migrationsDir } from './migrator';

const GRANDFATHERED = new Set(['20261122100200']);

describe('migration files', () => {
  test('every timestamp prefix is used once (except the one landed pair)', () => {
    const files = readdirSync(migrationsDir)
      .filter((f) => f.endsWith('.ts'))
      .sort();
    const byPrefix = new Map<string, string[]>();
    for (const f of files) {
      const prefix = f.split('_')[0];
      expect(prefix).toMatch(/^\d{14}$/);
      byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), f]);
    }
    const shared = [...byPrefix].filter(([p, fs]) => fs.length > 1 && !GRANDFATHERED.has(p));
    expect(shared).toEqual([]);
    expect(byPrefix.get('20261122100200')).toEqual([
      '20261122100200_tax_rates_reference.ts',
      '20261122100200_v_cart_hold_function.ts',
    ]);
  });
});
