// The one primitive every string input is built from (names, titles, tags, reviews, notes,
// addresses, search, emails, URLs, passwords). PostgreSQL refuses U+0000 in text, and a lone
// surrogate has no UTF-8 encoding, so either used to reach the database and answer 500 — in
// checkout.place after the card was authorised. They are refused here instead, with a 400 that
// names the field. Other control characters (escape sequences, DEL, C1 codes) have no place in
// text other people read, and text is stored in NFC so "é" typed on two keyboards is one string
// for search, slugs and uniqueness. Each `text()` is a plain ZodString, so callers chain
// `.min()`, `.max()`, `.regex()`, `.toLowerCase()` as before and messages stay their own.
import { z } from 'zod';
// Installs human wording for bounds stated without a message (every schema imports this file).
import './issue-messages';

/** An unpaired UTF-16 surrogate: with the `u` flag a valid pair reads as one code point, not Cs. */
const LONE_SURROGATE = /\p{Cs}/u;
/** Every control character (C0, DEL, C1). */
const ANY_CONTROL = /\p{Cc}/u;
/** Control characters except tab and newline, for multi-line text. */
const CONTROL_EXCEPT_TAB_NEWLINE = /[^\P{Cc}\t\n]/u;

export const TEXT_MESSAGES = {
  invalidUnicode: 'Contains an invalid character (broken Unicode); please retype it.',
  control: 'Contains a control character that is not allowed.',
} as const;

export interface TextOptions {
  /** Allow tab and newline (descriptions, reviews, notes). Single-line text allows neither. */
  multiline?: boolean;
  /** Trim surrounding whitespace; off only for secrets, where every character counts. */
  trim?: boolean;
}

/** Returns the reason `value` is not acceptable text, or null. Exported for non-zod callers. */
export function textProblem(value: string, { multiline = false }: Pick<TextOptions, 'multiline'> = {}): string | null {
  if (LONE_SURROGATE.test(value)) return TEXT_MESSAGES.invalidUnicode;
  if ((multiline ? CONTROL_EXCEPT_TAB_NEWLINE : ANY_CONTROL).test(value)) return TEXT_MESSAGES.control;
  return null;
}

export function text({ multiline = false, trim = true }: TextOptions = {}) {
  let schema = z.string();
  // Windows line ends become \n before the check, so a pasted paragraph is not refused for its \r.
  if (multiline) schema = schema.overwrite((v) => v.replace(/\r\n?/g, '\n'));
  if (trim) schema = schema.trim();
  return schema
    .check((ctx) => {
      const problem = textProblem(ctx.value, { multiline });
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value, continue: false });
    })
    .normalize('NFC');
}
