// Jobs asked for one after another run in order, each in a task of its own.
import { describe, expect, it } from 'vitest';
import { laterTask } from '../../../src/ui/store/laterTask';

describe('laterTask', () => {
  it('runs jobs in the order asked for, one per task, none in the task that asked', async () => {
    const ran: string[] = [];
    laterTask(() => ran.push('a'));
    laterTask(() => ran.push('b'));
    expect(ran).toEqual([]);
    // A microtask is still the same task: nothing has run yet.
    await Promise.resolve();
    expect(ran).toEqual([]);
    await new Promise((resolve) => laterTask(() => resolve(null)));
    expect(ran).toEqual(['a', 'b']);
  });
  it('a job that asks for another runs that one after the jobs already waiting', async () => {
    const ran: string[] = [];
    laterTask(() => {
      ran.push('first');
      laterTask(() => ran.push('asked by first'));
    });
    laterTask(() => ran.push('second'));
    await new Promise((resolve) => laterTask(() => laterTask(() => resolve(null))));
    expect(ran).toEqual(['first', 'second', 'asked by first']);
  });
});
