import type { Frame, Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { test, expect, launchWithExtension, blockNetwork, servePage, fixturePage } from './extension';
import { NEWS_URL, demoHtml } from '../fixtures/e2e/lens-pages';
import { lensFrame, openPanel, paintedClaims, settled } from './lens-ui';

/**
 * The lens as a reader sees it: the demo and the Chinese fixture at three window sizes, light
 * and dark, panel open and closed. The pictures go to test-results (and are looked at); each
 * also checks that the panel never covers the article's text unasked.
 */

const PAGES = [
  { name: 'demo', url: NEWS_URL, html: () => demoHtml() },
  { name: 'zh', url: 'https://www.yicai.com/news/alibaba-cloud-results-2026.html', html: () => fixturePage('zh-alibaba-cloud-results.html') },
];
const SIZES = [
  { width: 1600, height: 1000 },
  { width: 1024, height: 700 },
  { width: 800, height: 700 },
];

/** The closed panel's width (frame-host.ts). */
const RAIL_WIDTH = 28;
/** The width the lens gave its host in the page (the page can see the box, not what is in it). */
const hostWidth = (page: Page) => page.evaluate(() => Math.round(document.querySelector('thesis-lens-sidebar')?.getBoundingClientRect().width ?? 0));
/** The width the frame draws in (its window follows the host once laid out). */
const frameWidth = (frame: Frame) => frame.evaluate(() => innerWidth);

for (const colorScheme of ['light', 'dark'] as const) {
  for (const target of PAGES) {
    test(`screenshots: ${target.name}, ${colorScheme}, three sizes, open and closed`, async ({}, testInfo) => {
      test.setTimeout(120_000);
      const context = await launchWithExtension({ colorScheme });
      try {
        await blockNetwork(context);
        await servePage(context, target.url, target.html());
        const page = context.pages()[0] ?? (await context.newPage());
        const dir = testInfo.outputPath();
        mkdirSync(dir, { recursive: true });
        for (const size of SIZES) {
          await page.setViewportSize(size);
          await page.goto(target.url);
          const frame = await lensFrame(page);
          // The lens has painted its claims, laid the page out around its frame, and that has been drawn.
          await expect.poll(() => paintedClaims(page)).toBeGreaterThan(0);
          await expect.poll(async () => (await hostWidth(page)) === (await frameWidth(frame))).toBe(true);
          await settled(page);
          await settled(frame);
          const open = (await frame.locator('.tl-panel').count()) > 0;
          await page.screenshot({ path: `${dir}/${target.name}-${size.width}x${size.height}-${colorScheme}-${open ? 'open' : 'closed'}.png` });
          // The first paragraph's text is never under the frame unless the reader opened an overlay.
          if (!open) {
            const rail = (await frame.locator('.tl-rail').boundingBox())!;
            const textRight = await page.evaluate(() => Math.max(...[...document.querySelectorAll('p')].map((p) => p.getBoundingClientRect().right)));
            expect(textRight).toBeLessThanOrEqual(rail.x + 1);
            await openPanel(page);
            await expect.poll(() => hostWidth(page)).toBeGreaterThan(RAIL_WIDTH);
            await settled(page);
            await settled(frame);
            await page.screenshot({ path: `${dir}/${target.name}-${size.width}x${size.height}-${colorScheme}-open.png` });
          } else {
            const panel = (await frame.locator('.tl-panel').boundingBox())!;
            const textRight = await page.evaluate(() => Math.max(...[...document.querySelectorAll('p')].map((p) => p.getBoundingClientRect().right)));
            expect(textRight).toBeLessThanOrEqual(panel.x + 1);
            await frame.getByRole('button', { name: 'Minimise Thesis Lens' }).click();
            await expect(frame.locator('.tl-rail')).toBeVisible();
            await expect.poll(() => hostWidth(page)).toBe(RAIL_WIDTH);
            await settled(page);
            await settled(frame);
            await page.screenshot({ path: `${dir}/${target.name}-${size.width}x${size.height}-${colorScheme}-closed.png` });
            // Back to open for the next size (remembered per site).
            await frame.locator('.tl-rail__open').click();
          }
        }
      } finally {
        await context.close();
      }
    });
  }
}

test('the panel in a Chinese browser: the Chinese fixture, the panel in Simplified Chinese, folded and opened in place', async ({}, testInfo) => {
  test.setTimeout(90_000);
  const context = await launchWithExtension({ uiLanguage: 'zh-CN' });
  try {
    await blockNetwork(context);
    const target = PAGES[1]!;
    await servePage(context, target.url, target.html());
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(target.url);
    const frame = await lensFrame(page);
    await expect.poll(() => paintedClaims(page)).toBeGreaterThan(0);
    await openPanel(page);
    const panel = frame.locator('.tl-panel');
    // The panel's own words are Chinese: the note, the orders, the legend, the status line.
    await expect(panel.locator('.tl-note__summary')).toContainText('条论断涉及');
    await expect(panel.getByRole('button', { name: '阅读顺序' })).toBeVisible();
    await expect(panel.locator('.tl-legend summary')).toHaveText('颜色的含义');
    await expect(panel.locator('.tl-item__date').first()).toContainText('状态截至');
    // An item folds to its header and opens again; its status word and date stay in view.
    const firstItem = panel.locator('.tl-item').first();
    const toggle = firstItem.locator('.tl-item__toggle');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(firstItem.locator('.tl-item__body')).toBeHidden();
    await expect(firstItem.locator('.tl-item__date')).toBeVisible();
    await expect(firstItem.locator('.tl-status')).toBeVisible();
    await settled(page);
    await settled(frame);
    await page.screenshot({ path: testInfo.outputPath('zh-panel-1280x800-folded.png') });
    await toggle.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await settled(frame);
    await page.screenshot({ path: testInfo.outputPath('zh-panel-1280x800.png') });
  } finally {
    await context.close();
  }
});
