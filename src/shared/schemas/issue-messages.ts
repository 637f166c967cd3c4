// The words for every rule a schema states without its own message: `.max(12)` on a postal code,
// `.min(1)` on a category, a missing field, an unknown sort. zod's defaults ("Too big: expected
// string to have <=12 characters", "Invalid input: expected number, received undefined") reached
// shoppers and sellers in forms and toasts. Installed once as zod's `customError`, from text.ts,
// which every shared schema imports, so the browser's form checks and the server's BAD_REQUEST
// read the same. A message written on the rule itself still wins; this only fills the gaps.
// Issues are worded when parsing ends, with their full path, so the field's name leads the message.
import { z } from 'zod';
import { formatCents } from '../money';

type Issue = z.core.$ZodRawIssue;

/** Field names whose words are not just the key split up. */
const LABELS: Record<string, string> = {
  line1: 'Address line 1',
  line2: 'Address line 2',
  q: 'Search text',
  sku: 'SKU',
  maxChars: 'Character limit',
  minPriceCents: 'Minimum price',
  maxPriceCents: 'Maximum price',
  sort: 'Sort order',
  flatRateCents: 'Flat shipping rate',
  freeOverCents: 'Free shipping threshold',
  categorySlug: 'Category',
  returnsOn: 'Return date',
  idempotencyKey: 'Request key',
};

/** "postalCode" -> "Postal code", "priceCents" -> "Price", "productIds" -> "Product IDs"; no path: "This field". */
export function fieldLabel(path: readonly PropertyKey[] | undefined): string {
  const key = [...(path ?? [])].reverse().find((k): k is string => typeof k === 'string');
  if (!key) return 'This field';
  if (LABELS[key]) return LABELS[key];
  const words = key
    .replace(/Cents$/, '')
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .toLowerCase()
    .replace(/\b(id|url|sku)(s?)\b/g, (_, w: string, s: string) => w.toUpperCase() + s);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const count = (n: number | bigint) => Number(n).toLocaleString('en-US');
const plural = (n: number | bigint, one: string, many: string) => `${count(n)} ${Number(n) === 1 ? one : many}`;
const isMoney = (path: readonly PropertyKey[] | undefined) =>
  [...(path ?? [])].some((k) => typeof k === 'string' && k.endsWith('Cents'));

/** "Address line 2 must be 200 characters or fewer.": the one wording of a length limit, for the
 * messages filled in here and those a schema writes itself with a field's visible label. */
export function tooLongMessage(label: string, max: number | bigint): string {
  return `${label} must be ${plural(max, 'character', 'characters')} or fewer.`;
}

function sizeMessage(iss: Issue & { code: 'too_big' | 'too_small' }, label: string): string {
  const big = iss.code === 'too_big';
  const bound = big ? (iss as { maximum: number | bigint }).maximum : (iss as { minimum: number | bigint }).minimum;
  const inclusive = iss.inclusive !== false;
  switch (iss.origin) {
    case 'string':
      if (big) return tooLongMessage(label, bound);
      if (Number(bound) <= 1) return `${label} is required`;
      return `${label} must be at least ${plural(bound, 'character', 'characters')}`;
    case 'array':
    case 'set':
      if (big) return `No more than ${count(bound)} ${label.toLowerCase()}`;
      return Number(bound) <= 1 ? `${label} cannot be empty` : `At least ${count(bound)} ${label.toLowerCase()}`;
    case 'number':
    case 'int':
    case 'bigint': {
      const shown = isMoney(iss.path) ? formatCents(Number(bound)) : count(bound);
      if (big) return inclusive ? `${label} must be at most ${shown}` : `${label} must be less than ${shown}`;
      if (Number(bound) === 0) return inclusive ? `${label} cannot be negative` : `${label} must be more than 0`;
      return inclusive ? `${label} must be at least ${shown}` : `${label} must be more than ${shown}`;
    }
    case 'date':
      return big ? `${label} is too late` : `${label} is too early`;
    default:
      return big ? `${label} is too large` : `${label} is too small`;
  }
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'yes or no',
  array: 'a list',
  date: 'a date',
};

function issueWords(iss: Issue): string {
  const label = fieldLabel(iss.path);
  switch (iss.code) {
    case 'too_big':
    case 'too_small':
      return sizeMessage(iss, label);
    case 'invalid_type': {
      if (iss.input === undefined || iss.input === null) return `${label} is required`;
      if (iss.expected === 'int') return `${label} must be a whole number`;
      const expected = EXPECTED[iss.expected];
      return expected ? `${label} must be ${expected}` : `${label} is not valid`;
    }
    case 'invalid_format':
      if (iss.format === 'email') return 'Enter a valid email address';
      if (iss.format === 'url') return `${label} must be a web address starting with https://`;
      return `${label} is not in the right format`;
    case 'invalid_value': {
      const values = iss.values.map((v) => String(v));
      if (values.length === 1) return `${label} must be ${values[0]}`;
      return `${label} must be one of ${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
    }
    case 'not_multiple_of':
      return `${label} must be a multiple of ${count(iss.divisor as number)}`;
    case 'unrecognized_keys':
      return `Unexpected ${iss.keys.length === 1 ? 'field' : 'fields'}: ${iss.keys.join(', ')}`;
    default:
      return `${label} is not valid`;
  }
}

/** The human message for an issue raised without one: a sentence, ending with a full stop like
 * every message a shopper reads (the server's BAD_REQUEST and the browser's form check alike). */
export function issueMessage(iss: Issue): string {
  const words = issueWords(iss);
  return /[.!?]$/.test(words) ? words : `${words}.`;
}

z.config({ customError: issueMessage });
