import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, servePage, fixturePage, launchWithExtension, extensionIdOf } from './extension';
import { lensFrame, openPanel } from './lens-ui';

/**
 * Evidence across articles, as a reader meets it: four articles about one checklist item
 * (Alibaba Cloud's growth) read on three news sites, two of which give different growth
 * figures for the same quarter. The checklist page shows the evidence since the item's last
 * status, the conflict side by side and the suggested status; Apply makes it the reader's
 * own entry and the panel on an article shows it; the reading log lists the four and clears.
 */

const THESIS = 'alibaba-ai-cloud-h200';
const ITEM = 'cloud-revenue-growth';
const ARTICLES = [
  { url: 'https://www.reuters.com/technology/alibaba-cloud-growth-slows-2026-11-17/', file: 'evidence-wire-cloud-slows.html' },
  { url: 'https://www.cnbc.com/2026/11/18/alibaba-cloud-growth-27-percent.html', file: 'evidence-tv-cloud-27.html' },
  { url: 'https://www.reuters.com/markets/asia/alibaba-cloud-brokers-cut-forecasts-2026-11-19/', file: 'evidence-wire-cloud-margins.html' },
  { url: 'https://www.scmp.com/tech/big-tech/article/3300001/price-war-weighs-alibaba-cloud-growth-slows', file: 'evidence-asia-cloud-slowdown.html' },
];
const SHOTS = 'artifacts/evidence';

async function axeClean(page: Page, label: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((violation) => `${label} ${scheme}: ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('read four articles, see the evidence, the conflict and the suggestion, apply it, see it in the panel, clear the log', async ({ page, context, extensionId }) => {
  test.setTimeout(240_000);
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const article of ARTICLES) await servePage(context, article.url, fixturePage(article.file));

  // Reading: each article is analysed by the background, which logs it.
  for (const article of ARTICLES) {
    await page.goto(article.url);
    await lensFrame(page);
  }
  // The panel on the fourth article: the item's evidence since its last status, and what this article adds.
  const panel = await openPanel(page);
  const item = panel.locator(`.tl-item[data-item-id="${ITEM}"]`).first();
  // Three sites report the slowdown; one of them also says demand still outruns supply (the
  // cloud item's "demand against capacity"), a support from one site.
  await expect(item.locator('[data-testid="panel-evidence"]')).toHaveText(/^Since .*2026: 1 support \(1 site\), \d+ challenge \(3 sites\)$/);
  await expect(panel.locator('[data-testid="panel-novelty"]')).toContainText(/This site is a new source on: .*Alibaba Cloud revenue growth holds or accelerates/);
  await page.screenshot({ path: `${SHOTS}/panel-before.png` });

  // The reading log lists the four articles, newest read first.
  const log = await context.newPage();
  await log.setViewportSize({ width: 1280, height: 800 });
  await log.goto(`chrome-extension://${extensionId}/reading-log.html`);
  await expect(log.getByTestId('reading-log-count')).toHaveText('4 articles');
  await expect(log.locator('.rl-row__title a').first()).toHaveText('Price war weighs on Alibaba Cloud as growth slows');
  await expect(log.locator('.rl-row__site')).toHaveText(['scmp.com', 'reuters.com', 'cnbc.com', 'reuters.com']);
  await expect(log.locator('.rl-row').first().locator('.rl-row__items')).toContainText('Alibaba Cloud revenue growth holds or accelerates');
  await log.getByLabel('Search titles, sites and claims').fill('27%');
  await expect(log.getByTestId('reading-log-count')).toHaveText('1 of 4 articles');
  await log.getByLabel('Search titles, sites and claims').fill('');
  await expect(log.getByTestId('reading-log-count')).toHaveText('4 articles');
  await log.screenshot({ path: `${SHOTS}/reading-log.png` });
  await axeClean(log, 'reading log');
  // Export: a JSON download of the entries.
  const download = log.waitForEvent('download');
  await log.getByRole('button', { name: 'Export as JSON' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^thesis-lens-reading-log-\d{4}-\d{2}-\d{2}\.json$/);

  // The checklist page: the evidence, the conflict, the suggestion.
  const checklist = await context.newPage();
  await checklist.setViewportSize({ width: 1280, height: 800 });
  await checklist.goto(`chrome-extension://${extensionId}/options.html#thesis=${THESIS}`);
  const card = checklist.locator(`.tl-card[data-item-id="${ITEM}"]`);
  const evidence = card.getByTestId('item-evidence');
  await expect(evidence).toBeVisible({ timeout: 20_000 });
  await expect(card.locator('.tl-card__head .tl-status__word')).toHaveText('On track');
  await expect(evidence.locator('h5')).toHaveText(/^Since its last status \(.*2026\)$/);
  await expect(evidence.locator('.tl-ev-side--challenges .tl-ev-side__count')).toContainText(/\d+ claims from 3 sites/);
  await card.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await checklist.screenshot({ path: `${SHOTS}/checklist-light.png` });
  await checklist.emulateMedia({ colorScheme: 'dark' });
  await checklist.screenshot({ path: `${SHOTS}/checklist-dark.png` });
  await checklist.emulateMedia({ colorScheme: 'light' });
  // Many claims: the list is folded under its count, and opens.
  await evidence.locator('.tl-ev-side--challenges summary').click();
  await expect(evidence.locator('.tl-ev-side--challenges .tl-ev-source__site').first()).toBeVisible();
  const conflict = evidence.getByTestId('evidence-conflicts');
  await expect(conflict.locator('.tl-ev-conflict__what')).toHaveText(/^Alibaba Cloud revenue growth, year over year, period ended .*2026: the sources give different values$/);
  await expect(conflict.locator('.tl-ev-report__value')).toHaveText(['29%', '27%']);
  await expect(conflict.locator('.tl-ev-report .tl-ev-source__site')).toHaveText(['reuters.com', 'cnbc.com']);
  const suggestion = evidence.getByTestId('evidence-suggestion');
  await expect(suggestion).toContainText('Suggested status: On track → At risk');
  await expect(suggestion).toContainText('at least two separate sites report it blocked or delayed');
  await expect(suggestion.locator('summary')).toHaveText(/^Based on \d+ claims from 3 sites$/);
  await axeClean(checklist, 'checklist');

  // Keyboard: Apply is reachable by Tab and works with Enter.
  const apply = suggestion.getByRole('button', { name: /Apply the suggested status At risk/ });
  await suggestion.getByRole('button', { name: /Dismiss the suggestion/ }).focus();
  await checklist.keyboard.press('Shift+Tab');
  await expect(apply).toBeFocused();
  await checklist.keyboard.press('Enter');
  // The reader's own dated entry: the status changes on screen and the suggestion is gone.
  await expect(card.locator('.tl-card__head .tl-status__word')).toHaveText('At risk');
  await expect(card.getByTestId('evidence-suggestion')).toHaveCount(0);
  await card.locator('.tl-card__history summary').click();
  await expect(card.locator('.tl-history__entry').first()).toHaveAttribute('data-origin', 'user');

  // A newer key figure: one click adds it to the item, with its source; the checklist then knows that period.
  const candidates = card.getByTestId('evidence-candidates');
  await expect(candidates.locator('.tl-ev-candidate')).toHaveCount(2);
  await candidates.getByRole('button', { name: /^Add 29% / }).click();
  await expect(checklist.getByRole('status').filter({ hasText: 'Key figure added, with its source.' })).toHaveCount(1);
  await expect(card.getByTestId('evidence-candidates')).toHaveCount(0);
  const figures = await checklist.evaluate(async () => {
    const reply = (await chrome.runtime.sendMessage({ type: 'checklist/export-pack', payload: { id: 'alibaba-ai-cloud-h200' } })) as { data: { json: string } };
    const pack = JSON.parse(reply.data.json) as { items: Array<{ id: string; figures: Array<{ measure: string; value: number; periodEnd?: string; source?: { url?: string } }> }> };
    return pack.items.find((item) => item.id === 'cloud-revenue-growth')!.figures.filter((figure) => figure.periodEnd === '2026-09-30');
  });
  expect(figures).toHaveLength(1);
  expect(figures[0]).toMatchObject({ measure: 'cloud-revenue-yoy', value: 29 });
  expect(JSON.stringify(figures[0])).toContain('reuters.com');

  // The panel on an article shows the new status.
  await page.bringToFront();
  await page.goto(ARTICLES[1]!.url);
  const panelAfter = await openPanel(page);
  await expect(panelAfter.locator(`.tl-item[data-item-id="${ITEM}"] .tl-item__head .tl-status__word`).first()).toHaveText('At risk');
  await page.screenshot({ path: `${SHOTS}/panel-after.png` });

  // Clearing the log, on its page, after confirming: it is empty and says what it is.
  await log.bringToFront();
  await log.reload();
  await expect(log.getByTestId('reading-log-count')).toHaveText('4 articles');
  await log.getByRole('button', { name: 'Clear the log…' }).click();
  await log.getByRole('alertdialog').getByRole('button', { name: 'Delete all' }).click();
  await expect(log.getByTestId('reading-log-notice')).toHaveText('The reading log was cleared (4 articles).');
  await expect(log.getByTestId('reading-log-empty')).toBeVisible();
  await expect(log.locator('.rl-row')).toHaveCount(0);
  await expect(log.getByText('Kept on this device only, never sent; the last 5,000 articles')).toBeVisible();
  await log.screenshot({ path: `${SHOTS}/reading-log-empty.png` });
});

test('switched off, the log records nothing new', async ({ page, context, extensionId }) => {
  test.setTimeout(120_000);
  const log = await context.newPage();
  await log.goto(`chrome-extension://${extensionId}/reading-log.html`);
  await expect(log.getByTestId('reading-log-empty')).toBeVisible();
  await log.getByLabel('Keep a reading log').uncheck();
  await expect(log.getByText('The log is off')).toBeVisible();
  const article = ARTICLES[0]!;
  await servePage(context, article.url, fixturePage(article.file));
  await page.goto(article.url);
  await openPanel(page);
  await log.reload();
  await expect(log.getByLabel('Keep a reading log')).not.toBeChecked();
  await expect(log.getByTestId('reading-log-empty')).toBeVisible();
  await expect(log.getByTestId('reading-log-count')).toHaveText('0 articles');
});

test('in Chinese: the reading log and the suggestion speak the browser’s language', async () => {
  test.setTimeout(180_000);
  const context = await launchWithExtension({ uiLanguage: 'zh-CN', viewport: { width: 1280, height: 800 } });
  try {
    const extensionId = await extensionIdOf(context);
    for (const article of ARTICLES) await servePage(context, article.url, fixturePage(article.file));
    const page = await context.newPage();
    for (const article of ARTICLES) {
      await page.goto(article.url);
      await lensFrame(page);
    }
    await page.goto(`chrome-extension://${extensionId}/reading-log.html`);
    await expect(page.locator('h1')).toHaveText('阅读记录');
    await expect(page.getByTestId('reading-log-count')).toHaveText('共 4 篇文章');
    await page.goto(`chrome-extension://${extensionId}/options.html#thesis=${THESIS}`);
    const suggestion = page.locator(`.tl-card[data-item-id="${ITEM}"]`).getByTestId('evidence-suggestion');
    await expect(suggestion).toContainText('建议状态：');
    await expect(suggestion.getByRole('button', { name: /^将建议状态/ })).toHaveText('采用');
    await suggestion.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SHOTS}/checklist-zh-dark.png` });
    await axeClean(page, 'checklist zh');
  } finally {
    await context.close();
  }
});

test('a dismissed suggestion stays dismissed until new evidence arrives', async ({ page, context, extensionId }) => {
  test.setTimeout(180_000);
  for (const article of ARTICLES) await servePage(context, article.url, fixturePage(article.file));
  // Three sites: enough for the suggestion.
  for (const article of [ARTICLES[0]!, ARTICLES[1]!, ARTICLES[3]!]) {
    await page.goto(article.url);
    await lensFrame(page);
  }
  const checklist = await context.newPage();
  await checklist.goto(`chrome-extension://${extensionId}/options.html#thesis=${THESIS}`);
  const card = checklist.locator(`.tl-card[data-item-id="${ITEM}"]`);
  const suggestion = card.getByTestId('evidence-suggestion');
  await expect(suggestion).toContainText('Suggested status: On track → At risk');
  await suggestion.getByRole('button', { name: /Dismiss the suggestion/ }).click();
  await expect(suggestion).toHaveCount(0);
  await expect(card.locator('.tl-card__head .tl-status__word')).toHaveText('On track');
  // Still dismissed on a fresh load: the evidence behind it has not changed.
  await checklist.reload();
  await expect(card.getByTestId('item-evidence')).toBeVisible();
  await expect(suggestion).toHaveCount(0);
  // A new article on the item: the suggestion comes back.
  await page.bringToFront();
  await page.goto(ARTICLES[2]!.url);
  await lensFrame(page);
  await checklist.bringToFront();
  await checklist.reload();
  await expect(suggestion).toContainText('Suggested status: On track → At risk');
});
