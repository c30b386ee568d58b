// How much the browser restyles and lays out per played change, counted rather
// than timed, so two builds can be told apart on a loaded machine: plays the
// largest built-in scenario at 4× from 60 % with the CPU throttled (as
// longFrames.ts does) under a light DevTools trace and prints, per change, the
// elements whose style was recalculated, the layout objects laid out (dirty of
// total) and the layouts and style recalculations forced by script (run while a
// script was running rather than in the frame's own update), with their times.
//   npx tsx bench/player/renderCounts.ts   (BENCH_DIST=dist, BENCH_PORT=4186, BENCH_SECONDS=8, BENCH_THROTTLE=4, BENCH_INVALIDATIONS=1, BENCH_CSS=…)
import { loadLine, startPreview, DIST } from '../embed/benchServer';
import { SCENARIO, tracedPlay } from './tracedPlay';

const PORT = Number(process.env.BENCH_PORT ?? 4186);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const THROTTLE = Number(process.env.BENCH_THROTTLE ?? 4);
/** Also count what the page invalidated for paint, by node (BENCH_INVALIDATIONS=1; the tracking itself costs time). */
const INVALIDATIONS = process.env.BENCH_INVALIDATIONS === '1';
/** CSS added to the built page before the trace (BENCH_CSS='.transcript .lines { … }'), to try a style without a build. */
const CSS = process.env.BENCH_CSS;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time: less swayed by other processes than `dur`. */
  tdur?: number;
  tid: number;
  pid: number;
  args?: { elementCount?: number; beginData?: { dirtyObjects?: number; totalObjects?: number }; data?: unknown };
}

/** Script that can force a style or layout when it reads one. */
const SCRIPT = new Set(['FunctionCall', 'EvaluateScript', 'TimerFire', 'FireIdleCallback', 'EventDispatch', 'v8.callFunction']);

async function main() {
  const before = loadLine();
  const stop = await startPreview(PORT, DIST);
  try {
    const { browser, cdp, events, changes } = await tracedPlay<TraceEvent>(PORT, { throttle: THROTTLE, seconds: SECONDS, css: CSS, categories: ['toplevel', 'devtools.timeline', 'v8.execute', ...(INVALIDATIONS ? ['disabled-by-default-devtools.timeline.invalidationTracking'] : [])] });
    // What each paint painted: its node, named by tag, class and test id.
    const paintNodes = new Map<number, string>();
    for (const e of events) {
      const id = (e.args?.data as { nodeId?: number } | undefined)?.nodeId;
      if (e.name !== 'Paint' || id === undefined || paintNodes.has(id)) continue;
      try {
        const { node } = (await cdp.send('DOM.describeNode', { backendNodeId: id })) as unknown as { node: { nodeName: string; attributes?: string[] } };
        const attr = (k: string) => { const a = node.attributes ?? []; const i = a.indexOf(k); return i >= 0 ? a[i + 1] : ''; };
        paintNodes.set(id, `${node.nodeName.toLowerCase()}${attr('class') ? `.${attr('class').split(' ').join('.')}` : ''}${attr('data-testid') ? `[${attr('data-testid')}]` : ''}${attr('data-place') ? `[${attr('data-place')}]` : ''}`);
      } catch {
        paintNodes.set(id, `(gone ${id})`);
      }
    }
    await browser.close();

    const raf = events.find((e) => e.name === 'FireAnimationFrame');
    if (!raf) throw new Error('no animation frames in the trace');
    const onMain = events.filter((e) => e.pid === raf.pid && e.tid === raf.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
    const scripts = onMain.filter((e) => SCRIPT.has(e.name));
    const inScript = (e: TraceEvent) => scripts.some((s) => s.ts <= e.ts && e.ts + (e.dur ?? 0) <= s.ts + (s.dur ?? 0));
    const style = onMain.filter((e) => e.name === 'UpdateLayoutTree');
    const layout = onMain.filter((e) => e.name === 'Layout');
    const sum = (es: TraceEvent[], f: (e: TraceEvent) => number) => es.reduce((a, e) => a + f(e), 0);
    const per = (v: number, digits = 1) => (v / changes).toFixed(digits);
    const ms = (e: TraceEvent) => (e.dur ?? 0) / 1000;
    const forcedStyle = style.filter(inScript);
    const forcedLayout = layout.filter(inScript);
    console.log(`${SCENARIO}, CPU throttled ${THROTTLE}×, ${SECONDS} s traced from ${DIST}: ${changes} changes; per change:`);
    console.log(`  style recalculations ${per(style.length)}, elements restyled ${per(sum(style, (e) => e.args?.elementCount ?? 0), 0)} (${per(sum(style, ms))} ms, CPU ${per(sum(style, (e) => (e.tdur ?? 0) / 1000))}); forced by script ${per(forcedStyle.length)}, ${per(sum(forcedStyle, (e) => e.args?.elementCount ?? 0), 0)} elements (${per(sum(forcedStyle, ms))} ms)`);
    console.log(`  layouts ${per(layout.length)}, objects laid out ${per(sum(layout, (e) => e.args?.beginData?.dirtyObjects ?? 0), 0)} of ${per(sum(layout, (e) => e.args?.beginData?.totalObjects ?? 0), 0)} (${per(sum(layout, ms))} ms, CPU ${per(sum(layout, (e) => (e.tdur ?? 0) / 1000))}); forced by script ${per(forcedLayout.length)}, ${per(sum(forcedLayout, (e) => e.args?.beginData?.dirtyObjects ?? 0), 0)} objects (${per(sum(forcedLayout, ms))} ms)`);
    const paint = onMain.filter((e) => e.name === 'Paint');
    const prePaint = onMain.filter((e) => e.name === 'PrePaint');
    const outermostPaint = paint.filter((e) => !paint.some((q) => q !== e && q.ts <= e.ts && e.ts + (e.dur ?? 0) <= q.ts + (q.dur ?? 0)));
    console.log(`  paint ${per(paint.length)} layers (${per(sum(outermostPaint, ms))} ms), pre-paint ${per(prePaint.length)} (${per(sum(prePaint, ms))} ms)`);
    // A layer's Paint event contains the Paint events of the layers painted inside it (the
    // document's holds the transcript's and the picture's): its own time is the rest.
    const byNode = new Map<string, { n: number; ms: number; own: number; cpu: number }>();
    const cpu = (e: TraceEvent) => (e.tdur ?? 0) / 1000;
    for (const e of paint) {
      const id = (e.args?.data as { nodeId?: number } | undefined)?.nodeId;
      const name = id === undefined ? '(no node)' : (paintNodes.get(id) ?? `#${id}`);
      const end = e.ts + (e.dur ?? 0);
      const inner = paint.filter((q) => q !== e && q.ts >= e.ts && q.ts + (q.dur ?? 0) <= end);
      const outermost = inner.filter((q) => !inner.some((r) => r !== q && r.ts <= q.ts && q.ts + (q.dur ?? 0) <= r.ts + (r.dur ?? 0)));
      const v = byNode.get(name) ?? { n: 0, ms: 0, own: 0, cpu: 0 };
      v.n++;
      v.ms += ms(e);
      v.own += ms(e) - sum(outermost, ms);
      v.cpu += cpu(e) - sum(outermost, cpu);
      byNode.set(name, v);
    }
    for (const [name, v] of [...byNode].sort((a, b) => b[1].own - a[1].own).slice(0, 8)) console.log(`    ${per(v.own).padStart(6)} ms own, CPU ${per(v.cpu)} ms, ${(v.cpu / v.n).toFixed(2)} per paint (${per(v.ms)} with the layers inside) ${per(v.n).padStart(5)}× ${name}`);
    if (INVALIDATIONS) {
      const byName = new Map<string, number>();
      for (const e of events) {
        if (e.name !== 'PaintInvalidationTracking' && e.name !== 'StyleRecalcInvalidationTracking' && e.name !== 'LayoutInvalidationTracking') continue;
        const d = (e.args?.data ?? {}) as { nodeName?: string; reason?: string };
        const k = `${e.name.replace('InvalidationTracking', '')} ${d.nodeName ?? '?'}${d.reason ? ` (${d.reason})` : ''}`;
        byName.set(k, (byName.get(k) ?? 0) + 1);
      }
      for (const [k, n] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`    ${per(n).padStart(7)}× ${k}`);
    }
    console.log(`load before: ${before}; after: ${loadLine()}`);
  } finally {
    stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
