/**
 * The buyer's whole errand, as a buyer does it: search the postal code 410012, open the branch,
 * read its hours and the cost of delivery, choose it, and the shop gets the event. Three times: with
 * a keyboard alone on a desktop; by touch on a 360-pixel phone; in English and in dark mode. Axe
 * checks the picker in every state the errand passes through.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible, nthSelection, pickerReady, recordEvents, tabTo } from './support';

const PARCEL = 'from=101000&weight=1200&value=1500';

interface Words {
  search: string;
  hours: string;
  choose: string;
  chosen: RegExp;
  weekdays: RegExp;
  state: RegExp;
  cost: RegExp;
}

const RU: Words = {
  search: 'Поиск пункта выдачи',
  hours: 'Часы работы',
  choose: 'Выбрать этот пункт',
  chosen: /Пункт выбран/,
  weekdays: /^\s*(Пн|Вт|Ср|Чт|Пт|Сб|Вс|Ежедневно)/,
  state: /^(Открыто|Закрыто)/,
  cost: /Доставка\s+[\d\s ]+(,\d{2})?\s₽\s+·\s+\d+(–\d+)? (день|дня|дней)/,
};

const EN: Words = {
  search: 'Find a branch',
  hours: 'Opening hours',
  choose: 'Choose this branch',
  chosen: /Branch chosen/,
  weekdays: /^\s*(Mon|Tue|Wed|Thu|Fri|Sat|Sun|Every day)/,
  state: /^(Open|Closed)/,
  cost: /Delivery\s+₽[\d,]+(\.\d{2})?\s+·\s+\d+(–\d+)? days?/,
};

/** What the card must show: the open-now line, the week's hours with today marked, the cost. */
async function expectFactsOnCard(card: Locator, w: Words): Promise<void> {
  await expect(card.getByRole('heading', { level: 2 })).toHaveText(/410012/);
  await expect(card.locator('.state')).toHaveText(w.state);
  const hours = card.getByRole('table', { name: w.hours });
  await expect(hours.getByRole('rowheader').first()).toHaveText(w.weekdays);
  await expect(hours.locator('tr[aria-current="date"]')).toHaveCount(1);
  await expect(card.locator('[part="quote"]')).toHaveText(w.cost);
}

async function expectChoice(page: Page): Promise<void> {
  const chosen = await nthSelection(page);
  expect(chosen.branch.postalCode).toBe('410012');
  expect(chosen.branch.location.lat).toBeCloseTo(51.5, 0);
  expect(chosen.quote?.cost.currency).toBe('RUB');
  expect(chosen.quote?.cost.amount).toBeGreaterThan(0);
}

test.describe('on a desktop, with a keyboard alone', () => {
  test('search 410012, read hours and cost, choose', async ({ page }) => {
    await recordEvents(page);
    await page.goto(`/bare.html?${PARCEL}`);
    await pickerReady(page);
    await expectAccessible(page, 'map and list');

    const search = page.getByRole('combobox', { name: RU.search });
    await tabTo(page, search);
    await page.keyboard.type('410012');
    const option = page.getByRole('option', { name: /410012/ });
    await expect(option.first()).toBeVisible();
    await expectAccessible(page, 'suggestions');
    await page.keyboard.press('ArrowDown');
    await expect(search).toHaveAttribute('aria-activedescendant', /bp-suggestion-/);
    await page.keyboard.press('Enter');

    const card = page.getByRole('region', { name: /410012/ });
    await expect(card).toBeVisible();
    // Focus moves to the card, so that a screen reader reads it next.
    await expect(card.getByRole('heading', { level: 2 })).toBeFocused();
    await expectFactsOnCard(card, RU);
    await expectAccessible(page, 'card with quote');

    const choose = card.getByRole('button', { name: RU.choose });
    await tabTo(page, choose);
    await page.keyboard.press('Enter');
    await expectChoice(page);
    await expect(card.getByRole('button', { name: RU.chosen })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    // Escape closes the card; focus goes back to the search box it came from.
    await page.keyboard.press('Escape');
    await expect(card).toHaveCount(0);
    await expect(search).toBeFocused();
    await expectAccessible(page, 'list after a choice');
  });
});

test.describe('on a phone, by touch', () => {
  test.use({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });

  test('search 410012, read hours and cost, choose, with every control in reach', async ({
    page,
  }) => {
    await recordEvents(page);
    await page.goto(`/bare.html?${PARCEL}`);
    await pickerReady(page);

    const search = page.getByRole('combobox', { name: RU.search });
    // 16 px or more: a phone does not zoom the page when the box takes focus.
    expect(
      Number.parseFloat(await search.evaluate((el) => getComputedStyle(el).fontSize)),
    ).toBeGreaterThanOrEqual(16);
    await expectTapTargets(page, 'map');

    await search.tap();
    await page.keyboard.type('410012');
    await page
      .getByRole('option', { name: /410012/ })
      .first()
      .tap();

    const card = page.getByRole('region', { name: /410012/ });
    await expect(card).toBeVisible();
    await expectFactsOnCard(card, RU);
    const choose = card.getByRole('button', { name: RU.choose });
    await expectOnScreen(page, choose);
    await expectTapTargets(page, 'card');
    await expectAccessible(page, 'phone card');
    await choose.tap();
    await expectChoice(page);

    // Back to the map, then the list: the sheet toggle says how many branches it holds.
    await card.getByRole('button', { name: 'Закрыть' }).tap();
    const toggle = page.getByRole('button', { name: /^Список · [\d\s ]+$/ });
    await toggle.tap();
    await expect(
      page.getByRole('list', { name: 'Пункты в области карты, ближайшие сначала' }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Карта' })).toBeVisible();
    await expectTapTargets(page, 'list');
    await expectAccessible(page, 'phone list');
  });

  test('a finger drags the map and two fingers zoom it', async ({ page }) => {
    await page.goto('/bare.html?center=46.03,51.53&zoom=10');
    await pickerReady(page);
    const marker = page.getByRole('group', { name: 'Карта пунктов выдачи' }).getByRole('button');
    await expect(marker.first()).toBeVisible();
    const key = await marker.first().getAttribute('data-key');
    const at = page.locator(`[data-key="${key}"]`);
    const before = (await at.boundingBox())!;

    const cdp = await page.context().newCDPSession(page);
    const touch = (
      type: 'touchStart' | 'touchMove' | 'touchEnd',
      points: { x: number; y: number }[],
    ) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: points.map((p, id) => ({ ...p, id })),
      });
    // Drag up by 120 px in small steps, as a finger does.
    await touch('touchStart', [{ x: 180, y: 420 }]);
    for (let i = 1; i <= 8; i++) await touch('touchMove', [{ x: 180, y: 420 - i * 15 }]);
    await touch('touchEnd', []);
    await expect
      .poll(async () => before.y - ((await at.boundingBox())?.y ?? before.y))
      .toBeGreaterThan(80);

    // Pinch out: the live region counts fewer branches once the map has zoomed in.
    const count = async () =>
      Number(((await page.getByRole('status').first().textContent()) ?? '').replace(/\D/g, ''));
    const inViewBefore = await count();
    await touch('touchStart', [
      { x: 170, y: 300 },
      { x: 190, y: 300 },
    ]);
    for (let i = 1; i <= 10; i++)
      await touch('touchMove', [
        { x: 170 - i * 12, y: 300 },
        { x: 190 + i * 12, y: 300 },
      ]);
    await touch('touchEnd', []);
    await expect.poll(count).toBeLessThan(inViewBefore);
  });
});

test.describe('in English and dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('search 410012, read hours and cost, choose, by keyboard', async ({ page }) => {
    await recordEvents(page);
    await page.goto(`/bare.html?${PARCEL}&lang=en&theme=auto`);
    await expect(page.getByRole('status').first()).toHaveText(/^[\d,]+ branch(es)? on the map$/);

    // Dark: light text on a dark surface, inside the picker only.
    const panel = page.locator('branch-picker').locator('[part="panel"]');
    const { bg, fg } = await panel.evaluate((el) => ({
      bg: getComputedStyle(el).backgroundColor,
      fg: getComputedStyle(el).color,
    }));
    expect(luminance(bg)).toBeLessThan(0.1);
    expect(luminance(fg)).toBeGreaterThan(0.7);
    await expectAccessible(page, 'dark list');

    const search = page.getByRole('combobox', { name: EN.search });
    await tabTo(page, search);
    await page.keyboard.type('410012');
    await expect(page.getByRole('option', { name: /410012/ }).first()).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');

    const card = page.getByRole('region', { name: /410012/ });
    await expectFactsOnCard(card, EN);
    await expect(card).toContainText('Payment');
    await expectAccessible(page, 'dark card');
    await tabTo(page, card.getByRole('button', { name: EN.choose }));
    await page.keyboard.press('Enter');
    await expectChoice(page);
    await expect(card.getByRole('button', { name: EN.chosen })).toBeVisible();
  });
});

/** Relative luminance of a CSS rgb() colour, 0 (black) to 1 (white). */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The element lies wholly inside the viewport: nothing needed is off-screen. */
async function expectOnScreen(page: Page, target: Locator): Promise<void> {
  const box = (await target.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
}

/** Every visible control in the picker is at least 44 × 44 px, as fingers need. */
async function expectTapTargets(page: Page, state: string): Promise<void> {
  const small = await page.locator('branch-picker').evaluate((host) => {
    const out: string[] = [];
    const visit = (root: ParentNode) => {
      for (const el of root.querySelectorAll<HTMLElement>('button, input, [role="option"], a')) {
        const box = el.getBoundingClientRect();
        if (!box.width || !box.height || getComputedStyle(el).visibility === 'hidden') continue;
        if (el.closest('.list-spacer') && !el.closest('.list-item')) continue;
        if (box.width < 44 || box.height < 44)
          out.push(
            `${el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName} ${Math.round(box.width)}×${Math.round(box.height)}`,
          );
      }
    };
    visit(host.shadowRoot!);
    return out;
  });
  expect(small, `controls under 44 px in the ${state} view`).toEqual([]);
}
