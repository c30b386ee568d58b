// A count badge's words (its "+N" and its title naming the folder) are made
// once per badge: a place the change did not touch keeps its badge from frame
// to frame (scene.ts), so a played change does not make them again.
import { describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import { readFileSync } from 'node:fs';
import { loadScenarioText, simulate } from '../../../src/sim';
import { buildPictureModel } from '../../../src/ui/picture/pictureModel';
import { computeLayout } from '../../../src/ui/picture/layout';
import { indexTimeline } from '../../../src/ui/model/timelineIndex';
import { lostMails } from '../../../src/ui/model/lost';
import { uiEn } from '../../../src/i18n/ui.en';
import { uiDe } from '../../../src/i18n/ui.de';
import type { CountBadge } from '../../../src/ui/picture/scene';

async function translator(lng: 'en' | 'de') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { [lng]: { translation: { ui: lng === 'en' ? uiEn : uiDe } } }, interpolation: { escapeValue: false }, showSupportNotice: false });
  return i18n.t.bind(i18n) as TFunction;
}

describe('picture model: a count badge’s words', () => {
  const r = loadScenarioText('pop3-three-devices.json', readFileSync('scenarios/pop3-three-devices.json', 'utf8'));
  if (!r.ok) throw new Error('the scenario does not load');
  const scenario = r.scenario;
  const timeline = simulate(scenario);
  const index = indexTimeline(timeline, (f) => lostMails(f.state));
  const layout = computeLayout({ world: scenario.world, places: index.places, width: 1100, lostMax: index.lostMax, intruder: index.intruder, replaced: index.replaced });
  const badge: CountBadge = { place: 'server/anna/INBOX', at: { x: 10, y: 10 }, hidden: 12, total: 20 };
  const modelAt = (i: number, t: TFunction, lang: 'en' | 'de') =>
    buildPictureModel({ scenario, frame: timeline.frames[i], lost: [], views: null, layout, scene: { tokens: [], ghosts: [], badges: [badge] }, index, selectedMail: null, lang, t });

  it('are made once for a badge kept from change to change, and anew in another language', async () => {
    const en = await translator('en');
    let asked = 0;
    const counting = ((...args: Parameters<TFunction>) => {
      if (String(args[0]).startsWith('ui.picture.badge')) asked++;
      return (en as unknown as (...a: unknown[]) => string)(...args);
    }) as unknown as TFunction;
    const first = modelAt(1, counting, 'en');
    const title = first.badgeTitle(badge);
    expect(first.badgeText(badge)).toBe('+12');
    expect(asked).toBe(2);
    const next = modelAt(2, counting, 'en');
    expect(next.badgeTitle(badge)).toBe(title);
    expect(next.badgeText(badge)).toBe('+12');
    expect(asked, 'the next change’s model made them again').toBe(2);
    const de = modelAt(2, await translator('de'), 'de');
    expect(de.badgeTitle(badge)).not.toBe(title);
    expect(modelAt(3, counting, 'en').badgeTitle(badge)).toBe(title);
  });
});
