/**
 * Takes the README's screenshots with headless Chromium against a running proxy
 * (default http://127.0.0.1:8080; BASE_URL to change): `npx tsx scripts/screenshots.ts`.
 * `ONLY=widget` or `ONLY=configurator` takes one set. `ONLY=streets` takes the street basemap's,
 * from a proxy started with BASEMAP_PMTILES (the README's are from the synthetic test archive:
 * `npx tsx proxy/src/streets/test-archive.fixture.ts /tmp/streets.pmtiles`).
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

const only = process.env.ONLY;
if (only === 'streets') await streetShots();
else {
  if (only !== 'configurator') await widgetShots();
  if (only !== 'widget') await configuratorShots();
}
await browser.close();
console.log(`screenshots written to ${out}`);

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

async function widgetShots(): Promise<void> {
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

  // Desktop: search, filters, the card with hours and cost.
  {
    const page = await browser.newPage({ viewport: { width: 1200, height: 760 } });
    await bare(page, 'from="101000" weight="1200"');
    await searchAndOpen(page, '410012');
    await page.locator('branch-picker').locator('#bp-search').blur();
    await page.screenshot({ path: `${out}desktop-card.png` });
    await page.close();
  }

  // A phone: a query with a word nothing has, the town shown and the word named.
  {
    const page = await browser.newPage({
      viewport: { width: 375, height: 560 },
      deviceScaleFactor: 2,
    });
    await bare(page, '');
    const search = page.getByRole('combobox');
    await search.click();
    await search.pressSequentially('Москва Тверская', { delay: 20 });
    await page.locator('branch-picker').locator('.suggestions-note').waitFor();
    await ready(page);
    await page.screenshot({ path: `${out}search-left-out.png` });
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
}

/** The street basemap at zoom 15, light and dark, where a buyer picks the branch by their house. */
async function streetShots(): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1100, height: 640 } });
    await bare(page, `theme="${theme}" center="46.031,51.5335" zoom="15"`);
    await page.screenshot({ path: `${out}streets-${theme}.png` });
    await page.close();
  }
}

/** The configurator in English, a shop's choices made and saved, at a width. */
async function configurator(page: Page): Promise<void> {
  await page.goto(`${base}/configurator/`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByLabel('Язык конструктора').selectOption('English');
  await page.getByLabel("Sender's postal code").fill('410012');
  await page.getByText('Саратов, Саратовская область').waitFor();
  await page.getByLabel('Widget language').selectOption('English');
  await page.getByLabel('Primary colour').fill('#1e8e3e');
  await page.getByLabel('Town or postal code the map starts at').fill('Саратов');
  await page.getByRole('button', { name: 'Find' }).click();
  await page.getByText(/Starts at:/).waitFor();
  await page.getByLabel('Markup, %').fill('10');
  await page.getByLabel('Sites where the widget works').fill('https://shop.example');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Saved: version 1').waitFor();
  await page
    .locator('branch-picker')
    .getByRole('status')
    .filter({ hasText: /\d/ })
    .last()
    .waitFor();
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 600)));
}

async function configuratorShots(): Promise<void> {
  const desktop = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  await configurator(desktop);
  await desktop.evaluate(() => window.scrollTo(0, 0));
  await desktop.screenshot({ path: `${out}configurator-desktop.png` });
  await desktop.close();

  const phone = await browser.newPage({
    viewport: { width: 375, height: 760 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  await configurator(phone);
  await phone.evaluate(() => window.scrollTo(0, 0));
  await phone.screenshot({ path: `${out}configurator-phone.png` });
  await phone.close();
}
