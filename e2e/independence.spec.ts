/**
 * Two pickers on one page are two pickers: each its own network, card, choice and events; and any
 * attribute changed after the start takes effect in that picker alone, without a reload.
 */
import { expect, test, type Locator } from '@playwright/test';
import { choose410012 } from './support';

const status = (picker: Locator) => picker.getByRole('status');
const count = async (picker: Locator) =>
  Number(((await status(picker).textContent()) ?? '').replace(/\D/g, ''));

test('two pickers keep their own network, card and choice', async ({ page }) => {
  await page.addInitScript(() => {
    const log: string[] = [];
    (window as unknown as { chosenBy: string[] }).chosenBy = log;
    document.addEventListener('branch-select', (e) => log.push((e.target as HTMLElement).id));
  });
  await page.goto('/two.html');
  const offices = page.locator('#offices');
  const lockers = page.locator('#lockers');
  await expect(status(offices)).toHaveText(/\d/);
  await expect(status(lockers)).toHaveText(/\d/);
  expect(await count(offices)).not.toBe(await count(lockers));

  await choose410012(offices);
  await expect(offices.getByRole('button', { name: /Пункт выбран/ })).toBeVisible();
  await expect(lockers.locator('[part="card"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { chosenBy: string[] }).chosenBy)).toEqual(
    ['offices'],
  );
});

test('an attribute changed after the start takes effect in that picker alone', async ({ page }) => {
  await page.goto('/two.html');
  const offices = page.locator('#offices');
  const lockers = page.locator('#lockers');
  await expect(status(offices)).toHaveText(/\d/);
  await expect(status(lockers)).toHaveText(/\d/);
  const background = (picker: Locator) =>
    picker.locator('[part="panel"]').evaluate((el) => getComputedStyle(el).backgroundColor);
  const light = await background(lockers);

  await lockers.evaluate((el) => el.setAttribute('theme', 'dark'));
  await expect.poll(() => background(lockers)).not.toBe(light);
  expect(await background(offices)).toBe(light);

  await offices.evaluate((el) => el.setAttribute('lang', 'en'));
  await expect(offices.getByRole('combobox')).toHaveAttribute('placeholder', /postal code/i);
  await expect(status(offices)).toHaveText(/branches/);
  await expect(lockers.getByRole('combobox')).toHaveAttribute('placeholder', /Индекс/);

  const before = await count(offices);
  await offices.evaluate((el) => el.setAttribute('types', 'post_office,parcel_locker'));
  await expect.poll(() => count(offices)).toBeGreaterThan(before);

  const lockersBefore = await count(lockers);
  await lockers.evaluate((el) => el.setAttribute('zoom', '9'));
  await expect.poll(() => count(lockers)).toBeGreaterThan(lockersBefore);
});
