// `bun run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database).
// startServices migrates as part of connecting; this script logs what it applied and exits.
import { readEnv } from '../src/server/env';
import { createLogger } from '../src/server/logger';
import { startServices } from '../src/server/services/start-services';

const env = readEnv();
const services = await startServices(env, createLogger('info')).catch((err: Error) => {
  console.error(`db:migrate: ${err.message}`);
  process.exit(1);
});
console.log('database is at the latest migration');
await services.stop();
