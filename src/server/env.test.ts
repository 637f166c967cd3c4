// The embedded PostgreSQL's durability follows NODE_ENV: production always runs on PostgreSQL's
// safe defaults and refuses to be told otherwise; development and tests may trade it for speed.
import { describe, expect, test } from 'bun:test';
import { defaultPoolSize } from './db/kysely';
import { EnvError, embeddedPostgresDurability, readEnv } from './env';

const SECRET = 'x'.repeat(40);

describe('embedded PostgreSQL durability', () => {
  test('production is safe; development and test default to fast and may ask for safe', () => {
    expect(embeddedPostgresDurability(readEnv({ NODE_ENV: 'production', SESSION_SECRET: SECRET }))).toBe('safe');
    expect(embeddedPostgresDurability(readEnv({ NODE_ENV: 'development' }))).toBe('fast');
    expect(embeddedPostgresDurability(readEnv({ NODE_ENV: 'test' }))).toBe('fast');
    expect(embeddedPostgresDurability(readEnv({ NODE_ENV: 'test', PG_DURABILITY: 'safe' }))).toBe('safe');
  });

  test('production refuses PG_DURABILITY=fast at boot, naming the variable', () => {
    expect(() => readEnv({ NODE_ENV: 'production', SESSION_SECRET: SECRET, PG_DURABILITY: 'fast' })).toThrow(EnvError);
    expect(() => readEnv({ NODE_ENV: 'production', SESSION_SECRET: SECRET, PG_DURABILITY: 'fast' })).toThrow(
      /PG_DURABILITY/,
    );
  });
});

describe('mail settings', () => {
  test('SMTP_URL takes smtp:// and smtps:// URLs, empty means unset, anything else stops the boot', () => {
    expect(readEnv({ SMTP_URL: 'smtp://user:pw@mail.example:587' }).SMTP_URL).toBe('smtp://user:pw@mail.example:587');
    expect(readEnv({ SMTP_URL: 'smtps://mail.example:465' }).SMTP_URL).toBe('smtps://mail.example:465');
    expect(readEnv({ SMTP_URL: '' }).SMTP_URL).toBeUndefined();
    expect(() => readEnv({ SMTP_URL: 'http://mail.example' })).toThrow(/SMTP_URL/);
    expect(() => readEnv({ SMTP_URL: 'not a url' })).toThrow(/SMTP_URL/);
    expect(readEnv({}).MAIL_FROM).toBe('Hearth <no-reply@hearth.test>');
  });
});

describe('database pool size', () => {
  test('DATABASE_POOL_SIZE takes a whole number from 2 to 200; unset means twice the cores, at least 4', () => {
    expect(readEnv({ DATABASE_POOL_SIZE: '12' }).DATABASE_POOL_SIZE).toBe(12);
    expect(readEnv({}).DATABASE_POOL_SIZE).toBeUndefined();
    for (const bad of ['0', '1', '201', '4.5', 'many'])
      expect(() => readEnv({ DATABASE_POOL_SIZE: bad })).toThrow(/DATABASE_POOL_SIZE/);
    expect(defaultPoolSize(1)).toBe(4);
    expect(defaultPoolSize(2)).toBe(4);
    expect(defaultPoolSize(8)).toBe(16);
  });
});
