// The player's narration names things the way the picture does, in the
// reader's language, and i18next prints nothing to the console.
import { expect, test } from '@playwright/test';
import { settled } from './page';

test('the narration names mails, accounts and folders as the picture does, in German and English', async ({ page }) => {
  const console: string[] = [];
  page.on('console', (m) => console.push(m.text()));
  await page.goto('/?scenario=pop3-three-devices&frame=1&lang=de');
  await settled(page, 1);
  const de = page.getByTestId('narration');
  await expect(de).toContainText('Nachricht 1 „Zugtickets“');
  await expect(de).toContainText('Posteingang von anna@example.org');
  await expect(de).not.toContainText(/\bm1\b|\banna\b(?!@)|INBOX/);
  // The server's folder in the picture carries the same name.
  await expect(page.locator('svg.picture-svg')).toContainText('Posteingang');

  await page.getByTestId('lang-en').click();
  const en = page.getByTestId('narration');
  await expect(en).toContainText('Message 1 "Train tickets"');
  await expect(en).toContainText('inbox of anna@example.org');
  await expect(en).not.toContainText(/\bm1\b/);
  expect(console.filter((t) => /i18next/i.test(t))).toEqual([]);
});

test('a device name and a real plural form in one German narration', async ({ page }) => {
  // Frame 2 of pop3-three-devices: the phone lists the server's messages.
  await page.goto('/?scenario=pop3-three-devices&frame=2&lang=de');
  await settled(page, 2);
  const text = page.getByTestId('narration');
  await expect(text).toContainText('Annas Handy');
  await expect(text).toContainText(/1 Nachricht auf dem Server/);
  await expect(text).not.toContainText(/\(en\)|\(n\)|phone\b/);
});
