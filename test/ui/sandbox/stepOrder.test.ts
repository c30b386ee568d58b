// Moving steps keeps the story in time order: a moved step takes the time of
// the step it passes when its own would break the order; a step given another
// time moves to its place. The loader then names any step the move broke.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioData } from '../../../src/sim';
import { moveStep, outOfOrder, placeByTime } from '../../../src/ui/sandbox/stepOrder';

const s = (at: string, name: string) => ({ at, do: 'world.wait', name });
const names = (steps: readonly { name?: unknown }[]) => steps.map((x) => x.name);

describe('moving a step earlier or later', () => {
  const steps = [s('day 1, 07:00', 'a'), s('day 1, 09:00', 'b'), s('day 1, 09:00', 'c'), s('day 2, 08:00', 'd')];

  it('moved earlier past a step with an earlier time, it takes that time', () => {
    const r = moveStep(steps, 1, -1);
    expect(names(r.steps)).toEqual(['b', 'a', 'c', 'd']);
    expect(r.index).toBe(0);
    expect(r.steps[0].at).toBe('day 1, 07:00');
    expect(r.steps[1].at).toBe('day 1, 07:00');
  });

  it('moved later past a step with a later time, it takes that time', () => {
    const r = moveStep(steps, 2, 1);
    expect(names(r.steps)).toEqual(['a', 'b', 'd', 'c']);
    expect(r.steps[3].at).toBe('day 2, 08:00');
  });

  it('past a step at the same time, only the order changes', () => {
    const r = moveStep(steps, 2, -1);
    expect(names(r.steps)).toEqual(['a', 'c', 'b', 'd']);
    expect(r.steps.map((x) => x.at)).toEqual(steps.map((x) => x.at));
  });

  it('the first cannot go earlier, the last not later', () => {
    expect(moveStep(steps, 0, -1)).toEqual({ steps, index: 0 });
    expect(moveStep(steps, 3, 1)).toEqual({ steps, index: 3 });
  });
});

describe('a step given another time', () => {
  it('moves the least distance to its place (not past a step at the same time)', () => {
    const steps = [s('day 1, 07:00', 'a'), s('day 1, 09:00', 'b'), s('day 1, 10:00', 'c'), s('day 1, 12:00', 'd')];
    const later = [...steps];
    later[0] = s('day 1, 10:00', 'a');
    expect(outOfOrder(later, 0)).toBe(true);
    const r = placeByTime(later, 0);
    expect(names(r.steps)).toEqual(['b', 'a', 'c', 'd']);
    expect(r.index).toBe(1);
    const earlier = [...steps];
    earlier[3] = s('day 1, 08:00', 'd');
    expect(names(placeByTime(earlier, 3).steps)).toEqual(['a', 'd', 'b', 'c']);
  });

  it('stays where it is while its time is not valid (being typed)', () => {
    const steps = [s('day 1, 07:00', 'a'), s('day 1, 1', 'b'), s('day 1, 06:00', 'c')];
    expect(placeByTime(steps, 1)).toEqual({ steps, index: 1 });
  });
});

describe('a move that breaks the story is named at the step', () => {
  it('three devices on POP3: the desktop checking before m3 arrived changes nothing, but reading m3 before it arrived is refused there', () => {
    const data = JSON.parse(readFileSync('scenarios/pop3-three-devices.json', 'utf8'));
    const read = { at: 'day 1, 10:40', do: 'device.read', device: 'desktop', mail: 'm3' };
    data.steps.splice(5, 0, read);
    expect(loadScenarioData('x', data).ok).toBe(true);
    // Three steps earlier: before the desktop's check and before m3 arrived.
    let steps = data.steps;
    for (const i of [5, 4, 3]) steps = moveStep(steps, i, -1).steps;
    expect(steps[2]).toMatchObject({ do: 'device.read', at: 'day 1, 09:00' });
    const r = loadScenarioData('x', { ...data, steps });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toContainEqual(expect.objectContaining({ path: 'steps[2].mail', message: expect.stringContaining('no mail "m3"') }));
  });
});
