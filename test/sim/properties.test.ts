// Properties every run must have, whatever the world and the steps: copies
// come and go only by transfers, quota holds, IMAP devices agree with the
// server after a sync, POP3 stays in INBOX, and a run is reproducible.
// Worlds and steps are random (test/sim/generators.ts) but the seed is fixed,
// so CI sees the same cases; set FC_SEED / FC_RUNS to explore further. On a
// failure fast-check prints the seed and the shrunk scenario as JSON.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadScenarioData } from '../../src/sim/scenario/load';
import type { Scenario, ScenarioInput } from '../../src/sim/scenario/schema';
import { simulate } from '../../src/sim/run/simulate';
import { stateToJSON, timelineToJSON } from '../../src/sim/run/serialize';
import { frameLines, type Frame, type SessionInfo, type Timeline } from '../../src/sim/timeline';
import type { Copy, WorldState } from '../../src/sim/model/state';
import { parseServerPlace } from '../../src/sim/model/places';
import { scenarioArb, withFinalImapChecks } from './generators';

const SEED = Number(process.env.FC_SEED ?? 20261122);
const RUNS = Number(process.env.FC_RUNS ?? 120);
// The time limit bounds shrinking; a failure found before it is still reported with its counterexample.
const params = (numRuns = RUNS): fc.Parameters<[ScenarioInput]> => ({ seed: SEED, numRuns, interruptAfterTimeLimit: 10_000 });

// --- running a generated scenario ------------------------------------------

interface Tally {
  generated: number;
  rejected: number;
  threw: number;
}
const tallies = new Map<string, Tally>();
const coverage = new Map<string, number>();
const count = (what: string, n = 1) => coverage.set(what, (coverage.get(what) ?? 0) + n);

function tally(property: string): Tally {
  let t = tallies.get(property);
  if (!t) tallies.set(property, (t = { generated: 0, rejected: 0, threw: 0 }));
  return t;
}

/** Load as a file would be loaded; skip only what the loader rejects. */
function load(property: string, input: ScenarioInput): Scenario {
  const t = tally(property);
  t.generated++;
  const loaded = loadScenarioData('generated', input);
  if (!loaded.ok) t.rejected++;
  fc.pre(loaded.ok);
  return (loaded as { ok: true; scenario: Scenario }).scenario;
}

/**
 * The properties draw the same worlds from the same seed, one after another, so each
 * world is simulated once for all of them: the first property ("simulate finishes")
 * simulates it, the others read that timeline. Simulating is deterministic, and the
 * last property checks that: it holds that timeline against two fresh runs of its own.
 */
const simulated = new Map<string, Timeline | { threw: unknown }>();
function simulateOnce(scenario: Scenario): Timeline {
  const key = JSON.stringify(scenario);
  let result = simulated.get(key);
  if (!result) {
    try {
      result = simulate(scenario);
    } catch (err) {
      result = { threw: err };
    }
    simulated.set(key, result);
  }
  if ('threw' in result) throw result.threw;
  return result;
}
afterAll(() => simulated.clear());

/**
 * Simulate for a property other than "simulate finishes". A scenario on which
 * the engine throws is that property's counterexample; the others skip it so
 * one crash does not mask what they check (the skips are counted and printed).
 */
function run(property: string, scenario: Scenario): Timeline {
  let timeline: Timeline | null = null;
  try {
    timeline = simulateOnce(scenario);
  } catch {
    tally(property).threw++;
  }
  fc.pre(timeline !== null);
  return timeline!;
}

/** Fail with the scenario as JSON, so a shrunk counterexample can be pasted into a file. */
function fail(message: string, input: ScenarioInput): never {
  throw new Error(`${message}\nscenario: ${JSON.stringify(input)}`);
}

afterAll(() => {
  const rows = [...tallies].map(([p, t]) => `  ${p}: ${t.generated} generated, ${t.rejected} rejected by the loader (${pct(t.rejected, t.generated)}), ${t.threw} skipped because simulate threw`);
  const cov = [...coverage].map(([k, v]) => `  ${k}: ${v}`);
  console.log(`property runs (seed ${SEED}, ${RUNS} runs each)\n${rows.join('\n')}\ncoverage\n${cov.join('\n')}`);
});
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : '0 %');

// --- reading frames ----------------------------------------------------------

function each(t: Timeline, visit: (before: WorldState, after: WorldState, frame: Frame) => void): void {
  let before = t.frames[0].state;
  for (let i = 1; i < t.frames.length; i++) {
    const after = t.frames[i].state;
    visit(before, after, t.frames[i]);
    before = after;
  }
}

function copyAt(s: WorldState, place: string, key: string): Copy | undefined {
  return s.places.get(place)?.get(key);
}

const where = (f: Frame) => `frame ${f.index} (${f.label}, step ${f.step})`;

// --- properties ----------------------------------------------------------------

// Shrinking a failure re-runs many scenarios, so a failing property may need more than 5 s.
/** Scenarios once found failing, always tried first (fast-check `examples`). */
const FOUND: ScenarioInput[] = [
  // An offline IMAP device's Outbox is flushed while the server is down; opening the mail then threw in imapRead.
  {
    id: 'outbox-flush-server-down',
    title: { de: 'Gefunden', en: 'Found' },
    summary: { de: 'Gefunden', en: 'Found' },
    world: { accounts: [{ id: 'alice', address: 'alice@example.org' }], devices: [{ id: 'laptop', kind: 'laptop', account: 'alice', protocol: 'imap', online: false }] },
    steps: [
      { at: 'day 1, 08:00', do: 'device.send', device: 'laptop', mail: { id: 's1', toAddress: 'dan@example.net', subject: 'Hi' } },
      { at: 'day 1, 08:00', do: 'server.diskFail' },
      { at: 'day 1, 08:00', do: 'device.goOnline', device: 'laptop' },
      { at: 'day 1, 08:00', do: 'device.open', device: 'laptop', mail: 's1' },
    ],
  },
];

describe('simulation properties (random worlds, fixed seed)', { timeout: 60_000 }, () => {
  it('simulate finishes every scenario the loader accepts', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const scenario = load('finishes', input);
        try {
          simulateOnce(scenario);
        } catch (err) {
          fail(`simulate threw: ${err instanceof Error ? (err.stack ?? err.message).split('\n').slice(0, 3).join(' | ') : String(err)}`, input);
        }
      }),
      { ...params(), examples: FOUND.map((s) => [s] as [ScenarioInput]) },
    );
  });

  it('no copy appears without a transfer that made it', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const t = run('appears', load('appears', input));
        each(t, (before, after, frame) => {
          for (const [place, folder] of after.places) {
            for (const key of folder.keys()) {
              if (copyAt(before, place, key)) continue;
              count('copies that appeared');
              if (!frame.transfers.some((tr) => tr.to === place && tr.key === key))
                fail(`${where(frame)}: ${place} [${key}] (${folder.get(key)!.mail}) appeared; transfers: ${JSON.stringify(frame.transfers)}`, input);
            }
          }
        });
      }),
      params(),
    );
  });

  it('a copy whose flags change has a flag transfer', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const t = run('flags change', load('flags change', input));
        each(t, (before, after, frame) => {
          for (const [place, folder] of after.places) {
            for (const [key, copy] of folder) {
              const had = copyAt(before, place, key);
              if (!had || had === copy || (had.mail === copy.mail && had.flags === copy.flags)) continue;
              count('copies that changed');
              if (!frame.transfers.some((tr) => tr.to === place && tr.key === key))
                fail(`${where(frame)}: ${place} [${key}] changed ${JSON.stringify(had)} → ${JSON.stringify(copy)}; transfers: ${JSON.stringify(frame.transfers)}`, input);
            }
          }
        });
      }),
      params(),
    );
  });

  it('every disappearance is a transfer with a kind', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const t = run('disappears', load('disappears', input));
        each(t, (before, after, frame) => {
          for (const [place, folder] of before.places) {
            for (const [key, copy] of folder) {
              if (copyAt(after, place, key)) continue;
              count('copies that vanished');
              if (!frame.transfers.some((tr) => tr.from === place && tr.kind))
                fail(`${where(frame)}: ${place} [${key}] (${copy.mail}) vanished; transfers: ${JSON.stringify(frame.transfers)}`, input);
            }
          }
        });
      }),
      params(),
    );
  });

  it('server usage never exceeds quota plus grace, and matches what the server folders hold', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const scenario = load('quota', input);
        const t = run('quota', scenario);
        const grace = scenario.world.server.quotaGracePercent;
        for (const frame of t.frames) {
          const s = frame.state;
          for (const account of scenario.world.accounts) {
            const stored = { bytes: 0, messages: 0 };
            for (const [place, folder] of s.places) {
              if (parseServerPlace(place)?.account !== account.id) continue;
              for (const c of folder.values()) {
                stored.bytes += s.mails.get(c.mail)?.sizeBytes ?? 0;
                stored.messages++;
              }
            }
            const u = s.usage.get(account.id) ?? { bytes: 0, messages: 0 };
            if (u.bytes !== stored.bytes || u.messages !== stored.messages)
              fail(`${where(frame)}: usage of ${account.id} says ${JSON.stringify(u)} but the server folders hold ${JSON.stringify(stored)}`, input);
            const q = account.quota;
            if (!q) continue;
            count('frames checked against a quota');
            if (q.storageKB !== undefined && stored.bytes > q.storageKB * 1024 * (1 + grace / 100))
              fail(`${where(frame)}: ${account.id} stores ${stored.bytes} bytes, over ${q.storageKB} KB + ${grace} % grace`, input);
            if (q.messages !== undefined && stored.messages > q.messages) fail(`${where(frame)}: ${account.id} stores ${stored.messages} messages, over the limit of ${q.messages}`, input);
          }
        }
      }),
      params(),
    );
  });

  it('after every online IMAP device checks, each one sees what the server holds, flags included', () => {
    fc.assert(
      fc.property(scenarioArb.map(withFinalImapChecks), (input) => {
        const scenario = load('imap views', input);
        const t = run('imap views', scenario);
        const s = t.frames[t.frames.length - 1].state;
        if (s.serverDown) return;
        for (const d of scenario.world.devices) {
          if (d.protocol !== 'imap') continue;
          const status = s.devices.get(d.id);
          if (!status?.online || status.diskFailed) continue;
          const cache = d.kind === 'webmail' ? 'none' : d.imap.cache;
          count(`IMAP devices compared (cache ${cache})`);
          for (const [place, folder] of s.places) {
            const server = parseServerPlace(place);
            if (!server || server.account !== d.account) continue;
            // Known clash, reported: an IMAP client that does not save to the server Sent keeps its
            // sent mail in device/<id>/Sent, the very place that mirrors the server's Sent.
            if (server.folder === 'Sent' && !d.imap.saveSent && d.kind !== 'webmail') continue;
            const local = s.places.get(`device/${d.id}/${server.folder}`);
            if (cache === 'none') {
              if (local?.size) fail(`${d.id} keeps nothing (cache none) but device/${d.id}/${server.folder} holds ${JSON.stringify([...local.values()])}`, input);
              continue;
            }
            const want = [...folder.values()].map((c) => `${c.mail} ${c.flags}`).sort();
            const have = [...(local?.values() ?? [])].map((c) => `${c.mail} ${c.flags}`).sort();
            if (JSON.stringify(want) !== JSON.stringify(have))
              fail(`${d.id} (cache ${cache}) after checking: ${server.folder} on the device is [${have.join(', ')}] but on the server [${want.join(', ')}] (mail flags)`, input);
          }
          // Nothing cached for a server folder that is empty or gone.
          if (cache !== 'none')
            for (const [place, folder] of s.places) {
              const m = /^device\/([^/]+)\/(.+)$/.exec(place);
              if (!m || m[1] !== d.id || !folder.size || (m[2] === 'Sent' && !d.imap.saveSent)) continue;
              const serverFolder = s.folderMeta.has(`server/${d.account}/${m[2]}`);
              if (serverFolder && !s.places.get(`server/${d.account}/${m[2]}`)?.size)
                fail(`${d.id} after checking still caches ${[...folder.values()].map((c) => c.mail).join(', ')} in ${m[2]}, which is empty on the server`, input);
            }
        }
      }),
      params(),
    );
  });

  it('POP3 never touches anything but INBOX', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const t = run('pop3 inbox', load('pop3 inbox', input));
        const sessions = new Map<string, SessionInfo>();
        for (const frame of t.frames) {
          for (const s of frame.sessions) sessions.set(s.id, s);
          const pop3 = new Set<string>();
          for (const s of frame.sessions) if (s.protocol === 'POP3') pop3.add(s.account);
          for (const line of frameLines(frame)) {
            const s = sessions.get(line.session);
            if (s?.protocol === 'POP3') pop3.add(s.account);
          }
          if (!pop3.size) continue;
          count('POP3 frames');
          for (const tr of frame.transfers) {
            for (const place of [tr.from, tr.to]) {
              const server = place ? parseServerPlace(place) : null;
              if (server && !(server.folder === 'INBOX' && pop3.has(server.account)))
                fail(`${where(frame)}: a POP3 frame (accounts ${[...pop3].join(', ')}) has a transfer involving ${place}: ${JSON.stringify(tr)}`, input);
            }
          }
        }
      }),
      params(),
    );
  });

  it('a run is reproducible: same JSON twice, and frame states read in any order equal reading in sequence', () => {
    fc.assert(
      fc.property(scenarioArb, fc.infiniteStream(fc.nat()), (input, picks) => {
        const scenario = load('determinism', input);
        // The run the other properties read (in their own order), against a fresh one read in sequence:
        // two separate simulate() calls, without simulating the same world a fourth time.
        const first = simulateOnce(scenario);
        const second = simulate(scenario);
        const a = JSON.stringify(timelineToJSON(first));
        const b = JSON.stringify(timelineToJSON(second));
        if (a !== b) fail(`two runs differ at character ${[...a].findIndex((ch, i) => ch !== b[i])}`, input);
        // timelineToJSON read `second` in sequence; read a third run in a random order.
        const inSequence = second.frames.map((f) => JSON.stringify(stateToJSON(f.state)));
        const third = simulate(scenario);
        const order = third.frames.map((_, i) => i);
        const stream = picks[Symbol.iterator]();
        for (let i = order.length - 1; i > 0; i--) {
          const j = stream.next().value! % (i + 1);
          [order[i], order[j]] = [order[j], order[i]];
        }
        count('frame states read out of order', order.length);
        for (const i of order) {
          const text = JSON.stringify(stateToJSON(third.frames[i].state));
          if (text !== inSequence[i]) fail(`frame ${i} read out of order differs from reading in sequence`, input);
        }
      }),
      { seed: SEED, numRuns: Math.max(40, Math.round(RUNS / 2)) },
    );
  });

  it('the generator makes worlds the loader accepts', () => {
    // A guard on the generator itself: a property that skips most cases proves little.
    const samples = fc.sample(scenarioArb, { seed: SEED, numRuns: 200 });
    const rejected = samples.filter((s) => !loadScenarioData('generated', s).ok).length;
    expect(rejected / samples.length).toBeLessThan(0.05);
  });
});
