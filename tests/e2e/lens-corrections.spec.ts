import { test, expect, servePage } from './extension';
import { NEWS_URL, demoHtml } from '../fixtures/e2e/lens-pages';
import { openPanel } from './lens-ui';

/** Correcting a claim where it is seen: kept for the page, respected after a reload, listed and undone on the checklist page. */

test('"Not a claim" on a sentence survives a reload, is listed on the checklist page, and undo brings the claim back', async ({ page, context, extensionId }) => {
  test.setTimeout(120_000);
  await servePage(context, NEWS_URL, demoHtml());
  await page.goto(NEWS_URL);
  let panel = await openPanel(page);
  const snippet = 'grew 34%';
  const claim = panel.locator('.tl-claim', { hasText: snippet }).first();
  await expect(claim).toBeVisible();
  const before = await panel.locator('.tl-claim__text', { hasText: snippet }).count();
  expect(before).toBeGreaterThan(0);
  await claim.locator('.tl-correct summary').click();
  await claim.getByRole('button', { name: 'Not a claim' }).click();
  await expect(panel.locator('.tl-claim__text', { hasText: snippet })).toHaveCount(0, { timeout: 10_000 });

  await page.reload();
  panel = await openPanel(page);
  await expect(panel.locator('.tl-item').first()).toBeVisible();
  await expect(panel.locator('.tl-claim__text', { hasText: snippet })).toHaveCount(0);

  const checklist = await context.newPage();
  await checklist.goto(`chrome-extension://${extensionId}/options.html`);
  const entry = checklist.locator('.tl-corrections__entry', { hasText: snippet });
  await expect(entry).toContainText('Not a claim');
  await expect(entry).toContainText(NEWS_URL.split('#')[0]!);
  await entry.getByRole('button', { name: 'Undo' }).click();
  await expect(entry).toHaveCount(0);

  await page.reload();
  panel = await openPanel(page);
  await expect(panel.locator('.tl-claim__text', { hasText: snippet }).first()).toBeVisible({ timeout: 20_000 });
});

test('a wrong stance corrected in the panel: the highlight’s colour follows', async ({ page, context }) => {
  await servePage(context, NEWS_URL, demoHtml());
  await page.goto(NEWS_URL);
  const panel = await openPanel(page);
  const claim = panel.locator('[data-item-id="cloud-revenue-growth"] .tl-claim', { hasText: 'grew 34%' }).first();
  await expect(claim.locator('.tl-stance__word')).toHaveText('Supports');
  await claim.locator('.tl-correct summary').click();
  await claim.getByRole('button', { name: 'It challenges the thesis' }).click();
  await expect(panel.locator('[data-item-id="cloud-revenue-growth"] .tl-claim', { hasText: 'grew 34%' }).first().locator('.tl-stance__word')).toHaveText('Challenges', { timeout: 10_000 });
  const colour = await page.evaluate(() => {
    for (const [name, highlight] of CSS.highlights) {
      for (const range of highlight as unknown as Iterable<Range>) if (range.toString().includes('grew 34%')) return name;
    }
    return null;
  });
  expect(colour).toMatch(/^thesis-lens-challenges/);
});
