/**
 * Cost and delivery time on the card, for the parcel the shop configured, and in the payload. Here
 * Russian Post cannot be reached, so the proxy (QUOTE_SOURCE=auto) answers from the estimator, and
 * the card says the figure is an estimate.
 */
import { expect, test } from '@playwright/test';

test('the card prices the configured parcel, marks an estimate, and the choice carries the quote', async ({
  page,
}) => {
  await page.goto('/bare.html?from=101000&weight=1200&value=1210&selected=410012');
  const card = page.getByRole('region', { name: /410012/ });
  await expect(card).toBeVisible();
  const quote = card.locator('[part="quote"]');
  await expect(quote).toContainText(/Доставка\s+[\d\s ]+,\d{2}\s₽\s+·\s+\d+–\d+ дн/);
  await expect(quote).toContainText('оценка');
  await expect(card).toContainText('стоимость и срок рассчитаны по тарифам магазина');

  const selection = page.evaluate(
    () =>
      new Promise<unknown>((resolve) =>
        document.addEventListener('branch-select', (e) => resolve((e as CustomEvent).detail), {
          once: true,
        }),
      ),
  );
  await card.getByRole('button', { name: /Пункт выбран|Выбрать/ }).click();
  const detail = (await selection) as {
    quote: {
      cost: { amount: number; currency: string };
      delivery: { minDays: number; maxDays: number };
      source: string;
      stale: boolean;
    };
  };
  expect(detail.quote).toMatchObject({
    cost: { currency: 'RUB' },
    source: 'estimate',
    stale: false,
  });
  expect(detail.quote.cost.amount).toBeGreaterThan(0);
  expect(detail.quote.delivery.maxDays).toBeGreaterThanOrEqual(detail.quote.delivery.minDays);
  const shown = (await quote.textContent())!.replace(/\s/g, '');
  expect(shown).toContain(detail.quote.cost.amount.toFixed(2).replace('.', ','));
});

test('a new weight prices the open card again', async ({ page }) => {
  await page.goto('/bare.html?from=101000&weight=500&selected=410012');
  const quote = page.getByRole('region', { name: /410012/ }).locator('[part="quote"]');
  await expect(quote).toContainText('₽');
  const before = await quote.textContent();
  await page.locator('branch-picker').evaluate((el) => el.setAttribute('weight', '9000'));
  await expect(quote).not.toHaveText(before!);
  await expect(quote).toContainText('₽');
});
