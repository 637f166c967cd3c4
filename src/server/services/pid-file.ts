// Pid files for embedded services, so a crashed or killed app does not leave a stale server
// holding the data directory (Meilisearch locks it) when it starts again.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

/** Whether a process with this pid is running (signal 0 checks without touching it). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function killStale(pidFile: string): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (pid > 1 && alive(pid)) {
    process.kill(pid, 'SIGTERM');
    for (let i = 0; i < 50 && alive(pid); i++) await Bun.sleep(100);
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
  rmSync(pidFile, { force: true });
}

export function writePid(pidFile: string, pid: number) {
  writeFileSync(pidFile, String(pid));
}
