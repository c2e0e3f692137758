import { test, expect } from './extension';
import { importLibrary, inventedLibrary } from './library-seed';

/**
 * 10,000 clippings: the library asks the background for the rows on screen, renders only
 * those, and searches there. (Its speed is measured in `npm run bench`, not asserted here.)
 */

test.describe.configure({ timeout: 180_000 });

test('search 10,000 clippings: a page at a time, only what is on screen rendered', async ({ page, extensionId }, testInfo) => {
  await page.goto(`chrome-extension://${extensionId}/library.html`);
  await expect(page.getByTestId('library-count')).toHaveText('0 clippings');
  await importLibrary(page, inventedLibrary(10_000));
  await page.reload();
  await expect(page.getByTestId('library-count')).toHaveText('10000 clippings', { timeout: 30_000 });

  // Newest article first; only a screenful (and a margin) in the DOM.
  await expect(page.locator('.lib-group h2').first()).toHaveText('Story 1999: cloud and chips');
  const rendered = () => page.locator('.lib-card').count();
  expect(await rendered()).toBeGreaterThan(3);
  expect(await rendered()).toBeLessThan(40);
  const list = page.getByRole('list', { name: 'Clippings' });
  expect(Number(await list.getAttribute('data-count'))).toBe(12_000);

  // Scrolling to the end brings the oldest article, still with a screenful in the DOM.
  await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
  await expect(page.locator('.lib-group h2').last()).toHaveText('Story 0: cloud and chips', { timeout: 20_000 });
  await expect.poll(rendered).toBeLessThan(40);

  // Search: one word, then a narrower phrase; every view.
  await page.evaluate(() => scrollTo(0, 0));
  await page.getByRole('searchbox').fill('slowed');
  await expect(page.getByTestId('library-count')).toHaveText('1429 of 10000 clippings');
  await page.getByRole('searchbox').fill('"quarter 4242,"');
  await expect(page.getByTestId('library-count')).toHaveText('1 of 10000 clippings');
  await expect(page.locator('.lib-card blockquote')).toHaveText(/in quarter 4242, management said/);
  await page.getByText('Newest first').click();
  await expect(page.locator('.lib-card')).toHaveCount(1);
  await page.getByLabel('Stance').selectOption('supports');
  await expect(page.getByTestId('library-count')).toHaveText('0 of 10000 clippings');
  await page.getByLabel('Stance').selectOption('challenges');
  await expect(page.getByTestId('library-count')).toHaveText('1 of 10000 clippings');

  await page.getByRole('searchbox').fill('');
  await page.getByLabel('Stance').selectOption('');
  await page.getByText('By article').click();
  await expect(page.getByTestId('library-count')).toHaveText('10000 clippings');
  for (const [width, scheme] of [[1024, 'light'], [1600, 'dark']] as const) {
    await page.setViewportSize({ width, height: 800 });
    await page.emulateMedia({ colorScheme: scheme });
    // Fits the window: nothing wider than the viewport.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: testInfo.outputPath(`library-${width}-${scheme}.png`) });
  }
});
