// Starts the background jobs that run in the app process (each is safe with several instances).
import type { AppDeps } from '../deps';

export interface Job {
  name: string;
  stop(): Promise<void>;
}

export function startJobs(_deps: AppDeps): Job[] {
  return [];
}

export async function stopJobs(jobs: Job[]) {
  await Promise.allSettled(jobs.map((j) => j.stop()));
}
