// bun test preload: real services once for the whole run, stopped at the end.
import { afterAll } from 'bun:test';
import { startTestServices, stopTestServices } from './test-services';

await startTestServices();
afterAll(async () => {
  await stopTestServices();
});
