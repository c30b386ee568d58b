// Steps are edited in a form and moved earlier or later, by mouse and by
// keyboard, at laptop and phone width; each change is one undo step, is
// autosaved, and the story stays in time order.
import { test, expect, type Page } from '@playwright/test';
import { drawnPlaces } from '../page';
import { forkAtStep, noErrors, openStepList, pictureUpToDate, steps } from './helpers';

const THREE = 'pop3-three-devices';
const row = (page: Page, i: number) => page.getByTestId(`step-${i}`);

test('a step edited in its form moves to its place in time, the story changes, and undo takes it back in one step', async ({ page }) => {
  const errors = noErrors(page);
  await forkAtStep(page, THREE, 4);
  await openStepList(page);
  await expect(steps(page)).toHaveCount(12);
  await expect(row(page, 6)).toContainText("day 1, 13:05 Anna's laptop: checks for mail");
  await page.keyboard.press('End');
  const before = await drawnPlaces(page);
  // The laptop's check at 13:05, moved to 09:30 by its time: after m2 arrived (09:00), before m3 (10:00).
  await page.getByTestId('step-6-edit').click();
  await expect(page.getByTestId('field-steps[6].at')).toBeFocused();
  await page.getByTestId('field-steps[6].at').fill('day 1, 09:30');
  // An impossible time first: named at its field, like any field of the builder.
  await page.getByTestId('field-steps[6].at').fill('tomorrow');
  await expect(page.getByTestId('problem-steps[6].at')).toContainText('a time is written like');
  await page.getByTestId('field-steps[6].at').fill('day 1, 09:30');
  // Until the field is left the step stands out of order, and the field says so.
  await expect(page.getByTestId('problem-steps[6].at')).toContainText('steps must be in time order');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('problem-steps[3].at')).toHaveCount(0);
  // Moved to its place; the form went with it, and so did the focus (now on the next field).
  await expect(row(page, 3)).toContainText("day 1, 09:30 Anna's laptop: checks for mail");
  await expect(row(page, 7)).toContainText("day 1, 13:10 Anna's phone: checks for mail");
  await expect(page.getByTestId('field-steps[3].device')).toBeFocused();
  await pictureUpToDate(page);
  // Another device for the same check: the desktop, not the laptop, checks at 09:30.
  await page.getByTestId('field-steps[3].device').selectOption('desktop');
  await expect(row(page, 3)).toContainText('Study PC: checks for mail');
  await pictureUpToDate(page);
  await page.keyboard.press('Escape');
  await page.getByTestId('step-3-edit').focus();
  await page.keyboard.press('End');
  const after = await drawnPlaces(page);
  expect(after).not.toEqual(before);
  // Undo: the device, then the time and the move together (typing one field and its move are one step).
  await page.keyboard.press('Control+z');
  await expect(row(page, 3)).toContainText("Anna's laptop: checks for mail");
  await page.keyboard.press('Control+z');
  await expect(row(page, 6)).toContainText("day 1, 13:05 Anna's laptop: checks for mail");
  await expect(row(page, 3)).toContainText(/day 1, 10:00 anna@example\.org: message \d+ "Meeting Monday" arrives/);
  await pictureUpToDate(page);
  await page.keyboard.press('Control+Shift+Z');
  await expect(row(page, 3)).toContainText("day 1, 09:30 Anna's laptop: checks for mail");
  expect(errors).toEqual([]);
});

test('moving steps with the keyboard: the moved step takes the time of the one it passes, focus stays with it, and it is autosaved', async ({ page }) => {
  await forkAtStep(page, THREE, 4);
  await openStepList(page);
  // m1's arrival (07:00) moved later past the phone's check (07:30): it takes 07:30, and the phone's check now finds nothing.
  await page.getByTestId('step-0-later').focus();
  await page.keyboard.press('Enter');
  await expect(row(page, 0)).toContainText("day 1, 07:30 Anna's phone: checks for mail");
  await expect(row(page, 1)).toContainText(/day 1, 07:30 anna@example\.org: message \d+ "Train tickets" arrives/);
  await expect(page.getByTestId('step-1-later')).toBeFocused();
  // And on, past m2's arrival at 09:00.
  await page.keyboard.press('Enter');
  await expect(row(page, 2)).toContainText(/day 1, 09:00 anna@example\.org: message \d+ "Train tickets" arrives/);
  await expect(page.getByTestId('step-2-later')).toBeFocused();
  // Back earlier: it passes m2 at the same time, so only the order changes.
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('step-2-earlier')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(row(page, 1)).toContainText(/day 1, 09:00 anna@example\.org: message \d+ "Train tickets" arrives/);
  await expect(row(page, 2)).toContainText(/day 1, 09:00 anna@example\.org: message \d+ "Invoice 2026-114" arrives/);
  await expect(page.getByTestId('step-1-earlier')).toBeFocused();
  await pictureUpToDate(page);
  // The first step cannot go earlier.
  await expect(page.getByTestId('step-0-earlier')).toBeDisabled();
  // Kept after a reload.
  await page.goto('/?lang=en&quiz=off');
  await page.getByTestId('restore-yes').click();
  await openStepList(page);
  await expect(row(page, 1)).toContainText(/day 1, 09:00 anna@example\.org: message \d+ "Train tickets" arrives/);
  await expect(row(page, 0)).toContainText("day 1, 07:30 Anna's phone: checks for mail");
});

test('a move that breaks the story is named at the step', async ({ page }) => {
  await forkAtStep(page, THREE, 8);
  await openStepList(page);
  // A read of m4 on the desktop, injected after its check at 18:00 …
  const token = page.locator('svg.picture-svg g.token[data-place^="device/laptop/"][data-mail="m4"]');
  await token.click();
  await page.getByTestId('event-read').click();
  await pictureUpToDate(page);
  const read = page.locator('[data-testid=step-list] > li', { hasText: /Anna's laptop: reads message \d+ "Photos from Lisbon"/ });
  await expect(read).toHaveCount(1);
  const index = Number((await read.getAttribute('data-testid'))!.replace('step-', ''));
  // … moved earlier past m4's arrival: the loader names the step, the picture keeps the last world that ran.
  for (let i = index; i > 0; i--) {
    await page.getByTestId(`step-${i}-earlier`).click();
    if (await row(page, i - 1).locator('.field-problem').count()) break;
  }
  await expect(page.locator('.step-list li.has-problem .field-problem')).toContainText('no mail "m4" has arrived or been sent before this step');
  await expect(page.getByTestId('sandbox-invalid')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('sandbox-invalid')).toHaveCount(0);
});

test('at 390 px the list and a step form fit the screen and work by touch-sized buttons', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await forkAtStep(page, THREE, 4, 'de');
  await openStepList(page);
  await page.getByTestId('step-5-edit').tap();
  await expect(page.getByTestId('step-form-5')).toBeVisible();
  await page.getByTestId('field-steps[5].mail.subject.de').fill('Rechnung März');
  await page.getByTestId('step-5-later').tap();
  await expect(page.getByTestId('step-form-6')).toBeVisible();
  await expect(page.getByTestId('field-steps[6].mail.subject.de')).toHaveValue('Rechnung März');
  // The row names the step in words, in German: time, account, the message as the picture numbers it, with the new subject.
  await expect(row(page, 6).locator('.step-what')).toContainText(/^Tag 1, \d\d:\d\d Uhr anna@example\.org: Nachricht \d+ „Rechnung März“ trifft ein$/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  for (const id of ['step-6-edit', 'step-6-earlier', 'step-6-later', 'step-6-remove']) {
    const box = (await page.getByTestId(id).boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(32);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
  await context.close();
});
