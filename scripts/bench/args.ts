// Command-line flags: --products N (default 100 000), --quick (10 000 products, shorter runs),
// --reuse (keep an existing catalogue of at least N products), --only a,b (scenarios), --no-pages,
// --levels 8,32 (client counts), --duration-ms N (measured time per level; a longer one narrows
// the spread of a ratio between runs).
export interface BenchArgs {
  products: number;
  quick: boolean;
  reuse: boolean;
  only: string[] | null;
  pages: boolean;
  warmupMs: number;
  durationMs: number;
  levels: number[];
  /** `--instances N` (N > 1): search, cart and checkout again through HAProxy in front of N app processes. */
  instances: number;
}

export function parseArgs(argv: string[]): BenchArgs {
  const has = (f: string) => argv.includes(f);
  const value = (f: string) => {
    const i = argv.indexOf(f);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = has('--quick');
  const productsFlag = value('--products');
  const products = productsFlag ? Number(productsFlag) : quick ? 10_000 : 100_000;
  if (!Number.isInteger(products) || products <= 0) throw new Error(`--products must be a positive integer`);
  const only = value('--only');
  const instances = Number(value('--instances') ?? 1);
  const levels = (value('--levels') ?? '1,8,32').split(',').map(Number);
  if (!levels.every((l) => Number.isInteger(l) && l > 0))
    throw new Error('--levels must be positive integers, e.g. 8,32');
  const durationMs = Number(value('--duration-ms') ?? (quick ? 3000 : 8000));
  if (!Number.isInteger(durationMs) || durationMs < 1000) throw new Error('--duration-ms must be at least 1000');
  if (!Number.isInteger(instances) || instances < 1 || instances > 8) throw new Error('--instances must be 1 to 8');
  return {
    products,
    quick,
    reuse: has('--reuse'),
    only: only ? only.split(',') : null,
    pages: !has('--no-pages'),
    warmupMs: quick ? 1000 : 2000,
    durationMs,
    levels,
    instances,
  };
}
