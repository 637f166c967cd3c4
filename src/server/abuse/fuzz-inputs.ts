// Random and malformed inputs for the fuzz test, derived from each procedure's JSON Schema (zod's
// own export) so they get past the first field often enough to reach the services, then break
// one thing at a time: wrong types, boundary numbers, huge or hostile strings, missing or extra keys.
import { z } from 'zod';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: Json[];
  const?: Json;
  anyOf?: Schema[];
  oneOf?: Schema[];
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

/** Small deterministic PRNG (mulberry32), so a failing seed can be replayed. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof prng>;

const hostileStrings = [
  '',
  ' ',
  'a',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR 1=1 --",
  "'; DROP TABLE users; --",
  '%00',
  '\u0000',
  '\ud800',
  '\udfff',
  'mug\u0000',
  '\u0007bell',
  '\u001b[2Jclear',
  'del\u007f',
  'c1\u0085',
  'line\r\nbreak',
  '\ud83d\ude42\ud83d',
  '🙂'.repeat(50),
  'Ω≈ç√∫',
  '../../etc/passwd',
  'x'.repeat(300),
  'y'.repeat(70_000),
  '__proto__',
  'constructor',
  'NaN',
  '1e309',
  '-1',
  '0',
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
  'http://evil.example/x.png',
  'javascript:alert(1)',
  'mugs',
  'tok_visa',
  'tok_chargeDeclined',
  'test@example.test',
  'US',
  'ZZ',
];
/** Characters that used to reach PostgreSQL and answer 500: spliced into otherwise valid strings. */
const hostileCharacters = ['\u0000', '\ud800', '\udc00', '\u0001', '\u0008', '\u001b', '\u007f', '\u009f', '\r'];

const hostileNumbers = [
  0, -1, 1, 2, 3, 0.5, -0.0001, 2_147_483_647, 2_147_483_648, 9_007_199_254_740_991, 1e308, -1e308, 100_000_001,
];

export interface IdPool {
  ids: number[];
}

/** A value meant to satisfy `schema` (often), using real ids so calls reach the services. */
export function plausible(schema: Schema, rng: Rng, pool: IdPool, depth = 0): Json {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return rng.pick(schema.enum);
  const alts = schema.anyOf ?? schema.oneOf;
  if (alts) return plausible(rng.pick(alts), rng, pool, depth);
  const type = Array.isArray(schema.type) ? rng.pick(schema.type) : schema.type;
  switch (type) {
    case 'object': {
      const out: { [k: string]: Json } = {};
      for (const [k, s] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(k) || rng.chance(0.5)) out[k] = plausible(s, rng, pool, depth + 1);
      }
      return out;
    }
    case 'array': {
      const n = rng.int(4);
      return Array.from({ length: n }, () => (schema.items ? plausible(schema.items, rng, pool, depth + 1) : null));
    }
    case 'integer':
    case 'number': {
      if (rng.chance(0.6) && pool.ids.length) return rng.pick(pool.ids);
      const min = schema.minimum ?? 1;
      const max = Math.min(schema.maximum ?? 10_000, min + 10_000);
      return min + rng.int(Math.max(1, max - min + 1));
    }
    case 'boolean':
      return rng.chance(0.5);
    case 'string': {
      if (schema.format === 'uuid') return crypto.randomUUID();
      if (schema.format === 'email') return `fuzz${rng.int(1e9)}@example.test`;
      const len = Math.max(schema.minLength ?? 1, Math.min(schema.maxLength ?? 12, 12));
      const valid = 'abcdefghij'.repeat(2).slice(0, len).padEnd(len, 'k');
      if (!rng.chance(0.08)) return valid;
      const at = rng.int(len + 1);
      return valid.slice(0, at) + rng.pick(hostileCharacters) + valid.slice(at);
    }
    case 'null':
      return null;
    default:
      return rng.pick(hostileStrings);
  }
}

/** Anything at all: the malformed half of the fuzz. */
export function chaos(rng: Rng, depth = 0): Json {
  const r = rng.int(depth > 2 ? 4 : 7);
  switch (r) {
    case 0:
      return rng.pick(hostileStrings);
    case 1:
      return rng.pick(hostileNumbers);
    case 2:
      return rng.pick([null, true, false]);
    case 3:
      return rng.pick(hostileStrings).slice(0, 5);
    case 4:
      return Array.from({ length: rng.int(4) }, () => chaos(rng, depth + 1));
    case 5: {
      const o: { [k: string]: Json } = {};
      for (let i = 0; i < rng.int(4); i++)
        o[rng.pick(['id', 'productId', 'shopId', '__proto__', 'q', 'x'])] = chaos(rng, depth + 1);
      return o;
    }
    default:
      return Array.from({ length: 2000 }, (_, i) => i);
  }
}

/** Breaks one field of a plausible object in a random way. */
export function mutate(value: Json, rng: Rng): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return chaos(rng);
  const keys = Object.keys(value);
  const out: { [k: string]: Json } = { ...value };
  const op = rng.int(5);
  if (op === 0 && keys.length) delete out[rng.pick(keys)];
  else if (op === 1 && keys.length) out[rng.pick(keys)] = chaos(rng);
  else if (op === 2) out[rng.pick(['extra', '__proto__', 'constructor', 'userId', 'isAdmin'])] = chaos(rng);
  else if (op === 3 && keys.length) {
    const k = rng.pick(keys);
    const v = out[k];
    out[k] =
      typeof v === 'number' ? rng.pick(hostileNumbers) : typeof v === 'string' ? rng.pick(hostileStrings) : chaos(rng);
  } else if (keys.length) out[rng.pick(keys)] = mutate(out[rng.pick(keys)] ?? {}, rng);
  return out;
}

/** The procedure's own input schema: the last one (ownership procedures put their id schema first). */
export function inputSchema(inputs: unknown[]): Schema | null {
  const own = inputs.at(-1);
  if (!own || !(own instanceof z.ZodType)) return null;
  try {
    return z.toJSONSchema(own, { io: 'input', unrepresentable: 'any' }) as Schema;
  } catch {
    return null;
  }
}

/** Cookie headers a browser extension, a proxy or an attacker might send: undecodable, forged, huge. */
export const malformedCookies = [
  'hearth_guest=%',
  'hearth_session=%ZZ',
  'hearth_guest=%ZZ; hearth_session=%',
  'hearth_session=%E0%A4%A',
  'hearth_session=%00%00',
  `hearth_guest=${'A'.repeat(43)}.forged-signature`,
  `hearth_guest=${'g'.repeat(64)}`,
  `hearth_session=${'s'.repeat(10_000)}`,
  'hearth_session=a; hearth_session=%; hearth_session=b',
  'hearth_session',
  '=; ;;=%; =%ZZ',
  'hearth_guest="%"',
];
