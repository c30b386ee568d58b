// Forking at the moment shown: the past stays frame for frame, the event
// becomes a step of the file, the later steps stay or go as the user chose.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioText, simulate, type Scenario, type Timeline } from '../../../src/sim';
import { forkPoint, forkWith, lastFrameOfStep } from '../../../src/ui/sandbox/forkAt';

function builtin(id: string): Scenario {
  const r = loadScenarioText(id, readFileSync(`scenarios/${id}.json`, 'utf8'));
  if (!r.ok) throw new Error('bad fixture');
  return r.scenario;
}

const sameFrame = (t: Timeline, i: number) => ({ time: t.frames[i].time, step: t.frames[i].step, label: t.frames[i].label, transfers: t.frames[i].transfers });

describe('forking three devices on POP3 at the desktop’s first check', () => {
  const original = builtin('pop3-three-devices');
  const timeline = simulate(original);
  // The first frame of step 4 (the desktop's check at 10:30).
  const frame = timeline.stepStarts[4];

  it('the laptop’s disk failing there keeps every frame up to that step’s end, then goes another way', () => {
    const fork = forkWith({ scenario: original, timeline, frame, event: { do: 'device.diskFail', device: 'laptop' }, keepLater: true });
    if (!fork.ok) throw new Error(JSON.stringify(fork.problems));
    expect(fork.index).toBe(5);
    expect(fork.scenario.steps[5]).toMatchObject({ do: 'device.diskFail', device: 'laptop' });
    expect(fork.scenario.steps.length).toBe(original.steps.length + 1);
    const forked = simulate(fork.scenario);
    const kept = timeline.stepStarts[5];
    for (let i = 0; i < kept; i++) expect(sameFrame(forked, i)).toEqual(sameFrame(timeline, i));
    expect(forked.frames[forked.stepStarts[5]].label).toMatch(/laptop/);
    // The sandbox then shows what the event did: the last frame of the inserted step.
    const shown = lastFrameOfStep(forked, 5);
    expect(forked.frames[shown].step).toBe(5);
    expect(forked.frames[shown + 1]?.step).not.toBe(5);
  });

  it('without the later steps the story ends with the event', () => {
    const fork = forkWith({ scenario: original, timeline, frame, event: { do: 'server.breach' }, keepLater: false });
    if (!fork.ok) throw new Error('fork refused');
    expect(fork.scenario.steps.map((s) => s.do)).toEqual([...original.steps.slice(0, 5).map((s) => s.do), 'server.breach']);
  });

  it('the event happens at the moment shown, never before the step it follows', () => {
    const { minutes } = forkPoint(original, timeline, frame);
    expect(minutes).toBeGreaterThanOrEqual(10 * 60 + 30);
    expect(minutes).toBeGreaterThanOrEqual(Math.ceil(timeline.frames[frame].time));
  });

  it('at the very first frame the event is the first step', () => {
    const fork = forkWith({ scenario: original, timeline, frame: 0, event: { do: 'device.goOffline', device: 'phone' }, keepLater: true });
    if (!fork.ok) throw new Error('fork refused');
    expect(fork.index).toBe(0);
    expect(fork.scenario.steps[0].do).toBe('device.goOffline');
  });

  it('an event the loader refuses comes back as its problems, naming the step', () => {
    const fork = forkWith({ scenario: original, timeline, frame, event: { do: 'device.goOffline', device: 'webmail' }, keepLater: true });
    expect(fork.ok).toBe(false);
    if (!fork.ok) expect(fork.problems[0].path).toBe('steps[5].do');
  });

  it('letting time pass beyond the next step, with the later steps kept, is refused by the loader', () => {
    const fork = forkWith({ scenario: original, timeline, frame, event: { do: 'world.wait' }, keepLater: true, afterMinutes: 24 * 60 });
    expect(fork.ok).toBe(false);
  });
});
