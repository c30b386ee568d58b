// The scorecard's figures, counted in one pass and once per frame's metrics:
// the same numbers as counting each mail's reachable copies in a list, in
// scenarios with an intruder, queued mail and lost mail.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenarioText, metricsOf, simulate, type Metrics } from '../../../src/sim';
import { scoreFigures } from '../../../src/ui/model/scoreFigures';

/** The figures as the scorecard once counted them: a list of each present mail's copies, the intruder's left out. */
function byList(m: Metrics) {
  const counts = m.mails.filter((w) => w.status === 'present').map((w) => w.places.filter((p) => p.place !== 'intruder').reduce((n, p) => n + p.copies, 0));
  return {
    lost: m.lost.length,
    bounced: m.bounced.length,
    deleted: m.deletedByUser.length,
    queued: m.mails.filter((w) => w.status === 'queued').length,
    copies: counts.length ? { min: Math.min(...counts), max: Math.max(...counts), avg: counts.reduce((a, b) => a + b, 0) / counts.length } : null,
    exposure: m.exposure.mails,
  };
}

describe('the scorecard’s figures', () => {
  it.each(['break-in-pop3.json', 'quota-full-bounce.json', 'pop3-disk-failure.json', 'imap-household.json'])('in %s are the copies counted mail by mail, at every frame', (file) => {
    const r = loadScenarioText(file, readFileSync(`scenarios/${file}`, 'utf8'));
    if (!r.ok) throw new Error('bad scenario');
    const timeline = simulate(r.scenario);
    let intruder = 0;
    for (const frame of timeline.frames) {
      const m = metricsOf(frame, r.scenario);
      expect(scoreFigures(m)).toEqual(byList(m));
      if (m.mails.some((w) => w.places.some((p) => p.place === 'intruder'))) intruder++;
    }
    // The break-in is where the intruder's copies must be left out.
    if (file.startsWith('break-in')) expect(intruder).toBeGreaterThan(0);
  });

  it('are counted once for one frame’s metrics', () => {
    const r = loadScenarioText('pop3-three-devices.json', readFileSync('scenarios/pop3-three-devices.json', 'utf8'));
    if (!r.ok) throw new Error('bad scenario');
    const frame = simulate(r.scenario).frames.at(-1)!;
    const m = metricsOf(frame, r.scenario);
    expect(scoreFigures(m)).toBe(scoreFigures(m));
    expect(scoreFigures(metricsOf(frame, r.scenario))).not.toBe(scoreFigures(m));
  });
});
