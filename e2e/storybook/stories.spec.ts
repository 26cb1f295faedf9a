/**
 * Opens every story of the static Storybook build and fails on a console error, an uncaught
 * exception, a failed play function, or a picker that never reaches a state worth showing.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
}

// Read from the build itself: the list of tests exists before the server does.
const index = JSON.parse(
  readFileSync(new URL('../../storybook-static/index.json', import.meta.url), 'utf8'),
) as { entries: Record<string, IndexEntry> };
const stories = Object.values(index.entries).filter((e) => e.type === 'story');

test('the build has a story for every state the issue lists', () => {
  const names = stories.map((s) => s.name);
  for (const wanted of [
    'Loading',
    'Nothing In View',
    'Proxy Down',
    'Many Clusters',
    'Details With Quote',
    'Details With Estimate',
    'Details With Stale Quote',
    'Dark',
    'English',
    'Phone',
    'Modal',
  ])
    expect(names).toContain(wanted);
});

/** What a story's picker says on the console by design: the proxy down is an `http` error. */
const EXPECTED_ERRORS: Readonly<Record<string, RegExp>> = {
  'Proxy Down': /^\[branch-picker\] http: the mocked proxy is down/,
};

for (const story of stories) {
  test(`${story.title} › ${story.name} renders without errors`, async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`/iframe.html?id=${story.id}&viewMode=story`);
    // Rendered, and the play function (if any) finished.
    await expect(page.locator('body')).toHaveClass(/sb-show-main/);
    await expect(page.locator('body')).not.toHaveClass(/sb-show-errordisplay/);
    // The picker shows something a buyer could act on: a count, a card, or a message.
    const picker = page.locator('branch-picker');
    await expect(
      picker.locator('[part="count"], [part="card"], [part="overlay"], [part="empty"]').first(),
    ).toBeVisible();
    const expected = EXPECTED_ERRORS[story.name];
    if (expected) {
      // The picker tells the console what failed when the page does not listen: said, exactly once.
      await expect.poll(() => errors.length).toBe(1);
      expect(errors[0]).toMatch(expected);
    } else expect(errors).toEqual([]);
  });
}
