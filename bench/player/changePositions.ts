// What each played change does to the picture's DOM: plays the largest
// built-in scenario at 4× from 60 % (CPU throttled, as cpuProfile.ts does) and
// prints, per change, how many tokens travelled (a transform written), entered
// and left the picture, and the DOM mutations (a MutationObserver's records)
// in the picture and its overlay, with the bin of tokens and the layers that had the most. So
// one sees which change is heavy, and in which place.
//   npx tsx bench/player/changePositions.ts   (BENCH_DIST=dist, BENCH_PORT=4185, BENCH_SECONDS=8, BENCH_THROTTLE=4)
import { loadLine, startPreview, DIST } from '../embed/benchServer';
import { throttledAtFullMailbox } from './atFullMailbox';

const PORT = Number(process.env.BENCH_PORT ?? 4185);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const THROTTLE = Number(process.env.BENCH_THROTTLE ?? 4);
const SCENARIO = 'imap-big-mailbox-slow-link';

interface Change {
  frame: number;
  moved: number;
  entered: number;
  left: number;
  mutations: number;
  topBin: string;
  topBinMutations: number;
  /** The parts of the picture with the most mutations (layers; "over:" in the overlay). */
  parts: string;
  /** Every part's mutations. */
  byPart: Record<string, number>;
  /** The mutations of each animation frame while this change was shown. */
  perFrame: number[];
}

// Runs in the page: counts the picture's mutations between changes of the position's frame.
const WATCH = `(() => {
  const picture = document.querySelector('svg.picture-svg');
  const root = picture.closest('.picture') ?? picture.parentElement;
  const changes = [];
  let cur = null;
  const start = (frame) => { cur = { frame, moved: new Set(), added: new Set(), removed: new Set(), mutations: 0, bins: new Map(), parts: new Map(), perFrame: [0] }; };
  const el = (n) => (n && n.nodeType === 1 ? n : n?.parentElement ?? null);
  const binOf = (n) => el(n)?.closest('.token-bin')?.getAttribute('data-bin') ?? null;
  // Which part of the picture a mutation is in: its layer (in the picture or over it), else the picture's own node or the overlay.
  const partOf = (n) => {
    const e = el(n);
    const layer = e?.closest('g.layer');
    const name = layer ? [...layer.classList].find((c) => c.startsWith('layer-')) : e?.closest('.picture-travel') ? 'overlay' : e === picture ? 'svg' : 'other';
    return (e?.closest('.picture-travel') && layer ? 'over:' : '') + name;
  };
  const seen = new WeakSet();
  for (const t of root.querySelectorAll('g.token')) seen.add(t);
  const isToken = (n) => n.nodeType === 1 && n.classList.contains('token');
  const observer = new MutationObserver((records) => {
    if (!cur) return;
    for (const r of records) {
      cur.mutations++;
      cur.perFrame[cur.perFrame.length - 1]++;
      const bin = binOf(r.target);
      if (bin) cur.bins.set(bin, (cur.bins.get(bin) ?? 0) + 1);
      const part = partOf(r.target);
      cur.parts.set(part, (cur.parts.get(part) ?? 0) + 1);
      if (r.type === 'attributes' && r.attributeName === 'transform' && isToken(r.target)) cur.moved.add(r.target);
      if (r.type === 'childList') {
        for (const n of r.addedNodes) if (isToken(n)) cur.added.add(n);
        for (const n of r.removedNodes) if (isToken(n)) cur.removed.add(n);
      }
    }
  });
  observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  const position = document.querySelector('[data-testid="position"]');
  const close = () => {
    if (!cur) return;
    observer.takeRecords();
    let topBin = '', topBinMutations = 0;
    for (const [b, n] of cur.bins) if (n > topBinMutations) { topBin = b; topBinMutations = n; }
    // Entered: a token node never seen before; left: one taken out and not put back (a token sent to the overlay and home again did neither).
    const entered = [...cur.added].filter((n) => !seen.has(n)).length;
    for (const n of cur.added) seen.add(n);
    const left = [...cur.removed].filter((n) => !n.isConnected).length;
    const parts = [...cur.parts].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, v]) => k + ' ' + v).join(', ');
    changes.push({ frame: cur.frame, moved: cur.moved.size, entered, left, mutations: cur.mutations, topBin, topBinMutations, parts, byPart: Object.fromEntries(cur.parts), perFrame: cur.perFrame });
  };
  let last = position.getAttribute('data-frame');
  window.__on = true;
  // Checked on every animation frame after the picture's own callbacks have run.
  const loop = () => {
    if (!window.__on) return;
    const now = position.getAttribute('data-frame');
    if (now !== last) {
      close();
      start(Number(now));
      last = now;
    } else cur.perFrame.push(0);
    requestAnimationFrame(loop);
  };
  start(Number(last));
  requestAnimationFrame(loop);
  window.__changes = () => { window.__on = false; close(); observer.disconnect(); return changes; };
})()`;

async function main() {
  const before = loadLine();
  const stop = await startPreview(PORT, DIST);
  try {
    const { browser, page } = await throttledAtFullMailbox(PORT, SCENARIO, THROTTLE);
    await page.evaluate(WATCH);
    await page.getByTestId('play').click();
    await page.waitForTimeout(SECONDS * 1000);
    await page.getByTestId('play').click();
    const changes = ((await page.evaluate('window.__changes()')) as Change[]).slice(1);
    await browser.close();
    console.log(`${SCENARIO}, CPU throttled ${THROTTLE}×, ${SECONDS} s played from ${DIST}: ${changes.length} changes`);
    console.log('  frame  moved  entered  left  mutations  bin with the most (its mutations) · parts with the most');
    for (const c of changes) console.log(`${String(c.frame).padStart(7)}${String(c.moved).padStart(7)}${String(c.entered).padStart(9)}${String(c.left).padStart(6)}${String(c.mutations).padStart(11)}  ${c.topBin || '-'}${c.topBin ? ` (${c.topBinMutations})` : ''} · ${c.parts}`);
    const sum = (k: keyof Change) => changes.reduce((s, c) => s + (c[k] as number), 0);
    const n = Math.max(1, changes.length);
    console.log(`per change: moved ${(sum('moved') / n).toFixed(1)}, entered ${(sum('entered') / n).toFixed(1)}, left ${(sum('left') / n).toFixed(1)}, mutations ${(sum('mutations') / n).toFixed(1)}, in the busiest bin ${(sum('topBinMutations') / n).toFixed(1)}`);
    // Every part's mutations per change (the rows above name only each change's four busiest).
    const byPart = new Map<string, number>();
    for (const c of changes) for (const [k, v] of Object.entries(c.byPart)) byPart.set(k, (byPart.get(k) ?? 0) + v);
    // How a change's writes are spread over animation frames (counts, so a loaded machine shows them as a quiet one does,
    // though a loaded one draws fewer frames): the busiest frame of each change, and all frames' percentiles.
    const frames = changes.flatMap((c) => c.perFrame).sort((a, b) => a - b);
    const at = (q: number) => frames[Math.min(frames.length - 1, Math.floor(q * frames.length))] ?? 0;
    const busiest = changes.map((c) => Math.max(...c.perFrame)).sort((a, b) => a - b);
    console.log(`mutations per animation frame (${frames.length} frames): p50 ${at(0.5)} p90 ${at(0.9)} p95 ${at(0.95)} max ${frames.at(-1) ?? 0}; a change's busiest frame: median ${busiest[Math.floor(busiest.length / 2)] ?? 0}, max ${busiest.at(-1) ?? 0}`);
    console.log(`per change by part: ${[...byPart].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${(v / n).toFixed(1)}`).join(', ')}`);
    console.log(`load before: ${before}; after: ${loadLine()}`);
  } finally {
    stop();
  }
}

void main();
