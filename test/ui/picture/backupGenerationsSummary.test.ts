// The backup strip's summary along a played timeline is reused while the
// frames touch no server or backup folder: it must equal the summary made
// anew at every frame, played one by one, with jumps, and backwards.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenarioText, simulate } from '../../../src/sim';
import { summariesAlong, summariseGenerations } from '../../../src/ui/picture/backupGenerationsSummary';

function timelineOf(name: string) {
  const r = loadScenarioText(name, readFileSync(`scenarios/${name}`, 'utf8'));
  if (!r.ok) throw new Error(`${name} does not load`);
  return simulate(r.scenario);
}

describe('backup generations summary along a timeline', () => {
  for (const name of ['pop3-disk-failure.json', 'server-restore-reuses-uids.json', 'provider-move-imap-not-copied.json']) {
    it(`${name}: the same summary as made anew, frame by frame, in jumps and backwards`, () => {
      const timeline = timelineOf(name);
      const n = timeline.frames.length;
      const along = summariesAlong();
      const walk = [...Array(n).keys(), ...Array.from({ length: Math.ceil(n / 5) }, (_, i) => i * 5), n - 1, 0, Math.floor(n / 2), Math.floor(n / 2) + 17];
      let generations = 0;
      for (const i of walk.filter((i) => i < n)) {
        const fresh = summariseGenerations(timeline.frames[i].state);
        generations = Math.max(generations, fresh.nights.length);
        expect(along(timeline, i), `frame ${i}`).toEqual(fresh);
      }
      // The scenario does keep backups, so the comparison is not between empty summaries.
      expect(generations).toBeGreaterThan(0);
    });
  }
});
