// @vitest-environment jsdom
// The scorecard is drawn again only when what it shows differs: frames whose
// shown figures are equal (scoreShown.ts) look the same, and a later such frame
// does not render the scorecard again.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { renderToStaticMarkup } from 'react-dom/server';
import type { TFunction } from 'i18next';
import { loadScenarioText, simulate } from '../../../src/sim';
import { sessionFor } from '../../../src/ui/model/session';
import { deviceNamer } from '../../../src/ui/picture/pictureModel';
import { scoreShown } from '../../../src/ui/model/scoreShown';
import { ScorecardShown } from '../../../src/ui/components/Scorecard';
import type { Lang } from '../../../src/ui/store/playerState';

function played(file: string) {
  const r = loadScenarioText(file, readFileSync(`scenarios/${file}`, 'utf8'));
  if (!r.ok) throw new Error('bad scenario');
  const timeline = simulate(r.scenario);
  const session = sessionFor(r.scenario, null, timeline);
  const viewAt = (index: number, lang: Lang) => {
    const frame = timeline.frames[index];
    return { timeline, session, frame, lang, m: session.metrics(frame), name: deviceNamer(session.scenario, lang) };
  };
  return { frames: timeline.frames.length, viewAt };
}

/** Words that show every argument, so any figure that differs shows in the markup. */
const wordsOf = (key: string, options?: object) => (options ? `${key} ${JSON.stringify(options)}` : key);
const words = wordsOf as unknown as TFunction;

describe('the scorecard drawn only when what it shows differs', () => {
  it.each(['imap-household.json', 'break-in-pop3.json', 'quota-full-bounce.json', 'provider-move-over-days.json', 'imap-offline-full-cache.json'])('in %s, frames showing the same figures look the same', (file) => {
    const { frames, viewAt } = played(file);
    for (const lang of ['en', 'de'] as const) {
      const markupOf = new Map<string, string>();
      let same = 0;
      let prev = '';
      for (let i = 0; i < frames; i++) {
        const view = viewAt(i, lang);
        const shown = scoreShown(view.m, lang);
        const markup = renderToStaticMarkup(<ScorecardShown view={view} t={words} shown={shown} />);
        const seen = markupOf.get(shown);
        if (seen === undefined) markupOf.set(shown, markup);
        else expect(markup).toBe(seen);
        if (shown === prev) same++;
        prev = shown;
      }
      // Some changes leave the scorecard as it was, some do not.
      expect(same).toBeGreaterThan(0);
      expect(markupOf.size).toBeGreaterThan(1);
    }
  });

  it('is not rendered again by a later frame that shows the same, and is by one that does not', async () => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    const { frames, viewAt } = played('imap-household.json');
    let a = -1;
    let b = -1;
    let c = -1;
    for (let i = 1; i < frames && c < 0; i++) {
      const before = scoreShown(viewAt(i - 1, 'en').m, 'en');
      const now = scoreShown(viewAt(i, 'en').m, 'en');
      if (a < 0 && before === now && viewAt(i - 1, 'en').m !== viewAt(i, 'en').m) [a, b] = [i - 1, i];
      else if (a >= 0 && i > b && now !== scoreShown(viewAt(b, 'en').m, 'en')) c = i;
    }
    expect(c).toBeGreaterThan(0);
    let calls = 0;
    const counted = ((key: string, options?: object) => {
      calls++;
      return wordsOf(key, options);
    }) as unknown as TFunction;
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    const draw = (i: number) => {
      const view = viewAt(i, 'en');
      act(() => root.render(<ScorecardShown view={view} t={counted} shown={scoreShown(view.m, 'en')} />));
    };
    draw(a);
    expect(calls).toBeGreaterThan(0);
    const html = host.innerHTML;
    calls = 0;
    draw(b);
    expect(calls).toBe(0);
    expect(host.innerHTML).toBe(html);
    draw(c);
    expect(calls).toBeGreaterThan(0);
    expect(host.innerHTML).not.toBe(html);
    act(() => root.unmount());
  });
});
