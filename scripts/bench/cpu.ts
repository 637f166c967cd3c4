// CPU time per process group, read from /proc: each group is a root pid and every process under
// it (PostgreSQL forks a backend per connection). A process's utime+stime+cutime+cstime counts
// itself and its reaped children, so backends that exit mid-scenario are still counted (in the
// postmaster's cutime). Linux only; elsewhere the meter reports nothing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const TICKS_PER_SECOND = (() => {
  try {
    const out = Bun.spawnSync(['getconf', 'CLK_TCK']).stdout.toString().trim();
    return Number(out) || 100;
  } catch {
    return 100;
  }
})();

interface ProcStat {
  ppid: number;
  /** utime + stime */
  own: number;
  /** cutime + cstime: children already reaped */
  reaped: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may contain spaces: split after the last ')'.
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), own: Number(f[11]) + Number(f[12]), reaped: Number(f[13]) + Number(f[14]) };
  } catch {
    return null;
  }
}

function allProcesses(): Map<number, ProcStat> {
  const out = new Map<number, ProcStat>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const s = readStat(pid);
    if (s) out.set(pid, s);
  }
  return out;
}

/** A named process to meter: its whole tree, or (`selfOnly`) just itself, not its children. */
export interface MeteredProcess {
  name: string;
  pid: number;
  selfOnly?: boolean;
}

export type CpuSnapshot = Record<string, number>;

export class CpuMeter {
  constructor(readonly processes: MeteredProcess[]) {}

  static available(): boolean {
    return existsSync('/proc/self/stat');
  }

  /** CPU milliseconds used so far by each group. */
  snapshot(): CpuSnapshot {
    if (!CpuMeter.available()) return {};
    const procs = allProcesses();
    const children = new Map<number, number[]>();
    for (const [pid, s] of procs) children.set(s.ppid, [...(children.get(s.ppid) ?? []), pid]);
    const snap: CpuSnapshot = {};
    for (const p of this.processes) {
      const root = procs.get(p.pid);
      if (!root) continue;
      let ticks = 0;
      if (p.selfOnly) ticks = root.own;
      else {
        const stack = [p.pid];
        while (stack.length) {
          const pid = stack.pop()!;
          const s = procs.get(pid);
          if (!s) continue;
          ticks += s.own + s.reaped;
          stack.push(...(children.get(pid) ?? []));
        }
      }
      // Several processes may share a name (three app instances): their time adds up.
      snap[p.name] = (snap[p.name] ?? 0) + (ticks * 1000) / TICKS_PER_SECOND;
    }
    return snap;
  }

  static diff(before: CpuSnapshot, after: CpuSnapshot): CpuSnapshot {
    const out: CpuSnapshot = {};
    for (const [name, ms] of Object.entries(after)) if (name in before) out[name] = Math.max(0, ms - before[name]);
    return out;
  }
}

/** The pid a service wrote to its pid file (PostgreSQL: first line of postmaster.pid). */
export function pidFromFile(dataDir: string, ...path: string[]): number | null {
  const file = join(dataDir, ...path);
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]?.trim());
  return Number.isInteger(pid) && pid > 1 ? pid : null;
}
