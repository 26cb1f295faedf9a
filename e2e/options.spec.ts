/**
 * `no-list`, `no-search` and `no-geolocation` take their pieces away and leave the rest working;
 * "near me" says clearly when the browser will not tell where the buyer is, and goes there when it
 * will.
 */
import { expect, test } from '@playwright/test';
import { liveRegion, nthSelection, pickerReady, recordEvents } from './support';

test('without list, search and near-me, the map alone still leads to a choice', async ({
  page,
}) => {
  await recordEvents(page);
  await page.goto('/bare.html?no-list&no-search&no-geolocation&center=46.03,51.53&zoom=14');
  await pickerReady(page);
  await expect(page.getByRole('combobox')).toHaveCount(0);
  await expect(page.getByRole('list', { name: /Пункты в области карты/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Рядом со мной' })).toHaveCount(0);

  const marker = page
    .getByRole('group', { name: 'Карта пунктов выдачи' })
    .getByRole('button', { name: /\d{6}$/ })
    .first();
  await marker.click();
  await page.getByRole('button', { name: 'Выбрать этот пункт' }).click();
  expect((await nthSelection(page, 1)).branch.postalCode).toMatch(/^\d{6}$/);
});

test.describe('near me, refused', () => {
  test('says that access is refused and what to do instead', async ({ page, context }) => {
    await context.clearPermissions();
    await page.goto('/bare.html');
    await pickerReady(page);
    await page.getByRole('button', { name: 'Рядом со мной' }).click();
    const message =
      'Нет доступа к геопозиции. Разрешите его в браузере или найдите пункт по адресу.';
    await expect(page.locator('branch-picker').locator('[part="notice"]')).toHaveText(message);
    await expect(page.getByRole('status').first()).toHaveText(message);
    // The rest keeps working: search is right there.
    await page.getByRole('combobox', { name: 'Поиск пункта выдачи' }).fill('410012');
    await expect(page.getByRole('option', { name: /410012/ }).first()).toBeVisible();
  });
});

test.describe('near me, allowed', () => {
  test.use({
    geolocation: { latitude: 51.533, longitude: 46.034 },
    permissions: ['geolocation'],
  });

  test('goes to where the buyer is and lists the nearest branches first', async ({ page }) => {
    await page.goto('/bare.html');
    await pickerReady(page);
    const all = Number(
      ((await page.getByRole('status').first().textContent()) ?? '').replace(/\D/g, ''),
    );
    await page.getByRole('button', { name: 'Рядом со мной' }).click();
    await expect
      .poll(async () =>
        Number(((await page.getByRole('status').first().textContent()) ?? '').replace(/\D/g, '')),
      )
      .toBeLessThan(all / 100);
    const first = page.locator('branch-picker').locator('.row').first();
    await expect(first).toContainText('Саратов');
    await expect(first.locator('.row-distance')).toHaveText(/^\d+ м$|^[12](,\d)? км$/);
  });
});

test.describe('with reduced motion', () => {
  test.use({ reducedMotion: 'reduce', viewport: { width: 360, height: 740 }, hasTouch: true });

  test('the sheet does not slide, and the map still answers', async ({ page }) => {
    await page.goto('/bare.html?center=46.03,51.53&zoom=8');
    await pickerReady(page);
    const pane = page.locator('branch-picker').locator('[part="pane"]');
    expect(await pane.evaluate((el) => getComputedStyle(el).transitionDuration)).toBe('0s');
    // The map still answers a tap on a cluster.
    const before = await liveRegion(page).textContent();
    await page
      .getByRole('button', { name: /^Группа: / })
      .first()
      .tap();
    await expect(liveRegion(page)).not.toHaveText(before!);
  });
});

test('a centre set while the map is still loading is where the map goes', async ({ page }) => {
  // The configurator's preview does this: the merchant picks a town as the picker starts.
  const network = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/v1/branches');
  await page.goto('/bare.html');
  await network;
  await page.locator('branch-picker').evaluate((el) => el.setAttribute('center', '46.03,51.53'));
  await page.locator('branch-picker').evaluate((el) => el.setAttribute('zoom', '13'));
  await pickerReady(page);
  // Saratov's centre, not the whole country.
  await expect
    .poll(async () => Number(((await liveRegion(page).textContent()) ?? '').replace(/\D/g, '')))
    .toBeLessThan(500);
});
