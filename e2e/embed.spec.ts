/**
 * The embed page, as a mobile app or a site opens it: full-screen on a phone, options from the
 * query, and the choice sent to the host in one message shape, through whichever bridge is there;
 * an iframe's parent only at the allowed origin; a return URL only when allowed; Back closes the
 * card before it leaves.
 */
import { expect, test, type Page } from '@playwright/test';
import { HOST_ORIGIN, PROXY_ORIGIN } from '../playwright.config';
import { choose410012 } from './support';

// A phone: what an app's webview is.
test.use({
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
});

const EMBED = `${PROXY_ORIGIN}/embed?center=46.03,51.53&zoom=13&from=101000&no-remember`;

/** The host objects each kind of app injects, stubbed to record what the page sends them. */
const BRIDGES: Record<string, string> = {
  'React Native': `window.ReactNativeWebView = { postMessage: (s) => window.received.push(JSON.parse(s)) };`,
  iOS: `window.webkit = { messageHandlers: { branchPicker: { postMessage: (m) => window.received.push(m) } } };`,
  Android: `window.BranchPickerAndroid = { postMessage: (s) => window.received.push(JSON.parse(s)) };`,
  'Flutter (flutter_inappwebview)': `window.flutter_inappwebview = { callHandler: (name, m) => window.received.push({ handler: name, ...m }) };`,
  'Flutter (webview_flutter)': `window.BranchPicker = { postMessage: (s) => window.received.push(JSON.parse(s)) };`,
};

const received = (page: Page) =>
  page.evaluate(() => (window as unknown as { received: Record<string, unknown>[] }).received);

for (const [name, stub] of Object.entries(BRIDGES)) {
  test(`on a phone, the choice reaches ${name} as one message`, async ({ page }) => {
    await page.addInitScript(`window.received = []; ${stub}`);
    await page.goto(EMBED);
    // Full-screen: the picker fills the phone's viewport.
    const box = await page.locator('branch-picker').boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: page.viewportSize()!.width });
    expect(box!.height).toBeGreaterThanOrEqual(page.viewportSize()!.height - 1);
    await choose410012(page);
    await expect.poll(() => received(page)).toHaveLength(1);
    const [message] = await received(page);
    expect(message).toMatchObject({
      type: 'branch-select',
      version: 1,
      branch: { id: '410012', postalCode: '410012', type: 'post_office' },
      quote: { cost: { currency: 'RUB' }, source: 'estimate' },
    });
    // Exactly the documented shape: nothing more.
    const { handler, ...shape } = message!;
    expect(Object.keys(shape).sort()).toEqual(['branch', 'quote', 'type', 'version']);
    if (name === 'Flutter (flutter_inappwebview)') expect(handler).toBe('branchPicker');
    else expect(handler).toBeUndefined();
  });
}

test('in an iframe on an allowed origin, the parent hears the choice and can close it', async ({
  page,
}) => {
  await page.goto('/iframe.html');
  const frame = page.frameLocator('iframe');
  await choose410012(frame);
  const messages = () =>
    page.evaluate(() => (window as unknown as { messages: { type: string }[] }).messages);
  await expect
    .poll(messages)
    .toEqual([expect.objectContaining({ type: 'branch-select', version: 1 })]);
  await page.evaluate(() => (window as unknown as { closePicker(): void }).closePicker());
  await expect
    .poll(async () => (await messages()).map((m) => m.type))
    .toEqual(['branch-select', 'branch-picker-close']);
});

test('framed by an origin that is not allowed, the page refuses to show and posts nothing', async ({
  page,
}) => {
  // localhost is another origin than 127.0.0.1: the proxy allows only the latter.
  const other = HOST_ORIGIN.replace('127.0.0.1', 'localhost');
  const refused = page.waitForEvent('console', (m) => /frame-ancestors/.test(m.text()));
  await page.goto(`${other}/iframe.html`);
  // frame-ancestors: the browser refuses to render the page at all, and says why.
  await refused;
  await expect(page.frameLocator('iframe').getByRole('combobox')).toHaveCount(0);
  expect(
    await page.evaluate(() => (window as unknown as { messages: unknown[] }).messages),
  ).toEqual([]);
});

test('an allowed return_url receives the choice in its query; a lookalike gets nothing', async ({
  page,
}) => {
  const allowed = `${HOST_ORIGIN}/return/done?order=7`;
  await page.goto(`${EMBED}&return_url=${encodeURIComponent(allowed)}`);
  await choose410012(page);
  await page.waitForURL(/\/return\/done\?/);
  const back = new URL(page.url());
  expect(back.origin).toBe(HOST_ORIGIN);
  expect(Object.fromEntries(back.searchParams)).toMatchObject({
    order: '7',
    branch_id: '410012',
    postal_code: '410012',
    type: 'post_office',
    currency: 'RUB',
  });

  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const lookalike = `${HOST_ORIGIN.replace('127.0.0.1', '127.0.0.1.nip.io')}/return/`;
  await page.goto(`${EMBED}&return_url=${encodeURIComponent(lookalike)}`);
  await choose410012(page);
  await expect(page.getByRole('button', { name: /Пункт выбран/ })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(PROXY_ORIGIN);
  expect(errors.join('\n')).toMatch(/return_url .* is not allowed.*EMBED_RETURN_URLS/);
});

test('unknown and invalid options are named on the page and sent to the host; the rest work', async ({
  page,
}) => {
  await page.addInitScript(`window.received = []; ${BRIDGES['React Native']}`);
  await page.goto(`${EMBED}&zoom=25&colour=red`);
  const notice = page.getByRole('alert').filter({ hasText: 'Некоторые параметры не применены' });
  await expect(notice).toContainText('zoom="25"');
  await expect(notice).toContainText('"colour" is not an option');
  await expect.poll(() => received(page)).toHaveLength(2);
  expect(await received(page)).toEqual([
    expect.objectContaining({ type: 'branch-picker-error', code: 'invalid-option' }),
    expect.objectContaining({ type: 'branch-picker-error', code: 'invalid-option' }),
  ]);
  // The valid ones still apply: the sender, the centre.
  await choose410012(page);
  await expect.poll(() => received(page)).toHaveLength(3);
});

test('the phone’s back button closes the card first, and stays on the page', async ({ page }) => {
  await page.addInitScript(`window.received = []; ${BRIDGES.Android}`);
  await page.goto(EMBED);
  await page.getByRole('combobox').fill('410012');
  await page
    .getByRole('option', { name: /410012/ })
    .first()
    .click();
  const card = page.getByRole('region', { name: /410012/ });
  await expect(card).toBeVisible();
  await page.goBack();
  await expect(card).toBeHidden();
  expect(new URL(page.url()).pathname).toBe('/embed');
});
