// Production client build: bundles src/client/index.html (HTML entrypoint) into dist/client with
// minification and code splitting (each route module and the dashboard's chart library are their
// own chunks). Prints every output with its gzipped size and the initial-load JS total.
import { rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = resolve(import.meta.dir, '..');
const outdir = resolve(root, 'dist/client');
const INITIAL_JS_BUDGET_GZ = 200 * 1024;

rmSync(outdir, { recursive: true, force: true });
const started = performance.now();
const result = await Bun.build({
  entrypoints: [resolve(root, 'src/client/index.html')],
  outdir,
  target: 'browser',
  minify: true,
  splitting: true,
  sourcemap: 'linked',
  publicPath: '/',
  naming: { entry: '[dir]/[name].[ext]', chunk: 'assets/[name]-[hash].[ext]', asset: 'assets/[name]-[hash].[ext]' },
  define: { 'process.env.NODE_ENV': '"production"' },
});
if (!result.success) {
  for (const log of result.logs) console.error(log);
  process.exit(1);
}

const html = await Bun.file(resolve(outdir, 'index.html')).text();
const initial = new Set<string>();
for (const m of html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)) initial.add(m[1]);

// Follow static imports from the entry scripts: those chunks load before first render too.
const files = new Map<string, Uint8Array>();
for (const out of result.outputs) files.set(relative(outdir, out.path), new Uint8Array(await out.arrayBuffer()));
const queue = [...initial].filter((f) => f.endsWith('.js'));
while (queue.length) {
  const file = queue.pop() as string;
  const text = new TextDecoder().decode(files.get(file) ?? new Uint8Array());
  for (const m of text.matchAll(/(?:import|from)\s*["']\/?(assets\/[^"']+\.js)["']/g)) {
    if (!initial.has(m[1])) {
      initial.add(m[1]);
      queue.push(m[1]);
    }
  }
}

let initialJs = 0;
let initialCss = 0;
const rows = [...files.entries()]
  .filter(([name]) => !name.endsWith('.map'))
  .map(([name, bytes]) => ({ name, raw: bytes.byteLength, gz: gzipSync(bytes).byteLength, initial: initial.has(name) }))
  .sort((a, b) => b.gz - a.gz);
for (const r of rows) {
  if (r.initial && r.name.endsWith('.js')) initialJs += r.gz;
  if (r.initial && r.name.endsWith('.css')) initialCss += r.gz;
}
// Precompressed copies next to each text asset: the server sends .br or .gz by Accept-Encoding
// (hono serveStatic `precompressed`), so no response is compressed at request time.
for (const [name, bytes] of files) {
  if (!/\.(js|css|html|svg|json)$/.test(name)) continue;
  const target = resolve(outdir, name);
  await Bun.write(`${target}.gz`, gzipSync(bytes, { level: 9 }));
  await Bun.write(`${target}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
console.log(
  `built ${rows.length} files into ${relative(root, outdir)} in ${Math.round(performance.now() - started)} ms\n`,
);
for (const r of rows)
  console.log(`${r.initial ? '*' : ' '} ${r.name.padEnd(48)} ${kb(r.raw).padStart(10)}  gz ${kb(r.gz).padStart(9)}`);
console.log(
  `\n* = loaded on first visit. Initial JS ${kb(initialJs)} gzipped (budget ${kb(INITIAL_JS_BUDGET_GZ)}), CSS ${kb(initialCss)} gzipped.`,
);
if (initialJs > INITIAL_JS_BUDGET_GZ) {
  console.error('Initial JS is over budget.');
  process.exit(1);
}
