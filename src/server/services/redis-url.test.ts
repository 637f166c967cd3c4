import { describe, expect, test } from 'bun:test';
import { EnvError, readEnv } from '../env';
import { parseRedisUrl, redactRedisUrl } from './redis-url';

describe('REDIS_URL', () => {
  test('one Redis or a cluster of host:port nodes, with an optional password', () => {
    expect(parseRedisUrl('redis://127.0.0.1:6379')).toEqual({ kind: 'single', url: 'redis://127.0.0.1:6379' });
    expect(parseRedisUrl('redis+cluster://:s3cret@10.0.0.1:7000,redis-b:7001,[::1]:7002/')).toEqual({
      kind: 'cluster',
      nodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: 'redis-b', port: 7001 },
        { host: '::1', port: 7002 },
      ],
      password: 's3cret',
      username: undefined,
    });
    expect(redactRedisUrl('redis+cluster://:s3cret@a:1,b:2')).toBe('redis+cluster://:***@a:1,b:2');
  });

  test('a malformed value stops the app at boot with a readable line', () => {
    for (const bad of [
      'redis+cluster://host-without-port',
      'redis+cluster://a:1,,b:2',
      'http://x:1',
      'nonsense',
      'redis+cluster://a:99999',
    ]) {
      expect(() => readEnv({ REDIS_URL: bad })).toThrow(EnvError);
    }
    expect(readEnv({ REDIS_URL: 'redis+cluster://a:1,b:2' }).REDIS_URL).toBe('redis+cluster://a:1,b:2');
  });
});
