import type { Frame, Page, Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test, expect, servePage, serviceWorkerOf } from './extension';
import { NEWS_URL, claimRect, demoHtml, growingHtml, highlightSizes, highlightedTexts, spaHtml } from '../fixtures/e2e/lens-pages';
import expected from '../fixtures/pages/demo-alibaba-h200.expected.json' with { type: 'json' };
import { gateDecision, lensFrame, lensFrameNow, openPanel, settled, storedLocal } from './lens-ui';

/**
 * The lens on a page, through the real path: the gate content script sees a news page, the
 * background injects the lens, the lens scans, paints the highlights and puts its frame (the
 * rail or the panel) beside the article.
 */

const host = (page: Page) => page.locator('thesis-lens-sidebar');

async function openDemo(page: Page, context: Parameters<typeof servePage>[0], html = demoHtml(), url = NEWS_URL) {
  await servePage(context, url, html);
  await page.goto(url);
  const panel = await openPanel(page);
  await expect(panel.locator('.tl-item').first()).toBeVisible({ timeout: 20_000 });
  return panel;
}

/** The element focused in the lens's frame. */
function focusedIn(frame: Frame) {
  return frame.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    if (!active || active === document.body) return null;
    const style = getComputedStyle(active);
    return { tag: active.tagName, text: active.textContent ?? '', claim: active.getAttribute('data-claim-key'), outline: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth) };
  });
}

/** What the background remembers of this site: panel open (true) or closed (false). */
const siteOpenStored = (page: Page) => storedLocal<Record<string, boolean>>(page, 'lens-open-sites').then((sites) => Object.values(sites ?? {})[0]);

function totalHighlights(sizes: Record<string, number>): number {
  return Object.entries(sizes)
    .filter(([name]) => name !== 'thesis-lens-flash' && name !== 'thesis-lens-active')
    .reduce((sum, [, size]) => sum + size, 0);
}

test('the demo article: the panel lists the checklist items it touches, each with status, claims and checks', async ({ page, context }) => {
  const panel = await openDemo(page, context);
  await expect(panel).toHaveAttribute('aria-label', 'Thesis Lens');
  await expect(panel.locator('h3').first()).toHaveText('Alibaba: AI cloud rails and H200 access');

  const touched = panel.locator('.tl-items:not(.tl-items--others) > .tl-item');
  const ids = await touched.evaluateAll((items) => items.map((item) => item.getAttribute('data-item-id')));
  expect(ids.length).toBeGreaterThanOrEqual(expected.minLinkedItems);
  for (const id of ids) expect(expected.linked).toContain(id);
  for (const item of await touched.all()) {
    await expect(item.locator('.tl-status__word')).toHaveText(/Confirmed|On track|Pending|At risk|Broken/);
    await expect(item.locator('.tl-item__date')).toHaveText(/Status as of/);
    expect(await item.locator('.tl-claim').count()).toBeGreaterThan(0);
  }
  const cloud = panel.locator('[data-item-id="cloud-revenue-growth"]').first();
  await expect(cloud.locator('.tl-claim', { hasText: 'grew 34%' }).locator('.tl-stance__word')).toHaveText('Supports');
  await expect(cloud.locator('.tl-check__verdict').first()).toContainText('Matches');
  await expect(panel.locator('[data-item-id="export-control-tightening"] .tl-claim', { hasText: 'future export controls could restrict' }).locator('.tl-stance__word')).toHaveText('Challenges');

  // One highlight per claim, coloured by stance (names a page can read say nothing of statuses).
  const summary = await panel.locator('.tl-note__summary').textContent();
  const claims = Number(/(\d+) claims?/.exec(summary ?? '')![1]);
  expect(claims).toBeGreaterThanOrEqual(expected.claims.min);
  expect(claims).toBeLessThanOrEqual(expected.claims.max);
  const sizes = await highlightSizes(page);
  expect(totalHighlights(sizes)).toBe(claims);
  for (const name of Object.keys(sizes)) expect(name).toMatch(/^thesis-lens-(supports|challenges|neutral)(-hedged)?$|^thesis-lens-(flash|active)$/);
  expect(sizes['thesis-lens-supports']).toBeGreaterThan(0);
  expect((sizes['thesis-lens-challenges'] ?? 0) + (sizes['thesis-lens-challenges-hedged'] ?? 0)).toBeGreaterThan(0);
  const texts = await highlightedTexts(page);
  for (const excluded of expected.excludedText) expect(texts.join('\n')).not.toContain(excluded);

  // The legend explains each colour in words.
  const legend = panel.locator('.tl-legend');
  await legend.locator('summary').click();
  await expect(legend).toContainText('challenges the thesis: a catalyst stalls, or the risk is rising');
  await expect(legend.locator('.tl-legend__entry').first()).toHaveAttribute('title', /supports the thesis/);
});

test('the highlight rules reach the claims: every element they name holds a painted claim, skip link and host included', async ({ page, context }) => {
  await openDemo(page, context);
  // Painted text gets its stance colour only if the page rule names its element; the rules name
  // elements by position, so anything of ours added to the page after painting would shift them.
  const reach = await page.evaluate(() => {
    const style = document.querySelector('style[data-thesis-lens-highlights]') as HTMLStyleElement;
    const selectors = [...style.sheet!.cssRules]
      .flatMap((rule) => ((rule as CSSStyleRule).selectorText ?? '').split(','))
      .filter((selector) => selector.includes('::highlight(thesis-lens-supports)') && !selector.includes(' *::'))
      .map((selector) => selector.replace(/::highlight\([^)]*\)/, '').trim());
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const texts = [...registry.values()].flatMap((highlight) => [...highlight].map((range) => range.toString().slice(0, 40)));
    return selectors.map((selector) => {
      const element = document.querySelector(selector);
      return { selector, holdsClaim: !!element && texts.some((text) => element.textContent!.includes(text)) };
    });
  });
  expect(reach.length).toBeGreaterThan(0);
  expect(reach.filter((rule) => !rule.holdsClaim)).toEqual([]);
  await expect
    .poll(() => page.evaluate(() => document.body.firstElementChild?.tagName.toLowerCase()))
    .toBe('span'); // the skip link's host is in the page
});

test('side by side on a wide window: the page makes room, nothing of the article is covered', async ({ page, context }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  const panel = await openDemo(page, context);
  const box = (await panel.boundingBox())!;
  const article = await page.evaluate(() => {
    const rect = document.querySelector('article, main, .article-body')!.getBoundingClientRect();
    return { right: rect.right, left: rect.left };
  });
  expect(article.right).toBeLessThanOrEqual(box.x + 1);
  const text = (await claimRect(page, 'grew 34%'))!;
  expect(text.right).toBeLessThanOrEqual(box.x + 1);
});

test('narrow window: closed to a rail by default; opened it overlays, Escape and a click outside close it; remembered per site', async ({ page, context }) => {
  await page.setViewportSize({ width: 800, height: 700 });
  await servePage(context, NEWS_URL, demoHtml());
  await page.goto(NEWS_URL);
  const frame = await lensFrame(page);
  const rail = frame.locator('.tl-rail');
  await expect(rail).toBeVisible();
  expect(Math.round((await rail.boundingBox())!.width)).toBeLessThanOrEqual(30);
  await expect(frame.locator('.tl-rail__open')).toHaveAccessibleName(/Open Thesis Lens: \d+ claims/);
  expect(await frame.locator('.tl-rail__marker').count()).toBeGreaterThan(5);
  // The rail covers no text: the page gave up its width.
  const text = (await claimRect(page, 'grew 34%'))!;
  expect(text.right).toBeLessThanOrEqual((await rail.boundingBox())!.x + 1);

  // A marker shows its claim in the article.
  await frame.locator('.tl-rail__marker').last().click();
  await expect.poll(async () => (await highlightSizes(page))['thesis-lens-flash'] ?? 0).toBe(1);

  await frame.locator('.tl-rail__open').click();
  const panel = frame.locator('[role="complementary"]');
  await expect(panel).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await frame.locator('.tl-rail__open').click();
  await expect(panel).toBeVisible();
  await page.mouse.click(100, 300);
  await expect(panel).toHaveCount(0);

  // Opened, then reloaded: on this narrow window it starts as the rail again (an overlay only
  // when asked); with room beside the article, the site's remembered choice (open) applies.
  await frame.locator('.tl-rail__open').click();
  await expect(panel).toBeVisible();
  await expect.poll(() => siteOpenStored(page)).toBe(true);
  await page.reload();
  const again = await lensFrame(page);
  await expect(again.locator('.tl-rail')).toBeVisible({ timeout: 20_000 });
  await page.setViewportSize({ width: 1600, height: 1000 });
  await expect(again.locator('[role="complementary"]')).toBeVisible();
  // Closed on the wide window, then reloaded: closed stays closed on this site.
  await again.getByRole('button', { name: 'Minimise Thesis Lens' }).click();
  await expect.poll(() => siteOpenStored(page)).toBe(false);
  await page.reload();
  await expect((await lensFrame(page)).locator('.tl-rail')).toBeVisible({ timeout: 20_000 });
});

test('clicking a claim in the panel scrolls the article to it and flashes it', async ({ page, context }) => {
  const panel = await openDemo(page, context);
  const snippet = 'burning significant cash';
  const before = await claimRect(page, snippet);
  expect(before!.top).toBeGreaterThan(900); // below the fold at first
  await panel.locator('.tl-claim__show', { hasText: snippet }).first().click();
  await expect.poll(async () => (await highlightSizes(page))['thesis-lens-flash'] ?? 0).toBe(1);
  await expect.poll(async () => (await claimRect(page, snippet))!.top, { timeout: 5000 }).toBeLessThan(700);
});

test('clicking a highlighted claim in the article opens its card in the panel, focused', async ({ page, context }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await openDemo(page, context);
  const frame = await lensFrame(page);
  const rect = (await claimRect(page, 'grew 34%'))!;
  await page.mouse.click(rect.left + 30, (rect.top + rect.bottom) / 2);
  await expect.poll(async () => (await focusedIn(frame))?.text ?? '').toContain('grew 34%');
  expect(Object.keys(await highlightSizes(page))).toContain('thesis-lens-active');
});

test('keyboard: the command focuses the panel; claims, disclosure, resize and close with keys only; visible focus', async ({ page, context }) => {
  const panel = await openDemo(page, context);
  const frame = await lensFrame(page);
  const worker = await serviceWorkerOf(context);
  await sendCommand(worker, NEWS_URL, { type: 'lens/open-sidebar' });
  await expect.poll(() => focusedIn(frame).then((f) => f?.tag)).toBe('H2');

  let focused = await focusedIn(frame);
  for (let i = 0; i < 16 && !focused?.claim; i++) {
    await page.keyboard.press('Tab');
    focused = await focusedIn(frame);
  }
  expect(focused?.claim).toBeTruthy();
  expect(focused!.outline).not.toBe('none');
  expect(focused!.outlineWidth).toBeGreaterThanOrEqual(2);
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await highlightSizes(page))['thesis-lens-flash'] ?? 0).toBe(1);

  const disclosure = panel.locator('.tl-disclosure');
  if ((await disclosure.count()) > 0) {
    await disclosure.focus();
    await page.keyboard.press('Space');
    await expect(disclosure).toHaveAttribute('aria-expanded', 'true');
  }

  const separator = panel.locator('[role="separator"]');
  const width = Number(await separator.getAttribute('aria-valuenow'));
  await separator.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(separator).toHaveAttribute('aria-valuenow', String(width + 48));
  await expect.poll(async () => Math.round((await panel.boundingBox())!.width)).toBe(width + 48);

  // Minimise: the rail's button takes focus; Enter opens the panel again.
  await panel.getByRole('button', { name: 'Minimise Thesis Lens' }).focus();
  await page.keyboard.press('Enter');
  await expect(frame.locator('.tl-rail')).toBeVisible();
  await expect.poll(() => focusedIn(frame).then((f) => f?.tag)).toBe('BUTTON');
  await page.keyboard.press('Enter');
  await expect(frame.locator('[role="complementary"]')).toBeVisible();
});

test('axe finds no accessibility violations in the panel and the rail', async ({ page, context }) => {
  const panel = await openDemo(page, context);
  const frame = await lensFrame(page);
  const disclosure = panel.locator('.tl-disclosure');
  if ((await disclosure.count()) > 0) await disclosure.click();
  await panel.locator('.tl-legend summary').click();
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await frame.evaluate(axeSource);
  const run = () => frame.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (c: Document) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(await run()).toEqual([]);
  await panel.getByRole('button', { name: 'Minimise Thesis Lens' }).click();
  await expect(frame.locator('.tl-rail')).toBeVisible();
  expect(await run()).toEqual([]);
});

test('the panel moves to the other side, resizes by dragging, and remembers both', async ({ page, context }) => {
  const panel = await openDemo(page, context);
  await panel.getByRole('button', { name: 'Move the panel to the left side' }).click();
  await expect.poll(async () => (await panel.boundingBox())!.x).toBe(0);
  const handle = panel.locator('[role="separator"]');
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 200);
  await page.mouse.down();
  // Narrower by dragging inside the frame (a drag that leaves the frame is the frame's to capture).
  await page.mouse.move(box.x - 30, box.y + 220, { steps: 3 });
  await page.mouse.move(box.x - 60, box.y + 220, { steps: 3 });
  await page.mouse.up();
  await expect.poll(async () => Math.round((await panel.boundingBox())!.width)).toBeLessThan(box.x - 40);
  const width = Number(await handle.getAttribute('aria-valuenow'));
  // The prefs are saved after the drag settles: wait until the background has them.
  await expect.poll(() => storedLocal(page, 'lens-sidebar-prefs')).toMatchObject({ side: 'left', width });
  await page.reload();
  const again = await openPanel(page);
  await expect.poll(async () => (await again.boundingBox())!.x).toBe(0);
  expect(Number(await again.locator('[role="separator"]').getAttribute('aria-valuenow'))).toBe(width);
});

test('injected twice: one frame, the same highlights, and the panel opens', async ({ page, context }) => {
  const panel = await openDemo(page, context);
  const sizes = await highlightSizes(page);
  await panel.getByRole('button', { name: 'Minimise Thesis Lens' }).click();
  const frame = await lensFrame(page);
  await expect(frame.locator('.tl-rail')).toBeVisible();
  const worker = await serviceWorkerOf(context);
  await worker.evaluate(async (url) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === url)!;
    await chrome.scripting.executeScript({ target: { tabId: tab.id! }, files: ['/content-scripts/lens.js'] });
  }, NEWS_URL);
  await expect(frame.locator('[role="complementary"]')).toBeVisible({ timeout: 10_000 });
  expect(await host(page).count()).toBe(1);
  expect(page.frames().filter((f) => f.url().includes('/lens-frame.html'))).toHaveLength(1);
  await expect.poll(() => highlightSizes(page)).toEqual(sizes);
  expect(await page.locator('style[data-thesis-lens-highlights]').count()).toBe(1);
});

test('soft navigation: a market wrap (silent) → an article (annotated) → a market wrap (cleared)', async ({ page, context }) => {
  const start = 'https://www.reuters.com/markets/hong-kong-close-2026-01-09/';
  await servePage(context, start, spaHtml());
  await page.goto(start);
  // The gate's final word on the wrap (after its late second look): not about the thesis.
  await expect.poll(() => gateDecision(page), { timeout: 15_000 }).toEqual({ url: start, relevant: false });
  await expect(host(page)).toHaveCount(0);
  expect(totalHighlights(await highlightSizes(page))).toBe(0);

  await page.evaluate(() => (window as unknown as { showArticle: () => void }).showArticle());
  const panel = await openPanel(page);
  await expect(panel.locator('.tl-item').first()).toBeVisible({ timeout: 20_000 });
  expect(totalHighlights(await highlightSizes(page))).toBeGreaterThan(5);

  await page.evaluate(() => (window as unknown as { showWrap: () => void }).showWrap());
  await expect(host(page)).toHaveCount(0, { timeout: 10_000 });
  expect(lensFrameNow(page)).toBeNull();
  expect(totalHighlights(await highlightSizes(page))).toBe(0);
});

test('an article that grows after load is scanned again', async ({ page, context }) => {
  const panel = await openDemo(page, context, growingHtml());
  const countClaims = async () => Number(/(\d+) claims?/.exec((await panel.locator('.tl-note__summary').textContent()) ?? '')?.[1] ?? 0);
  const early = await countClaims();
  await expect(panel.locator('[data-item-id="quick-commerce-cash-burn"] .tl-claim')).toHaveCount(0);
  await page.evaluate(() => (window as unknown as { grow: () => void }).grow());
  await expect.poll(countClaims, { timeout: 15_000 }).toBeGreaterThan(early);
  const late = await countClaims();
  expect(totalHighlights(await highlightSizes(page))).toBe(late);
  await expect(panel.locator('[data-item-id="quick-commerce-cash-burn"] .tl-claim').first()).toBeVisible();
});

async function sendCommand(worker: Worker, url: string, command: { type: string }) {
  await worker.evaluate(
    async ({ url, command }) => {
      const tab = (await chrome.tabs.query({})).find((t) => t.url === url)!;
      await chrome.tabs.sendMessage(tab.id!, command, { frameId: 0 });
    },
    { url, command },
  );
}

test("the analyst's note: a summary, reading order with one card per sentence, and the challenges-only filter", async ({ page, context }) => {
  const panel = await openDemo(page, context);
  await expect(panel.locator('.tl-note__summary')).toHaveText(/\d+ claims? on \d+ checklist items?: \d+ supports? the thesis, \d+ challenges? it\./);
  await panel.getByRole('button', { name: 'Reading order' }).click();
  const cards = panel.locator('.tl-reading__card');
  const sentences = await cards.locator('.tl-claim__text').allTextContents();
  expect(new Set(sentences).size).toBe(sentences.length); // one card per sentence
  const tops = [];
  for (const sentence of sentences.slice(0, 5)) tops.push((await claimRect(page, sentence.slice(0, 40)))!.top);
  expect([...tops].sort((a, b) => a - b)).toEqual(tops); // in the article's order
  expect(await cards.first().locator('.tl-chip').count()).toBeGreaterThanOrEqual(1);

  await panel.getByRole('button', { name: 'Challenges only' }).click();
  await expect(panel.getByRole('button', { name: 'Challenges only' })).toHaveAttribute('aria-pressed', 'true');
  const stances = await cards.locator('.tl-stance__word').allTextContents();
  expect(stances.length).toBeGreaterThan(0);
  expect(stances.length).toBeLessThan(sentences.length);
  for (const stance of stances) expect(stance).toBe('Challenges');
});

test('a skip link, first in the page’s tab order, takes the keyboard to the panel', async ({ page, context }) => {
  await page.setViewportSize({ width: 800, height: 700 });
  await servePage(context, NEWS_URL, demoHtml());
  await page.goto(NEWS_URL);
  const frame = await lensFrame(page);
  await expect(frame.locator('.tl-rail')).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(frame.locator('[role="complementary"]')).toBeVisible();
  await expect.poll(() => focusedIn(frame).then((f) => f?.tag)).toBe('H2');
  // A page script "clicking" the link does nothing.
  await page.keyboard.press('Escape');
  await expect(frame.locator('[role="complementary"]')).toHaveCount(0);
  await page.evaluate(() => {
    for (const element of document.querySelectorAll('body > span')) element.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
  });
  // The lens refuses (or would act on) the click synchronously, in dispatchEvent; an open would
  // lay the host out at once and post the frame its state. The page's layout has settled, the
  // frame's too, and the host still has the rail's width.
  await settled(page);
  await settled(frame);
  await expect.poll(() => page.evaluate(() => Math.round(document.querySelector('thesis-lens-sidebar')!.getBoundingClientRect().width))).toBe(28);
  await expect(frame.locator('[role="complementary"]')).toHaveCount(0);
});
