import { describe, expect, it } from 'vitest';
import { followedSearch, parseMessage } from '../../../src/ui/presenter/channel';

describe('the notes window\u2019s messages', () => {
  it('a well-formed position is taken as it is', () => {
    expect(parseMessage({ kind: 'state', search: '?scenario=a', frame: 4, pointer: 'm2' })).toEqual({ kind: 'state', search: '?scenario=a', frame: 4, pointer: 'm2' });
    expect(parseMessage({ kind: 'command', command: 'presentNext' })).toEqual({ kind: 'command', command: 'presentNext' });
    expect(parseMessage({ kind: 'hello', extra: 1 })).toEqual({ kind: 'hello' });
  });
  it('anything else is ignored', () => {
    for (const bad of [null, 'state', 7, {}, { kind: 'state', search: 1, frame: 0, pointer: null }, { kind: 'state', search: '', frame: -1, pointer: null }, { kind: 'state', search: '', frame: 1.5, pointer: null }, { kind: 'state', search: '', frame: 1, pointer: 5 }, { kind: 'command', command: 'restart' }])
      expect(parseMessage(bad), JSON.stringify(bad)).toBeNull();
  });
  it('what the notes window follows: the scenario, variant and language, not the moment or the window\u2019s own mode', () => {
    expect(followedSearch('?scenario=a&variant=b&frame=9&lang=de&present=1&theme=dark')).toBe('?scenario=a&variant=b&lang=de');
    expect(followedSearch('?data=XYZ&frame=2')).toBe('?data=XYZ');
    expect(followedSearch('')).toBe('');
  });
});
