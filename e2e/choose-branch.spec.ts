/**
 * The foundation's path, as a buyer walks it: a shop's page on another origin holding only the
 * README snippet shows the map and its clusters; a cluster click zooms in; a branch click opens its
 * card; *Choose* delivers `branch-select` with the branch's postal code and coordinates.
 */
import { expect, test, type Page } from '@playwright/test';
import { PROXY_ORIGIN } from '../playwright.config';

const CLUSTER = /^Группа: /;
const BRANCH = /^(Почтовое отделение|Почтомат|Пункт выдачи) (\d{6})$/;

/** The number the live region announces: "На карте 40 216 пунктов" → 40216. */
async function inView(page: Page): Promise<number> {
  const text = (await page.getByRole('status').textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
}

test('a shop page on another origin gets branch-select from a real click on a branch', async ({
  page,
  request,
}) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto('/snippet.html');
  expect(new URL(page.url()).origin).not.toBe(PROXY_ORIGIN);

  // The map shows the network, clustered, and says how many branches are in view.
  await expect(page.getByRole('status')).toHaveText(/^На карте [\d\s ]+ пункт/);
  const clusters = page.getByRole('button', { name: CLUSTER });
  await expect(clusters.first()).toBeVisible();
  const total = await inView(page);
  expect(total).toBeGreaterThan(30_000);

  // Each cluster click zooms in: fewer branches in view, until single branches appear.
  let before = total;
  const branches = page.getByRole('button', { name: BRANCH });
  for (let step = 0; step < 20 && (await branches.count()) === 0; step++) {
    await clusters.nth(await largestCluster(page)).click();
    await expect.poll(() => inView(page)).toBeLessThan(before);
    before = await inView(page);
  }
  expect(before).toBeLessThan(total);
  const marker = branches.first();
  await expect(marker).toBeVisible();
  const [, , code] = BRANCH.exec((await marker.getAttribute('aria-label')) ?? '') ?? [];
  expect(code).toMatch(/^\d{6}$/);

  // The card shows the branch; Choose fires the event, heard on the document.
  await marker.click();
  const card = page.getByRole('region', { name: new RegExp(code!) });
  await expect(card).toBeVisible();
  await expect(card).toContainText(code!);
  const selection = page.evaluate(
    () =>
      new Promise<unknown>((resolve) =>
        document.addEventListener('branch-select', (e) => resolve((e as CustomEvent).detail), {
          once: true,
        }),
      ),
  );
  await card.getByRole('button', { name: 'Выбрать этот пункт' }).click();
  const detail = (await selection) as {
    branch: { id: string; postalCode: string; location: { lat: number; lon: number } };
    quote: unknown;
  };

  const expected = (await (
    await request.get(`${PROXY_ORIGIN}/api/v1/branches/${code}`)
  ).json()) as {
    postalCode: string;
    location: { lat: number; lon: number };
  };
  expect(detail.branch.postalCode).toBe(code);
  expect(detail.branch.location).toEqual(expected.location);
  expect(detail.quote).toBeNull();
  // The snippet's own listener stored the choice in the form field.
  await expect(page.locator('#pickup-point')).toHaveValue(detail.branch.id);
  await expect(card.getByRole('button', { name: /Пункт выбран/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  expect(pageErrors).toEqual([]);
});

/**
 * The index of the cluster with the largest count (badges read "386", "3 194" or "29 тыс."):
 * clicking it zooms where branches are densest.
 */
async function largestCluster(page: Page): Promise<number> {
  const labels = await page.getByRole('button', { name: CLUSTER }).allTextContents();
  const counts = labels.map((s) => Number(s.replace(/\D/g, '')) * (s.includes('тыс') ? 1000 : 1));
  return counts.indexOf(Math.max(...counts));
}
