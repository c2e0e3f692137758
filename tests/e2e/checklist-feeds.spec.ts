import type { Route } from '@playwright/test';
import { test, expect } from './extension';

/**
 * Feeds in the built extension: subscribe from the checklist page, the background fetches
 * the pack (served here at a news URL, whose origin the extension already may read, so
 * Chrome grants the permission request without a prompt), a failing refresh keeps the last
 * good version and shows the error, and a feed for an existing thesis adds its entries to the
 * history, marked with their origin.
 */

const FEED_URL = 'https://www.reuters.com/thesis-lens/acme-feed.json';
const LAYER_URL = 'https://www.reuters.com/thesis-lens/alibaba-updates.json';

const acmePack = {
  schema: 'thesis-lens/pack@1',
  id: 'acme-feed',
  title: 'Acme (from a feed)',
  version: '1',
  topics: [{ id: 'acme', title: 'Acme', mentions: { en: ['Acme'], zh: [] } }],
  items: [{ id: 'orders', kind: 'catalyst', title: 'Acme orders grow', matchers: [{ all: [{ en: ['orders'], zh: [] }] }], history: [{ date: '2026-10-01', status: 'on-track', note: 'Orders up, says the feed.' }] }],
};

test('subscribe to a feed, keep its last good version through a failure, and see feed entries in the history', async ({ page, context, extensionId }) => {
  test.setTimeout(120_000);
  let feedStatus = 200;
  await context.route(FEED_URL, (route: Route) =>
    feedStatus === 200
      ? route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(acmePack), headers: { etag: '"acme-1"' } })
      : route.fulfill({ status: feedStatus, contentType: 'text/plain', body: 'down' }),
  );
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.locator('.tl-card').first()).toBeVisible();

  await page.getByLabel('Feed URL').fill(FEED_URL);
  await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
  const feed = page.locator('.tl-feed', { hasText: FEED_URL });
  await expect(feed).toContainText('“Acme (from a feed)” v1', { timeout: 20_000 });
  await expect(page.locator('.tl-theses a', { hasText: 'Acme (from a feed)' })).toBeVisible();

  // The server fails: "Refresh now" records the error and its time; the thesis keeps its last good version.
  feedStatus = 503;
  await feed.getByRole('button', { name: 'Refresh now' }).click();
  await expect(feed.locator('.tl-error')).toContainText('HTTP 503', { timeout: 20_000 });
  await expect(feed.locator('.tl-error')).toContainText('Last error (');
  await page.locator('.tl-theses a', { hasText: 'Acme (from a feed)' }).click();
  await expect(page.locator('.tl-card[data-item-id="orders"] .tl-card__note')).toHaveText('Orders up, says the feed.');
  await expect(page.locator('.tl-card[data-item-id="orders"] .tl-card__origin')).toHaveText(/feed www\.reuters\.com/);

  // A feed publishing updates to the bundled thesis: its entry joins that thesis's history.
  await context.route(LAYER_URL, (route: Route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        ...acmePack,
        id: 'alibaba-ai-cloud-h200',
        title: 'Alibaba updates',
        items: [{ ...acmePack.items[0], id: 'h200-deployment', title: 'x', history: [{ date: '2026-11-01', status: 'on-track', note: 'First H200 clusters reported (feed).' }] }],
      }),
    }),
  );
  await page.getByLabel('Feed URL').fill(LAYER_URL);
  await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
  await expect(page.locator('.tl-feed', { hasText: LAYER_URL })).toContainText('v1', { timeout: 20_000 });
  await page.locator('.tl-theses a', { hasText: 'Alibaba: AI cloud rails and H200 access' }).click();
  const card = page.locator('.tl-card[data-item-id="h200-deployment"]');
  await expect(card.locator('.tl-card__note')).toHaveText('First H200 clusters reported (feed).');
  await card.locator('.tl-card__history summary').click();
  await expect(card.locator('.tl-history__entry').first()).toHaveAttribute('data-origin', 'feed');
  await expect(card.locator('.tl-card__title')).not.toHaveText('x'); // the thesis's own definition stays

  // Unsubscribing the layer removes its entries; the bundled history is intact.
  await page.locator('.tl-feed', { hasText: LAYER_URL }).getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(card.locator('.tl-card__note')).not.toHaveText('First H200 clusters reported (feed).');
  await expect(card.locator('.tl-history__entry[data-origin="feed"]')).toHaveCount(0);
});
