/**
 * When the proxy cannot be reached or an attribute is wrong, the buyer sees a clear message with a
 * way forward, the site owner gets `branch-picker-error` naming what failed, and a corrected
 * attribute brings the picker back without a reload.
 */
import { expect, test, type Page } from '@playwright/test';
import { PROXY_ORIGIN } from '../playwright.config';
import { events, recordEvents } from './support';

/** Resolves with the detail of the first branch-picker-error, listened for from the start. */
async function firstError(page: Page, url: string): Promise<{ code: string; message: string }> {
  await recordEvents(page);
  await page.goto(url);
  await expect
    .poll(async () => (await events(page, 'branch-picker-error')).length)
    .toBeGreaterThan(0);
  return (await events(page, 'branch-picker-error'))[0] as { code: string; message: string };
}

test('an unreachable proxy shows a message with a retry, and a corrected api brings the map back', async ({
  page,
}) => {
  // Port 9 (discard) refuses connections on loopback.
  const error = await firstError(page, '/bare.html?api=http://127.0.0.1:9/');
  expect(['network', 'map-style']).toContain(error.code);
  expect(error.message).toContain('127.0.0.1:9');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Не удалось загрузить пункты выдачи');
  await expect(alert.getByRole('button', { name: 'Повторить' })).toBeVisible();

  await page
    .locator('branch-picker')
    .evaluate((el, api) => el.setAttribute('api', api), PROXY_ORIGIN);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText(/^На карте [\d\s ]+ пункт/);
});

test('an attribute the picker cannot use is reported with what it accepts', async ({ page }) => {
  const error = await firstError(page, '/bare.html?zoom=25');
  expect(error).toEqual({
    code: 'invalid-option',
    message: '<branch-picker zoom="25">: must be a number from 0 to 20',
  });
  await page.locator('branch-picker').evaluate((el) => el.setAttribute('zoom', '5'));
  await expect(page.getByRole('status')).toHaveText(/^На карте [\d\s ]+ пункт/);
});

test('an empty part of the map says so and offers the nearest branch', async ({ page }) => {
  await page.goto('/bare.html?center=-30,40&zoom=8');
  const empty = page.locator('branch-picker').locator('[part="empty"]');
  await expect(empty).toContainText('В этой части карты пунктов нет');
  await expect(page.getByRole('status').first()).toHaveText('В этой части карты пунктов нет');
  await empty.getByRole('button', { name: 'Показать ближайший пункт' }).click();
  await expect(page.getByRole('status').first()).toHaveText(/^На карте [\d\s ]+ пункт/);
});

test('a search that finds nothing says what was searched and how to do better', async ({
  page,
}) => {
  await page.goto('/bare.html');
  const search = page.getByRole('combobox', { name: 'Поиск пункта выдачи' });
  await search.fill('Щзщзщз');
  await expect(page.locator('branch-picker').locator('.search-note')).toHaveText(
    'Ничего не нашлось по запросу «Щзщзщз». Проверьте индекс или название.',
  );
  await expect(search).toHaveAttribute('aria-expanded', 'false');
  await search.fill('Саратов');
  await expect(page.getByRole('option', { name: /Саратов/ }).first()).toBeVisible();
});

test('a quote that fails says so, keeps the card usable and can be asked again', async ({
  page,
}) => {
  // The network between the buyer and the proxy drops quote requests.
  await page.route('**/api/v1/quote?**', (route) => route.abort('connectionreset'));
  await page.goto('/bare.html?from=101000&weight=1200&selected=410012');
  const card = page.getByRole('region', { name: /410012/ });
  const quote = card.locator('[part="quote"]');
  await expect(quote).toContainText('Не удалось рассчитать стоимость доставки.');
  await expect(card.getByRole('button', { name: /Пункт выбран/ })).toBeEnabled();

  await page.unroute('**/api/v1/quote?**');
  await quote.getByRole('button', { name: 'Повторить' }).click();
  await expect(quote).toContainText('₽');
});
