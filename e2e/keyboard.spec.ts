/**
 * The map's markers are buttons a keyboard reaches: one tab stop for the whole map, arrow keys to
 * move between markers, Enter to zoom into a cluster or open a branch, Escape to close the card.
 */
import { expect, test } from '@playwright/test';
import { focusedInPicker, tabTo } from './support';

test('a keyboard alone zooms into clusters, opens a branch and chooses it', async ({ page }) => {
  await page.goto('/bare.html?center=46.03,51.53&zoom=11');
  await expect(page.getByRole('status')).toHaveText(/^На карте/);

  // Tab moves into the map; focus lands on one marker, and there is one tab stop for all of them.
  const markers = page.getByRole('group', { name: 'Карта пунктов выдачи' }).getByRole('button');
  await expect(markers.first()).toBeVisible();
  const tabStops = await markers.evaluateAll(
    (els) => els.filter((el) => (el as HTMLElement).tabIndex === 0).length,
  );
  expect(tabStops).toBe(1);
  await tabTo(page, page.locator('branch-picker .bp-marker[tabindex="0"]'), 10);
  const focusedLabel = () => focusedInPicker(page);
  expect(await focusedLabel()).toMatch(/^(Группа|Почтовое отделение|Почтомат|Пункт выдачи)/);

  // Arrow keys move focus to another marker (to the right, or to the left at the right edge).
  const focusedKey = () =>
    page.evaluate(
      () =>
        (document.querySelector('branch-picker')!.shadowRoot!.activeElement as HTMLElement | null)
          ?.dataset.key,
    );
  const start = await focusedKey();
  await page.keyboard.press('ArrowRight');
  if ((await focusedKey()) === start) await page.keyboard.press('ArrowLeft');
  expect(await focusedKey()).not.toBe(start);
  expect(await focusedKey()).toBeTruthy();

  // Enter on clusters until a branch has focus, then Enter opens its card.
  for (let i = 0; i < 15 && /^Группа/.test((await focusedLabel()) ?? ''); i++) {
    const before = await focusedKey();
    await page.keyboard.press('Enter');
    await expect.poll(focusedKey).not.toBe(before);
  }
  const label = (await focusedLabel())!;
  expect(label).toMatch(/\d{6}$/);
  await page.keyboard.press('Enter');
  const card = page.getByRole('region', { name: new RegExp(label.slice(-6)) });
  await expect(card).toBeVisible();
  // Focus moved to the card's heading; Tab reaches Choose.
  const selection = page.evaluate(
    () =>
      new Promise<string>((resolve) =>
        document.addEventListener(
          'branch-select',
          (e) =>
            resolve(
              (e as CustomEvent<{ branch: { postalCode: string } }>).detail.branch.postalCode,
            ),
          { once: true },
        ),
      ),
  );
  const choose = card.getByRole('button', { name: 'Выбрать этот пункт' });
  for (let i = 0; i < 5 && !(await choose.evaluate((el) => el.matches(':focus'))); i++)
    await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  expect(await selection).toBe(label.slice(-6));

  // Escape closes the card and gives focus back to the branch's marker.
  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
  expect(await focusedLabel()).toBe(label);
});
