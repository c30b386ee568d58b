// Connection security in the player: the transcript of a device set up without
// encryption shows the server refusing its login, and the panel explains the
// refusal and the handshake in both languages. TLS_SHOTS=1 also saves
// screenshots (1280 and 390 px, both languages) to /tmp/shots/tls.
import { test, expect, type Page } from '@playwright/test';
import { frameLines } from '../../src/sim';
import { run } from '../expected';

const SCENARIO = 'ports-and-tls';

function frameWhere(variant: string | null, text: string): number {
  const { timeline } = run(SCENARIO, variant);
  const i = timeline.frames.findIndex((f) => frameLines(f).some((l) => l.text.includes(text)));
  expect(i, `a frame with ${text}`).toBeGreaterThanOrEqual(0);
  return i;
}

async function shoot(page: Page, name: string) {
  if (!process.env.TLS_SHOTS) return;
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.getByTestId('transcript').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/shots/tls/${name}-${width}.png`, fullPage: width === 390 });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('a plaintext login refused: the transcript shows [PRIVACYREQUIRED] and explains it in both languages', async ({ page }) => {
  const frame = frameWhere('no-encryption', '[PRIVACYREQUIRED]');
  await page.goto(`/?scenario=${SCENARIO}&variant=no-encryption&frame=${frame}&lang=en`);
  const refusal = page.getByTestId('transcript').locator('li.line', { hasText: '[PRIVACYREQUIRED]' }).last();
  await expect(refusal).toBeVisible();
  await refusal.focus();
  await expect(page.getByTestId('explain')).toContainText('not encrypted');
  await shoot(page, 'refused-en');
  await page.getByTestId('lang-de').click();
  await refusal.focus();
  await expect(page.getByTestId('explain')).toContainText('nicht verschlüsselt');
  await shoot(page, 'refused-de');
});

test('the fix: STARTTLS, the handshake as one line, then the login works', async ({ page }) => {
  const frame = frameWhere('swapped', 'a3 LOGIN');
  await page.goto(`/?scenario=${SCENARIO}&variant=swapped&frame=${frame}&lang=en`);
  const handshake = page.getByTestId('transcript').locator('li.line', { hasText: '<TLS handshake: TLSv1.3, certificate mail.example.org>' }).first();
  await expect(handshake).toBeVisible();
  await handshake.focus();
  await expect(page.getByTestId('explain')).toContainText('certificate');
  await shoot(page, 'starttls-en');
  await page.getByTestId('lang-de').click();
  await handshake.focus();
  await expect(page.getByTestId('explain')).toContainText('Zertifikat');
  await shoot(page, 'starttls-de');
});
