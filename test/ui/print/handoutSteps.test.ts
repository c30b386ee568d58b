import { describe, expect, it } from 'vitest';
import { handoutSteps } from '../../../src/ui/print/handoutSteps';
import { stepEnds } from '../../../src/ui/presenter/presenterState';

describe('the handout\u2019s pages', () => {
  it('one page per step, each from its first frame to its last', () => {
    const marks = [1, 4, 5, 9];
    expect(handoutSteps(marks, stepEnds(marks, 12))).toEqual([
      { first: 1, end: 3 },
      { first: 4, end: 4 },
      { first: 5, end: 8 },
      { first: 9, end: 12 },
    ]);
  });
  it('no steps, no pages', () => {
    expect(handoutSteps([], stepEnds([], 0))).toEqual([]);
  });
});
