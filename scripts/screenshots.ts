/**
 * Takes the README's screenshots with headless Chromium against a running proxy
 * (default http://127.0.0.1:8080; BASE_URL to change): `npx tsx scripts/screenshots.ts`.
 */
import { chromium, type Page } from '@playwright/test';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:8080';
const out = new URL('../docs/screenshots/', import.meta.url).pathname;

async function ready(page: Page): Promise<void> {
  await page.getByRole('status').filter({ hasText: /\d/ }).waitFor();
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 600)));
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
});

// The demo checkout with a branch chosen.
{
  const page = await browser.newPage({
    viewport: { width: 1280, height: 860 },
    deviceScaleFactor: 1,
  });
  await page.goto(`${base}/`);
  await ready(page);
  await page.evaluate(() => document.querySelector('branch-picker')!.select('410012'));
  await page.getByRole('button', { name: /Пункт выбран/ }).click();
  await ready(page);
  await page.screenshot({ path: `${out}checkout.png` });
  await page.close();
}

// The basemap and clusters at three zooms.
for (const [name, center, zoom] of [
  ['zoom-3', '60,58', 3],
  ['zoom-7', '46,51.6', 7],
  ['zoom-12', '46.03,51.53', 12],
] as const) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 640 } });
  await page.goto(`${base}/`);
  await page.setContent(
    `<!doctype html><style>body{margin:0}branch-picker{height:100vh;border-radius:0}</style>` +
      `<script type="module" src="${base}/widget/branch-picker.js"></script>` +
      `<branch-picker center="${center}" zoom="${zoom}"></branch-picker>`,
  );
  await ready(page);
  await page.screenshot({ path: `${out}${name}.png` });
  await page.close();
}

/** A page holding only the picker, full-window, with the given attributes. */
async function bare(page: Page, attributes: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.setContent(
    `<!doctype html><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<style>body{margin:0}branch-picker{height:100vh;border-radius:0}</style>` +
      `<script type="module" src="${base}/widget/branch-picker.js"></script>` +
      `<branch-picker no-remember ${attributes}></branch-picker>`,
  );
  await ready(page);
}

/** Types into the search box and opens the first suggestion. */
async function searchAndOpen(page: Page, query: string): Promise<void> {
  await page.getByRole('combobox').fill(query);
  await page.getByRole('option').first().click();
  await page.locator('branch-picker').locator('[part="quote"]').filter({ hasText: '₽' }).waitFor();
  await ready(page);
}

// Desktop: search, filters, the card with hours and cost.
{
  const page = await browser.newPage({ viewport: { width: 1200, height: 760 } });
  await bare(page, 'from="101000" weight="1200"');
  await searchAndOpen(page, '410012');
  await page.locator('branch-picker').locator('#bp-search').blur();
  await page.screenshot({ path: `${out}desktop-card.png` });
  await page.close();
}

// Desktop, dark and English: a town's list.
{
  const page = await browser.newPage({
    viewport: { width: 1200, height: 760 },
    colorScheme: 'dark',
  });
  await bare(page, 'lang="en" theme="auto" center="46.03,51.53" zoom="12"');
  await page.screenshot({ path: `${out}desktop-dark-en.png` });
  await page.close();
}

// Phone, 375 px: the list in the sheet, and a card.
for (const [name, action] of [
  ['phone-list', 'list'],
  ['phone-card', 'card'],
] as const) {
  const page = await browser.newPage({
    viewport: { width: 375, height: 720 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  await bare(page, 'from="101000" weight="1200" center="46.03,51.53" zoom="12"');
  if (action === 'list') {
    await page.locator('branch-picker').locator('[part="sheet-toggle"]').tap();
    await ready(page);
  } else {
    await searchAndOpen(page, '410012');
  }
  await page.screenshot({ path: `${out}${name}.png` });
  await page.close();
}

await browser.close();
console.log(`screenshots written to ${out}`);
