// A use case as a list of steps, each with an optional compensation (the Medusa workflow shape).
// When a step fails, the compensations of the steps that completed run in reverse order; their
// own failures are logged, never thrown over the original error.
import type { Logger } from '../../logger';

export interface Step<S> {
  name: string;
  invoke(state: S): Promise<void>;
  compensate?(state: S): Promise<void>;
}

export async function runSteps<S>(state: S, steps: readonly Step<S>[], log: Logger): Promise<S> {
  const done: Step<S>[] = [];
  for (const step of steps) {
    try {
      await step.invoke(state);
      done.push(step);
    } catch (err) {
      for (const previous of done.reverse()) {
        if (!previous.compensate) continue;
        try {
          await previous.compensate(state);
        } catch (compErr) {
          log.error({ step: previous.name, err: String(compErr) }, 'compensation failed');
        }
      }
      throw err;
    }
  }
  return state;
}
