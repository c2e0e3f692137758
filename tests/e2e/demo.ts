import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { blockNetwork, fixturePage, launchWithExtension, serviceWorkerOf, servePage } from './extension';
import { openPanel, settled } from './lens-ui';

/**
 * `npm run demo`: the built extension in Chromium on the bundled demo article (the seed's
 * news in the project's own words), served at a news address with no network. Waits for
 * the sidebar, saves artifacts/demo.png and prints the claims the sidebar shows.
 * Headed when there is a display (DISPLAY or WAYLAND_DISPLAY): the browser then stays open,
 * for the reader to use, until they close it. Headless otherwise: it ends after the picture.
 */

const DEMO_URL = 'https://www.cnbc.com/2026/01/09/thesis-lens-demo-alibaba-ai-cloud-h200.html';
const SCREENSHOT = resolve('artifacts/demo.png');

async function main(): Promise<void> {
  const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const context = await launchWithExtension({ headless: !headed, viewport: { width: 1400, height: 900 } });
  try {
    await blockNetwork(context);
    await servePage(context, DEMO_URL, fixturePage('demo-alibaba-h200.html'));
    const worker = await serviceWorkerOf(context);
    // A fresh profile is a first install: the welcome page opens in a tab of its own.
    const welcome = context.waitForEvent('page', { predicate: (opened) => opened.url().endsWith('/welcome.html'), timeout: 5_000 }).catch(() => null);
    const page = context.pages().find((open) => open.url() === 'about:blank') ?? (await context.newPage());
    await page.goto(DEMO_URL);
    await welcome;
    await page.bringToFront();

    // The panel is the lens's frame, an extension page beside the article.
    const sidebar = await openPanel(page, 30_000);
    const claims = sidebar.locator('li.tl-claim');
    await claims.first().waitFor({ timeout: 30_000 });
    // The highlights are painted in the page; then a short settle for the picture.
    await page.waitForFunction(() => [...CSS.highlights.keys()].some((name) => /^thesis-lens-(supports|challenges|neutral)/.test(name)), null, { timeout: 30_000 });
    await settled(page);
    await page.waitForTimeout(200);

    mkdirSync(resolve('artifacts'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id ?? null, DEMO_URL);
    const badge = tabId === null ? '' : await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

    const rows = await sidebar.locator('li.tl-item[data-item-id]').evaluateAll((items) =>
      items.flatMap((item) =>
        Array.from(item.querySelectorAll('li.tl-claim')).map((claim) => ({
          item: item.getAttribute('data-item-id') ?? '',
          stance: (claim.querySelector('.tl-stance')?.className.match(/tl-stance--([a-z]+)/) ?? [])[1] ?? '',
          text: claim.querySelector('.tl-claim__text')?.textContent?.trim() ?? '',
        })),
      ),
    );

    console.log(`Thesis Lens demo: ${DEMO_URL}`);
    console.log(`Toolbar badge: ${badge || '(none)'}; sidebar rows: ${rows.length}`);
    const width = Math.max(...rows.map((row) => row.item.length), 4);
    for (const row of rows) console.log(`${row.item.padEnd(width)}  ${row.stance.padEnd(10)}  ${row.text}`);
    console.log(`Screenshot: ${SCREENSHOT}`);
    if (headed) {
      console.log('Chromium stays open with Thesis Lens loaded: read, select, save. Close the browser window to end the demo.');
      await new Promise<void>((resolve) => context.on('close', () => resolve()));
    }
  } finally {
    await context.close().catch(() => {});
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
