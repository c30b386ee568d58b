// What makes the long frames of a throttled play: plays the largest built-in
// scenario at 4× from 60 % with the CPU throttled (as bench/browser.bench.ts
// does) under a light DevTools trace (no CPU sampling), finds every gap between
// two animation frames longer than one display frame, and tells which
// main-thread tasks ran in it: the animation frame itself (with the time its
// callbacks, style, layout, paint and commit took), idle callbacks, messages
// (React's scheduler), timers, garbage collection.
//   npx tsx bench/player/longFrames.ts   (BENCH_DIST=dist, BENCH_PORT=4183, BENCH_SECONDS=8, BENCH_THROTTLE=4, BENCH_LIST=20)
import { loadLine, startPreview, DIST } from '../embed/benchServer';
import { SCENARIO, tracedPlay } from './tracedPlay';

const PORT = Number(process.env.BENCH_PORT ?? 4183);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const THROTTLE = Number(process.env.BENCH_THROTTLE ?? 4);
const LIST = Number(process.env.BENCH_LIST ?? 20);

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; tdur?: number; tid: number; pid: number; args?: { data?: { functionName?: string; url?: string; lineNumber?: number; type?: string } } }

/** What a task was, from the events inside it. */
function kindOf(task: TraceEvent, inside: TraceEvent[]): string {
  const has = (n: string) => inside.some((e) => e.name === n);
  if (has('FireAnimationFrame') || has('UpdateLayoutTree') && has('Paint')) return 'frame';
  // The biggest script call inside names the job (readable with an unminified build: vite build --minify false).
  const calls = inside.filter((e) => e.name === 'FunctionCall').sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0));
  const fn = calls.length ? `:${calls[0].args?.data?.functionName || '(anon)'}` : '';
  if (has('FireIdleCallback')) return `idle${fn}`;
  if (has('TimerFire')) return `timer${fn}`;
  const ev = inside.find((e) => e.name === 'EventDispatch');
  if (ev) return `event:${ev.args?.data?.type ?? '?'}`;
  if (has('HandlePostMessage') || inside.some((e) => e.name === 'FunctionCall' && /onmessage|performWorkUntilDeadline/.test(e.args?.data?.functionName ?? ''))) return 'message';
  const fc = calls[0];
  if (fc) return `call:${fc.args?.data?.functionName || '(anon)'}@${(fc.args?.data?.url ?? '').split('/').pop()?.replace(/-[\w-]{8}\.js$/, '')}:${fc.args?.data?.lineNumber ?? ''}`;
  if (inside.some((e) => /GC/.test(e.name))) return 'gc';
  return inside.map((e) => e.name).slice(0, 3).join('+') || task.name;
}

async function main() {
  const before = loadLine();
  const stop = await startPreview(PORT, DIST);
  try {
    const { browser, events, changes } = await tracedPlay<TraceEvent>(PORT, { throttle: THROTTLE, seconds: SECONDS, categories: (process.env.BENCH_CATEGORIES ?? 'toplevel,devtools.timeline,v8.execute').split(',') });
    await browser.close();

    const raf = events.filter((e) => e.name === 'FireAnimationFrame');
    if (!raf.length) throw new Error('no animation frames in the trace');
    const main = { pid: raf[0].pid, tid: raf[0].tid };
    const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
    const tasks = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
    const insideOf = (t: TraceEvent) => onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + (t.dur ?? 0));
    const described = tasks.map((t) => {
      const inside = insideOf(t);
      const sum = (n: string) => inside.filter((e) => e.name === n).reduce((a, e) => a + (e.dur ?? 0) / 1000, 0);
      return { t, kind: kindOf(t, inside), ms: (t.dur ?? 0) / 1000, cpu: (t.tdur ?? 0) / 1000, gc: inside.filter((e) => /^(MinorGC|MajorGC|V8\.GC_)/.test(e.name) || e.name === 'V8.GCScavenger').reduce((a, e) => a + (e.dur ?? 0) / 1000, 0), raf: sum('FireAnimationFrame'), style: sum('UpdateLayoutTree'), layout: sum('Layout'), prepaint: sum('PrePaint'), paint: sum('Paint'), layerize: sum('LocalFrameView::pushPaintArtifactToCompositor'), commit: sum('Commit') };
    });
    // The frames: tasks that ran animation-frame callbacks (the clock's, which draws the picture).
    const frames = described.filter((d) => d.kind === 'frame' && d.raf > 0);
    const gaps: { ms: number; tasks: typeof described }[] = [];
    for (let i = 1; i < frames.length; i++) {
      const a = frames[i - 1].t.ts;
      const b = frames[i].t.ts;
      gaps.push({ ms: (b - a) / 1000, tasks: described.filter((d) => d.t.ts >= a && d.t.ts < b) });
    }
    const long = gaps.filter((g) => g.ms > 20);
    const pct = (xs: number[], p: number) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
    const ivs = gaps.map((g) => g.ms);
    console.log(`${SCENARIO}, CPU throttled ${THROTTLE}×, ${SECONDS} s traced: ${changes} changes, ${frames.length} frames; interval p50 ${pct(ivs, 50).toFixed(1)} p90 ${pct(ivs, 90).toFixed(1)} p95 ${pct(ivs, 95).toFixed(1)} p99 ${pct(ivs, 99).toFixed(1)} ms; ${long.length} intervals over 20 ms`);
    // Per kind: the time each kind of task took inside the long intervals, and in all intervals.
    const byKind = (gs: typeof gaps) => {
      const m = new Map<string, { n: number; ms: number }>();
      for (const g of gs) for (const d of g.tasks) {
        const k = d.kind;
        const v = m.get(k) ?? { n: 0, ms: 0 };
        v.n++;
        v.ms += d.ms;
        m.set(k, v);
      }
      return [...m.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12).map(([k, v]) => `${k} ${v.n}× ${v.ms.toFixed(0)} ms`).join(', ');
    };
    // The main thread's CPU time per played change, by kind of task: less sensitive to the machine's load than the intervals.
    const cpuBy = new Map<string, number>();
    for (const d of described) {
      const k = d.kind.replace(/[:@].*/, '');
      cpuBy.set(k, (cpuBy.get(k) ?? 0) + d.cpu);
    }
    const allCpu = [...cpuBy.values()].reduce((a, b) => a + b, 0);
    console.log(`main-thread CPU per change: ${(allCpu / changes).toFixed(1)} ms; ${[...cpuBy.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${(v / changes).toFixed(1)}`).join(', ')}`);
    // The sizes of the tasks between frames, by kind (idle preparation, messages): each should fit beside a frame.
    for (const k of ['idle', 'message', 'call']) {
      const ts = described.filter((d) => d.kind.startsWith(k));
      if (!ts.length) continue;
      const cpus = ts.map((d) => d.cpu);
      console.log(`${k} tasks: ${ts.length} (${(ts.length / changes).toFixed(1)} per change), CPU median ${pct(cpus, 50).toFixed(1)} p90 ${pct(cpus, 90).toFixed(1)} max ${Math.max(...cpus).toFixed(1)} ms; wall p90 ${pct(ts.map((d) => d.ms), 90).toFixed(1)} ms`);
    }
    console.log(`tasks in long intervals: ${byKind(long)}`);
    console.log(`tasks in all intervals:  ${byKind(gaps)}`);
    // What the frame task of a long interval's end and start cost, against an ordinary one.
    const med = (xs: number[]) => (xs.length ? pct(xs, 50) : 0);
    const f = (xs: typeof described) => `task ${med(xs.map((d) => d.ms)).toFixed(1)} (cpu ${med(xs.map((d) => d.cpu)).toFixed(1)}): raf ${med(xs.map((d) => d.raf)).toFixed(1)} style ${med(xs.map((d) => d.style)).toFixed(1)} layout ${med(xs.map((d) => d.layout)).toFixed(1)} prepaint ${med(xs.map((d) => d.prepaint)).toFixed(1)} paint ${med(xs.map((d) => d.paint)).toFixed(1)} layerize ${med(xs.map((d) => d.layerize)).toFixed(1)} commit ${med(xs.map((d) => d.commit)).toFixed(1)}`;
    const inLong = long.flatMap((g) => g.tasks.filter((d) => d.kind === 'frame'));
    const ordinary = gaps.filter((g) => g.ms <= 20).flatMap((g) => g.tasks.filter((d) => d.kind === 'frame'));
    console.log(`frame tasks in ordinary intervals (median, ms): ${f(ordinary)}`);
    console.log(`frame tasks in long intervals   (median, ms): ${f(inLong)}`);
    const big = inLong.filter((d) => d.raf > 10);
    console.log(`  of which drawing a change (raf > 10 ms): ${big.length}; ${f(big)}`);
    // Means, where the medians above hide the few costly frames: all frames but those drawing a change.
    const rest = frames.filter((d) => d.raf <= 10);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    console.log(`other frames ${rest.length} (mean, ms): task ${mean(rest.map((d) => d.ms)).toFixed(1)} cpu ${mean(rest.map((d) => d.cpu)).toFixed(1)}: raf ${mean(rest.map((d) => d.raf)).toFixed(1)} style ${mean(rest.map((d) => d.style)).toFixed(1)} layout ${mean(rest.map((d) => d.layout)).toFixed(1)} prepaint ${mean(rest.map((d) => d.prepaint)).toFixed(1)} paint ${mean(rest.map((d) => d.paint)).toFixed(1)}; ${rest.filter((d) => d.cpu > 8).length} over 8 ms CPU`);
    console.log(`long intervals, the first ${LIST}:`);
    for (const g of long.slice(0, LIST)) console.log(`  ${g.ms.toFixed(1).padStart(6)} ms: ${g.tasks.map((d) => `${d.kind}${d.kind === 'frame' ? `[raf ${d.raf.toFixed(1)} paint+ ${(d.style + d.layout + d.prepaint + d.paint + d.layerize + d.commit).toFixed(1)}]` : ''} ${d.ms.toFixed(1)}${d.gc > 0.5 ? ` (gc ${d.gc.toFixed(1)})` : ''}`).filter((s) => !/ 0\.[0-4]$/.test(s)).join(' · ')}`);
    console.log(`load before: ${before}; after: ${loadLine()}`);
  } finally {
    stop();
  }
}

void main();
