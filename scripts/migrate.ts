// `bun run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database).
// Connecting through startServices migrates; this script reports and exits.
import { runWithServices } from './lib/run-with-services';

await runWithServices('db:migrate', async () => {
  console.log('database is at the latest migration');
});
