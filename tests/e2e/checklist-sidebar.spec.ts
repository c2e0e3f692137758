import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test, expect, servePage } from './extension';
import { NEWS_URL, demoHtml } from '../fixtures/e2e/lens-pages';
import { lensFrame, openPanel } from './lens-ui';

/**
 * Updating a status while reading: from the sidebar on the demo article, the checklist page
 * shows the new entry, the sidebar's badge changes, and undo restores both.
 */

const ITEM = 'cloud-revenue-growth';

test('update a status from the sidebar: the checklist page shows it, the badge changes, undo restores', async ({ page, context, extensionId }) => {
  test.setTimeout(120_000);
  await servePage(context, NEWS_URL, demoHtml());
  await page.goto(NEWS_URL);
  const item = (await openPanel(page)).locator(`.tl-item[data-item-id="${ITEM}"]`).first();
  await expect(item).toBeVisible({ timeout: 20_000 });
  const badge = item.locator('.tl-item__head .tl-status__word');
  const before = (await badge.textContent())!;
  expect(before).not.toBe('Broken');

  await item.getByRole('button', { name: /Update status/ }).click();
  const frame = await lensFrame(page);
  const dialog = frame.locator('[role="dialog"]');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading')).toContainText('Update status:');
  // The article is prefilled as the source (its canonical address when it declares one).
  const sourceUrl = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href);
  await expect(dialog.getByLabel('Source link')).toHaveValue(sourceUrl);
  await expect(dialog.getByLabel('Source', { exact: true })).not.toHaveValue('');
  // Dated by the article's publication date, and changeable: this entry is about today.
  await expect(dialog.getByLabel('Date', { exact: true })).toHaveValue('2026-01-09');
  await expect(dialog.getByText('The article’s date')).toBeVisible();
  await dialog.getByLabel('Date', { exact: true }).fill(new Date().toISOString().slice(0, 10));
  await frame.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await frame.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (c: Element) => Promise<{ violations: Array<{ id: string }> }> } }).axe.run(document.querySelector('.tl-sidebar-update-host')!);
    return result.violations.map((violation) => violation.id);
  });
  expect(violations).toEqual([]);

  await dialog.getByRole('radio', { name: /Broken/ }).check();
  await dialog.getByLabel('Note').fill('Cloud growth stalls (sidebar test entry).');
  await dialog.getByRole('button', { name: 'Save status' }).click();
  await expect(dialog.getByRole('status')).toContainText('Saved: Broken');
  // The sidebar rescans with the new packs: the item's badge changes.
  await expect(badge).toHaveText('Broken');

  // The checklist page shows the entry, on top of the history, with its source.
  const checklist = await context.newPage();
  await checklist.goto(`chrome-extension://${extensionId}/options.html#thesis=alibaba-ai-cloud-h200`);
  const card = checklist.locator(`.tl-card[data-item-id="${ITEM}"]`);
  await expect(card.locator('.tl-card__head .tl-status__word')).toHaveText('Broken');
  await expect(card.locator('.tl-card__note')).toHaveText('Cloud growth stalls (sidebar test entry).');
  await expect(card.locator('.tl-card__source a')).toHaveAttribute('href', sourceUrl);
  await card.locator('.tl-card__history summary').click();
  await expect(card.locator('.tl-history__entry').first()).toHaveAttribute('data-origin', 'user');

  // Undo from the sidebar: badge back, and the open checklist page follows.
  await page.bringToFront();
  await dialog.getByRole('button', { name: 'Undo' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(badge).toHaveText(before);
  await expect(card.locator('.tl-card__head .tl-status__word')).toHaveText(before);
  await expect(card.locator('.tl-card__note')).not.toHaveText('Cloud growth stalls (sidebar test entry).');
});

test('the sidebar dialog takes focus on the current status, and Escape closes it without saving', async ({ page, context }) => {
  await servePage(context, NEWS_URL, demoHtml());
  await page.goto(NEWS_URL);
  const item = (await openPanel(page)).locator(`.tl-item[data-item-id="${ITEM}"]`).first();
  await expect(item).toBeVisible({ timeout: 20_000 });
  const before = await item.locator('.tl-item__head .tl-status__word').textContent();
  await item.getByRole('button', { name: /Update status/ }).click();
  const frame = await lensFrame(page);
  const dialog = frame.locator('[role="dialog"]');
  // Focus lands on the item's current status (a checked radio), ready to change it.
  const focused = () =>
    frame.evaluate(() => {
      const active = document.activeElement as HTMLInputElement | null;
      return active ? { type: active.type, checked: active.checked, label: active.parentElement?.textContent?.trim() } : null;
    });
  await expect.poll(focused).toMatchObject({ type: 'radio', checked: true });
  expect((await focused())!.label).toContain(before!);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(item.locator('.tl-item__head .tl-status__word')).toHaveText(before!);
});

test('an update made on the checklist page reaches a page already open: its sidebar badge follows, and undo', async ({ page, context, extensionId }) => {
  test.setTimeout(120_000);
  await servePage(context, NEWS_URL, demoHtml());
  await page.goto(NEWS_URL);
  const badge = (await openPanel(page)).locator(`.tl-item[data-item-id="${ITEM}"]`).first().locator('.tl-item__head .tl-status__word');
  await expect(badge).toBeVisible({ timeout: 20_000 });
  const before = (await badge.textContent())!;

  const checklist = await context.newPage();
  await checklist.goto(`chrome-extension://${extensionId}/options.html#thesis=alibaba-ai-cloud-h200`);
  const card = checklist.locator(`.tl-card[data-item-id="${ITEM}"]`);
  await card.getByRole('button', { name: /Update status/ }).click();
  const form = card.getByRole('form', { name: /New status for/ });
  await form.getByRole('radio', { name: /At risk/ }).check();
  await form.getByLabel('Note').fill('Growth slowing (checklist page test entry).');
  await form.getByRole('button', { name: 'Save status' }).click();
  await expect(card.locator('.tl-card__head .tl-status__word')).toHaveText('At risk');

  await expect(badge).toHaveText('At risk', { timeout: 15_000 });
  await card.getByRole('button', { name: /Undo last update/ }).click();
  await expect(badge).toHaveText(before, { timeout: 15_000 });
});
