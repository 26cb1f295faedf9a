/**
 * A good citizen of the shop's page: the picker takes its room from the first paint, so the page
 * does not move when the widget arrives. Cumulative Layout Shift from navigation until the picker
 * is ready, on the README snippet's page and on the demo checkout: at most 0.02.
 */
import { expect, test, type Page } from '@playwright/test';
import { PROXY_ORIGIN } from '../playwright.config';
import { pickerReady } from './support';

const BUDGET = 0.02;

/** Layout shifts without recent input, summed, from the first paint on. */
async function layoutShift(page: Page, url: string): Promise<number> {
  await page.addInitScript(() => {
    const w = window as unknown as { cls: number };
    w.cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[])
        if (!entry.hadRecentInput) w.cls += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(url);
  await pickerReady(page);
  // One more frame, so that a shift caused by the ready state itself is counted.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
  return page.evaluate(() => (window as unknown as { cls: number }).cls);
}

for (const [name, url] of [
  ['the README snippet', '/snippet.html'],
  ['the demo checkout', `${PROXY_ORIGIN}/`],
  ['a page loading the script late', '/forms/async.html'],
]) {
  test(`${name} shifts by no more than ${BUDGET} while the picker arrives`, async ({ page }) => {
    const cls = await layoutShift(page, url!);
    console.log(`${name}: CLS ${cls.toFixed(4)}`);
    expect(cls).toBeLessThanOrEqual(BUDGET);
  });
}
