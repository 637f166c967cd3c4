// One polling helper for tests: waits for a condition, never for a fixed time. The default cap is
// generous because CI shares two cores with PostgreSQL and Meilisearch; a test that needs a
// latency figure reads the returned milliseconds instead of tightening the cap.
export async function waitUntil(
  check: () => Promise<boolean> | boolean,
  {
    timeoutMs = 20_000,
    intervalMs = 20,
    what = 'condition',
  }: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > timeoutMs) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await Bun.sleep(intervalMs);
  }
  return performance.now() - started;
}
