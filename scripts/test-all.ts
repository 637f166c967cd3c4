// The whole check, as CI runs it: typecheck, lint, unit/integration tests, browser tests.
// Each step's output streams through; the last line is `N passed, N failed` over all tests,
// with typecheck and lint counted as one check each.
const steps: { name: string; cmd: string[]; kind: 'check' | 'tests' }[] = [
  { name: 'typecheck', cmd: ['bun', 'run', 'typecheck'], kind: 'check' },
  { name: 'lint', cmd: ['bun', 'run', 'lint'], kind: 'check' },
  { name: 'unit and integration tests', cmd: ['bun', 'test', 'src', '--timeout', '60000'], kind: 'tests' },
  { name: 'browser tests', cmd: ['bun', 'test', 'e2e', '--timeout', '180000'], kind: 'tests' },
];

let passed = 0;
let failed = 0;

async function run(cmd: string[]): Promise<{ code: number; output: string }> {
  const proc = Bun.spawn(cmd, { stdout: 'pipe', stderr: 'pipe', env: process.env });
  let output = '';
  const pump = async (stream: ReadableStream<Uint8Array>, sink: NodeJS.WriteStream) => {
    const decoder = new TextDecoder();
    for await (const chunk of stream) {
      const text = decoder.decode(chunk, { stream: true });
      output += text;
      sink.write(text);
    }
  };
  await Promise.all([pump(proc.stdout, process.stdout), pump(proc.stderr, process.stderr)]);
  return { code: await proc.exited, output };
}

for (const step of steps) {
  console.log(`\n=== ${step.name}: ${step.cmd.join(' ')}`);
  const started = performance.now();
  const { code, output } = await run(step.cmd);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (step.kind === 'check') {
    if (code === 0) passed += 1;
    else failed += 1;
    console.log(`=== ${step.name}: ${code === 0 ? 'ok' : 'FAILED'} (${seconds} s)`);
    continue;
  }
  const pass = Number(/^\s*(\d+) pass\s*$/m.exec(output)?.[1] ?? 0);
  const fail = Number(/^\s*(\d+) fail\s*$/m.exec(output)?.[1] ?? 0);
  passed += pass;
  // A run that crashed before reporting (or exited non-zero with no failures counted) is a failure.
  failed += fail + (code !== 0 && fail === 0 ? 1 : 0);
  console.log(`=== ${step.name}: ${pass} passed, ${fail} failed, exit ${code} (${seconds} s)`);
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
