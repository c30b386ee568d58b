// A device's id given by the builder follows its kind, so a phone is not
// called "laptop" in the picture; a typed id, or one a step names, stays.
import { describe, expect, it } from 'vitest';
import { idAfterKindChange } from '../../../src/ui/sandbox/newWorld';

describe('idAfterKindChange', () => {
  it('the builder\'s own id follows the new kind, free of the other ids', () => {
    expect(idAfterKindChange('laptop', 'laptop', 'phone', [], false)).toBe('phone');
    expect(idAfterKindChange('laptop2', 'laptop', 'phone', ['laptop', 'phone'], false)).toBe('phone2');
  });
  it('a typed id, an id a step names, or the same kind: unchanged', () => {
    expect(idAfterKindChange('annas-rechner', 'laptop', 'desktop', [], false)).toBe('annas-rechner');
    expect(idAfterKindChange('laptop', 'laptop', 'phone', [], true)).toBe('laptop');
    expect(idAfterKindChange('laptop', 'laptop', 'laptop', ['x'], false)).toBe('laptop');
  });
});
