// REDIS_URL names one Redis (`redis://[:password@]host:port[/db]`, `rediss://` for TLS) or a
// Redis Cluster (decision 0103): `redis+cluster://[:password@]host:port,host:port,...`, any
// reachable subset of the cluster's nodes (ioredis discovers the rest and follows failovers).
export type RedisTarget =
  | { kind: 'single'; url: string }
  | { kind: 'cluster'; nodes: { host: string; port: number }[]; password?: string; username?: string };

export class RedisUrlError extends Error {}

const CLUSTER_SCHEME = 'redis+cluster://';

export function parseRedisUrl(url: string): RedisTarget {
  if (!url.startsWith(CLUSTER_SCHEME)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new RedisUrlError('is not a URL (redis://host:port or redis+cluster://host:port,host:port)');
    }
    if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:')
      throw new RedisUrlError(`scheme must be redis://, rediss:// or redis+cluster://, not ${parsed.protocol}//`);
    return { kind: 'single', url };
  }
  let rest = url.slice(CLUSTER_SCHEME.length).replace(/\/+$/, '');
  let username: string | undefined;
  let password: string | undefined;
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    const auth = rest.slice(0, at);
    rest = rest.slice(at + 1);
    const colon = auth.indexOf(':');
    username = decodeURIComponent(colon >= 0 ? auth.slice(0, colon) : auth) || undefined;
    password = colon >= 0 ? decodeURIComponent(auth.slice(colon + 1)) : undefined;
  }
  const nodes = rest.split(',').map((hostPort) => {
    const m = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(hostPort.trim());
    const port = Number(m?.[2]);
    if (!m || port < 1 || port > 65535) throw new RedisUrlError(`cluster node "${hostPort}" is not host:port`);
    return { host: m[1]!.replace(/^\[|\]$/g, ''), port };
  });
  return { kind: 'cluster', nodes, password, username };
}

/** The URL with any password hidden, for logs and error messages. */
export function redactRedisUrl(url: string): string {
  return url.replace(/\/\/([^@/]*):[^@/]*@/, '//$1:***@');
}
