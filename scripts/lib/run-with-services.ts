// Shared shell of the command-line scripts: read the environment, start or connect the services
// exactly as the app does, run the work, stop what was started, and turn failures into one line.
import type { AppDeps } from '../../src/server/deps';
import { EnvError, readEnv } from '../../src/server/env';
import { createLogger } from '../../src/server/logger';
import { ServiceStartError, startServices } from '../../src/server/services/start-services';

export async function runWithServices(name: string, work: (deps: AppDeps) => Promise<void>): Promise<never> {
  try {
    const env = readEnv();
    const services = await startServices(env, createLogger(env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL));
    try {
      await work(services.deps);
    } finally {
      await services.stop();
    }
    process.exit(0);
  } catch (err) {
    if (err instanceof EnvError || err instanceof ServiceStartError) console.error(`\n${name}: ${err.message}`);
    else console.error(`\n${name}: failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  }
}
