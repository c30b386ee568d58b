// The profile label sits on the device's top border at the right while the
// title leaves room, else shortened, else on the bottom border — never over
// the device's name.
import { describe, expect, it } from 'vitest';
import { chipWidth, placeLabel } from '../../../src/ui/profile/labelPlace';

const region = { left: 10, top: 100, width: 400, height: 120 };

describe('placeLabel', () => {
  it('beside a short title: the whole label on the top border, its right edge inside the region', () => {
    const p = placeLabel({ region, titleRight: 120, fontPx: 11, fullWidth: 130, shortWidth: 60 });
    expect(p).toMatchObject({ edge: 'top', short: false, top: 100 });
    expect(p.left).toBeLessThan(region.left + region.width);
    expect(p.left - chipWidth(130, 11)).toBeGreaterThan(120);
  });

  it('a longer title: the short form where it fits', () => {
    const p = placeLabel({ region, titleRight: 250, fontPx: 11, fullWidth: 200, shortWidth: 60 });
    expect(p).toMatchObject({ edge: 'top', short: true });
  });

  it('no room beside the title: on the bottom border, shortened only when the whole label is wider than the region', () => {
    expect(placeLabel({ region, titleRight: 380, fontPx: 11, fullWidth: 200, shortWidth: 60 })).toMatchObject({ edge: 'bottom', short: false, top: 220 });
    expect(placeLabel({ region, titleRight: 380, fontPx: 20, fullWidth: 500, shortWidth: 200 })).toMatchObject({ edge: 'bottom', short: true });
  });
});
