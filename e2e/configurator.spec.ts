/**
 * The configurator, used as a merchant who has never seen the project uses it: only visible
 * labels, roles and text. A configuration is shaped, saved and pasted into a shop's page on
 * another origin, where the widget follows it and the proxy prices with its markup; a wrong key
 * and a stale tab cannot change it; a site it does not allow gets nothing of it; an earlier
 * version comes back.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { HOST_ORIGIN, PROXY_ORIGIN } from '../playwright.config';
import { events, recordEvents } from './support';

const CONFIGURATOR = `${PROXY_ORIGIN}/configurator/`;
/** The shop's own origin, allowed by nothing (the proxy's env allows HOST_ORIGIN for its embed page only). */
const OTHER_SITE = HOST_ORIGIN.replace('127.0.0.1', 'localhost');
const GREEN = '#1e8e3e';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** Pastes text into a blank page of the shop's web server; the page's address. */
async function paste(page: Page, snippet: string, origin = HOST_ORIGIN): Promise<string> {
  const res = await page.request.post(`${origin}/pasted`, { data: snippet });
  expect(res.status()).toBe(201);
  return `${origin}${await res.text()}`;
}

async function copied(page: Page, output: string): Promise<string> {
  await page.getByRole('group', { name: output }).getByRole('button', { name: 'Copy' }).click();
  await expect(
    page.getByRole('group', { name: output }).getByRole('button', { name: 'Copied' }),
  ).toBeVisible();
  return page.evaluate(() => navigator.clipboard.readText());
}

async function axeClean(page: Page, state: string): Promise<void> {
  const result = await new AxeBuilder({ page }).exclude('.maplibregl-canvas').analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map(
      (v) =>
        `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary}`).join(', ')}`,
    ),
    `axe: ${state}`,
  ).toEqual([]);
}

test('a merchant shapes, saves and pastes a configuration; the shop’s widget follows it', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await page.goto(CONFIGURATOR);
  await page.getByLabel('Язык конструктора').selectOption('English');
  await expect(page.getByRole('heading', { name: 'Pickup point widget builder' })).toBeVisible();
  await axeClean(page, 'a new configuration');

  // Shipment: the sender, checked as typed and shown with its town.
  const sender = page.getByLabel("Sender's postal code");
  await sender.fill('4100');
  await sender.fill('410012');
  await expect(page.getByText('Саратов, Саратовская область')).toBeVisible();

  // Branches: lockers only.
  await page.getByRole('group', { name: 'Branches to show' }).getByLabel('Post offices').uncheck();
  await page.getByRole('group', { name: 'Branches to show' }).getByLabel('Pickup points').uncheck();

  // Appearance: English, green.
  await page.getByLabel('Widget language').selectOption('English');
  await page.getByLabel('Primary colour').fill(GREEN);

  // The preview follows at once.
  const preview = page.getByRole('region', { name: 'Preview' }).locator('branch-picker');
  await expect(preview.getByPlaceholder('Postal code or address')).toBeVisible();

  // Pricing: a 10 % markup, checked in words.
  const markup = page.getByLabel('Markup, %');
  await markup.fill('-500');
  await expect(page.getByText(/Check this value/).first()).toBeVisible();
  await expect(markup).toHaveAttribute('aria-invalid', 'true');
  await markup.fill('10');
  await expect(markup).toHaveAttribute('aria-invalid', 'false');

  // The sites: the shop's origin, and a wrong line first.
  const sites = page.getByLabel('Sites where the widget works');
  await sites.fill('shop.example');
  await expect(sites).toHaveAttribute('aria-invalid', 'true');
  await sites.fill(HOST_ORIGIN);
  await expect(sites).toHaveAttribute('aria-invalid', 'false');

  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved: version 1')).toBeVisible();
  await expect(page.getByText('The owner key is shown this once.')).toBeVisible();
  const keyOf = async (p: Page) =>
    /Owner key: (\S+)/.exec(await p.getByRole('alert').innerText())![1]!;
  const key = await keyOf(page);
  await axeClean(page, 'saved, with the code to paste');

  const script = await copied(page, 'Code for a site');
  const id = /config="([a-z0-9]{12})"/.exec(script)![1]!;
  // The script-tag snippet names the configuration and nothing else of it.
  expect(script).not.toMatch(/lang=|types=|from=|#1e8e3e/i);

  // Pasted into a blank page of the shop, on another origin than the proxy's.
  const shop = await browser.newPage();
  await recordEvents(shop);
  await shop.goto(await paste(page, script));
  const picker = shop.locator('branch-picker');
  await expect(picker.getByPlaceholder('Postal code or address')).toBeVisible();
  const rows = picker
    .getByRole('list', { name: 'Branches in the map area, nearest first' })
    .getByRole('button');
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allTextContents()) expect(text).toContain('Parcel locker');

  const quoteRequest = shop.waitForRequest((r) => r.url().includes('/api/v1/quote'));
  await rows.first().click();
  const choose = picker.getByRole('button', { name: 'Choose this branch' });
  await expect(choose).toBeVisible();
  // Green, with dark text on it: white on this green would read below 4.5:1.
  expect(
    await choose.evaluate((el) => {
      const style = getComputedStyle(el);
      return [style.backgroundColor, style.color];
    }),
  ).toEqual(['rgb(30, 142, 62)', 'rgb(0, 0, 0)']);
  // The cost on the card is the proxy's price with the configuration's markup.
  const asked = new URL((await quoteRequest).url());
  expect(asked.searchParams.get('config')).toBe(id);
  expect(asked.searchParams.get('from')).toBe('410012');
  await choose.click();
  await expect.poll(async () => (await events(shop, 'branch-select')).length).toBe(1);
  const [selection] = (await events(shop, 'branch-select')) as {
    quote: { cost: { amount: number } };
  }[];
  asked.searchParams.delete('config');
  const base = (await (await page.request.get(asked.href)).json()) as {
    cost: { amount: number };
  };
  expect(selection!.quote.cost.amount).toBeCloseTo(base.cost.amount * 1.1, 1);
  await expect(picker).toContainText(
    new RegExp(`Delivery\\s*₽${selection!.quote.cost.amount.toFixed(2).replace('.', '\\.')}`),
  );

  // A site the configuration does not allow gets nothing of it: the widget works on its own.
  const stranger = await browser.newPage();
  await recordEvents(stranger);
  await stranger.goto(await paste(page, script, OTHER_SITE));
  await expect(
    stranger.locator('branch-picker').getByPlaceholder('Индекс или адрес'),
  ).toBeVisible();
  await expect
    .poll(
      async () => ((await events(stranger, 'branch-picker-error'))[0] as { code?: string })?.code,
    )
    .toBe('config');
  const refused = await stranger.evaluate(async (url) => {
    const res = await fetch(url);
    return {
      status: res.status,
      body: (await res.json()) as { detail: string; options?: unknown },
    };
  }, `${PROXY_ORIGIN}/api/v1/configs/${id}`);
  expect(refused.status).toBe(403);
  expect(refused.body.detail).toContain(OTHER_SITE);
  expect(refused.body.options).toBeUndefined();

  // A wrong key cannot change it, and changes nothing.
  const wrong = await page.request.put(`${PROXY_ORIGIN}/api/v1/configs/${id}`, {
    headers: { authorization: 'Bearer not-the-key', 'if-match': '"1"' },
    data: { options: { lang: 'ru' } },
  });
  expect(wrong.status()).toBe(403);
  expect(((await wrong.json()) as { detail: string }).detail).toMatch(/not the owner token/);

  // Two tabs: the second, still on version 1, cannot overwrite what the first saved.
  const second = await page.context().newPage();
  await second.goto(CONFIGURATOR);
  await second.getByLabel('Язык конструктора').selectOption('English');
  await expect(second.getByText('Saved: version 1')).toBeVisible();
  await markup.fill('20');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved: version 2')).toBeVisible();
  await second.getByLabel('Days to pack the order').fill('2');
  await second.getByRole('button', { name: 'Save' }).click();
  await expect(second.getByText(/changed in another tab/)).toBeVisible();
  await second.getByRole('button', { name: 'Load the saved version' }).click();
  await expect(second.getByLabel('Markup, %')).toHaveValue('20');
  await expect(second.getByLabel('Days to pack the order')).toHaveValue('');

  // The bad save undone: version 1 again, as version 3.
  await page.getByText('Versions').click();
  await page
    .getByRole('listitem')
    .filter({ hasText: 'Version 1,' })
    .getByRole('button', { name: 'Restore this version' })
    .click();
  await expect(page.getByText('Saved: version 3')).toBeVisible();
  await expect(markup).toHaveValue('10');
  const restored = (await (
    await page.request.get(`${PROXY_ORIGIN}/api/v1/configs/${id}`)
  ).json()) as { version: number; options: Record<string, string> };
  expect(restored).toMatchObject({ version: 3, options: { lang: 'en', from: '410012' } });

  // A new owner key: shown once, and the old one stops working.
  await page.getByRole('button', { name: 'New owner key' }).click();
  await expect.poll(() => keyOf(page)).not.toBe(key);
  const withOldKey = await page.request.put(`${PROXY_ORIGIN}/api/v1/configs/${id}`, {
    headers: { authorization: `Bearer ${key}`, 'if-match': '"3"' },
    data: { options: { lang: 'ru' } },
  });
  expect(withOldKey.status()).toBe(403);
  await markup.fill('15');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved: version 4')).toBeVisible();
});

test('on a phone the configurator shows the preview first, and every field still works', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(CONFIGURATOR);
  const preview = page.getByRole('region', { name: 'Предпросмотр' });
  const previewBox = (await preview.boundingBox())!;
  const firstSection = (await page.getByRole('group', { name: 'Отправление' }).boundingBox())!;
  expect(previewBox.y).toBeLessThan(firstSection.y);
  expect(previewBox.width).toBeLessThanOrEqual(390);
  // No sideways scrolling.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByLabel('Основной цвет').fill(GREEN);
  await page.getByLabel('Скругление углов, px').fill('99');
  await expect(page.getByLabel('Скругление углов, px')).toHaveAttribute('aria-invalid', 'true');
  await axeClean(page, 'on a phone, with a wrong radius');
});

test('every snippet works as pasted: the iframe, the app address and the widget.pochta.ru drop-in', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await page.goto(CONFIGURATOR);
  await page.getByLabel('Язык конструктора').selectOption('English');
  await page.getByLabel('Widget language').selectOption('English');
  await page.getByLabel('Sites where the widget works').fill(HOST_ORIGIN);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(/Saved: version \d/)).toBeVisible();

  const shop = await browser.newPage();
  await shop.goto(await paste(page, await copied(page, 'In an iframe')));
  await expect(
    shop.frameLocator('iframe').locator('branch-picker').getByPlaceholder('Postal code or address'),
  ).toBeVisible();

  await shop.goto(await paste(page, await copied(page, 'Instead of widget.pochta.ru')));
  await expect(
    shop.locator('#ecom-widget branch-picker').getByPlaceholder('Postal code or address'),
  ).toBeVisible();

  const app = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
  await app.goto(await copied(page, 'Address for an app'));
  await expect(
    app.locator('branch-picker').getByPlaceholder('Postal code or address'),
  ).toBeVisible();
});
