/**
 * The street basemap as a buyer sees it: a proxy started with BASEMAP_PMTILES (the synthetic
 * archive of test-archive.fixture.ts) and a shop page that names no style. The widget takes the
 * street style by itself, the street tiles load, and at zoom 15 the houses are drawn, in light and
 * dark; under the README's Content-Security-Policy nothing is blocked.
 */
import { expect, test, type Page } from '@playwright/test';
import type { StyleSpecification } from 'maplibre-gl';
import { STREETS_ORIGIN } from '../playwright.config';
import { pickerReady, problems, recordViolations, violations } from './support';

const SARATOV = 'center=46.03,51.533&zoom=15';

type Rgb = [number, number, number];
const hex = (color: string): Rgb =>
  [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16)) as Rgb;

/**
 * The colour a house is drawn in at zoom 15, from the style itself: its fill at its opacity over
 * the land (the earth layer's last stop, reached from zoom 14).
 */
async function houseColour(page: Page, styleName: string): Promise<Rgb> {
  const style = (await (
    await page.request.get(`${STREETS_ORIGIN}/basemap/${styleName}`)
  ).json()) as StyleSpecification;
  const paint = (id: string) =>
    (style.layers.find((l) => l.id === id) as { paint: Record<string, unknown> }).paint;
  const earth = paint('earth')['fill-color'] as unknown[];
  const land = hex(earth[earth.length - 1] as string);
  const fill = hex(paint('buildings')['fill-color'] as string);
  const opacity = paint('buildings')['fill-opacity'] as number;
  return fill.map((c, i) => c * opacity + land[i]! * (1 - opacity)) as Rgb;
}

/** The share of the map's pixels within a few levels of `rgb`. */
async function shareOf(page: Page, rgb: Rgb): Promise<number> {
  const png = await page.locator('branch-picker canvas').screenshot();
  return page.evaluate(
    async ({ b64, rgb }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${b64}`;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const data = context.getImageData(0, 0, image.width, image.height).data;
      let near = 0;
      for (let i = 0; i < data.length; i += 4) {
        if ([0, 1, 2].every((c) => Math.abs(data[i + c]! - rgb[c]!) <= 4)) near++;
      }
      return near / (data.length / 4);
    },
    { b64: png.toString('base64'), rgb },
  );
}

for (const [theme, styleName] of [
  ['light', 'style.json'],
  ['dark', 'style-dark.json'],
] as const) {
  test(`at zoom 15 the map shows streets and houses from the proxy's archive (${theme})`, async ({
    page,
  }, testInfo) => {
    const seen = problems(page);
    const streetTile = page.waitForResponse(
      (r) => /\/basemap\/streets\/1[45]\/\d+\/\d+\.mvt$/.test(r.url()) && r.status() === 200,
    );
    const style = page.waitForResponse((r) => r.url().endsWith(`/basemap/${styleName}`));
    await page.goto(`/streets/bare.html?${SARATOV}&theme=${theme}&no-remember=`);
    // The page named no style: the default one the widget asked for is the street one.
    expect(((await (await style).json()) as StyleSpecification).sources).toHaveProperty('streets');
    expect((await streetTile).headers()['content-type']).toBe('application/vnd.mapbox-vector-tile');
    await pickerReady(page);
    // Houses cover about a third of each block: drawn, they are a tenth of the map at least.
    const house = await houseColour(page, styleName);
    await expect.poll(() => shareOf(page, house), { timeout: 30_000 }).toBeGreaterThan(0.1);
    await testInfo.attach(`streets-${theme}`, {
      body: await page.screenshot(),
      contentType: 'image/png',
    });
    expect(seen).toEqual([]);
  });
}

test('in English the picker asks for the English street style', async ({ page }) => {
  const english = page.waitForResponse((r) => r.url().endsWith('/basemap/style-en.json'));
  await page.goto(`/streets/bare.html?${SARATOV}&lang=en&no-remember=`);
  const style = (await (await english).json()) as StyleSpecification;
  const labels = JSON.stringify(style.layers.find((l) => l.id === 'roads_labels_minor'));
  expect(labels).toContain('name:en');
});

test('under the README’s Content-Security-Policy the street map loads with nothing blocked', async ({
  page,
}) => {
  await recordViolations(page);
  const seen = problems(page);
  const streetTile = page.waitForResponse(
    (r) => r.url().includes('/basemap/streets/') && r.status() === 200,
  );
  const response = await page.goto('/streets/csp.html');
  expect(response?.headers()['content-security-policy']).toContain(STREETS_ORIGIN);
  await streetTile;
  await pickerReady(page);
  expect(await violations(page)).toEqual([]);
  expect(seen).toEqual([]);
});
