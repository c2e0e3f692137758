import { readFileSync } from 'node:fs';
import { openPanel } from './lens-ui';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, extensionDir } from './extension';
import { ClosedRoot } from './saving-support';

/**
 * First run, as a new user meets it: the icon in every size, the welcome page opening by itself
 * on install, and its demo link opening the bundled demo article, annotated.
 */

test('the manifest declares an icon at every size the stores ask for', () => {
  const manifest = JSON.parse(readFileSync(`${extensionDir}/manifest.json`, 'utf8')) as { icons: Record<string, string> };
  expect(Object.keys(manifest.icons).sort((a, b) => +a - +b)).toEqual(['16', '32', '48', '96', '128']);
  for (const [size, path] of Object.entries(manifest.icons)) {
    const png = readFileSync(`${extensionDir}/${path}`);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // Width and height from the IHDR chunk.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([+size, +size]);
  }
});

test('on install the welcome page opens; its demo link opens the demo article, annotated, where saving works', async ({ context, extensionId }) => {
  const welcome = context.pages().find((page) => page.url().endsWith('/welcome.html')) ?? (await context.waitForEvent('page', { predicate: (page) => page.url().endsWith('/welcome.html'), timeout: 15_000 }));
  expect(welcome.url()).toBe(`chrome-extension://${extensionId}/welcome.html`);
  await expect(welcome.getByRole('heading', { level: 1 })).toHaveText('Welcome to Thesis Lens');
  await expect(welcome.getByRole('list', { name: 'What Thesis Lens does' }).getByRole('listitem')).toHaveCount(3);
  await expect(welcome.getByText(/press Alt\+Shift\+L/)).toBeVisible();
  await welcome.setViewportSize({ width: 1024, height: 700 });
  await welcome.screenshot({ path: 'test-results/welcome.png' });
  const audit = await new AxeBuilder({ page: welcome }).analyze();
  expect(audit.violations.map((v) => v.id)).toEqual([]);

  await welcome.getByRole('link', { name: 'Open the demo article' }).click();
  await welcome.waitForURL(`chrome-extension://${extensionId}/demo/alibaba-h200.html`);
  const panel = await openPanel(welcome, 30_000);
  await expect(panel.locator('li.tl-claim').first()).toBeVisible({ timeout: 30_000 });
  expect(await panel.locator('li.tl-claim').count()).toBeGreaterThan(5);
  expect(await welcome.evaluate(() => CSS.highlights.size)).toBeGreaterThan(0);
  await welcome.screenshot({ path: 'test-results/welcome-demo.png' });

  // The clipper runs there too: the Save button beside a selection.
  const clipper = new ClosedRoot(welcome, 'thesis-lens-clipper');
  await welcome.locator('.article-body p', { hasText: 'Alibaba has committed RMB 380 billion' }).click({ clickCount: 3 });
  await expect.poll(() => clipper.text('.tlc-selection-save')).toBe('Save');
});
