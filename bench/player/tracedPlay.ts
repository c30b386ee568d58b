// A throttled play of the largest built-in scenario under a DevTools trace: where the
// trace-reading benchmarks (longFrames, renderCounts) begin. Starts the trace at the
// full mailbox, plays for `seconds`, ends the trace, pauses, and hands back the trace's events and how
// many changes were played, with the browser still open (to describe the trace's nodes).
import type { Browser, CDPSession, Page } from 'playwright-core';
import { throttledAtFullMailbox } from './atFullMailbox';

export const SCENARIO = 'imap-big-mailbox-slow-link';

export interface TracedPlay<E> {
  browser: Browser;
  page: Page;
  cdp: CDPSession;
  events: E[];
  /** Changes played while traced (at least 1, to divide by). */
  changes: number;
}

export async function tracedPlay<E>(port: number, opts: { throttle: number; seconds: number; categories: readonly string[]; css?: string }): Promise<TracedPlay<E>> {
  const { browser, page, cdp } = await throttledAtFullMailbox(port, SCENARIO, opts.throttle);
  if (opts.css) {
    // A style sheet added by script (the page's policy refuses inline <style>): to try CSS on a built page.
    await page.evaluate((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }, opts.css);
    await page.waitForTimeout(300);
  }
  const events: E[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as E[])));
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: [...opts.categories], recordMode: 'recordContinuously' } });
  const from = Number(await page.getByTestId('position').getAttribute('data-frame'));
  await page.getByTestId('play').click();
  await page.waitForTimeout(opts.seconds * 1000);
  // The trace ends before the pause: pausing puts the transcript's older lines back (24 → 120 lines,
  // some 400 elements styled once), which counted per change looked like ~20 more restyles a change.
  const to = Number(await page.getByTestId('position').getAttribute('data-frame'));
  await cdp.send('Tracing.end');
  await done;
  await page.getByTestId('play').click();
  return { browser, page, cdp, events, changes: Math.max(1, to - from) };
}
