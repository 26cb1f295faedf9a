/**
 * Every way a shop adds the script: a plain `<script src>`, a module, async, deferred, inserted late
 * by a tag manager, included twice; a page under the README's strict Content-Security-Policy; and
 * `BranchPicker.pick()`. Each on the shop's own origin, against the built loader.
 */
import { expect, test } from '@playwright/test';
import { SCRIPT_FORMS } from './host-server';
import {
  choose410012,
  nthSelection,
  pickerReady,
  problems,
  recordEvents,
  recordViolations,
  violations,
} from './support';

for (const form of Object.keys(SCRIPT_FORMS)) {
  test(`the picker starts when the script is included ${form === 'late' ? 'late, by a tag manager' : form}`, async ({
    page,
  }) => {
    const seen = problems(page);
    await page.goto(`/forms/${form}.html`);
    await pickerReady(page);
    await expect(page.getByRole('button', { name: /^Группа: / }).first()).toBeVisible();
    const state = await page.evaluate(() => ({
      defined: Boolean(customElements.get('branch-picker')),
      pickers: document.querySelectorAll('branch-picker').length,
      version: (window as unknown as { BranchPicker?: { version: string } }).BranchPicker?.version,
    }));
    expect(state).toMatchObject({ defined: true, pickers: 1 });
    expect(state.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(seen).toEqual([]);
  });
}

test('under the README’s strict Content-Security-Policy the picker works and breaks no rule', async ({
  page,
}) => {
  await recordViolations(page);
  const seen = problems(page);
  const response = await page.goto('/csp.html');
  expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self' http/);
  await pickerReady(page);
  const branch = page.getByRole('button', {
    name: /^(Почтовое отделение|Почтомат|Пункт выдачи) \d{6}$/,
  });
  await branch.first().click();
  await page.getByRole('button', { name: 'Выбрать этот пункт' }).click();
  await expect(page.locator('#chosen')).toHaveText(/^\d{6}$/);
  expect(await violations(page)).toEqual([]);
  expect(seen).toEqual([]);
});

test('BranchPicker.pick() opens a dialog and resolves with the choice, or null when closed', async ({
  page,
}) => {
  await recordEvents(page);
  await page.goto('/forms/classic.html');
  await pickerReady(page);
  const chosen = page.evaluate(() =>
    (
      window as unknown as {
        BranchPicker: { pick(o: object): Promise<{ branch: { postalCode: string } } | null> };
      }
    ).BranchPicker.pick({ center: '46.03,51.53', zoom: 13, noRemember: true }),
  );
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await choose410012(dialog);
  expect((await chosen)?.branch.postalCode).toBe('410012');
  expect((await nthSelection(page)).branch.postalCode).toBe('410012');
  await expect(dialog).toBeHidden();
  expect(await page.locator('branch-picker').count()).toBe(1);

  const closed = page.evaluate(() =>
    (window as unknown as { BranchPicker: { pick(): Promise<unknown> } }).BranchPicker.pick(),
  );
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  expect(await closed).toBeNull();
  expect(await page.locator('branch-picker').count()).toBe(1);
});
