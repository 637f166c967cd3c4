// No validator wording reaches people: every schema in src/shared/schemas is fed values that break
// each of its bounds (too long, too short, negative, fractional, huge, wrong type, missing, unknown
// option, too many items), and no message may read like zod's defaults ("Too big: expected string
// to have <=12 characters"). The same schemas check the browser's forms and the server's input.
import { describe, expect, test } from 'bun:test';
import { Glob } from 'bun';
import type { z } from 'zod';
import { resetPasswordInput } from './account';
import { createAddressInput } from './addresses';
import { addItemInput, MAX_PERSONALIZATION_CHARS } from './cart';
import { shippingAddressSchema } from './checkout';
import { MESSAGE_TEXT_MAX, reportConversationInput, sendMessageInput } from './messaging';
import { updateOrderStatusInput } from './orders';
import { createReviewInput, REVIEW_TEXT_MAX, replyToReviewInput } from './reviews';
import { SEARCH_MAX_QUERY_LENGTH, searchProductsInput } from './search';
import { setVacationInput, VACATION_MESSAGE_MAX } from './shops';
import {
  ANNOUNCEMENT_MAX,
  createSectionInput,
  POLICY_NOTES_MAX,
  SECTION_NAME_MAX,
  updateStorefrontInput,
} from './storefront';
import { combinationInput, variationPropertyInput } from './variations';

const RAW = [
  /Too (big|small)/i,
  /Invalid (input|string|option|element|key|union|format)/i,
  /expected (string|number|int|boolean|array|object|one of|nonoptional|date|bigint)/i,
  /received (undefined|null|string|number|object|boolean|NaN)/i,
  /Unrecognized key/i,
  /[<>]=?\s?\d/,
];

// biome-ignore lint/suspicious/noExplicitAny: the walk reads every kind of zod definition by its fields
type Def = Record<string, any>;
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;
const checkDefs = (d: Def): Def[] => (d.checks ?? []).map((c: { _zod: { def: Def } }) => c._zod.def);

/** Values that break `schema` in every way its definition states, and a few it does not. */
function badValues(schema: unknown, depth = 0): unknown[] {
  const d = defOf(schema);
  if (depth > 8) return [undefined];
  switch (d.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return badValues(d.innerType, depth + 1);
    case 'pipe':
      return [...badValues(d.in, depth + 1), ...badValues(d.out, depth + 1)];
    case 'lazy':
      return badValues(d.getter(), depth + 1);
    case 'string': {
      const out: unknown[] = ['', ' ', 'x', 'x'.repeat(20_001), 42, undefined];
      for (const c of checkDefs(d)) {
        if (c.check === 'max_length') out.push('x'.repeat(c.maximum + 1));
        if (c.check === 'min_length' && c.minimum > 1) out.push('x'.repeat(c.minimum - 1));
        if (c.check === 'length_equals') out.push('x'.repeat(c.length + 1));
      }
      return out;
    }
    case 'number':
    case 'int': {
      const out: unknown[] = [-1, 0, 1.5, 1e15, Number.NaN, 'abc', undefined];
      for (const c of checkDefs(d)) {
        if (c.check === 'less_than') out.push(Number(c.value) + 1);
        if (c.check === 'greater_than') out.push(Number(c.value) - 1);
      }
      return out;
    }
    case 'boolean':
      return ['yes', undefined];
    case 'enum':
    case 'literal':
      return ['no-such-value', undefined];
    case 'array': {
      const items = badValues(d.element, depth + 1);
      const out: unknown[] = ['not a list', undefined, [], ...items.map((v) => [v])];
      for (const c of checkDefs(d)) if (c.check === 'max_length') out.push(Array(c.maximum + 1).fill(items[0]));
      return out;
    }
    case 'object': {
      const out: unknown[] = ['not an object', undefined, {}];
      for (const [key, field] of Object.entries(d.shape as Record<string, unknown>))
        for (const v of badValues(field, depth + 1)) out.push({ [key]: v });
      return out;
    }
    case 'union':
      return (d.options as unknown[]).flatMap((o) => badValues(o, depth + 1));
    default:
      return [undefined, 'x'];
  }
}

async function sharedSchemas(): Promise<[string, z.ZodType][]> {
  const found: [string, z.ZodType][] = [];
  for await (const file of new Glob('*.ts').scan(import.meta.dir)) {
    if (file.endsWith('.test.ts')) continue;
    const mod = await import(`./${file}`);
    for (const [name, value] of Object.entries(mod))
      if (value && typeof value === 'object' && '_zod' in value && 'safeParse' in value)
        found.push([`${file.replace(/\.ts$/, '')}.${name}`, value as z.ZodType]);
  }
  return found;
}

describe('messages of the shared schemas', () => {
  test('no bound of any shared schema answers in zod’s own words', async () => {
    const schemas = await sharedSchemas();
    expect(schemas.length).toBeGreaterThan(50);
    const raw = new Set<string>();
    for (const [name, schema] of schemas) {
      for (const value of badValues(schema)) {
        const result = schema.safeParse(value);
        if (result.success) continue;
        for (const issue of result.error.issues)
          if (RAW.some((re) => re.test(issue.message)))
            raw.add(`${name} ${issue.path.join('.') || '(input)'}: ${issue.message}`);
      }
    }
    expect([...raw]).toEqual([]);
  });

  test('a postal code over 12 characters names the field and the limit, in the form and in the address book', () => {
    const address = { name: 'Ada', line1: '1 Main St', city: 'Leeds', postalCode: 'LS1 4AP-99999', country: 'GB' };
    const form = shippingAddressSchema.safeParse(address);
    expect(form.error?.issues.map((i) => i.message)).toEqual(['Postal code must be 12 characters or fewer.']);
    const server = createAddressInput.safeParse({ address });
    expect(server.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['address.postalCode', 'Postal code must be 12 characters or fewer.'],
    ]);
  });

  test('prices are worded in money, counts and required fields in words', () => {
    const words = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues.map((i) => i.message);
    expect(words(shippingAddressSchema, { name: 'Ada', line1: '1 Main St', city: 'Leeds', country: 'GB' })).toEqual([
      'Postal code is required.',
    ]);
  });
});

// A walk found SKU, password and personalisation still saying "… must be at most N characters",
// the one place the app's wording of a length limit ("… must be N characters or fewer") was not used.
describe('length limits written on the rule itself use the one wording', () => {
  const over = (n: number) => 'x'.repeat(n + 1);
  const cases: [string, z.ZodType, unknown, string][] = [
    [
      'SKU',
      combinationInput,
      { values: ['Small'], priceCents: 1000, quantity: 1, sku: over(64) },
      'SKU must be 64 characters or fewer.',
    ],
    [
      'password',
      resetPasswordInput,
      { token: 'a'.repeat(43), password: over(200) },
      'Password must be 200 characters or fewer.',
    ],
    [
      'personalisation',
      addItemInput,
      { productId: 1, quantity: 1, personalization: over(MAX_PERSONALIZATION_CHARS) },
      'Personalisation must be 1,024 characters or fewer.',
    ],
  ];
  for (const [what, schema, input, message] of cases)
    test(what, () => {
      expect(schema.safeParse(input).error?.issues.map((i) => i.message)).toEqual([message]);
    });
});

// The same walk's second pass: variation names and values said "At most 30 characters" and reviews,
// replies, messages, section names, announcements, policy notes, vacation messages, tracking
// numbers and search text each had their own sentence ("Reviews are at most 2000 characters").
// Each now names its field by the label its form shows, in the one wording.
describe('every other length limit uses the one wording too', () => {
  const over = (n: number) => 'x'.repeat(n + 1);
  const cases: [string, z.ZodType, unknown, string][] = [
    [
      'property name',
      variationPropertyInput,
      { name: over(30), values: ['S'] },
      'Property name must be 30 characters or fewer.',
    ],
    [
      'value',
      variationPropertyInput,
      { name: 'Size', values: ['S', over(40)] },
      'Each value must be 40 characters or fewer.',
    ],
    [
      'review',
      createReviewInput,
      { orderId: 1, productId: 1, rating: 5, text: over(REVIEW_TEXT_MAX) },
      'Review must be 2,000 characters or fewer.',
    ],
    [
      'reply',
      replyToReviewInput,
      { reviewId: 1, text: over(REVIEW_TEXT_MAX) },
      'Reply must be 2,000 characters or fewer.',
    ],
    [
      'message',
      sendMessageInput,
      { conversationId: 1, text: over(MESSAGE_TEXT_MAX) },
      'Message must be 2,000 characters or fewer.',
    ],
    [
      'report details',
      reportConversationInput,
      { conversationId: 1, reason: 'spam', details: over(1000) },
      'Details must be 1,000 characters or fewer.',
    ],
    [
      'section name',
      createSectionInput,
      { shopId: 1, name: over(SECTION_NAME_MAX) },
      'Section name must be 40 characters or fewer.',
    ],
    [
      'announcement',
      updateStorefrontInput,
      { shopId: 1, announcement: over(ANNOUNCEMENT_MAX) },
      'Announcement must be 1,000 characters or fewer.',
    ],
    [
      'policy notes',
      updateStorefrontInput,
      {
        shopId: 1,
        policies: {
          returnsAccepted: false,
          exchangesAccepted: false,
          returnWindowDays: null,
          notes: over(POLICY_NOTES_MAX),
        },
      },
      'Policy notes must be 2,000 characters or fewer.',
    ],
    [
      'vacation message',
      setVacationInput,
      { shopId: 1, on: true, message: over(VACATION_MESSAGE_MAX) },
      'Message for shoppers must be 500 characters or fewer.',
    ],
    [
      'tracking number',
      updateOrderStatusInput,
      { orderId: 1, status: 'shipped', trackingNumber: over(60) },
      'Tracking number must be 60 characters or fewer.',
    ],
    [
      'carrier',
      updateOrderStatusInput,
      { orderId: 1, status: 'shipped', carrier: over(60) },
      'Carrier must be 60 characters or fewer.',
    ],
    [
      'order note',
      updateOrderStatusInput,
      { orderId: 1, status: 'processing', note: over(500) },
      'Note must be 500 characters or fewer.',
    ],
    [
      'search text',
      searchProductsInput,
      { q: over(SEARCH_MAX_QUERY_LENGTH) },
      'Search text must be 200 characters or fewer.',
    ],
  ];
  for (const [what, schema, input, message] of cases)
    test(what, () => {
      expect(schema.safeParse(input).error?.issues.map((i) => i.message)).toEqual([message]);
    });
});
