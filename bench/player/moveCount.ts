// How many nodes the player moves between the picture and its travel overlay per
// played change, and the time those moves take: plays the largest built-in
// scenario at 4× from 60 % (CPU throttled BENCH_THROTTLE×) with appendChild and
// insertBefore wrapped in the page, and prints per change the calls that moved an
// element already in the document, by the moved node's class, with their time,
// and the attributes written in the travel overlay, by element and attribute.
//   npx tsx bench/player/moveCount.ts   (BENCH_DIST=dist, BENCH_PORT=4187, BENCH_SECONDS=8, BENCH_THROTTLE=4)
import { loadLine, startPreview, DIST } from '../embed/benchServer';
import { throttledAtFullMailbox } from './atFullMailbox';

const PORT = Number(process.env.BENCH_PORT ?? 4187);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const THROTTLE = Number(process.env.BENCH_THROTTLE ?? 4);
const SCENARIO = 'imap-big-mailbox-slow-link';

async function main() {
  const before = loadLine();
  const stop = await startPreview(PORT, DIST);
  try {
    const { browser, page } = await throttledAtFullMailbox(PORT, SCENARIO, THROTTLE);
    await page.evaluate(`(() => {
      const seen = (window.__moves = new Map());
      const wrap = (name) => {
        const orig = Node.prototype[name];
        Node.prototype[name] = function (node, ...rest) {
          if (!(node instanceof Element) || !node.isConnected || !node.closest('.picture')) return orig.call(this, node, ...rest);
          const t0 = performance.now();
          const r = orig.call(this, node, ...rest);
          const k = name + ' ' + (node.getAttribute('class') || node.tagName) + ' → ' + (this.closest?.('.picture-travel') ? 'overlay' : 'picture');
          const v = seen.get(k) || { n: 0, ms: 0 };
          v.n++; v.ms += performance.now() - t0;
          seen.set(k, v);
          return r;
        };
      };
      wrap('appendChild');
      wrap('insertBefore');
      // And every attribute written inside the overlay, by the element's class and the attribute.
      const writes = (window.__writes = new Map());
      new MutationObserver((rs) => {
        for (const r of rs) {
          if (r.type !== 'attributes' || !r.target.closest?.('.picture-travel')) continue;
          const k = (r.target.getAttribute('class') || r.target.tagName) + ' ' + r.attributeName;
          writes.set(k, (writes.get(k) || 0) + 1);
        }
      }).observe(document.querySelector('.picture'), { subtree: true, attributes: true });
    })()`);
    const from = Number(await page.getByTestId('position').getAttribute('data-frame'));
    await page.getByTestId('play').click();
    await page.waitForTimeout(SECONDS * 1000);
    await page.getByTestId('play').click();
    const to = Number(await page.getByTestId('position').getAttribute('data-frame'));
    const moves = (await page.evaluate('[...window.__moves]')) as [string, { n: number; ms: number }][];
    const writes = (await page.evaluate('[...window.__writes]')) as [string, number][];
    await browser.close();
    const changes = Math.max(1, to - from);
    console.log(`${SCENARIO}, CPU throttled ${THROTTLE}×, ${SECONDS} s from ${DIST}: ${changes} changes; moves of connected elements per change:`);
    for (const [k, v] of moves.sort((a, b) => b[1].ms - a[1].ms)) console.log(`  ${(v.n / changes).toFixed(2).padStart(6)}× ${(v.ms / changes).toFixed(2).padStart(6)} ms  ${k}`);
    console.log(`attributes written in the overlay per change (${(writes.reduce((a, [, n]) => a + n, 0) / changes).toFixed(1)}):`);
    for (const [k, n] of writes.sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${(n / changes).toFixed(2).padStart(6)}×  ${k}`);
    console.log(`load before: ${before}; after: ${loadLine()}`);
  } finally {
    stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
