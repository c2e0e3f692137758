import { test, expect, servePage, serviceWorkerOf } from './extension';
import { NEWS_URL, demoHtml } from '../fixtures/e2e/lens-pages';

test('scratch', async ({ page, context }) => {
  page.on('console', (m) => console.log('PAGE', m.type(), m.text()));
  await servePage(context, NEWS_URL, demoHtml());
  await page.goto(NEWS_URL);
  const worker = await serviceWorkerOf(context);
  worker.on('console', (m) => console.log('SW', m.type(), m.text()));
  await page.evaluate(() => {
    const p = document.querySelector('.article-body p')!;
    const range = document.createRange();
    range.setStart(p.firstChild!, 0);
    range.setEnd(p.firstChild!, 60);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  console.log(await worker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    const info = { menuItemId: 'thesis-lens-save-selection', editable: false, pageUrl: url };
    const got: string[] = [];
    chrome.contextMenus.onClicked.addListener((i) => got.push('menu ' + i.menuItemId));
    chrome.commands.onCommand.addListener((c) => got.push('cmd ' + c));
    try {
    (chrome.contextMenus.onClicked as unknown as { dispatch: (...args: unknown[]) => void }).dispatch(info, tab);
    (chrome.commands.onCommand as unknown as { dispatch: (...args: unknown[]) => void }).dispatch('save-selection', tab);
    } catch (e) { return 'ERR ' + e; }
    await new Promise((r) => setTimeout(r, 100));
    return 'ok ' + tab?.id + got.join(',') + ' listeners ' + chrome.contextMenus.onClicked.hasListeners();
  }, NEWS_URL));
  await page.waitForTimeout(3000);
  console.log(await page.evaluate(() => document.querySelector('thesis-lens-clipper')?.shadowRoot?.innerHTML.replace(/<style>.*<\/style>/, '')));
  console.log(await page.evaluate(() => getSelection()?.toString()));
});
