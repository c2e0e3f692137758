import type { Page } from '@playwright/test';
import { test, expect, servePage, launchWithExtension, blockNetwork } from './extension';
import { NEWS_URL, claimRect, demoHtml, highlightSizes, hostileHtml, hugeHtml } from '../fixtures/e2e/lens-pages';
import { lensFrame, openPanel, paintedClaims, scrollSettled, settled } from './lens-ui';

/** The lens on pages that fight back, on a huge page, and how the demo looks (screenshots). */

const sidebar = (page: Page) => page.locator('thesis-lens-sidebar');

async function waitForLens(page: Page) {
  const panel = await openPanel(page, 25_000);
  await expect(panel.locator('.tl-item').first()).toBeVisible({ timeout: 25_000 });
  return panel;
}

test('markup and javascript: links in claims are shown as text and never run', async ({ page, context }) => {
  await servePage(context, NEWS_URL, hostileHtml());
  await page.goto(NEWS_URL);
  const panel = await waitForLens(page);
  const claim = panel.locator('.tl-claim__text', { hasText: 'onerror' }).first();
  await expect(claim).toContainText(`<img src=x onerror="window.__pwned='img'">`);
  await expect(panel.locator('.tl-claim__text', { hasText: "javascript:window.__pwned='link'" }).first()).toBeVisible();
  expect(await panel.locator('img, a, script, iframe').count()).toBe(0);
  await claim.click();
  // The lens showed the claim (its highlight is the active one), then the scroll has arrived.
  await expect.poll(async () => (await highlightSizes(page))['thesis-lens-active'] ?? 0).toBe(1);
  await scrollSettled(page);
  const rect = (await claimRect(page, 'onerror'))!;
  await page.mouse.click(rect.left + 10, (rect.top + rect.bottom) / 2);
  // The lens took the click: the claim's card is focused in the panel (drawn as text, or not at all).
  const frame = await lensFrame(page);
  await expect.poll(() => frame.evaluate(() => document.activeElement?.textContent ?? '')).toContain('onerror');
  await settled(page);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
});

test('page CSS that hits every element (!important) does not reach the sidebar, and ours does not reach the page', async ({ page, context }) => {
  // The same page where the lens does not run (not a news site) is the control for the page's own styles.
  const pageStyles = () =>
    page.evaluate(() =>
      ['h1', 'article p', 'form button', 'nav a', 'aside li', 'body', 'html'].map((selector) => {
        const style = getComputedStyle(document.querySelector(selector)!);
        return [selector, style.color, style.backgroundColor, style.font, style.display, style.position, selector === 'html' ? '(the lens sets it)' : style.margin, style.outlineStyle, style.zIndex].join('|');
      }),
    );
  const control = 'https://control.example/alibaba-ai-cloud-h200';
  await servePage(context, control, hostileHtml());
  await page.goto(control);
  const withoutLens = await pageStyles();
  const pageSheets = () => page.evaluate(() => [...document.querySelectorAll('style, link[rel="stylesheet"]')].filter((sheet) => ![...sheet.attributes].some((a) => a.name.startsWith('data-thesis-lens'))).length);
  const pageStyleCount = await pageSheets();
  expect(await page.locator('thesis-lens-sidebar').count()).toBe(0);

  await servePage(context, NEWS_URL, hostileHtml());
  await page.goto(NEWS_URL);
  const panel = await waitForLens(page);
  // The page's CSS says `thesis-lens-sidebar { display: none !important }` and hits every element: the host keeps its place.
  const hostStyle = await page.evaluate(() => {
    const host = document.querySelector('thesis-lens-sidebar')!;
    const h = getComputedStyle(host);
    return { display: h.display, position: h.position };
  });
  expect(hostStyle).toEqual({ display: 'block', position: 'fixed' });
  const styles = await panel.evaluate((aside) => {
    const title = aside.querySelector('.tl-item__title')!;
    const a = getComputedStyle(aside);
    const t = getComputedStyle(title);
    return { position: a.position, background: a.backgroundColor, titleColor: t.color, titleFont: t.fontSize, titleFamily: t.fontFamily, before: getComputedStyle(title, '::before').content };
  });
  expect(styles.position).toBe('fixed');
  expect(styles.background).not.toBe('rgb(0, 255, 0)');
  expect(styles.titleColor).not.toBe('rgb(255, 0, 0)');
  expect(styles.titleFont).toBe('14px');
  expect(styles.titleFamily).not.toContain('monospace');
  expect(styles.before).toBe('none');
  const box = (await panel.boundingBox())!;
  expect(box.x + box.width).toBeCloseTo(1280, 0);
  expect(box.height).toBeCloseTo(900, 0);

  expect(await pageStyles()).toEqual(withoutLens);
  // The one change to the page's layout: <html> gives up the panel's width (side by side).
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).marginRight)).toBe(`${Math.round(box.width)}px`);
  // The only style we add to the page holds the ::highlight / mark rules, nothing else.
  expect(await pageSheets()).toBe(pageStyleCount);
  const ours = await page.evaluate(() => [...document.querySelectorAll('style[data-thesis-lens-highlights]')].map((s) => s.textContent!));
  expect(ours).toHaveLength(1);
  // Each rule styles only our highlights (::highlight(thesis-lens-…)) or our fallback <mark>s.
  for (const rule of ours[0]!.split('\n')) {
    const selectors = /^(?:@media [^{]+\{ )?([^{]+) \{/.exec(rule)![1]!.split(', ');
    for (const selector of selectors) expect(selector).toMatch(/::highlight\(thesis-lens-[a-z-]+\)$|^mark\[data-thesis-lens/);
  }
});

test("a strict CSP page (default-src 'none'): sidebar styled, highlights painted", async ({ page, context }) => {
  await servePage(context, NEWS_URL, demoHtml(), { 'Content-Security-Policy': "default-src 'none'" });
  await page.goto(NEWS_URL);
  const panel = await waitForLens(page);
  const background = await panel.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).toBe('rgb(255, 255, 255)');
  const sizes = await highlightSizes(page);
  expect(Object.values(sizes).reduce((a, b) => a + b, 0)).toBeGreaterThan(5);
  // The ::highlight rules apply (computed on the element holding a claim).
  const painted = await page.evaluate(() => {
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('thesis-lens-')) continue;
      const range = [...(highlight as unknown as Iterable<Range>)][0]!;
      const element = range.startContainer.parentElement!;
      return getComputedStyle(element, `::highlight(${name})`).backgroundColor;
    }
    return null;
  });
  expect(painted).toMatch(/^rgba\(/);
});

/**
 * The extension's own work on the page's main thread, from a Chrome trace: every top-level
 * task that runs code from a chrome-extension:// script (the gate, the lens), with the task's
 * CPU time and the CPU time of our scripts in it (our JavaScript plus any layout it forces).
 * CPU (thread) time, not wall time: these tests share two cores with other jobs, and wall
 * time counts the waits of a busy machine.
 */
type TraceEvent = { name: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: { data?: { url?: string } } };
function extensionTasks(trace: TraceEvent[]) {
  const ours = trace.filter((e) => (e.name === 'FunctionCall' || e.name === 'EvaluateScript') && e.dur !== undefined && /^chrome-extension:\/\//.test(e.args?.data?.url ?? ''));
  const tasks = trace.filter((e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur !== undefined);
  const found = new Map<TraceEvent, { scriptCpuMs: number; script: string; end: number; loading: boolean }>();
  for (const call of ours.sort((x, y) => x.ts - y.ts)) {
    const task = tasks.find((t) => t.pid === call.pid && t.tid === call.tid && t.ts <= call.ts && call.ts <= t.ts + t.dur!);
    if (!task) continue;
    const entry = found.get(task) ?? { scriptCpuMs: 0, script: (call.args?.data?.url ?? '').replace(/^chrome-extension:\/\/[^/]+/, ''), end: 0, loading: false };
    if (call.name === 'EvaluateScript') entry.loading = true;
    if (call.ts >= entry.end) {
      // Count outermost calls only (a call nested in another is already inside its time).
      entry.scriptCpuMs += (call.tdur ?? call.dur!) / 1000;
      entry.end = call.ts + call.dur!;
    }
    found.set(task, entry);
  }
  return { calls: ours.length, tasks: [...found].map(([task, entry]) => ({ taskCpuMs: (task.tdur ?? task.dur!) / 1000, scriptCpuMs: entry.scriptCpuMs, script: entry.script, loading: entry.loading })) };
}

/** The budget per task; THESIS_LENS_TASK_BUDGET_MS raises it on a machine known to be overloaded. */
const TASK_BUDGET_MS = Number(process.env.THESIS_LENS_TASK_BUDGET_MS ?? 50);

test('a 100,000-node page: the lens works, and once loaded none of its tasks spends over 50 ms in our code', async ({ page, context }) => {
  test.setTimeout(180_000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReturnAsStream' });
  // Playwright's locators would walk the 100k nodes on the page's main thread; this test waits
  // with cheap page functions and raw mouse input instead.
  await servePage(context, NEWS_URL, hugeHtml(100_000));
  await page.goto(NEWS_URL);
  await page.waitForFunction(() => !!document.querySelector('thesis-lens-sidebar'), null, { polling: 1000, timeout: 90_000 });
  // The frame is another document: its locators do not walk the page's nodes.
  const panel = await openPanel(page, 90_000);
  await expect(panel.locator('.tl-item').first()).toBeVisible({ timeout: 30_000 });
  // The lens has painted its claims in the page.
  await page.waitForFunction(() => [...CSS.highlights.keys()].some((name) => /^thesis-lens-(supports|challenges|neutral)/.test(name)), null, { polling: 500, timeout: 30_000 });

  // Click a claim in the article (its card opens in the panel), then one in the panel.
  const rect = (await claimRect(page, 'grew 34%'))!;
  await page.mouse.click(rect.left + 30, (rect.top + rect.bottom) / 2);
  await panel.locator('.tl-claim__show', { hasText: 'burning significant cash' }).first().click();
  // The lens showed that claim: scrolled into view (smoothly, so wait for it to arrive).
  await expect.poll(async () => (await claimRect(page, 'burning significant cash'))!.top, { timeout: 15_000 }).toBeLessThan(900);
  await scrollSettled(page);

  const complete = new Promise<{ stream?: string }>((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  let json = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream! });
    json += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream! });
  const parsed = JSON.parse(json);
  const { calls, tasks } = extensionTasks(Array.isArray(parsed) ? parsed : parsed.traceEvents);

  const nodes = await page.evaluate(() => document.getElementsByTagName('*').length + document.evaluate('count(//text())', document, null, XPathResult.NUMBER_TYPE, null).numberValue);
  expect(nodes).toBeGreaterThan(100_000);
  expect(await claimRect(page, 'burning significant cash').then((r) => r!.top)).toBeLessThan(900);
  expect(calls).toBeGreaterThan(0); // the trace does see our scripts
  const longest = [...tasks].sort((a, b) => b.scriptCpuMs - a.scriptCpuMs).slice(0, 8);
  const summary = `${tasks.length} tasks; longest (our code / whole task, CPU ms): ${longest.map((t) => `${t.scriptCpuMs.toFixed(1)}/${t.taskCpuMs.toFixed(1)} ${t.script}${t.loading ? ' (loading the script)' : ''}`).join(', ')}`;
  test.info().annotations.push({ type: 'extension tasks', description: summary });
  console.log(`extension tasks on a ${nodes}-node page: ${summary}`);
  // The analysis is spread over several tasks (it yields between steps).
  expect(tasks.length).toBeGreaterThan(3);
  // Loading the script (compiling the bundle, building its schemas) is reported above and not
  // held to the budget here: it is one task per page, the bundle's size, tracked in `npm run bench`.
  expect(longest.filter((task) => !task.loading && task.scriptCpuMs > TASK_BUDGET_MS)).toEqual([]);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`screenshot of the annotated demo article (${colorScheme})`, async ({}, testInfo) => {
    const context = await launchWithExtension({ colorScheme });
    try {
      await blockNetwork(context);
      const page = context.pages()[0] ?? (await context.newPage());
      await servePage(context, NEWS_URL, demoHtml());
      await page.goto(NEWS_URL);
      const panel = await waitForLens(page);
      // Painted, then drawn: the highlights are in the page and a frame has reached the screen.
      await expect.poll(() => paintedClaims(page)).toBeGreaterThan(0);
      await settled(page);
      await page.screenshot({ path: testInfo.outputPath(`demo-${colorScheme}.png`) });
      const background = await panel.evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(background).toBe(colorScheme === 'dark' ? 'rgb(27, 30, 36)' : 'rgb(255, 255, 255)');
    } finally {
      await context.close();
    }
  });
}
