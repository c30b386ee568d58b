// The compositor's travel must look as the frame-by-frame travel did: the same
// distance at the same eased progress, and the same fading for a copy that
// appears, one that overflows a crowded folder and a ghost.
import { describe, expect, it } from 'vitest';
import { motionAt, type Motion } from '../../../src/ui/picture/travelAnimation';
import { lerp } from '../../../src/ui/picture/geometry';

describe('motionAt', () => {
  const from = { x: 10, y: 20 };
  const to = { x: 110, y: -30 };
  const move: Motion = { dx: to.x - from.x, dy: to.y - from.y, kind: 'move' };

  it('moves by the share of the distance the eased progress says, as lerp placed the token', () => {
    for (const t of [0, 0.25, 0.5, 0.9, 1]) {
      const at = motionAt(move, t);
      const p = lerp(from, to, t);
      expect(from.x + at.dx).toBeCloseTo(p.x, 9);
      expect(from.y + at.dy).toBeCloseTo(p.y, 9);
      expect(at.opacity).toBe(1);
    }
  });

  it('a copy that appears fades in as it travels; an overflowing one is hidden once it arrives; a ghost fades out', () => {
    expect([0, 0.4, 1].map((t) => motionAt({ ...move, kind: 'enter' }, t).opacity)).toEqual([0, 0.4, 1]);
    expect([0, 0.99, 1].map((t) => motionAt({ ...move, kind: 'overflow' }, t).opacity)).toEqual([1, 1, 0]);
    expect([0, 0.4, 1].map((t) => motionAt({ dx: 0, dy: 14, kind: 'fade' }, t).opacity)).toEqual([1, 0.6, 0]);
    expect(motionAt({ dx: 0, dy: 14, kind: 'fade' }, 0.5).dy).toBe(7);
  });
});
