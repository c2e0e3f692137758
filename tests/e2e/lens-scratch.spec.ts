import { test, expect, servePage, serviceWorkerOf } from './extension';
import { NEWS_URL, demoHtml } from '../fixtures/e2e/lens-pages';

test('scratch', async ({ page, context }, testInfo) => {
  page.on('console', (m) => console.log('PAGE', m.type(), m.text()));
  await servePage(context, NEWS_URL, demoHtml(), { 'Content-Security-Policy': "default-src 'none'" });
  await page.goto(NEWS_URL);
  await page.waitForTimeout(3000);
  console.log('hosts', await page.locator('thesis-lens-sidebar').count());
  const worker = await serviceWorkerOf(context);
  await worker.evaluate(async (url) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === url)!;
    await chrome.tabs.sendMessage(tab.id!, { type: 'lens/open-sidebar' });
  }, NEWS_URL).catch((e) => console.log('send failed', String(e)));
  await page.waitForTimeout(1500);
  console.log('hosts', await page.locator('thesis-lens-sidebar').count());
  console.log(await page.locator('thesis-lens-sidebar').evaluate((h) => h.shadowRoot!.innerHTML.slice(0, 600)).catch(String));
  await page.screenshot({ path: testInfo.outputPath('scratch.png') });
  console.log(testInfo.outputPath('scratch.png'));
});
