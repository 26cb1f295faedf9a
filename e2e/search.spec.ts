/**
 * Search as buyers type it: a misspelt town and a town typed on the wrong keyboard layout are
 * suggested and taken, and a query with a word nothing has (Москва Тверская) shows the town with
 * a note of what was left out, in both languages.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support';

const LIST = /Пункты в области карты/;

async function typeInSearch(page: Page, name: string | RegExp, text: string): Promise<void> {
  const search = page.getByRole('combobox', { name });
  await search.click();
  await search.pressSequentially(text, { delay: 40 });
}

/** The town the map shows: every row of the list of branches in view is in it. */
async function expectListIn(page: Page, town: string): Promise<void> {
  const rows = page.getByRole('list', { name: LIST }).getByRole('button');
  await expect(rows.first()).toContainText(town);
  const texts = await rows.allTextContents();
  expect(texts.length).toBeGreaterThan(0);
  expect(texts.filter((t) => t.includes(town)).length).toBeGreaterThanOrEqual(texts.length / 2);
}

for (const [typed, town] of [
  ['Сартов', 'Саратов'],
  ['cfhfnjd', 'Саратов'],
  ['Владивасток', 'Владивосток'],
] as const) {
  test(`«${typed}» suggests ${town}, and taking it shows ${town}'s branches`, async ({ page }) => {
    await page.goto('/bare.html');
    await typeInSearch(page, 'Поиск пункта выдачи', typed);
    const option = page.getByRole('option', { name: new RegExp(`^${town}`) }).first();
    await expect(option).toBeVisible();
    await option.click();
    await expectListIn(page, town);
  });
}

test('a word nothing has is left out and named, and the town is shown', async ({ page }) => {
  await page.goto('/bare.html');
  await typeInSearch(page, 'Поиск пункта выдачи', 'Москва Тверская');
  const note = page.locator('branch-picker').getByRole('status').filter({ hasText: 'Тверская' });
  await expect(note).toHaveText('Нет «Тверская» — показаны отделения: Москва');
  await expect(page.getByRole('option').first()).toContainText('Москва');
  expect(await note.evaluate((el) => getComputedStyle(el).display)).not.toBe('none');
  // The note describes the list of suggestions, and the whole stays accessible.
  await expect(page.getByRole('listbox')).toHaveAccessibleDescription(
    'Нет «Тверская» — показаны отделения: Москва',
  );
  await expectAccessible(page, 'a word left out');
  await page.getByRole('option').first().click();
  await expectListIn(page, 'Москва');
});

test('the note is in English too', async ({ page }) => {
  await page.goto('/bare.html?lang=en');
  await typeInSearch(page, 'Find a branch', 'Moscow Tverskaya');
  await expect(
    page.locator('branch-picker').getByRole('status').filter({ hasText: 'Tverskaya' }),
  ).toHaveText('No “Tverskaya” — showing branches in Москва');
});

test('on a phone, the option the arrow keys reach is scrolled into sight', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto('/bare.html');
  await typeInSearch(page, 'Поиск пункта выдачи', 'Питер Невский 28');
  const search = page.getByRole('combobox', { name: 'Поиск пункта выдачи' });
  const options = page.getByRole('option');
  await expect(options.first()).toBeVisible();
  await search.press('ArrowUp'); // from the top to the last
  const last = options.last();
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await expect(last).toBeInViewport();
  await search.press('ArrowDown'); // wraps to the first
  await expect(options.first()).toBeInViewport();
});
