// Predict-then-run questions in the player: playback stops before a question's
// step, the learner answers (by clicking a place in the picture, by choosing an
// option, or with the keyboard alone), the answer is revealed with the step's
// narration, and the score survives a reload.
import { test, expect } from '@playwright/test';
import { ready, noErrors } from '../page';
import { run } from '../expected';

const THREE = 'pop3-three-devices';
// SHOTS=1 also saves what the learner sees into /tmp/shots/lecture/, to look at.
const shoot = async (target: { screenshot(o: { path: string; fullPage?: boolean }): Promise<unknown> }, path: string, fullPage = false) => {
  if (process.env.SHOTS === '1') await target.screenshot({ path, fullPage });
};


/** The frame a question at `step` is asked at: the one before the step's first. */
function askFrame(id: string, step: number): number {
  return run(id).timeline.stepStarts[step] - 1;
}

test('playing stops before a question’s step; a click on a place in the picture answers it right, and the narration says why', async ({ page }) => {
  const errors = noErrors(page);
  await page.goto(`/?scenario=${THREE}&lang=en`);
  await ready(page);
  await page.getByTestId('play').click();
  const quiz = page.getByTestId('quiz');
  await expect(quiz).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('position')).toHaveAttribute('data-frame', String(askFrame(THREE, 1)));
  await expect(page.getByTestId('quiz-text')).toHaveText('After this step: where is message 1? Choose every place that holds a copy.');
  // It stays stopped: pressing play runs into the question again.
  await page.waitForTimeout(1200);
  await expect(page.getByTestId('position')).toHaveAttribute('data-frame', String(askFrame(THREE, 1)));
  // Click the phone's inbox in the picture.
  await page.locator('svg.picture-svg g.folder[data-place="device/phone/Inbox"] rect').click();
  await expect(quiz.getByRole('checkbox', { name: "on Anna's phone" })).toBeChecked();
  await shoot(page, '/tmp/shots/lecture/quiz-ask-en-1280.png');
  await page.getByTestId('quiz-check').click();
  await expect(page.getByTestId('quiz-verdict')).toHaveAttribute('data-verdict', 'right');
  await expect(page.getByTestId('quiz-verdict')).toContainText("Right. The answer: on Anna's phone");
  await expect(quiz.locator('.quiz-why')).toContainText('At breakfast the phone checks over POP3');
  await expect(page.getByTestId('quiz-score')).toHaveAttribute('data-right', '1');
  await shoot(page, '/tmp/shots/lecture/quiz-reveal-en-1280.png');
  await page.getByTestId('quiz-run').click();
  // Playback runs the step and stops at the next question.
  await expect(page.getByTestId('quiz-text')).toHaveText('After this step: on how many devices can message 2 be shown?', { timeout: 30_000 });
  await expect(page.getByTestId('position')).toHaveAttribute('data-frame', String(askFrame(THREE, 4)));
  expect(errors).toEqual([]);
});

test('a wrong answer is marked wrong and shows the right one; the score survives a reload', async ({ page }) => {
  await page.goto(`/?scenario=quota-full-bounce&lang=de`);
  await ready(page);
  // Step to the first question (before step 4: message 3 arrives).
  for (let i = 0; i < 8 && !(await page.getByTestId('quiz').count()); i++) await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByTestId('quiz-text')).toHaveText('Nimmt der Server Nachricht 3 in das Postfach von anna@example.org an?');
  await page.getByRole('radio', { name: 'Nein' }).check();
  await page.getByTestId('quiz-check').click();
  await expect(page.getByTestId('quiz-verdict')).toHaveAttribute('data-verdict', 'wrong');
  await expect(page.getByTestId('quiz-verdict')).toContainText('Nicht ganz. Die Antwort: Ja');
  await expect(page.getByTestId('quiz-score')).toContainText('Punkte: 0 von 1');
  await shoot(page, '/tmp/shots/lecture/quiz-wrong-de-1280.png');
  await page.reload();
  await ready(page);
  await expect(page.getByTestId('quiz-score')).toHaveAttribute('data-asked', '1');
  await expect(page.getByTestId('quiz-score')).toHaveAttribute('data-right', '0');
});

test('keyboard only: the question takes the focus, arrows choose, Enter checks, Enter runs the step', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/?scenario=quota-full-bounce&lang=en`);
  await ready(page);
  await page.locator('body').press('Space');
  await expect(page.getByTestId('quiz')).toBeVisible({ timeout: 30_000 });
  // The heading of the question has the focus; Tab reaches the first option.
  await expect(page.locator('#quiz-heading')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: 'Yes' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: 'Yes' })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('quiz-verdict')).toHaveAttribute('data-verdict', 'right');
  await expect(page.getByTestId('quiz-verdict')).toBeFocused();
  await shoot(page, '/tmp/shots/lecture/quiz-keyboard-en-390.png', true);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('quiz-run')).toBeFocused();
  await page.keyboard.press('Enter');
  // The next question: message 4 will be refused.
  await expect(page.getByTestId('quiz-text')).toHaveText('Will the server accept message 4 into the mailbox of anna@example.org?', { timeout: 30_000 });
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'No' })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('quiz-verdict')).toHaveAttribute('data-verdict', 'right');
  await expect(page.getByTestId('quiz-score')).toHaveAttribute('data-right', '2');
});

test('presenter mode: the clicker stops at a question, reveals its answer, then runs the step; the notes window shows the answer', async ({ page }) => {
  await page.goto(`/?scenario=${THREE}&lang=de&present=1`);
  await expect(page.getByTestId('presenter')).toBeVisible();
  const [notes] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('open-notes').click()]);
  await expect(notes.getByTestId('notes-step')).toHaveAttribute('data-frame', '0', { timeout: 20_000 });
  await page.bringToFront();
  // Step 1 (message 1 arrives) plays and stops where step 2's question is asked.
  await page.keyboard.press('PageDown');
  const quiz = page.getByTestId('quiz');
  await expect(quiz).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('quiz-text')).toHaveText('Nach diesem Schritt: Wo ist Nachricht 1? Wählen Sie jeden Ort, an dem eine Kopie liegt.');
  await expect(notes.getByTestId('notes-step')).toHaveAttribute('data-frame', '1', { timeout: 20_000 });
  await shoot(notes, '/tmp/shots/lecture/notes-quiz-de.png');
  await expect(notes.getByTestId('notes-answer')).toContainText('→ auf Annas Handy');
  await shoot(page, '/tmp/shots/lecture/presenter-quiz-de.png');
  // While the class votes nothing moves; the next press reveals, the one after runs the step.
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('quiz-verdict')).toContainText('Die Antwort: auf Annas Handy');
  await page.keyboard.press('PageDown');
  await expect(quiz).toHaveCount(0);
  await expect(page.getByTestId('presenter-bar')).toContainText('Schritt 2', { timeout: 20_000 });
});
