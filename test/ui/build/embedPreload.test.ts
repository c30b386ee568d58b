// The embed page preloads the player's chunks (chunks that import each other in
// a circle must not send the build into endless recursion), and an inline script
// hints the scenario's files and the language's strings and narration from the address.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { bootScript, playerChunks, type DataFiles } from '../../../src/ui/build/embedPreload';
import { policyFor } from '../../../src/ui/build/csp';

type OutputBundle = Parameters<typeof playerChunks>[0];

const chunk = (fileName: string, imports: string[], facadeModuleId: string | null = null, isEntry = false) => ({ type: 'chunk', fileName, imports, facadeModuleId, isEntry });

describe('the chunks the embed preloads', () => {
  it('lists every chunk the player needs once, even when chunks import each other in a circle', () => {
    const bundle = {
      'entry.js': chunk('entry.js', ['a.js'], '/src/ui/embed/main.ts', true),
      'player.js': chunk('player.js', ['a.js', 'b.js'], '/work/src/ui/embed/player.ts'),
      'a.js': chunk('a.js', ['b.js']),
      'b.js': chunk('b.js', ['a.js']),
    } as unknown as OutputBundle;
    const out = playerChunks(bundle);
    expect([...out].sort()).toEqual(['a.js', 'b.js', 'player.js']);
  });
});

describe("the embed's boot hints", () => {
  const files: DataFiles = {
    scenarios: { 'pop3-three-devices': { module: 'assets/p3.js', timelines: { '': 'assets/p3.timeline.json' } }, 'ports-and-tls': { module: 'assets/pt.js', timelines: { '': 'assets/pt.json', swapped: 'assets/pt.swapped.json' } } },
    strings: { de: ['assets/narration.de.js', 'assets/ui.de.js'], en: ['assets/narration.en.js', 'assets/ui.en.js'] },
  };
  /** Runs the inline script against an address; returns the hints it added. */
  function hints(search: string, language = 'en-GB'): string[] {
    const added: string[] = [];
    const document = { head: { appendChild: (e: { rel: string; href: string; as?: string }) => added.push(`${e.rel}${e.as ? `:${e.as}` : ''} ${e.href}`) }, createElement: () => ({}) };
    new Function('location', 'document', 'navigator', bootScript(files, '/base/'))({ search }, document, { language });
    return added;
  }

  it("asks for the scenario's module, its packed timeline and the language's strings and narration", () => {
    expect(hints('?scenario=pop3-three-devices&lang=de')).toEqual(['modulepreload /base/assets/narration.de.js', 'modulepreload /base/assets/ui.de.js', 'modulepreload /base/assets/p3.js', 'preload:fetch /base/assets/p3.timeline.json']);
    expect(hints('?scenario=ports-and-tls&variant=swapped')).toEqual(['modulepreload /base/assets/narration.en.js', 'modulepreload /base/assets/ui.en.js', 'modulepreload /base/assets/pt.js', 'preload:fetch /base/assets/pt.swapped.json']);
  });

  it("follows the browser's language as the entry does when the address names none", () => {
    expect(hints('?scenario=pop3-three-devices', 'de-AT').slice(0, 2)).toEqual(['modulepreload /base/assets/narration.de.js', 'modulepreload /base/assets/ui.de.js']);
  });

  it('asks for nothing it does not know: a data= scenario, an unknown or malformed id, a variant without a packed timeline', () => {
    expect(hints('?data=abc&scenario=pop3-three-devices')).toEqual(['modulepreload /base/assets/narration.en.js', 'modulepreload /base/assets/ui.en.js']);
    expect(hints('?scenario=toString')).toEqual(['modulepreload /base/assets/narration.en.js', 'modulepreload /base/assets/ui.en.js']);
    expect(hints('?scenario=<x>')).toEqual(['modulepreload /base/assets/narration.en.js', 'modulepreload /base/assets/ui.en.js']);
    expect(hints('?scenario=pop3-three-devices&variant=imap')).toEqual(['modulepreload /base/assets/narration.en.js', 'modulepreload /base/assets/ui.en.js', 'modulepreload /base/assets/p3.js']);
  });

  it("is allowed by the page's policy by its hash, and nothing else inline is", () => {
    const script = bootScript(files, '/');
    const policy = policyFor(`<head><script>${script}</script><script type="module" src="/a.js"></script></head>`);
    expect(policy).toContain(`script-src 'self' 'sha256-${createHash('sha256').update(script).digest('base64')}'`);
    expect(policyFor('<head><script type="module" src="/a.js"></script></head>')).toContain("script-src 'self';");
  });
});
