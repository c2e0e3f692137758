import { test, expect, servePage } from './extension';
import { NEWS_URL, claimRect, demoHtml } from '../fixtures/e2e/lens-pages';
import { lensFrame, openPanel } from './lens-ui';

/**
 * The lens and its panel meet through the background (lib/lens/frame-relay.ts), which an idle
 * Chromium stops after about 30 s. Neither end may start it again just to keep the channel
 * open (lib/lens/lazy-channel.ts); each reconnects when it has something to say, and wakes the
 * other. Here the worker is stopped on purpose, as Chromium does when it is idle.
 */

test('the background stopped: nothing restarts it until the reader acts, then the panel and the lens find each other again', async ({ page, context }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await servePage(context, NEWS_URL, demoHtml());
  await page.goto(NEWS_URL);
  const panel = await openPanel(page);
  await expect(panel.locator('.tl-item').first()).toBeVisible({ timeout: 20_000 });
  const frame = await lensFrame(page);
  const host = page.locator('thesis-lens-sidebar');

  // The worker's running status as Chromium reports it (Playwright keeps a stopped worker's handle).
  const cdp = await context.newCDPSession(page);
  const statuses: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) if (version.scriptURL.endsWith('/background.js')) statuses.push(version.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  const stopWorkers = async () => {
    // A busy worker (a loaded machine) may finish a task first: ask again until it reports stopped.
    await expect
      .poll(async () => {
        if (statuses.at(-1) !== 'stopped') await cdp.send('ServiceWorker.stopAllWorkers');
        return statuses.at(-1);
      }, { timeout: 20_000 })
      .toBe('stopped');
    return statuses.length;
  };
  const startedSince = (mark: number) => statuses.slice(mark).some((status) => status === 'starting' || status === 'running');

  let mark = await stopWorkers();
  // Left alone, the two ends stay quiet: no reconnection starts the worker again.
  await page.waitForTimeout(3000);
  expect(startedSince(mark)).toBe(false);

  // The reader closes the panel from inside it: the frame reconnects, wakes the lens, and
  // the lens shrinks the panel to its rail.
  await frame.getByRole('button', { name: 'Hide Thesis Lens on this page' }).click();
  await expect.poll(async () => (await host.boundingBox())?.width ?? 0, { timeout: 10_000 }).toBeLessThan(60);
  expect(startedSince(mark)).toBe(true);

  // Asleep again; now the page side acts: a click on a highlighted claim opens its card.
  mark = await stopWorkers();
  const rect = (await claimRect(page, 'grew 34%'))!;
  await page.mouse.click(rect.left + 30, (rect.top + rect.bottom) / 2);
  await expect.poll(async () => (await host.boundingBox())?.width ?? 0, { timeout: 10_000 }).toBeGreaterThan(200);
  await expect(frame.locator('.tl-claim', { hasText: 'grew 34%' }).first()).toBeVisible();
});
