// "Reload now" reloads only once the new version is in charge, and always reloads.
import { describe, expect, it } from 'vitest';
import { SKIP_WAITING, STILL_HERE_MS, TAKE_OVER_LIMIT_MS, takeOverThenReload, type WaitingWorker } from '../../../src/ui/offline/takeOver';

class FakeWorker implements WaitingWorker {
  state = 'installed';
  messages: unknown[] = [];
  private listeners: (() => void)[] = [];
  postMessage(message: unknown) {
    this.messages.push(message);
  }
  addEventListener(_type: 'statechange', listener: () => void) {
    this.listeners.push(listener);
  }
  becomes(state: string) {
    this.state = state;
    for (const l of this.listeners) l();
  }
}

function harness(worker: WaitingWorker | null | 'throws') {
  const log = { reloads: 0, timers: [] as { job: () => void; ms: number }[] };
  const parts = {
    waiting: () => (worker === 'throws' ? Promise.reject(new Error('blocked')) : Promise.resolve(worker)),
    reload: () => void log.reloads++,
    setTimer: (job: () => void, ms: number) => void log.timers.push({ job, ms }),
  };
  return { log, parts };
}

describe('reload into the new version (takeOver.ts)', () => {
  it('asks the waiting worker to take over and reloads only when it is activated', async () => {
    const worker = new FakeWorker();
    const { log, parts } = harness(worker);
    await takeOverThenReload(parts);
    expect(worker.messages).toEqual([SKIP_WAITING]);
    expect(log.reloads).toBe(0);
    worker.becomes('activating');
    expect(log.reloads).toBe(0);
    worker.becomes('activated');
    expect(log.reloads).toBe(1);
  });

  it('reloads once, even when the limit runs out after the take-over', async () => {
    const worker = new FakeWorker();
    const { log, parts } = harness(worker);
    await takeOverThenReload(parts);
    worker.becomes('activated');
    log.timers[0].job();
    expect(log.reloads).toBe(1);
  });

  it('does not interrupt the reload under way when the take-over comes after the limit; reloads again if the page is still here', async () => {
    const worker = new FakeWorker();
    const { log, parts } = harness(worker);
    await takeOverThenReload(parts);
    log.timers[0].job();
    expect(log.reloads).toBe(1);
    worker.becomes('activating');
    worker.becomes('activated');
    // A second location.reload() now would cancel the navigation that waited for the take-over.
    expect(log.reloads).toBe(1);
    expect(log.timers.map((t) => t.ms)).toEqual([TAKE_OVER_LIMIT_MS, STILL_HERE_MS]);
    // Still here (that reload was aborted): once more, and only once.
    log.timers[1].job();
    expect(log.reloads).toBe(2);
    worker.becomes('activated');
    expect(log.timers).toHaveLength(2);
  });

  it('reloads after the limit when the take-over never comes', async () => {
    const worker = new FakeWorker();
    const { log, parts } = harness(worker);
    await takeOverThenReload(parts);
    expect(log.timers.map((t) => t.ms)).toEqual([TAKE_OVER_LIMIT_MS]);
    expect(log.reloads).toBe(0);
    log.timers[0].job();
    expect(log.reloads).toBe(1);
  });

  it('reloads at once when no worker waits any more, or the registration cannot be read', async () => {
    for (const w of [null, 'throws'] as const) {
      const { log, parts } = harness(w);
      await takeOverThenReload(parts);
      expect(log.reloads).toBe(1);
    }
  });

  it('reloads at once when the waiting worker is already in charge or was replaced', async () => {
    for (const state of ['activated', 'redundant']) {
      const worker = new FakeWorker();
      worker.state = state;
      const { log, parts } = harness(worker);
      await takeOverThenReload(parts);
      expect(log.reloads).toBe(1);
      expect(worker.messages).toEqual([]);
    }
  });
});
