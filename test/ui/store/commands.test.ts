import { describe, expect, it } from 'vitest';
import { changeSpeed, pause, play, restart, seek, setSpeed, stepMicro, stepWhole, tick, toEnd, togglePlay, travelProgress, FRAME_MS, TRAVEL_SHARE } from '../../../src/ui/store/commands';
import { initialPlayerState, type PlayerState } from '../../../src/ui/store/playerState';
import { fixtureTimeline } from '../fixture';

const at = (frame: number, extra: Partial<PlayerState> = {}): PlayerState => ({ ...initialPlayerState, timeline: fixtureTimeline, frame, phase: 1, ...extra });

describe('stepping by one change', () => {
  it('forward lets the change play out (phase 0), back shows the frame settled', () => {
    const s = stepMicro(at(1), 1);
    expect([s.frame, s.phase]).toEqual([2, 0]);
    const b = stepMicro(at(2), -1);
    expect([b.frame, b.phase]).toEqual([1, 1]);
  });
  it('stops at both ends', () => {
    expect(stepMicro(at(0), -1).frame).toBe(0);
    expect(stepMicro(at(4), 1).frame).toBe(4);
  });
  it('pauses playback', () => {
    expect(stepMicro(at(1, { playing: true }), 1).playing).toBe(false);
  });
});

describe('stepping by whole steps', () => {
  it('jumps to the next step start, and to the end after the last', () => {
    expect(stepWhole(at(0), 1).frame).toBe(1);
    expect(stepWhole(at(2), 1).frame).toBe(4);
    expect(stepWhole(at(4), 1).frame).toBe(4);
  });
  it('back goes to the start of this step, then the one before', () => {
    expect(stepWhole(at(3), -1).frame).toBe(2);
    expect(stepWhole(at(2), -1).frame).toBe(1);
    expect(stepWhole(at(1), -1).frame).toBe(0);
  });
});

describe('playing', () => {
  it('advances one frame once the current change has settled', () => {
    let s = play(at(0));
    s = tick(s, 10);
    expect(s.frame).toBe(1);
    expect(s.phase).toBe(0);
    s = tick(s, FRAME_MS / 2);
    expect(s.phase).toBeCloseTo(0.5);
    s = tick(s, FRAME_MS);
    // The rest of the change played out and, still playing, the next frame began.
    expect([s.frame, s.phase]).toEqual([2, 0]);
  });
  it('speed scales time', () => {
    const s = tick({ ...at(1), phase: 0, playing: true, speed: 4 }, FRAME_MS / 8);
    expect(s.phase).toBeCloseTo(0.5);
  });
  it('stops at the end, and play from the end starts over', () => {
    let s = play(at(3));
    for (let i = 0; i < 50; i++) s = tick(s, 100);
    expect(s.frame).toBe(4);
    expect(s.playing).toBe(false);
    s = play(s);
    expect([s.frame, s.playing]).toEqual([0, true]);
  });
  it('a paused, settled player does not change', () => {
    const s = at(2);
    expect(tick(s, 500)).toBe(s);
  });
  it('toggle, pause, restart, end', () => {
    expect(togglePlay(at(1)).playing).toBe(true);
    expect(pause(at(1, { playing: true })).playing).toBe(false);
    expect(restart(at(3, { playing: true }))).toMatchObject({ frame: 0, playing: false });
    expect(toEnd(at(0)).frame).toBe(4);
  });
});

describe('seeking and speed', () => {
  it('clamps seeks into the timeline', () => {
    expect(seek(at(0), 99).frame).toBe(4);
    expect(seek(at(2), -3).frame).toBe(0);
  });
  it('speed moves through 0.25× … 8× and stays inside', () => {
    expect(changeSpeed(at(0, { speed: 1 }), 1).speed).toBe(2);
    expect(changeSpeed(at(0, { speed: 8 }), 1).speed).toBe(8);
    expect(changeSpeed(at(0, { speed: 0.25 }), -1).speed).toBe(0.25);
    expect(setSpeed(at(0), 3).speed).toBe(1);
  });
  it('reduced motion shows the end state at once', () => {
    expect(travelProgress(0, true)).toBe(1);
    expect(travelProgress(0, false)).toBe(0);
    expect(travelProgress(TRAVEL_SHARE, false)).toBe(1);
  });
});
