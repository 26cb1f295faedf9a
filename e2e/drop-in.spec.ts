/**
 * A site written for widget.pochta.ru, its script's host changed to the proxy: `ecomStartWidget`
 * renders our picker into its container, starts where `startZip` says, and hands
 * `callbackFunction` the payload such sites already read.
 */
import { expect, test, type Page } from '@playwright/test';
import { choose410012, pickerReady } from './support';

const pvz = (page: Page) =>
  page.evaluate(() => (window as unknown as { pvz: Record<string, unknown>[] }).pvz);

test('the familiar payload reaches callbackFunction, the price in kopecks', async ({ page }) => {
  await page.goto('/pochta.html?from=101000');
  await pickerReady(page);
  // The container's height, and the map at the start postal code.
  const box = await page.locator('branch-picker').boundingBox();
  expect(Math.round(box!.height)).toBe(500);
  await expect(page.locator('branch-picker').locator('.row').first()).toBeVisible();
  await choose410012(page);
  await expect.poll(() => pvz(page)).toHaveLength(1);
  const [data] = await pvz(page);
  expect(data).toMatchObject({
    id: '410012',
    indexTo: '410012',
    pvzType: 'russian_post',
    mailType: 'ONLINE_PARCEL',
    cityTo: 'Саратов',
    regionTo: 'Саратовская область',
    areaTo: null,
    location: null,
    weight: '1200',
    sumoc: '300000',
    deliveryDescription: { values: { extraTimeInHours: 0 } },
    branchPicker: { branch: { id: '410012' } },
  });
  expect(Number.isInteger(data!.cashOfDelivery)).toBe(true);
  expect(data!.cashOfDelivery).toBeGreaterThan(10_000);
});

test('without a sender the picker opens, says why there is no price, and invents none', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto('/pochta.html');
  await pickerReady(page);
  await expect(page.getByRole('alert')).toHaveText(/не указан индекс отправителя/);
  await choose410012(page);
  await expect(page.getByRole('button', { name: /Пункт выбран/ })).toBeVisible();
  expect(await pvz(page)).toEqual([]);
  expect(errors.join('\n')).toMatch(/DEFAULT_SENDER_POSTAL_CODE/);
});

test('a call naming no container throws, saying containerId', async ({ page }) => {
  await page.goto('/pochta.html?from=101000');
  const message = await page.evaluate(() => {
    try {
      (window as unknown as { ecomStartWidget(o: object): void }).ecomStartWidget({
        containerId: 'nowhere',
      });
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  });
  expect(message).toMatch(/no element with id "nowhere" \(containerId\)/);
});
