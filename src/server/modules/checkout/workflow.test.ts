import { describe, expect, test } from 'bun:test';
import { createLogger } from '../../logger';
import { type Effect, runWorkflow, type Step, StepResponse } from './workflow';

const log = createLogger('error');

function recorded(events: string[]) {
  const hold: Step<string, string, string> = {
    name: 'hold',
    async invoke(what) {
      events.push(`hold ${what}`);
      return new StepResponse(`${what}-ref`, `${what}-ref`);
    },
    async compensate(ref) {
      events.push(`release ${ref}`);
    },
  };
  const fail: Step<string, never> = {
    name: 'fail',
    async invoke(why) {
      throw new Error(why);
    },
  };
  const announce: Effect<string> = {
    name: 'announce',
    async run(what) {
      events.push(`announce ${what}`);
      throw new Error('announcer down');
    },
  };
  return { hold, fail, announce };
}

describe('workflow', () => {
  test('a failing step undoes the completed ones in reverse, each with the data it returned', async () => {
    const events: string[] = [];
    const { hold, fail } = recorded(events);
    const run = runWorkflow('t', log, async (wf) => {
      await wf.step(hold, 'card');
      await wf.step(hold, 'stock');
      await wf.step(fail, 'commit refused');
    });
    await expect(run).rejects.toThrow('commit refused');
    expect(events).toEqual(['hold card', 'hold stock', 'release stock-ref', 'release card-ref']);
  });

  test('effects run after the steps; a failing effect is logged, never undoes the committed work', async () => {
    const events: string[] = [];
    const { hold, announce } = recorded(events);
    const out = await runWorkflow('t', log, async (wf) => {
      const ref = await wf.step(hold, 'card');
      await wf.effect(announce, ref);
      return ref;
    });
    expect(out).toBe('card-ref');
    expect(events).toEqual(['hold card', 'announce card-ref']);
    const late = runWorkflow('t', log, async (wf) => {
      await wf.effect(announce, 'x');
      await wf.step(hold, 'late');
    });
    await expect(late).rejects.toThrow('after an effect');
  });
});
