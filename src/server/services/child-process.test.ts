import { describe, expect, test } from 'bun:test';
import { keepTail, startOnFreePort } from './child-process';
import { findFreePort } from './free-port';

describe('starting an embedded service', () => {
  test('a service that exits at once fails in well under its timeout, with what it printed', async () => {
    const started = Date.now();
    let spawned = 0;
    const failure = await startOnFreePort({
      what: 'Broken service',
      timeoutMs: 60_000,
      spawn: () => {
        spawned += 1;
        const proc = Bun.spawn(['sh', '-c', 'echo "cannot bind: address in use" >&2; exit 3'], { stderr: 'pipe' });
        return { proc, output: keepTail(proc.stderr) };
      },
      ready: async () => false,
    }).catch((err: Error) => err);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toContain('Broken service did not start');
    expect((failure as Error).message).toContain('code 3');
    expect((failure as Error).message).toContain('cannot bind: address in use');
    expect(spawned).toBe(3); // tried again on fresh ports
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  test('a service that dies once is started again on another port', async () => {
    const ports: number[] = [];
    const { port, proc } = await startOnFreePort({
      what: 'Flaky service',
      timeoutMs: 60_000,
      spawn: (port) => {
        ports.push(port);
        const script = ports.length === 1 ? 'exit 1' : 'sleep 30';
        const proc = Bun.spawn(['sh', '-c', script], { stderr: 'pipe' });
        return { proc, output: keepTail(proc.stderr) };
      },
      ready: async (port) => ports.length === 2 && port === ports[1],
    });
    expect(ports).toHaveLength(2);
    expect(ports[0]).not.toBe(ports[1]);
    expect(port).toBe(ports[1]!);
    proc.kill();
  });

  test('ports asked for at the same time are all different', async () => {
    const ports = await Promise.all(Array.from({ length: 40 }, () => findFreePort()));
    expect(new Set(ports).size).toBe(40);
  });
});
