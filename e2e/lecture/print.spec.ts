// The handout: one page section per step plus the outcome, in both languages,
// and as a PDF from Chromium one A4 page per section.
import { writeFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { run } from '../expected';
import { stepEnds } from '../../src/ui/presenter/presenterState';

const THREE = 'pop3-three-devices';

function marksOf(id: string) {
  const { timeline } = run(id);
  const last = timeline.frames.length - 1;
  const marks = [...new Set(timeline.stepStarts.filter((f) => f >= 0 && f <= last))].sort((a, b) => a - b);
  return { marks, ends: stepEnds(marks, last), last };
}

for (const lang of ['en', 'de'] as const)
  test(`the handout (${lang}) has one page section per step, each with its picture after the step, and the outcome last`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const { scenario } = run(THREE);
    const { marks, ends, last } = marksOf(THREE);
    await page.goto(`/?scenario=${THREE}&lang=${lang}&print=1`);
    const steps = page.getByTestId('print-step');
    await expect(steps).toHaveCount(marks.length);
    // Each page shows the state at the end of its step, with a drawn picture.
    for (let i = 0; i < marks.length; i++) {
      await expect(steps.nth(i)).toHaveAttribute('data-frame', String(ends.find((e) => e >= marks[i])));
      await expect(steps.nth(i).locator('svg.picture-svg g.region').first()).toBeAttached();
    }
    const first = scenario.steps[0].note?.[lang];
    if (first) await expect(steps.first()).toContainText(first);
    await expect(steps.first()).toContainText(lang === 'de' ? 'Schritt 1 von' : 'Step 1 of');
    await expect(page.getByTestId('print-outcome').getByTestId('score-lost')).toBeAttached();
    await expect(page).toHaveURL(new RegExp(`frame=${last}`));
    expect(errors).toEqual([]);
  });

test('printed to PDF by Chromium: A4 pages, one per step plus the cover and the outcome', async ({ page }, info) => {
  const { marks } = marksOf(THREE);
  await page.goto(`/?scenario=${THREE}&lang=en&print=1`);
  await expect(page.getByTestId('print-step')).toHaveCount(marks.length);
  await expect(page.getByTestId('print-step').last().locator('svg.picture-svg g.region').first()).toBeAttached();
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  const path = info.outputPath('handout.pdf');
  writeFileSync(path, pdf);
  // Page objects in the PDF: one per section.
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBe(marks.length + 2);
  // A4 portrait: 595 × 842 points.
  const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
  expect(boxes).toHaveLength(pages);
  for (const [, w, h] of boxes) {
    expect(Math.abs(Number(w) - 595.3)).toBeLessThan(1);
    expect(Math.abs(Number(h) - 841.9)).toBeLessThan(1);
  }
});
