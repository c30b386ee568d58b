// What preparing one played change costs on this thread, piece by piece, for the
// largest built-in scenario from 60 % on (as the browser benchmarks play it):
// its copies (the timeline's state), its scene, its story, the backup strip's summary. CPU time in Node, so
// a change to one of them can be told apart without a browser; the medians of
// several passes over the same frames.
//   npx tsx bench/player/changeCost.ts   (BENCH_FRAMES=120, BENCH_PASSES=5)
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadScenarioText, type Scenario } from '../../src/sim';
import { playScenario } from '../../src/ui/model/playScenario';
import { computeLayout } from '../../src/ui/picture/layout';
import { buildScene, withLost } from '../../src/ui/picture/scene';
import { buildStory } from '../../src/ui/picture/story';
import { summariesAlong } from '../../src/ui/picture/backupGenerationsSummary';
import { median } from '../embed/benchServer';

const FRAMES = Number(process.env.BENCH_FRAMES ?? 120);
const PASSES = Number(process.env.BENCH_PASSES ?? 5);
const loaded = loadScenarioText('imap-big-mailbox-slow-link.json', readFileSync('scenarios/imap-big-mailbox-slow-link.json', 'utf8'));
if (!loaded.ok) throw new Error('the scenario did not load');
const scenario: Scenario = loaded.scenario;
const session = playScenario(scenario, null);
const frames = session.timeline.frames;
const layout = computeLayout({ world: session.scenario.world, places: session.index.places, width: 1100, lostMax: session.index.lostMax, intruder: session.index.intruder, replaced: session.index.replaced });
const from = Math.floor(frames.length * 0.6);
const times = { copies: [] as number[], scene: [] as number[], story: [] as number[], backups: [] as number[] };
for (let pass = 0; pass < PASSES; pass++) {
  // A session of its own per pass, so nothing is remembered from the pass before.
  const s = playScenario(scenario, null);
  const t = { copies: 0, scene: 0, story: 0, backups: 0 };
  const along = summariesAlong();
  let prev = withLost(s.copies(frames[from - 1]), s.lost(frames[from - 1]), layout.lostPlace);
  for (let i = from; i < from + FRAMES && i < frames.length; i++) {
    const f = s.timeline.frames[i];
    let a = performance.now();
    const now = withLost(s.copies(f), s.lost(f), layout.lostPlace);
    let b = performance.now();
    t.copies += b - a;
    a = b;
    const scene = buildScene({ now, before: prev, transfers: f.transfers, layout });
    b = performance.now();
    t.scene += b - a;
    a = b;
    buildStory({ frames: [{ index: i, scene }], before: prev, now, layout });
    b = performance.now();
    t.story += b - a;
    a = b;
    along(s.timeline, i);
    b = performance.now();
    t.backups += b - a;
    prev = now;
  }
  times.copies.push(t.copies / FRAMES);
  times.scene.push(t.scene / FRAMES);
  times.story.push(t.story / FRAMES);
  times.backups.push(t.backups / FRAMES);
}
const f = (xs: number[]) => `${median(xs).toFixed(3)} (min ${Math.min(...xs).toFixed(3)})`;
console.log(`${scenario.id}: ${FRAMES} changes from frame ${from}, ${PASSES} passes; ms per change, median of passes: copies ${f(times.copies)}, scene ${f(times.scene)}, story ${f(times.story)}, backup summary ${f(times.backups)}`);
