// A use case as a list of typed steps (Medusa's workflow shape). Each step returns its output
// and, separately, exactly what its compensation needs (Medusa's StepResponse), so no step reads
// another's state from a shared bag. When a step fails, the compensations recorded so far run in
// reverse order; their own failures are logged, never thrown over the original error.
// Effects after the point of no return (after commit) are listed too, but they cannot undo the
// use case: a failed effect is logged and left to a job (capture: the payment reconciliation).
import type { Logger } from '../../logger';

export class StepResponse<O, C = never> {
  constructor(
    readonly output: O,
    /** What `compensate` needs to undo this step; absent when there is nothing to undo. */
    readonly compensateWith?: C,
  ) {}
}

export interface Step<I, O, C = never> {
  name: string;
  invoke(input: I): Promise<StepResponse<O, C>>;
  compensate?(data: C): Promise<void>;
}

export interface Effect<I> {
  name: string;
  /** Fire and forget: the caller's answer does not wait for it (still logged on failure). */
  background?: boolean;
  run(input: I): Promise<void>;
}

export interface WorkflowRun {
  step<I, O, C>(step: Step<I, O, C>, input: I): Promise<O>;
  effect<I>(effect: Effect<I>, input: I): Promise<void>;
}

export async function runWorkflow<T>(name: string, log: Logger, body: (run: WorkflowRun) => Promise<T>): Promise<T> {
  const undo: { step: string; compensate: () => Promise<void> }[] = [];
  let committed = false;
  const run: WorkflowRun = {
    async step(step, input) {
      if (committed) throw new Error(`${name}: step ${step.name} after an effect; list steps first`);
      const response = await step.invoke(input);
      const { compensate } = step;
      if (compensate && response.compensateWith !== undefined) {
        const data = response.compensateWith;
        undo.push({ step: step.name, compensate: () => compensate(data) });
      }
      return response.output;
    },
    async effect(effect, input) {
      committed = true;
      const done = effect
        .run(input)
        .catch((err) => log.error({ workflow: name, effect: effect.name, err: String(err) }, 'effect failed'));
      if (!effect.background) await done;
    },
  };
  try {
    return await body(run);
  } catch (err) {
    if (!committed)
      for (const u of undo.reverse()) {
        try {
          await u.compensate();
        } catch (compErr) {
          log.error({ workflow: name, step: u.step, err: String(compErr) }, 'compensation failed');
        }
      }
    throw err;
  }
}
