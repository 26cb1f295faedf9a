/**
 * The last choice is remembered on the device and offered first next time; `no-remember` turns
 * that off; `selected` shows a branch without pretending the buyer chose it.
 */
import { expect, test } from '@playwright/test';
import { events, nthSelection, pickerReady, recordEvents } from './support';

test('the branch chosen last time is offered first, and one click chooses it again', async ({
  page,
}) => {
  await recordEvents(page);
  await page.goto('/bare.html?center=46.03,51.53&zoom=12');
  await pickerReady(page);
  await page.locator('branch-picker').locator('.row').first().click();
  const card = page.locator('branch-picker').locator('[part="card"]');
  await card.getByRole('button', { name: 'Выбрать этот пункт' }).click();
  const first = await nthSelection(page, 1);

  await page.reload();
  await pickerReady(page);
  const offer = page.locator('branch-picker').locator('[part="remembered"]');
  await expect(offer).toContainText(`В прошлый раз вы выбрали: ${first.branch.name}`);
  await offer.getByRole('button', { name: 'Выбрать снова' }).click();
  const again = await nthSelection(page, 1);
  expect(again.branch.id).toBe(first.branch.id);
  await expect(card.getByRole('heading', { level: 2 })).toHaveText(first.branch.name);
});

test('no-remember neither stores nor offers a choice', async ({ page }) => {
  await recordEvents(page);
  await page.goto('/bare.html?no-remember&center=46.03,51.53&zoom=12');
  await pickerReady(page);
  await page.locator('branch-picker').locator('.row').first().click();
  await page.getByRole('button', { name: 'Выбрать этот пункт' }).click();
  await nthSelection(page, 1);
  expect(await page.evaluate(() => localStorage.length)).toBe(0);

  await page.reload();
  await pickerReady(page);
  await expect(page.getByRole('list', { name: /Пункты в области карты/ })).toBeVisible();
  await expect(page.locator('branch-picker').locator('[part="remembered"]')).toHaveCount(0);
});

test('selected shows the branch as chosen and fires no branch-select', async ({ page }) => {
  await recordEvents(page);
  await page.goto('/bare.html?selected=410012');
  const card = page.getByRole('region', { name: /410012/ });
  await expect(card.getByRole('button', { name: /Пункт выбран/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByRole('status').first()).toHaveText(/^На карте/);
  expect(await events(page, 'branch-select')).toHaveLength(0);
});
