// Frame states rebuilt from a snapshot going backwards equal those read going
// forwards: the timeline's snapshots and ops rebuild every state exactly.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/sim/run/simulate';
import { stateToJSON } from '../../../src/sim/run/serialize';
import { cases } from '../builtinCases';

describe('the same scenario gives the same timeline', () => {
  it('frame states read backwards equal frame states read forwards (snapshots rebuild exactly)', () => {
    for (const { file, scenario } of cases.filter((c) => c.variant === null)) {
      const forwards = simulate(scenario).frames.map((f) => JSON.stringify(stateToJSON(f.state)));
      const backwards = simulate(scenario);
      for (let i = backwards.frames.length - 1; i >= 0; i--) expect(JSON.stringify(stateToJSON(backwards.frames[i].state)), `${file}, frame ${i}`).toBe(forwards[i]);
    }
  }, 600_000);
});
