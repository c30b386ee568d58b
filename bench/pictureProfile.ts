// Where a played frame's time goes: plays the largest built-in scenario (from
// where the mailbox is full, at 4×) with the CPU throttled, under a DevTools
// trace, and prints the main thread's time per frame by kind (script, style,
// layout, paint, …) and the costliest functions. Figures per animation frame
// are CPU time, so they depend less on the machine's load than the frame times.
//   npx tsx bench/pictureProfile.ts   (BENCH_PORT, BENCH_SECONDS=6, BENCH_THROTTLE=4, BENCH_COMPARE=headers-only for two panes, BENCH_WIDTH=1600)
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../playwright.config';
import { buildIfNeeded, loadLine, startPreview } from './embed/benchServer';
import { atFullMailbox } from './player/atFullMailbox';

const PORT = Number(process.env.BENCH_PORT ?? 4183);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const THROTTLE = Number(process.env.BENCH_THROTTLE ?? 4);
const COMPARE = process.env.BENCH_COMPARE ?? '';
const WIDTH = Number(process.env.BENCH_WIDTH ?? 1600);
const SCENARIO = 'imap-big-mailbox-slow-link';

interface CpuProfile { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[]; samples: number[]; timeDeltas: number[] }
interface TraceEvent { name: string; ph: string; ts: number; dur?: number; tdur?: number; tid: number; pid: number; args?: { data?: { frame?: string; url?: string; functionName?: string; stackTrace?: unknown }; name?: string } }

const KIND: Record<string, string> = {
  FunctionCall: 'script', EvaluateScript: 'script', 'v8.callFunction': 'script', FireAnimationFrame: 'script', TimerFire: 'script', EventDispatch: 'script', RunMicrotasks: 'script', V8GC: 'gc', MajorGC: 'gc', MinorGC: 'gc',
  UpdateLayoutTree: 'style', RecalculateStyles: 'style', Layout: 'layout', 'LocalFrameView::RunPrePaintLifecyclePhase': 'prepaint', PrePaint: 'prepaint', Paint: 'paint', PaintImage: 'paint', Layerize: 'layerize', 'Layerize ': 'layerize', UpdateLayer: 'layerize', CompositeLayers: 'composite', Commit: 'commit', HitTest: 'hittest', ParseHTML: 'parse',
};

async function main() {
  buildIfNeeded();
  const before = loadLine();
  const stop = await startPreview(PORT);
  try {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: WIDTH, height: 1000 }, bypassCSP: !!process.env.BENCH_STYLE });
    await page.goto(`http://127.0.0.1:${PORT}/?scenario=${SCENARIO}&lang=en&quiz=off${COMPARE ? `&compare=${COMPARE}` : ''}`);
    await page.locator(COMPARE ? '.compare .pair figure:nth-child(2) svg.picture-svg g.region' : 'svg.picture-svg g.region').first().waitFor({ timeout: 180_000 });
    await atFullMailbox(page);
    // BENCH_STYLE: extra CSS for an experiment (e.g. hide a panel to see what its painting costs).
    if (process.env.BENCH_STYLE) await page.addStyleTag({ content: process.env.BENCH_STYLE });
    await page.waitForTimeout(500);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
    const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
    await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: [...(process.env.BENCH_CATEGORIES ? process.env.BENCH_CATEGORIES.split(',') : []), 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'disabled-by-default-v8.cpu_profiler'], recordMode: 'recordContinuously' } });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
    const from = Number(await page.getByTestId('position').getAttribute('data-frame'));
    await page.getByTestId('play').click();
    await page.waitForTimeout(SECONDS * 1000);
    await page.getByTestId('play').click();
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    await cdp.send('Tracing.end');
    await done;
    const to = Number(await page.getByTestId('position').getAttribute('data-frame'));
    await browser.close();
    if (process.env.BENCH_TRACE_OUT) writeFileSync(process.env.BENCH_TRACE_OUT, JSON.stringify({ traceEvents: events }));

    // The renderer's main thread: the thread that runs the animation-frame callbacks.
    const raf = events.filter((e) => e.name === 'FireAnimationFrame');
    const main = raf.length ? { pid: raf[0].pid, tid: raf[0].tid } : null;
    if (!main) throw new Error('no animation frames in the trace');
    const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
    const start = Math.min(...onMain.map((e) => e.ts));
    const end = Math.max(...onMain.map((e) => e.ts + (e.dur ?? 0)));
    // Self time per kind: an event's duration minus its children's, so nested events count once.
    const sorted = onMain.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const self = new Map<string, number>();
    const stack: { e: TraceEvent; kind: string; child: number }[] = [];
    const close = (upTo: number) => {
      while (stack.length && stack[stack.length - 1].e.ts + (stack[stack.length - 1].e.dur ?? 0) <= upTo) {
        const top = stack.pop()!;
        self.set(top.kind, (self.get(top.kind) ?? 0) + (top.e.dur ?? 0) - top.child);
        if (stack.length) stack[stack.length - 1].child += top.e.dur ?? 0;
      }
    };
    for (const e of sorted) {
      close(e.ts);
      const kind = KIND[e.name] ?? (stack.length ? stack[stack.length - 1].kind : `other`);
      stack.push({ e, kind, child: 0 });
    }
    close(Infinity);
    const frames = events.filter((e) => e.name === 'BeginMainThreadFrame' && e.pid === main.pid).length || raf.length;
    const busy = [...self.values()].reduce((a, b) => a + b, 0) / 1000;
    console.log(`${SCENARIO}${COMPARE ? ` compared with ${COMPARE}` : ''}, ${WIDTH} px, CPU throttled ${THROTTLE}×, ${SECONDS} s: ${to - from} changes played, ${raf.length} animation-frame callbacks, ${frames} main-thread frames`);
    console.log(`main thread busy ${busy.toFixed(0)} ms of ${((end - start) / 1000).toFixed(0)} ms traced; per animation frame ${(busy / Math.max(1, raf.length)).toFixed(1)} ms`);
    for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${k.padEnd(12)} ${(v / 1000).toFixed(0).padStart(6)} ms  ${(v / 1000 / Math.max(1, raf.length)).toFixed(2).padStart(6)} ms/frame`);
    // Per frame: the medians (robust to a loaded machine's outliers) of what the tasks that ran an animation
    // frame spent, by kind; a frame that moved the tokens only is the common case, one that drew a change the rare.
    const frameTasks = onMain.filter((e) => e.name === 'RunTask' && raf.some((r) => r.pid === main.pid && r.ts >= e.ts && r.ts <= e.ts + (e.dur ?? 0)));
    const med = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : 0);
    const within = (t: TraceEvent, name: string) => onMain.filter((e) => e.name === name && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + (t.dur ?? 0)).reduce((n, e) => n + (e.dur ?? 0) / 1000, 0);
    const perFrame = ['FireAnimationFrame', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Blink.Paint.UpdateTime', 'LocalFrameView::pushPaintArtifactToCompositor', 'Commit'];
    const taskMs = frameTasks.map((t) => (t.dur ?? 0) / 1000);
    const sortedTasks = [...taskMs].sort((a, b) => a - b);
    console.log(`frame tasks ${frameTasks.length}: median ${med(taskMs).toFixed(1)} ms, p90 ${(sortedTasks[Math.floor(0.9 * sortedTasks.length)] ?? 0).toFixed(1)} ms; median per frame: ${perFrame.map((n) => `${n.replace(/^.*::|Blink\.|\.UpdateTime/g, '')} ${med(frameTasks.map((t) => within(t, n))).toFixed(1)}`).join(', ')}`);
    // The same in the thread's CPU time (tdur): a loaded machine stretches wall time, far less the CPU a frame needs.
    const cpu = (t: TraceEvent, name: string) => onMain.filter((e) => e.name === name && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + (t.dur ?? 0)).reduce((n, e) => n + (e.tdur ?? 0) / 1000, 0);
    const taskCpu = frameTasks.map((t) => (t.tdur ?? 0) / 1000);
    const sortedCpu = [...taskCpu].sort((a, b) => a - b);
    console.log(`frame tasks in CPU time: median ${med(taskCpu).toFixed(2)} ms, p90 ${(sortedCpu[Math.floor(0.9 * sortedCpu.length)] ?? 0).toFixed(2)} ms, mean ${(taskCpu.reduce((a, b) => a + b, 0) / Math.max(1, taskCpu.length)).toFixed(2)} ms; median per frame: ${perFrame.map((n) => `${n.replace(/^.*::|Blink\.|\.UpdateTime/g, '')} ${med(frameTasks.map((t) => cpu(t, n))).toFixed(2)}`).join(', ')}`);
    const otherTasks = onMain.filter((e) => e.name === 'RunTask' && !frameTasks.includes(e) && (e.dur ?? 0) > 4000);
    console.log(`other tasks over 4 ms: ${otherTasks.length}, ${otherTasks.reduce((n, e) => n + (e.dur ?? 0) / 1000, 0).toFixed(0)} ms in all, longest ${Math.max(0, ...otherTasks.map((e) => (e.dur ?? 0) / 1000)).toFixed(0)} ms`);
    // Unattributed ("other") names, to keep the table honest.
    const names = new Map<string, number>();
    for (const e of onMain) if (!KIND[e.name]) names.set(e.name, (names.get(e.name) ?? 0) + (e.dur ?? 0));
    console.log(`  top event names: ${[...names.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([n, d]) => `${n} ${(d / 1000).toFixed(0)}`).join(', ')}`);
    // The costliest functions (self time, from the CPU profile; minified names, with their place in the bundle).
    const dt = new Map<number, number>();
    profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    const fn = new Map<string, number>();
    for (const n of profile.nodes) {
      const cf = n.callFrame;
      const k = `${cf.functionName || '(anon)'} ${cf.url.split('/').pop()}:${cf.lineNumber + 1}:${cf.columnNumber + 1}`;
      fn.set(k, (fn.get(k) ?? 0) + (dt.get(n.id) ?? 0));
    }
    const jsTotal = [...fn.values()].reduce((a, b) => a + b, 0);
    console.log(`CPU profile: ${(jsTotal / 1000).toFixed(0)} ms sampled; top self time:`);
    for (const [k, v] of [...fn.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.BENCH_TOP ?? 25))) console.log(`  ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`);
    if (process.env.BENCH_PROFILE_OUT) writeFileSync(process.env.BENCH_PROFILE_OUT, JSON.stringify(profile));
    console.log(`load before: ${before}; after: ${loadLine()}`);
  } finally {
    stop();
  }
}

void main();
