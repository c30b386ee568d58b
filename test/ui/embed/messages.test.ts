import { describe, expect, it } from 'vitest';
import { parseEmbedEvent, parseHostCommand } from '../../../src/ui/embed/messages';
import { formatEmbedQuery, parseEmbedParams, PANELS } from '../../../src/ui/embed/params';
import { wordpressHeight, wordpressSecret } from '../../../src/ui/embed/wordpress';

describe('commands from the host', () => {
  it('takes exactly the four commands', () => {
    expect(parseHostCommand({ type: 'mailsync:play' })).toEqual({ type: 'mailsync:play' });
    expect(parseHostCommand({ type: 'mailsync:pause' })).toEqual({ type: 'mailsync:pause' });
    expect(parseHostCommand({ type: 'mailsync:seek', frame: 3 })).toEqual({ type: 'mailsync:seek', frame: 3 });
    expect(parseHostCommand({ type: 'mailsync:lang', lang: 'de' })).toEqual({ type: 'mailsync:lang', lang: 'de' });
  });
  it.each([
    ['a string', 'mailsync:play'],
    ['null', null],
    ['an array', [{ type: 'mailsync:play' }]],
    ['an extra key', { type: 'mailsync:play', now: true }],
    ['a frame as text', { type: 'mailsync:seek', frame: '3' }],
    ['a fractional frame', { type: 'mailsync:seek', frame: 2.5 }],
    ['a negative frame', { type: 'mailsync:seek', frame: -1 }],
    ['NaN', { type: 'mailsync:seek', frame: NaN }],
    ['a missing frame', { type: 'mailsync:seek' }],
    ['another language', { type: 'mailsync:lang', lang: 'fr' }],
    ['an event sent back', { type: 'mailsync:ended' }],
    ['another case', { type: 'MAILSYNC:PLAY' }],
    ['a class instance', new (class { type = 'mailsync:play'; })()],
  ])('ignores %s', (_what, data) => {
    expect(parseHostCommand(data)).toBeNull();
  });
  it('ignores a type inherited rather than owned', () => {
    expect(parseHostCommand(Object.create({ type: 'mailsync:play' }))).toBeNull();
  });
});

describe('events from the embed', () => {
  it('reads the four events and nothing else', () => {
    expect(parseEmbedEvent({ type: 'mailsync:ready', scenario: 'x', frames: 25 })).not.toBeNull();
    expect(parseEmbedEvent({ type: 'mailsync:frame', frame: 2, step: 1 })).not.toBeNull();
    expect(parseEmbedEvent({ type: 'mailsync:ended' })).not.toBeNull();
    expect(parseEmbedEvent({ type: 'mailsync:height', height: 600 })).not.toBeNull();
    expect(parseEmbedEvent({ type: 'mailsync:height', height: '600' })).toBeNull();
    expect(parseEmbedEvent({ type: 'mailsync:frame', frame: 2 })).toBeNull();
  });
});

describe('the embed address', () => {
  it('has defaults for everything', () => {
    const p = parseEmbedParams('');
    expect(p).toMatchObject({ scenario: null, data: null, variant: null, lang: null, frame: 0, autoplay: false, theme: 'light', accent: null });
    expect([...p.panels]).toEqual([...PANELS]);
  });
  it('reads every parameter and ignores bad values', () => {
    const p = parseEmbedParams('?scenario=pop3-three-devices&variant=imap&lang=de&frame=3&autoplay=1&panels=controls,bogus&theme=dark&accent=%23AA3300');
    expect(p).toMatchObject({ scenario: 'pop3-three-devices', variant: 'imap', lang: 'de', frame: 3, autoplay: true, theme: 'dark', accent: '#aa3300' });
    expect([...p.panels]).toEqual(['controls']);
    const bad = parseEmbedParams('?scenario=../x&lang=fr&frame=-2&theme=neon&accent=red;background:url(x)');
    expect(bad).toMatchObject({ scenario: null, lang: null, frame: 0, theme: 'light', accent: null });
  });
  it('writes what it reads', () => {
    const o = { scenario: 'pop3-three-devices', variant: null, lang: 'de' as const, frame: 4, autoplay: true, panels: new Set(['title', 'narration'] as const), theme: 'dark' as const, accent: '#112233' };
    const back = parseEmbedParams(formatEmbedQuery(o));
    expect(back).toMatchObject({ scenario: o.scenario, lang: 'de', frame: 4, autoplay: true, theme: 'dark', accent: '#112233' });
    expect([...back.panels]).toEqual(['title', 'narration']);
  });
});

describe("WordPress's height message", () => {
  it('takes the secret WordPress adds to the address, alphanumeric only', () => {
    expect(wordpressSecret('#?secret=Ab3dE6gH9k')).toBe('Ab3dE6gH9k');
    expect(wordpressSecret('#?secret=Ab3"><x')).toBeNull();
    expect(wordpressSecret('')).toBeNull();
  });
  it("has WordPress's shape", () => {
    expect(wordpressHeight(612.4, 'abc')).toEqual({ message: 'height', value: 613, secret: 'abc' });
  });
});
