// Progress lines on stderr with the elapsed time, so stdout stays the report.
const started = performance.now();

export function progress(message: string) {
  const s = ((performance.now() - started) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[bench ${s}s] ${message}\n`);
}
