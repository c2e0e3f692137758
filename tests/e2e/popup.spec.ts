import { openPanel } from './lens-ui';
import { test, expect, servePage, serviceWorkerOf, launchWithExtension, blockNetwork, extensionIdOf } from './extension';
import { NEWS_URL, demoHtml } from '../fixtures/e2e/lens-pages';
import type { BrowserContext, Page } from '@playwright/test';
import { ClosedRoot } from './saving-support';

/** The popup lists the page's items and claims, not only a count; and the UI follows the browser's language. */

async function popupFor(context: BrowserContext, page: Page, extensionId: string): Promise<Page> {
  await servePage(context, NEWS_URL, demoHtml());
  const worker = await serviceWorkerOf(context);
  await page.goto(NEWS_URL);
  const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id ?? null, NEWS_URL);
  expect(tabId).not.toBeNull();
  await expect
    .poll(() => worker.evaluate(async (id) => ((await chrome.storage.session.get(`lens-report:${id}`))[`lens-report:${id}`] as { items?: unknown[] } | undefined)?.items?.length ?? 0, tabId!), { timeout: 20_000 })
    .toBeGreaterThan(0);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 340, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

test('the popup lists the items the page touches, each with its status and its claims', async ({ context, page, extensionId }) => {
  const popup = await popupFor(context, page, extensionId);
  const items = popup.getByRole('list', { name: 'Checklist items and claims on this page' }).locator(':scope > li');
  expect(await items.count()).toBeGreaterThanOrEqual(5);
  // The items and claims the sidebar shows for the same page.
  const panel = await openPanel(page);
  const sidebarItems = await panel.locator('li.tl-item[data-item-id]').evaluateAll((rows) =>
    rows.filter((row) => row.querySelector('li.tl-claim')).map((row) => row.getAttribute('data-item-id')),
  );
  expect(await items.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-item-id')))).toEqual(sidebarItems);
  const cloud = popup.locator('li.tl-popup__item[data-item-id="cloud-revenue-growth"]');
  await expect(cloud.getByRole('list', { name: /Claims about/ })).toContainText('grew 34%');
  await expect(cloud.locator('.tl-popup__stance').first()).toHaveText(/Supports|Challenges|Neutral/);
  await popup.screenshot({ path: 'test-results/popup-items.png', fullPage: true });
});

test('in Chinese: the popup, the welcome page and the save dialog speak the browser’s language', async () => {
  const context = await launchWithExtension({ uiLanguage: 'zh-CN' });
  try {
    await blockNetwork(context);
    const extensionId = await extensionIdOf(context);
    const page = context.pages().find((open) => open.url() === 'about:blank') ?? (await context.newPage());
    const popup = await popupFor(context, page, extensionId);
    await expect(popup.getByRole('button', { name: '显示侧栏' })).toBeVisible();
    await expect(popup.getByTestId('claim-count')).toHaveText(/^本页有 \d+ 条论断$/);
    await expect(popup.getByRole('list', { name: '本页涉及的清单条目与论断' })).toBeVisible();
    await popup.screenshot({ path: 'test-results/popup-zh.png', fullPage: true });

    const welcome = await context.newPage();
    await welcome.goto(`chrome-extension://${extensionId}/welcome.html`);
    await expect(welcome.getByRole('heading', { level: 1 })).toHaveText('欢迎使用 Thesis Lens');
    await expect(welcome.getByRole('link', { name: '打开示例文章' })).toBeVisible();
    await welcome.screenshot({ path: 'test-results/welcome-zh.png' });

    // The Save button beside a selection, and the dialog it opens.
    await page.bringToFront();
    const clipper = new ClosedRoot(page, 'thesis-lens-clipper');
    await page.locator('.article-body p', { hasText: 'Alibaba has committed RMB 380 billion' }).click({ clickCount: 3 });
    await expect.poll(() => clipper.text('.tlc-selection-save')).toBe('保存');
    await clipper.click('.tlc-selection-save');
    await expect.poll(() => clipper.text('#tlc-title')).toBe('保存到 Thesis Lens');
    expect(await clipper.text('button[type="submit"]')).toBe('保存摘录');
    await page.screenshot({ path: 'test-results/saving-dialog-zh.png' });
  } finally {
    await context.close();
  }
});
