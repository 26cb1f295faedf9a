/**
 * A shop theme's aggressive global CSS does not reach into the picker, the picker's styles do not
 * reach out into the page, and the documented ways in (`--bp-*`, `::part()`) do work.
 */
import { expect, test } from '@playwright/test';
import { nthSelection, recordEvents } from './support';

test('on a page with aggressive global CSS the picker looks and works as designed', async ({
  page,
}) => {
  await recordEvents(page);
  await page.goto('/hostile.html');
  const card = page.getByRole('region', { name: /410012/ });
  const title = card.getByRole('heading', { level: 2 });
  await expect(title).toBeVisible();

  // Inherited properties stop at the picker's edge.
  const look = await title.evaluate((el) => {
    const s = getComputedStyle(el);
    return {
      fontStyle: s.fontStyle,
      fontFamily: s.fontFamily,
      letterSpacing: s.letterSpacing,
      textTransform: s.textTransform,
      wordSpacing: s.wordSpacing,
      textAlign: s.textAlign,
      color: s.color,
    };
  });
  expect(look).toMatchObject({
    fontStyle: 'normal',
    letterSpacing: 'normal',
    textTransform: 'none',
    wordSpacing: '0px',
    textAlign: 'start',
  });
  expect(look.fontFamily).not.toContain('Georgia');
  expect(look.color).not.toBe('rgb(255, 0, 0)');
  expect(
    Number.parseFloat(await title.evaluate((el) => getComputedStyle(el).fontSize)),
  ).toBeLessThan(30);

  // The page's `button { display: none }` and `div { padding }` do not touch the picker's own.
  const choose = card.getByRole('button', { name: 'Пункт выбран' });
  await expect(choose).toBeVisible();
  const frame = page.locator('branch-picker').locator('[part="frame"]');
  expect(await frame.evaluate((el) => getComputedStyle(el).paddingTop)).toBe('0px');

  // The ways in: --bp-primary colours the pressed chip; ::part(choose-button) restyles Choose.
  const pressed = page.getByRole('group', { name: 'Фильтры' }).getByRole('button', { name: 'Все' });
  expect(await pressed.evaluate((el) => getComputedStyle(el).borderTopColor)).toBe(
    'rgb(0, 110, 60)',
  );
  expect(await choose.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
    'rgb(120, 0, 90)',
  );

  // Nothing of the picker's leaks out: the page's own `.primary` keeps the page's look.
  const own = page.locator('#page-primary');
  expect(await own.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 0)');
  expect(await own.evaluate((el) => getComputedStyle(el).borderRadius)).toBe('0px');

  // And it still works.
  await card.getByRole('button', { name: 'Закрыть' }).click();
  await page
    .locator('branch-picker')
    .locator('.row:not([data-branch-id="410012"])')
    .first()
    .click();
  await page.getByRole('button', { name: 'Выбрать этот пункт' }).click();
  expect((await nthSelection(page, 1)).branch.postalCode).toMatch(/^\d{6}$/);
});
