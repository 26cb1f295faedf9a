/**
 * Filters narrow the map, the list and the live region together, and the counts on the type chips
 * follow the other filters. Whatever the clock says, what is shown must agree with itself.
 */
import { expect, test, type Page } from '@playwright/test';
import { announcedCount, pickerReady } from './support';

const filters = (page: Page) => page.getByRole('group', { name: 'Фильтры' });
const chip = (page: Page, name: RegExp | string) => filters(page).getByRole('button', { name });

/** The number the list's heading states: "1 234 пункта, ближайшие сначала". */
async function listCount(page: Page): Promise<number> {
  const text = await page.locator('branch-picker').locator('.list-summary').textContent();
  return Number((text ?? '').replace(/\D/g, ''));
}

/** The counts on the type chips, summed. */
async function chipTotal(page: Page): Promise<number> {
  const counts = await filters(page).locator('.chip-count').allTextContents();
  return counts.slice(0, 3).reduce((sum, c) => sum + Number(c.replace(/\D/g, '')), 0);
}

test('over the whole country, type counts add up to what the map and the list say', async ({
  page,
}) => {
  await page.goto('/bare.html');
  await pickerReady(page);
  const all = await announcedCount(page);
  expect(all).toBeGreaterThan(30_000);
  expect(await chipTotal(page)).toBe(all);
  expect(await listCount(page)).toBe(all);

  // Card payment: fewer branches; the chips, the map and the list agree on how many.
  await chip(page, 'Условия').click();
  await chip(page, 'Оплата картой').click();
  await expect(chip(page, 'Оплата картой')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => announcedCount(page)).toBeLessThan(all);
  const withCard = await announcedCount(page);
  expect(await chipTotal(page)).toBe(withCard);
  await expect.poll(() => listCount(page)).toBe(withCard);
  await expect(chip(page, /^Условия/)).toContainText('1');

  // One type: the map says exactly that type's count.
  const lockers = chip(page, /^Почтоматы/);
  const lockerCount = Number(((await lockers.textContent()) ?? '').replace(/\D/g, ''));
  await lockers.click();
  await expect.poll(() => announcedCount(page)).toBe(lockerCount);
  await expect.poll(() => listCount(page)).toBe(lockerCount);

  // "Все" clears the type; the card filter stays.
  await chip(page, 'Все').click();
  await expect.poll(() => announcedCount(page)).toBe(withCard);
});

test('in a town, the list and the markers show only what the filters let through', async ({
  page,
}) => {
  await page.goto('/bare.html?center=46.03,51.53&zoom=12');
  await pickerReady(page);
  const before = await announcedCount(page);

  await chip(page, /^Почтоматы/).click();
  await expect.poll(() => announcedCount(page)).toBeLessThan(before);
  const rows = page.getByRole('list', { name: /Пункты в области карты/ }).getByRole('button');
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allTextContents()) expect(text).toContain('Почтомат');
  const markers = page
    .getByRole('group', { name: 'Карта пунктов выдачи' })
    .getByRole('button', { name: /\d{6}$/ });
  for (const label of await markers.evaluateAll((els) =>
    els.map((el) => el.getAttribute('aria-label')),
  ))
    expect(label).toMatch(/^Почтомат /);

  // Open now: every row left says it is open now; the count never grows.
  await chip(page, 'Условия').click();
  await chip(page, 'Открыто сейчас').click();
  await expect(chip(page, 'Открыто сейчас')).toHaveAttribute('aria-pressed', 'true');
  // The list follows the filter: every row left says it is open now (or the list says nobody is).
  const states = page.locator('branch-picker').locator('.row-state');
  await expect
    .poll(async () => {
      const shown = await states.allTextContents();
      return shown.length > 0 ? shown.every((s) => s.includes('Открыто')) : 'empty';
    })
    .not.toBe(false);
  if ((await states.count()) === 0)
    await expect(page.locator('branch-picker').locator('[part="empty"]')).toBeVisible();
  await expect.poll(() => announcedCount(page)).toBeLessThanOrEqual(before);
  await expect
    .poll(async () => (await listCount(page)) === (await announcedCount(page)))
    .toBe(true);
});

test('hovering a row highlights its marker, and hovering a marker highlights its row', async ({
  page,
}) => {
  await page.goto('/bare.html?center=46.03,51.53&zoom=13');
  await pickerReady(page);
  const picker = page.locator('branch-picker');
  // What the buyer sees: the marker's dot grows from 20 to 28 px, the row takes a tinted background.
  const dotWidth = (id: string) =>
    picker
      .locator(`.bp-branch[data-branch-id="${id}"] .bp-dot`)
      .evaluate((dot) => getComputedStyle(dot).width);
  const rowBackground = (id: string) =>
    picker
      .locator(`.row[data-branch-id="${id}"]`)
      .evaluate((row) => getComputedStyle(row).backgroundColor);

  // A branch shown both as a row and as its own marker (not inside a cluster).
  const shown = await picker.evaluate((host) => {
    const root = host.shadowRoot!;
    return [...root.querySelectorAll<HTMLElement>('.row')]
      .map((r) => r.dataset.branchId!)
      .filter((id) => root.querySelector(`.bp-branch[data-branch-id="${id}"]`));
  });
  expect(shown.length).toBeGreaterThanOrEqual(2);
  const [id, otherId] = shown as [string, string];

  expect(await dotWidth(id)).toBe('20px');
  await picker.locator(`.row[data-branch-id="${id}"]`).hover();
  await expect.poll(() => dotWidth(id)).toBe('28px');

  const plain = await rowBackground(otherId);
  await picker.locator(`.bp-branch[data-branch-id="${otherId}"]`).hover();
  await expect.poll(() => rowBackground(otherId)).not.toBe(plain);
  // The row left, its marker shrinks back (a 120 ms transition).
  await expect.poll(() => dotWidth(id)).toBe('20px');
});
