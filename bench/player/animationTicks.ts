// What a travelling token costs the main thread, several ways, on a synthetic
// page like the player's picture (an <svg> of 400 envelopes with an overlay
// over it), CPU throttled 4× as on a lecture-hall laptop: its `transform`
// attribute written in a requestAnimationFrame callback (the frame-by-frame
// travel), or a box around it moved by a Web Animation the compositor runs
// (a box the picture's size, with or without will-change, or one only as
// large as the token, holding an image or a root <svg>), with a
// requestAnimationFrame loop still going (the player's clock and the frame-time
// benchmark keep one), or without one; and nothing moving at all. Prints the
// main thread's CPU time per second by phase, from a DevTools trace (CPU time,
// so it depends less on the machine's load than frame times do).
//   npx tsx bench/player/animationTicks.ts   (BENCH_SECONDS=3)
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../playwright.config';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);

const PAGE = `<!doctype html><html><body style="margin:0">
<div id="box" style="position:relative;width:1200px;height:800px">
<svg id="pic" viewBox="0 0 1200 800" width="1200" height="800" style="display:block"></svg>
<div id="over" style="position:absolute;inset:0;pointer-events:none"><svg viewBox="0 0 1200 800" style="position:absolute;inset:0;width:100%;height:100%"><g id="layer"></g></svg></div>
</div><script>
const NS = 'http://www.w3.org/2000/svg';
const pic = document.getElementById('pic');
for (let i = 0; i < 400; i++) {
  const g = pic.appendChild(document.createElementNS(NS, 'g'));
  const x = 20 + (i % 40) * 28, y = 20 + Math.floor(i / 40) * 60;
  g.innerHTML = '<rect x="' + x + '" y="' + y + '" width="22" height="15" fill="#8ab" stroke="#222"/><path d="M' + x + ',' + y + 'L' + (x + 11) + ',' + (y + 6) + 'L' + (x + 22) + ',' + y + '" stroke="#fff" fill="none"/><text x="' + (x + 11) + '" y="' + (y + 12) + '" font-size="8" text-anchor="middle">' + i + '</text>';
}
const token = () => { const g = document.createElementNS(NS, 'g'); g.innerHTML = '<rect x="-11" y="-7" width="22" height="15" fill="#e84" stroke="#222"/><text y="4" font-size="8" text-anchor="middle">T</text>'; return g; };
window.run = (how) => {
  const loop = (fn) => { const step = (now) => { fn(now); requestAnimationFrame(step); }; requestAnimationFrame(step); };
  if (how === 'nothing moves') return loop(() => {});
  if (how === 'attribute') {
    const t = document.getElementById('layer').appendChild(token());
    loop((now) => { const p = (now % 1100) / 1100; t.setAttribute('transform', 'translate(' + (100 + 900 * p).toFixed(1) + ',' + (100 + 500 * p).toFixed(1) + ')'); });
  } else {
    const group = document.getElementById('over').appendChild(document.createElement('div'));
    group.style.cssText = 'position:absolute;inset:0' + (how === 'animation, will-change' ? ';will-change:transform' : '');
    if (how === 'animation, small img') {
      // The token as a small image at its place: a box of its own size, not the picture's.
      group.style.cssText = 'position:absolute;left:89px;top:93px;width:22px;height:15px';
      group.innerHTML = '<img alt="" width="22" height="15" src="data:image/svg+xml,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="-11 -7 22 15"><rect x="-11" y="-7" width="22" height="15" fill="#e84" stroke="#222"/></svg>') + '">';
    } else if (how === 'animation, small svg') {
      // The token in a root <svg> of its own size, at its place.
      group.style.cssText = 'position:absolute;left:89px;top:93px;width:22px;height:15px';
      group.innerHTML = '<svg viewBox="-11 -7 22 15" width="22" height="15" style="display:block;overflow:visible"></svg>';
      group.firstChild.appendChild(token());
    } else {
      group.innerHTML = '<svg viewBox="0 0 1200 800" style="position:absolute;inset:0;width:100%;height:100%"></svg>';
      const t = group.firstChild.appendChild(token());
      t.setAttribute('transform', 'translate(100,100)');
    }
    group.animate([{ transform: 'translate(0px,0px)' }, { transform: 'translate(900px,500px)' }], { duration: 1100, iterations: Infinity });
    if (how !== 'animation, no rAF') loop(() => {});
  }
};
</script></body></html>`;

interface Ev { name: string; ph: string; dur?: number; tdur?: number; tid: number; ts: number }

async function main() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  for (const how of ['attribute', 'animation', 'animation, will-change', 'animation, small img', 'animation, small svg', 'animation, no rAF', 'nothing moves']) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.setContent(PAGE);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.evaluate(`run(${JSON.stringify(how)})`);
    await page.waitForTimeout(500);
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    await page.waitForTimeout(SECONDS * 1000);
    const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: Ev[] }).traceEvents;
    // The renderer's main thread is the one that ran the frames' lifecycle.
    const main = events.find((e) => e.name === 'PrePaint' || e.name === 'Paint' || e.name === 'UpdateLayoutTree')?.tid;
    const total = (name: string) => events.filter((e) => e.tid === main && e.name === name && e.ph === 'X').reduce((n, e) => n + (e.tdur ?? e.dur ?? 0) / 1000, 0) / SECONDS;
    const count = (name: string) => events.filter((e) => e.tid === main && e.name === name).length / SECONDS;
    const parts = ['UpdateLayoutTree', 'PrePaint', 'Paint', 'Layerize', 'Commit'].map((n) => `${n} ${total(n).toFixed(0)}`);
    console.log(`${how.padEnd(24)} ${count('PrePaint').toFixed(0).padStart(3)} pre-paints/s; main-thread ms per second (CPU, throttled 4×): ${parts.join(', ')}`);
    await page.close();
  }
  await browser.close();
}

void main();
