// Every message a shared schema writes itself is a sentence: it ends with a full stop (or ! or ?).
// The schemas check the browser's forms and the server's input, so their words reach shoppers and
// sellers as field errors and toasts ("Write a message first" once did). This walks every exported
// schema's definition, collects the message of each rule and refinement, and of the bounds left to
// issue-messages.ts, and requires each to end like a sentence; TEXT_MESSAGES too.
import { describe, expect, test } from 'bun:test';
import { Glob } from 'bun';
import { TEXT_MESSAGES } from './text';
import { variationTableInput } from './variations';

type Def = Record<string, unknown>;
type Node = { _zod?: { def?: Def } };

/** The words a rule was given: a string message is kept by zod as a function of no arguments. */
function messageOf(def: Def | undefined): string | undefined {
  const error = def?.error;
  if (typeof error === 'string') return error;
  if (typeof error !== 'function') return undefined;
  try {
    const out = (error as (issue: unknown) => unknown)({ code: 'custom', path: [], input: undefined });
    if (typeof out === 'string') return out;
    if (out && typeof out === 'object' && typeof (out as { message?: unknown }).message === 'string')
      return (out as { message: string }).message;
  } catch {
    // A message built from the issue (issue-messages.ts) is checked by its own test.
  }
  return undefined;
}

function collect(node: unknown, into: Set<string>, seen = new Set<unknown>()): void {
  if (!node || typeof node !== 'object' || seen.has(node)) return;
  seen.add(node);
  const def = (node as Node)._zod?.def;
  if (!def) return;
  const own = messageOf(def);
  if (own) into.add(own);
  for (const check of (def.checks as Node[] | undefined) ?? []) {
    const m = messageOf(check._zod?.def);
    if (m) into.add(m);
  }
  for (const [key, value] of Object.entries(def)) {
    if (key === 'checks' || key === 'error') continue;
    if (key === 'shape' && value && typeof value === 'object') {
      for (const child of Object.values(value)) collect(child, into, seen);
    } else if (Array.isArray(value)) {
      for (const child of value) collect(child, into, seen);
    } else if (typeof value === 'function' && key === 'getter') {
      collect((value as () => unknown)(), into, seen);
    } else collect(value, into, seen);
  }
}

async function sharedMessages(): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for await (const file of new Glob('*.ts').scan(import.meta.dir)) {
    if (file.endsWith('.test.ts')) continue;
    const mod = await import(`./${file}`);
    for (const [name, value] of Object.entries(mod)) {
      const messages = new Set<string>();
      collect(value, messages);
      for (const m of messages) if (!found.has(m)) found.set(m, `${file.replace(/\.ts$/, '')}.${name}`);
    }
  }
  return found;
}

const SENTENCE_END = /[.!?][”’")]?$/;

describe('messages of the shared schemas are sentences', () => {
  test('every message a schema writes ends with a full stop, ! or ?', async () => {
    const messages = await sharedMessages();
    // The walk reaches the rules' words (a guard that it still finds them).
    expect(messages.size).toBeGreaterThan(20);
    const fragments = [...messages].filter(([m]) => !SENTENCE_END.test(m.trim())).map(([m, where]) => `${where}: ${m}`);
    expect(fragments).toEqual([]);
  });

  test('the variation table’s own checks, worded from the table, end with a full stop', () => {
    const combo = (values: string[]) => ({ values, priceCents: 100, quantity: 1 });
    const tables = [
      { properties: [], combinations: [combo(['S'])] },
      { properties: [{ name: 'Size', values: ['S'] }], combinations: [] },
      {
        properties: [
          { name: 'Size', values: ['S', 's'] },
          { name: 'size', values: ['M'] },
        ],
        combinations: [combo(['S'])],
      },
      {
        properties: [{ name: 'Size', values: ['S'] }],
        combinations: [combo(['XL']), combo(['S', 'M']), combo(['S']), combo(['S'])],
      },
    ];
    const messages = tables.flatMap((t) => variationTableInput.safeParse(t).error?.issues.map((i) => i.message) ?? []);
    expect(messages.length).toBeGreaterThanOrEqual(6);
    for (const m of messages) expect(m).toMatch(SENTENCE_END);
  });

  test('the text primitive’s messages end with a full stop', () => {
    for (const m of Object.values(TEXT_MESSAGES)) expect(m).toMatch(SENTENCE_END);
  });
});
