// Seeds a small demo catalogue on first boot of an empty database and prints demo logins, so
// `bun dev` on a fresh machine opens onto a shop floor rather than an empty page.
import type { AppDeps } from '../deps';
import { DEMO_BUYER_EMAIL, DEMO_PASSWORD, DEMO_SELLER_EMAIL, seedCatalogue } from './seed-catalogue';

export const DEMO_SEED = { seed: 42, shops: 24, products: 1200 } as const;

export async function seedDemoIfEmpty(deps: AppDeps): Promise<void> {
  const row = await deps.db.selectFrom('products').select('id').limit(1).executeTakeFirst();
  if (row) return;
  deps.log.info(DEMO_SEED, 'empty database: seeding the demo catalogue');
  const result = await seedCatalogue(deps, { ...DEMO_SEED, onlyIfEmpty: true, demoAccounts: true });
  if (result.skipped) return; // another instance seeded it first
  deps.log.info({ ...result.counts, ms: result.timings.total, indexed: result.indexed }, 'demo catalogue seeded');
  const content = [
    'Hearth demo data is ready. Sign in with:',
    `  buyer   ${result.demo.buyer ?? DEMO_BUYER_EMAIL}  /  ${DEMO_PASSWORD}`,
    `  seller  ${result.demo.seller ?? DEMO_SELLER_EMAIL}  /  ${DEMO_PASSWORD}`,
  ];
  const width = Math.max(...content.map((l) => l.length)) + 4;
  const lines = [
    '',
    `  ┌${'─'.repeat(width)}┐`,
    ...content.map((l) => `  │  ${l.padEnd(width - 2)}│`),
    `  └${'─'.repeat(width)}┘`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
