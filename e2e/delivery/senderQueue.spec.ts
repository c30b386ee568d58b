// Where a mail refused at RCPT TO waits (docs/rules.md rule 64): in the
// picture, the sender's queue stands in the sender's column, named in both
// languages, and holds message 3 while the provider's server does not.
// DELIVERY_SHOTS=1 also saves screenshots (1280 and 390 px, both languages)
// to /tmp/shots/delivery.
import { test, expect, type Page } from '@playwright/test';
import { run } from '../expected';

const SCENARIO = 'quota-full-rcpt-check';

/** The first frame at which m3 waits in the sender's queue. */
function waitingFrame(): number {
  const { timeline } = run(SCENARIO, null);
  const i = timeline.frames.findIndex((f) => [...(f.state.places.get('queue/example.net')?.values() ?? [])].some((c) => c.mail === 'm3'));
  expect(i, 'a frame with m3 in the sender\'s queue').toBeGreaterThanOrEqual(0);
  return i;
}

async function shoot(page: Page, name: string) {
  if (!process.env.DELIVERY_SHOTS) return;
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `/tmp/shots/delivery/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

// One page, in English and then switched to German (the language button), instead of a page and a
// scenario load for each language.
test("rule 64: the sender's queue is a place of its own in the picture (en, then de)", async ({ page }) => {
  const frame = waitingFrame();
  await page.goto(`/?scenario=${SCENARIO}&frame=${frame}&lang=en`);
  for (const [lang, label] of [
    ['en', "the sender's queue (example.net)"],
    ['de', 'Warteschlange des Absenders (example.net)'],
  ] as const) {
    await test.step(lang, async () => {
      if (lang === 'de') await page.getByTestId('lang-de').click();
      const picture = page.getByTestId('picture');
      await expect(picture.locator('text.folder-label', { hasText: label })).toBeVisible();
      await shoot(page, `sender-queue-${lang}`);
    });
  }
});
