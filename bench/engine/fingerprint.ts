// A fingerprint of every timeline the engine makes: each built-in scenario in
// each variant and both languages' inputs, plus the year worlds, hashed frame by
// frame (lines, transfers, ops, narration, sessions, and the state every
// 500th frame and at the end). A speed-up must leave every hash unchanged.
//   npx tsx bench/engine/fingerprint.ts > /tmp/after.txt; diff /tmp/before.txt /tmp/after.txt
// (an argument: only the scenario files whose name holds it; `year`: only the year worlds)
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { frameLines, loadScenarioText, simulate, withVariant, type Scenario, type Timeline } from '../../src/sim';
import { stateToJSON } from '../../src/sim/run/serialize';
import { yearWorld } from '../worlds';

const ROOT = join(import.meta.dirname, '..', '..');

function hashTimeline(t: Timeline): string {
  const h = createHash('sha256');
  const n = t.frames.length;
  for (let i = 0; i < n; i++) {
    const f = t.frames[i];
    h.update(JSON.stringify([f.time, f.step, f.micro, f.label, f.actor, f.narration, f.note ?? null, f.transfers, f.sessions, f.ops, frameLines(f)]));
    if (i % 500 === 0 || i === n - 1) h.update(JSON.stringify(stateToJSON(f.state)));
  }
  h.update(JSON.stringify(t.stepStarts));
  return `${n} frames ${h.digest('hex').slice(0, 16)}`;
}

const dir = join(ROOT, 'scenarios');
const only = process.argv[2];
for (const file of readdirSync(dir).sort()) {
  if (!file.endsWith('.json') || file === 'scenario.schema.json') continue;
  if (only && !file.includes(only)) continue;
  const r = loadScenarioText(file, readFileSync(join(dir, file), 'utf8'));
  if (!r.ok) throw new Error(file);
  const runs: Array<[string, Scenario]> = [['', r.scenario]];
  for (const v of Object.keys(r.scenario.variants ?? {})) runs.push([v, withVariant(r.scenario, v)]);
  for (const [v, s] of runs) console.log(`${file}${v ? ` [${v}]` : ''}: ${hashTimeline(simulate(s))}`);
}
if (!only || only === 'year') for (const mails of [1000, 10000]) console.log(`year-${mails}: ${hashTimeline(simulate(yearWorld(mails).scenario))}`);
