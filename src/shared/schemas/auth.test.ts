// Sign in and Create an account: every message a field can show is a whole sentence ending with a
// period ("Enter your password.", not "Password is required"). The same schemas check the browser's
// forms and the server's input, so this is what both say.
import { describe, expect, test } from 'bun:test';
import type { z } from 'zod';
import { loginInput, registerInput } from './auth';

const messages = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
};
const long = (n: number) => 'a'.repeat(n);

describe('sign-in and create-account messages', () => {
  test('Sign in: empty, malformed and too long', () => {
    expect(messages(loginInput, { email: '', password: '' })).toEqual({
      email: 'Enter your email address.',
      password: 'Enter your password.',
    });
    expect(messages(loginInput, { email: 'rita.example', password: 'x' })).toEqual({
      email: 'Enter a valid email address, like name@example.com.',
    });
    expect(messages(loginInput, { email: `${long(250)}@example.com`, password: long(201) })).toEqual({
      email: 'Your email address must be 254 characters or fewer.',
      password: 'Your password must be 200 characters or fewer.',
    });
  });

  test('Create an account: empty, malformed, short and too long', () => {
    expect(messages(registerInput, { name: ' ', email: '', password: '' })).toEqual({
      name: 'Enter your name.',
      email: 'Enter your email address.',
      password: 'Your password must be at least 8 characters.',
    });
    expect(messages(registerInput, { name: long(101), email: 'rita@', password: long(201) })).toEqual({
      name: 'Your name must be 100 characters or fewer.',
      email: 'Enter a valid email address, like name@example.com.',
      password: 'Your password must be 200 characters or fewer.',
    });
  });

  test('every message is a sentence: a capital first, a period last', () => {
    const bad = [
      { email: '', password: '', name: '' },
      { email: 'x', password: 'short', name: long(101) },
      { email: `${long(260)}@x.io`, password: long(201), name: 'Rita' },
    ];
    const all = bad.flatMap((input) => [
      ...Object.values(messages(loginInput, input)),
      ...Object.values(messages(registerInput, input)),
    ]);
    expect(all.length).toBeGreaterThan(8);
    expect(all.filter((m) => !/^[A-Z].*\.$/.test(m))).toEqual([]);
  });
});
