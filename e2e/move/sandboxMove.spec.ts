// A provider move over days built in the sandbox, one step at a time: the
// server's menu offers the new mailbox first and the MX switch only after it;
// a device's menu offers re-pointing once the new mailbox is there. With
// SHOTS=1 the menus are photographed into /tmp/shots/move/.
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { choose, clickRegion, forkAtFrame, noErrors, openStepList, pictureUpToDate, steps } from '../sandbox/helpers';

const SHOTS = process.env.SHOTS === '1';

test('rule 87 and 91: the move over days is offered step by step in the sandbox menus', async ({ page }) => {
  const errors = noErrors(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await forkAtFrame(page, 'pop3-three-devices', 3);
  await openStepList(page);
  await clickRegion(page, 'server/server');
  await expect(page.getByTestId('event-moveDnsSwitch')).toHaveAttribute('aria-disabled', 'true');
  if (SHOTS) {
    mkdirSync('/tmp/shots/move', { recursive: true });
    await page.screenshot({ path: '/tmp/shots/move/sandbox-server-menu-en-1280.png' });
  }
  await choose(page, 'moveNewMailbox');
  await pictureUpToDate(page);
  await expect(steps(page).filter({ hasText: 'New provider: mailbox set up, old one copied (new UIDLs)' })).toHaveCount(1);
  await clickRegion(page, 'device/laptop');
  await choose(page, 'repoint');
  await pictureUpToDate(page);
  await expect(steps(page).filter({ hasText: "re-pointed to the new provider" })).toHaveCount(1);
  await clickRegion(page, 'server/server');
  await expect(page.getByTestId('event-moveDnsSwitch')).not.toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByTestId('event-moveNewMailbox')).toHaveAttribute('aria-disabled', 'true');
  expect(errors).toEqual([]);
});
