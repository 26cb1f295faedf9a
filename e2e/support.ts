/**
 * What the buyer-facing specs share: waiting for the picker, catching its events from the start,
 * and asking axe about the picker as it is on screen.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';

export interface Selection {
  branch: {
    id: string;
    name: string;
    postalCode: string;
    type: string;
    location: { lat: number; lon: number };
  };
  quote: {
    cost: { amount: number; currency: string };
    delivery: { minDays: number; maxDays: number };
    source: string;
    stale: boolean;
  } | null;
}

/** Records every branch-select, branch-picker-close and branch-picker-error from page load on. */
export async function recordEvents(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log: { type: string; detail: unknown }[] = [];
    (window as unknown as { pickerEvents: typeof log }).pickerEvents = log;
    for (const type of ['branch-select', 'branch-picker-close', 'branch-picker-error'])
      document.addEventListener(type, (e) => log.push({ type, detail: (e as CustomEvent).detail }));
  });
}

export async function events(page: Page, type: string): Promise<unknown[]> {
  return page.evaluate(
    (type) =>
      (window as unknown as { pickerEvents: { type: string; detail: unknown }[] }).pickerEvents
        .filter((e) => e.type === type)
        .map((e) => e.detail),
    type,
  );
}

/** Waits for the n-th branch-select (1-based) and returns its detail. */
export async function nthSelection(page: Page, n = 1): Promise<Selection> {
  await expect
    .poll(async () => (await events(page, 'branch-select')).length)
    .toBeGreaterThanOrEqual(n);
  return (await events(page, 'branch-select'))[n - 1] as Selection;
}

/** The number the live region announces: "На карте 1 234 пункта" → 1234. */
export async function announcedCount(page: Page): Promise<number> {
  const text = (await liveRegion(page).textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
}

/** Waits until the picker has loaded the network and said how many branches are in view. */
export async function pickerReady(page: Page): Promise<void> {
  await expect(liveRegion(page)).toHaveText(/\d/);
}

/** The picker's live region (the shop's page may have status regions of its own). */
export function liveRegion(page: Page) {
  return page.locator('branch-picker').getByRole('status').last();
}

/** The label of whatever has focus inside the picker's shadow root. */
export function focusedInPicker(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.querySelector('branch-picker')?.shadowRoot?.activeElement as
      HTMLElement | null | undefined;
    if (!el) return null;
    return el.getAttribute('aria-label') ?? el.textContent?.trim().replace(/\s+/g, ' ') ?? '';
  });
}

/** Presses Tab until `target` has focus; fails after `limit` presses. */
export async function tabTo(page: Page, target: Locator, limit = 30): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el.matches(':focus'))) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/**
 * Axe over the picker as it is now. Serious and critical violations fail the test, with a list of
 * what and where. MapLibre's own canvas is left out: it is a picture, reachable through the list.
 */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .include('branch-picker')
    .exclude('.maplibregl-canvas')
    .analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes.map((n) => `  ${n.target.join(' ')}: ${n.failureSummary}`).join('\n'),
    )
    .join('\n');
  expect(report, `axe in state "${state}"`).toBe('');
}

/** Searches 410012, takes the suggestion and presses *Choose*, within a page, a frame or a picker. */
export async function choose410012(scope: Page | FrameLocator | Locator): Promise<void> {
  await scope.getByRole('combobox').fill('410012');
  await scope
    .getByRole('option', { name: /410012/ })
    .first()
    .click();
  await scope.getByRole('button', { name: 'Выбрать этот пункт' }).click();
}

/** Collects what would tell a site owner something is wrong: page errors and console errors. */
export function problems(page: Page): string[] {
  const seen: string[] = [];
  page.on('pageerror', (error) => seen.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') seen.push(`console: ${message.text()}`);
  });
  return seen;
}

/** Records every Content-Security-Policy violation from page load on; read with `violations`. */
export async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log: string[] = [];
    (window as unknown as { violations: string[] }).violations = log;
    document.addEventListener('securitypolicyviolation', (e) =>
      log.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}

export async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { violations: string[] }).violations);
}
