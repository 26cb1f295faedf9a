/**
 * The picker as a dialog over the checkout: the shop's button opens it, focus moves in and stays
 * in, Escape closes it and focus goes back to the button, `branch-picker-close` tells the shop;
 * choosing a branch closes it too.
 */
import { expect, test } from '@playwright/test';
import { events, expectAccessible, liveRegion, recordEvents, tabTo } from './support';

test('a keyboard opens the dialog, stays inside it, closes it with Escape and chooses in it', async ({
  page,
}) => {
  await recordEvents(page);
  await page.goto('/modal.html');
  const dialog = page.getByRole('dialog', { name: 'Выбор пункта выдачи' });
  await expect(dialog).toBeHidden();

  const opener = page.getByRole('button', { name: 'Выбрать пункт выдачи' });
  await tabTo(page, opener);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  const search = dialog.getByRole('combobox', { name: 'Поиск пункта выдачи' });
  await expect(search).toBeFocused();
  await expect(liveRegion(page)).toHaveText(/^На карте/);
  await expectAccessible(page, 'open dialog');

  // Tab and Shift+Tab go round inside the dialog, never out to the page behind it.
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press(key);
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BRANCH-PICKER');
    }
  }

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  expect(await events(page, 'branch-picker-close')).toHaveLength(1);

  // Again, and this time choose: the dialog closes and the page has the choice.
  await page.keyboard.press('Enter');
  await expect(search).toBeFocused();
  await page.keyboard.type('410012');
  await expect(dialog.getByRole('option', { name: /410012/ }).first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const choose = dialog.getByRole('button', { name: 'Выбрать этот пункт' });
  await tabTo(page, choose);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.locator('#chosen')).toHaveText('410012');
  await expect(opener).toBeFocused();
  expect(await events(page, 'branch-picker-close')).toHaveLength(2);
  expect(await events(page, 'branch-select')).toHaveLength(1);
});

test('the close button and a click on the backdrop close the dialog', async ({ page }) => {
  await recordEvents(page);
  await page.goto('/modal.html');
  const dialog = page.getByRole('dialog', { name: 'Выбор пункта выдачи' });
  await page.getByRole('button', { name: 'Выбрать пункт выдачи' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Закрыть' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Выбрать пункт выдачи' }).click();
  await expect(dialog).toBeVisible();
  await page.mouse.click(5, 5);
  await expect(dialog).toBeHidden();
  expect(await events(page, 'branch-picker-close')).toHaveLength(2);
});
