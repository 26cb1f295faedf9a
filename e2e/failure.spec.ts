/**
 * When the proxy cannot be reached or an attribute is wrong, the buyer sees a clear message with a
 * way forward, the site owner gets `branch-picker-error` naming what failed, and a corrected
 * attribute brings the picker back without a reload.
 */
import { expect, test, type Page } from '@playwright/test';
import { PROXY_ORIGIN } from '../playwright.config';

/** Resolves with the detail of the first branch-picker-error, listened for from the start. */
async function firstError(page: Page, url: string): Promise<{ code: string; message: string }> {
  await page.addInitScript(() => {
    document.addEventListener('branch-picker-error', (e) => {
      (window as unknown as { pickerErrors: unknown[] }).pickerErrors ??= [];
      (window as unknown as { pickerErrors: unknown[] }).pickerErrors.push(
        (e as CustomEvent).detail,
      );
    });
  });
  await page.goto(url);
  const handle = await page.waitForFunction(
    () => (window as unknown as { pickerErrors?: unknown[] }).pickerErrors?.[0],
  );
  return (await handle.jsonValue()) as { code: string; message: string };
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
