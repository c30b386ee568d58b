// The embed carries only some sections of the player's strings; the build
// refuses a bundle that names a key outside them, so no reader ever sees a raw
// key. Here: what the check finds and what it lets pass, and that the kept
// sections exist in both languages.
import { describe, expect, it } from 'vitest';
import { EMBED_SECTIONS, keepSections, missingSections, namesSectionAtRunTime, sectionsNamed } from '../../../src/ui/build/embedStrings';
import { uiDe } from '../../../src/i18n/ui.de';
import { uiEn } from '../../../src/i18n/ui.en';

describe("the embed's strings", () => {
  it('finds the sections minified code names as keys, not file names or other dotted words', () => {
    const code = 'x(`ui.controls.play`);y("ui.publish.player."+k);import(`./ui.de-Nb3.js`);a.gui.sandbox.x;b.ui.quiz.y;';
    expect([...sectionsNamed(code)].sort()).toEqual(['controls', 'publish']);
  });

  it('refuses a bundle that names a section left out, naming the file and the section', () => {
    const problems = missingSections([{ name: 'assets/player-x.js', text: 't(`ui.sandbox.title`)' }], EMBED_SECTIONS);
    expect(problems).toEqual([expect.stringMatching(/assets\/player-x\.js uses ui\.sandbox\..*add 'sandbox' to EMBED_SECTIONS/)]);
    expect(missingSections([{ name: 'a.js', text: 't(`ui.controls.play`)' }], EMBED_SECTIONS)).toEqual([]);
  });

  it('refuses a key put together at run time', () => {
    expect(namesSectionAtRunTime('t(`ui.${section}.title`)')).toBe(true);
    expect(namesSectionAtRunTime('t("ui."+section)')).toBe(true);
    expect(namesSectionAtRunTime('t(`ui.publish.player.${kind}`)')).toBe(false);
  });

  it('keeps exactly the listed sections, each present in both languages', () => {
    for (const strings of [uiDe, uiEn] as Record<string, unknown>[]) {
      const kept = keepSections(strings, EMBED_SECTIONS);
      expect(Object.keys(kept).sort()).toEqual([...EMBED_SECTIONS].sort());
      expect(kept.controls).toBe(strings.controls);
    }
    expect(Object.keys(keepSections(uiEn as Record<string, unknown>, EMBED_SECTIONS))).not.toContain('sandbox');
  });
});
