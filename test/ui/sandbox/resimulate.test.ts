// Re-simulating after edits: only the latest edit's picture is shown; a short
// run is waited for, a long one is ended; undo and redo find their run kept.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../../../src/sim';
import type { PlaySession } from '../../../src/ui/model/session';
import type { SimulationOutcome } from '../../../src/ui/worker/simulateOffThread';

// The worker, scripted: each request waits until the test finishes it; a new request ends the one under way, as the real one does.
interface Run {
  readonly scenario: Scenario;
  readonly finish: (o: SimulationOutcome) => void;
  settled: boolean;
}
const runs: Run[] = [];
let now = 0;
vi.mock('../../../src/ui/worker/simulateOffThread', () => ({
  simulateOffThread: (scenario: Scenario) =>
    new Promise<SimulationOutcome>((resolve) => {
      const under = runs.find((r) => !r.settled);
      if (under) {
        under.settled = true;
        under.finish({ kind: 'cancelled' });
      }
      const run: Run = { scenario, settled: false, finish: (o) => ((run.settled = true), resolve(o)) };
      runs.push(run);
    }),
  cancelSimulation: () => {
    const under = runs.find((r) => !r.settled);
    if (under) under.finish({ kind: 'cancelled' });
  },
}));

const { resimulate, stopResimulating, WAIT_FOR_RUN_MS, KEEP_RESULTS } = await import('../../../src/ui/sandbox/resimulate');

const world = (id: string) => ({ id }) as unknown as Scenario;
const sessionOf = (s: Scenario) => ({ scenario: s }) as unknown as PlaySession;
const done = (run: Run) => run.finish({ kind: 'ok', session: sessionOf(run.scenario), base: run.scenario, variant: null });
const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  stopResimulating();
  runs.length = 0;
  now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
});

describe('edits faster than the worker', () => {
  it('an edit during a short run waits for it, and only the latest edit is simulated and shown', async () => {
    const a = world('a');
    const first = resimulate(a, a);
    now = WAIT_FOR_RUN_MS / 3;
    const b = world('b');
    const second = resimulate(b, b);
    const c = world('c');
    const third = resimulate(c, c);
    expect(runs.map((r) => r.scenario)).toEqual([a]);
    expect(await second).toEqual({ kind: 'superseded' });
    done(runs[0]);
    expect(await first).toEqual({ kind: 'superseded' });
    await flush();
    // b was never run: c followed it before a was done.
    expect(runs.map((r) => r.scenario)).toEqual([a, c]);
    done(runs[1]);
    expect(await third).toMatchObject({ kind: 'ok', session: { scenario: c } });
  });

  it('an edit during a long run ends that run at once', async () => {
    const a = world('a');
    const first = resimulate(a, a);
    now = WAIT_FOR_RUN_MS * 2;
    const b = world('b');
    const second = resimulate(b, b);
    expect(runs.map((r) => r.scenario)).toEqual([a, b]);
    expect(await first).toEqual({ kind: 'superseded' });
    done(runs[1]);
    expect(await second).toMatchObject({ kind: 'ok', session: { scenario: b } });
  });

  it('the user stopping the latest run is reported as cancelled', async () => {
    const a = world('a');
    const first = resimulate(a, a);
    runs[0].finish({ kind: 'cancelled' });
    expect(await first).toEqual({ kind: 'cancelled' });
  });
});

describe('undo and redo', () => {
  it('find the last few runs kept by their data and need no worker', async () => {
    const worlds = Array.from({ length: KEEP_RESULTS + 1 }, (_, i) => world(`w${i}`));
    for (const w of worlds) {
      const pending = resimulate(w, w);
      done(runs[runs.length - 1]);
      await pending;
      now += 1000;
    }
    const count = runs.length;
    expect(await resimulate(worlds[KEEP_RESULTS], worlds[KEEP_RESULTS])).toMatchObject({ kind: 'ok', session: { scenario: worlds[KEEP_RESULTS] } });
    expect(await resimulate(worlds[1], worlds[1])).toMatchObject({ kind: 'ok', session: { scenario: worlds[1] } });
    expect(runs.length).toBe(count);
    // The oldest fell out: it runs again.
    void resimulate(worlds[0], worlds[0]);
    expect(runs.length).toBe(count + 1);
  });
});
