// The world's clock: it only moves forward, one scenario step after another,
// and a run ends once. simulate() drives it; a step that would move the clock
// backwards is refused here as well as by the scenario validator.
import { assign, setup } from 'xstate';

export type WorldEvent = { type: 'clock.advance'; to: number } | { type: 'step.done' } | { type: 'run.finish' };

export const worldMachine = setup({
  types: {
    context: {} as { clock: number; stepsDone: number; steps: number },
    events: {} as WorldEvent,
    input: {} as { steps: number },
  },
  guards: {
    forwardInTime: ({ context, event }) => event.type === 'clock.advance' && event.to >= context.clock,
  },
  actions: {
    advanceClock: assign({ clock: ({ event, context }) => (event.type === 'clock.advance' ? event.to : context.clock) }),
    countStep: assign({ stepsDone: ({ context }) => context.stepsDone + 1 }),
    refuseBackwards: ({ event }) => {
      throw new Error(`the clock cannot go back (to ${event.type === 'clock.advance' ? event.to : '?'})`);
    },
  },
}).createMachine({
  id: 'world',
  context: ({ input }) => ({ clock: 0, stepsDone: 0, steps: input.steps }),
  initial: 'running',
  states: {
    running: {
      on: {
        'clock.advance': [{ guard: 'forwardInTime', actions: 'advanceClock' }, { actions: 'refuseBackwards' }],
        'step.done': { actions: 'countStep' },
        'run.finish': 'finished',
      },
    },
    finished: { type: 'final' },
  },
});
