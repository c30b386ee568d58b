// Where the main thread's script time goes while the player plays: plays the
// largest built-in scenario at 4× from 60 % with the CPU throttled (as
// bench/browser.bench.ts does) under the V8 sampling profiler, and prints the
// functions with the most self time and with the most total time (time in them
// and what they call), per played change. Names are readable with an
// unminified build: `npx vite build --minify false`.
//   npx tsx bench/player/cpuProfile.ts   (BENCH_DIST=dist, BENCH_PORT=4184, BENCH_SECONDS=8, BENCH_THROTTLE=4, BENCH_LIST=30,
//   BENCH_FOCUS=fn,… lists their callees, BENCH_CALLERS=fn,… their callers)
import { loadLine, startPreview, DIST } from '../embed/benchServer';
import { throttledAtFullMailbox } from './atFullMailbox';

const PORT = Number(process.env.BENCH_PORT ?? 4184);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const THROTTLE = Number(process.env.BENCH_THROTTLE ?? 4);
const LIST = Number(process.env.BENCH_LIST ?? 30);
/** Also list what the functions of these names spend their time in (comma-separated), e.g. renderPicture,drawTokens. */
const FOCUS = (process.env.BENCH_FOCUS ?? '').split(',').filter(Boolean);
/** Also list who calls the functions of these names (comma-separated), with the time spent in them from each caller, e.g. fixedT,t. */
const CALLERS = (process.env.BENCH_CALLERS ?? '').split(',').filter(Boolean);
const SCENARIO = 'imap-big-mailbox-slow-link';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

const nameOf = (n: ProfileNode) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()?.replace(/-[\w-]{8}\.js$/, '') ?? ''}:${n.callFrame.lineNumber + 1}`;

async function main() {
  const before = loadLine();
  const stop = await startPreview(PORT, DIST);
  try {
    const { browser, page, cdp } = await throttledAtFullMailbox(PORT, SCENARIO, THROTTLE);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const from = Number(await page.getByTestId('position').getAttribute('data-frame'));
    await page.getByTestId('play').click();
    await page.waitForTimeout(SECONDS * 1000);
    await page.getByTestId('play').click();
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const to = Number(await page.getByTestId('position').getAttribute('data-frame'));
    await browser.close();

    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const self = new Map<string, number>();
    const total = new Map<string, number>();
    for (let i = 0; i < profile.samples.length; i++) {
      const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const leaf = byId.get(profile.samples[i]);
      if (!leaf) continue;
      self.set(nameOf(leaf), (self.get(nameOf(leaf)) ?? 0) + ms);
      // Total time: once per name on the stack (a recursive call is not counted twice).
      const seen = new Set<string>();
      for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
        const name = nameOf(byId.get(id)!);
        if (seen.has(name)) continue;
        seen.add(name);
        total.set(name, (total.get(name) ?? 0) + ms);
      }
    }
    // Under a focused function: the time of each function it calls directly (its callees' totals), and its own.
    const under = new Map<string, Map<string, number>>();
    for (let i = 0; i < profile.samples.length; i++) {
      const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      let child: ProfileNode | undefined;
      for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) {
        const n = byId.get(id)!;
        if (FOCUS.includes(n.callFrame.functionName)) {
          const m = under.get(n.callFrame.functionName) ?? new Map<string, number>();
          under.set(n.callFrame.functionName, m);
          const k = child ? nameOf(child) : '(self)';
          m.set(k, (m.get(k) ?? 0) + ms);
          break;
        }
        child = n;
      }
    }
    // Above a function asked about: the time spent in it, by the function that called it (the outermost call on the stack).
    const callers = new Map<string, Map<string, number>>();
    for (let i = 0; i < profile.samples.length; i++) {
      const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      let found: { fn: string; caller: string } | null = null;
      for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) {
        const n = byId.get(id)!;
        const up = parent.get(id);
        if (CALLERS.includes(n.callFrame.functionName) && up !== undefined && byId.get(up)!.callFrame.functionName !== n.callFrame.functionName) found = { fn: n.callFrame.functionName, caller: nameOf(byId.get(up)!) };
      }
      if (!found) continue;
      const m = callers.get(found.fn) ?? new Map<string, number>();
      callers.set(found.fn, m);
      m.set(found.caller, (m.get(found.caller) ?? 0) + ms);
    }
    const changes = Math.max(1, to - from);
    const top = (m: Map<string, number>) =>
      [...m.entries()]
        .filter(([k]) => !/^\((root|program|idle)\)/.test(k))
        .sort((a, b) => b[1] - a[1])
        .slice(0, LIST)
        .map(([k, v]) => `  ${(v / changes).toFixed(2).padStart(7)} ms  ${k}`)
        .join('\n');
    console.log(`${SCENARIO}, CPU throttled ${THROTTLE}×, ${SECONDS} s profiled: ${changes} changes; per change:`);
    console.log(`self time:\n${top(self)}`);
    console.log(`total time:\n${top(total)}`);
    for (const [fn, m] of under) console.log(`under ${fn}:\n${top(m)}`);
    for (const [fn, m] of callers) console.log(`callers of ${fn}:\n${top(m)}`);
    console.log(`load before: ${before}; after: ${loadLine()}`);
  } finally {
    stop();
  }
}

void main();
