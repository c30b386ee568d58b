import { describe, expect, it } from 'vitest';
import {
  initialPresenterState,
  mailForDigits,
  nextStop,
  nextTheme,
  parsePresenterUrl,
  presenterParams,
  previousStop,
  stepEnds,
  stepSoFar,
  toggleBlank,
  togglePresenter,
  typeDigit,
  withParams,
  DIGIT_WINDOW_MS,
} from '../../../src/ui/presenter/presenterState';

// Steps begin at frames 1, 4, 5 and 9; the timeline's last frame is 12.
const marks = [1, 4, 5, 9];
const last = 12;

describe('presenter mode in the address', () => {
  it('present=1 and theme=dark survive a round trip; the default theme is not written', () => {
    const on = { ...togglePresenter(initialPresenterState) };
    expect(presenterParams(on)).toEqual([['present', '1']]);
    const dark = nextTheme(on);
    expect(presenterParams(dark)).toEqual([
      ['present', '1'],
      ['theme', 'dark'],
    ]);
    const back = parsePresenterUrl(withParams('/?scenario=x&frame=3', presenterParams(dark)).slice(1));
    expect(back).toEqual({ on: true, theme: 'dark', notesWindow: false, handout: false, questions: true });
  });
  it('quiz=off (present without stopping at questions) survives a round trip', () => {
    const off = { ...togglePresenter(initialPresenterState), questions: false };
    expect(presenterParams(off)).toEqual([
      ['present', '1'],
      ['quiz', 'off'],
    ]);
    expect(parsePresenterUrl(withParams('/?scenario=x', presenterParams(off)).slice(1)).questions).toBe(false);
    expect(parsePresenterUrl('?scenario=x').questions).toBe(true);
  });
  it('off, nothing is added; the notes window and the handout say what they are', () => {
    expect(presenterParams(initialPresenterState)).toEqual([]);
    expect(withParams('/?scenario=x', [])).toBe('/?scenario=x');
    expect(presenterParams({ ...initialPresenterState, notesWindow: true })).toEqual([['notes', '1']]);
    expect(presenterParams({ ...initialPresenterState, handout: true, on: true })).toEqual([['print', '1']]);
    expect(withParams('/', [['print', '1']])).toBe('/?print=1');
  });
  it('a strange theme falls back to high contrast', () => {
    expect(parsePresenterUrl('?present=1&theme=<b>').theme).toBe('contrast');
  });
  it('leaving presenter mode unblanks and forgets a step being played', () => {
    const s = togglePresenter({ ...toggleBlank(togglePresenter(initialPresenterState)), until: 7 });
    expect(s).toMatchObject({ on: false, blank: false, until: null });
  });
});

describe('the clicker steps through whole steps', () => {
  it('each step ends where the next begins; the last ends with the timeline', () => {
    expect(stepEnds(marks, last)).toEqual([3, 4, 8, 12]);
  });
  it('next plays to the end of the step after the current frame', () => {
    expect(nextStop(marks, last, 0, null)).toBe(3);
    expect(nextStop(marks, last, 3, null)).toBe(4);
    expect(nextStop(marks, last, 6, null)).toBe(8);
    expect(nextStop(marks, last, 12, null)).toBeNull();
  });
  it('a second press while a step plays goes one step further, not to the same end', () => {
    expect(nextStop(marks, last, 2, 3)).toBe(4);
    expect(nextStop(marks, last, 5, 8)).toBe(12);
  });
  it('previous goes back to the end of the step before, and finally to the start', () => {
    expect(previousStop(marks, last, 8)).toBe(4);
    expect(previousStop(marks, last, 6)).toBe(4);
    expect(previousStop(marks, last, 3)).toBe(0);
    expect(previousStop(marks, last, 0)).toBe(0);
  });
  it('the step a frame belongs to, by its position among the marks', () => {
    expect(stepSoFar(marks, 0)).toEqual({ first: 0, ordinal: -1 });
    expect(stepSoFar(marks, 7)).toEqual({ first: 5, ordinal: 2 });
    expect(stepSoFar(marks, 12)).toEqual({ first: 9, ordinal: 3 });
  });
});

describe('pointing at a mail by typing its number', () => {
  const labels = new Map([
    ['m1', '1'],
    ['m2', '2'],
    ['m12', '12'],
  ]);
  it('digits typed quickly form one number', () => {
    const s = typeDigit(typeDigit(initialPresenterState, '1', 1000), '2', 1000 + DIGIT_WINDOW_MS - 1);
    expect(s.digits).toBe('12');
    expect(mailForDigits(s.digits, labels)).toBe('m12');
  });
  it('after a pause a digit starts a new number', () => {
    const s = typeDigit(typeDigit(initialPresenterState, '1', 1000), '2', 1000 + DIGIT_WINDOW_MS + 1);
    expect(s.digits).toBe('2');
    expect(mailForDigits(s.digits, labels)).toBe('m2');
  });
  it('a number no mail has falls back to its last digit, or to nothing', () => {
    expect(mailForDigits('21', labels)).toBe('m1');
    expect(mailForDigits('9', labels)).toBeNull();
    expect(mailForDigits('01', labels)).toBe('m1');
  });
});
