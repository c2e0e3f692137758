import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, servePage, serviceWorkerOf, launchWithExtension, blockNetwork, extensionIdOf } from './extension';
import { openPanel } from './lens-ui';
import { NEWS_URL, demoHtml } from '../fixtures/e2e/lens-pages';
import { ClosedRoot, selectText } from './saving-support';

/**
 * Clippings through the real extension: save from a selection (the context-menu item's own
 * listener, dispatched in the background), the library, highlights on revisit and after the
 * page changed, exports (downloads), import into a clean profile, concurrent saves.
 */

const CAPEX = 'Alibaba has committed RMB 380 billion, about $53 billion, to AI and cloud infrastructure across three years.';
const CAPEX_EDITED = 'Alibaba has committed RMB 380 billion, roughly $53 billion, to AI and cloud infrastructure across three years.';
const UPFRONT = 'Nvidia now asks Chinese buyers to pay the full amount upfront';
const DISCOUNT = 'Part of the discount comes from the shopping business.';

/** The demo article changed after the reader saved: a paragraph inserted above, one sentence edited, one paragraph gone. */
function changedDemoHtml(): string {
  const html = demoHtml()
    .replace('<div class="article-body">', '<div class="article-body">\n    <p>Update, 10 January: this article has been revised to add comment from the company and a correction on figures.</p>')
    .replace(CAPEX, CAPEX_EDITED)
    .replace(/<p>Part of the discount comes from the shopping business\.[\s\S]*?<\/p>/, '');
  expect(html).toContain(CAPEX_EDITED);
  expect(html).not.toContain(DISCOUNT);
  return html;
}

/** What a click on "Save selection to Thesis Lens" does: the background's own menu listener runs. */
async function clickSaveSelectionMenu(context: BrowserContext, pageUrl: string): Promise<void> {
  const worker = await serviceWorkerOf(context);
  await worker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    if (!tab) throw new Error(`no tab at ${url}`);
    const info = { menuItemId: 'thesis-lens-save-selection', editable: false, pageUrl: url } as chrome.contextMenus.OnClickData;
    (chrome.contextMenus.onClicked as unknown as { dispatch: (...args: unknown[]) => void }).dispatch(info, tab);
  }, pageUrl);
}

async function saveSelection(page: Page, context: BrowserContext, text: string, choices: { note?: string; tags?: string; stance?: 'supports' | 'challenges' } = {}): Promise<void> {
  await selectText(page, text);
  await clickSaveSelectionMenu(context, NEWS_URL);
  // The dialog is in a closed shadow root: read through the DevTools protocol, operated with the real mouse and keyboard.
  const clipper = new ClosedRoot(page, 'thesis-lens-clipper');
  await expect.poll(() => clipper.text('[role="dialog"] blockquote'), { timeout: 10_000 }).toBe(text);
  if (choices.note) {
    await clipper.click('textarea[name="note"]');
    await page.keyboard.type(choices.note);
  }
  if (choices.tags) {
    await clipper.click('input[name="tags"]');
    await page.keyboard.type(choices.tags);
  }
  if (choices.stance) await clipper.click(`input[type="radio"][value="${choices.stance}"]`);
  await clipper.click('button[type="submit"]');
  await expect.poll(() => clipper.count('[role="dialog"]')).toBe(0);
  await expect.poll(() => clipper.text('.tlc-toast')).toContain('Saved');
}

/** The texts of the clipping highlights in the page (CSS Custom Highlight API). */
function clippingHighlights(page: Page): Promise<string[]> {
  return page.evaluate(() => [...((CSS.highlights.get('thesis-lens-clipping') as unknown as Set<Range> | undefined) ?? [])].map((r) => r.toString()).sort());
}

async function openLibrary(context: BrowserContext, extensionId: string): Promise<Page> {
  const library = await context.newPage();
  await library.goto(`chrome-extension://${extensionId}/library.html`);
  await expect(library.getByTestId('library-count')).not.toHaveText('Loading…');
  return library;
}

// Several page loads, a second browser profile, axe audits: slower than the default minute on a busy 2-core machine.
test.describe.configure({ timeout: 150_000 });

async function saveTwoFromTheDemo(page: Page, context: BrowserContext): Promise<void> {
  await servePage(context, NEWS_URL, demoHtml());
  await page.goto(NEWS_URL);
  await saveSelection(page, context, CAPEX, { note: 'Capex plan intact', tags: 'capex, infra', stance: 'supports' });
  await saveSelection(page, context, UPFRONT, { tags: '=cmd|calc', stance: 'challenges' });
  await saveSelection(page, context, DISCOUNT);
}

test('save from a selection; the library lists them; highlighted again on reload and after the page changed', async ({ page, context, extensionId }) => {
  await saveTwoFromTheDemo(page, context);
  await expect.poll(() => clippingHighlights(page)).toEqual([CAPEX, DISCOUNT, UPFRONT].sort());

  const library = await openLibrary(context, extensionId);
  await expect(library.getByTestId('library-count')).toHaveText('3 clippings');
  const cards = library.locator('.lib-card');
  await expect(cards).toHaveCount(3);
  // newest first (the library opens by article, in reading order)
  await library.getByText('Newest first').click();
  await expect(cards.nth(0).locator('blockquote')).toHaveText(DISCOUNT);
  const capex = cards.filter({ hasText: 'RMB 380 billion' });
  await expect(capex).toContainText('Capex plan intact');
  await expect(capex).toContainText('#capex');
  await expect(capex).toContainText('Supports');
  await expect(capex).toContainText('published Jan 9, 2026');
  const href = await capex.getByRole('link', { name: 'Open source' }).getAttribute('href');
  // The address it was read at (not the canonical one), with the quote's context.
  expect(href!.startsWith(`${NEWS_URL.split('#')[0]}#:~:text=`)).toBe(true);
  expect(href).toContain(',-This%20week%20an');
  // search and filters
  await library.getByRole('searchbox').fill('upfront');
  await expect(cards).toHaveCount(1);
  await library.getByRole('searchbox').fill('');
  await library.getByLabel('Stance').selectOption('challenges');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('Nvidia now asks');
  await library.close();

  // Reload: the background sees a page with clippings and shows them again.
  await page.reload();
  await expect.poll(() => clippingHighlights(page), { timeout: 15_000 }).toEqual([CAPEX, DISCOUNT, UPFRONT].sort());

  // The page changed: a paragraph above, a sentence edited, a paragraph gone.
  await context.unroute(NEWS_URL);
  await servePage(context, NEWS_URL, changedDemoHtml());
  await page.reload();
  await expect.poll(() => clippingHighlights(page), { timeout: 15_000 }).toEqual([CAPEX_EDITED, UPFRONT].sort());
  // The one that is gone is listed in the sidebar as not found, never dropped.
  // The sidebar is the lens's frame (an extension page beside the article).
  const section = (await openPanel(page)).locator('[data-testid="page-clippings"]');
  await expect(section.locator('.tlc-clip:not([data-not-found])')).toHaveCount(2, { timeout: 15_000 });
  await expect(section.getByText('Not found on this page (1)')).toBeVisible();
  await expect(section.locator('[data-not-found]')).toContainText(DISCOUNT);
});

test('save a claim from the sidebar: items and stance prefilled; listed under "Saved from this page"', async ({ page, context, extensionId }) => {
  await servePage(context, NEWS_URL, demoHtml());
  await page.goto(NEWS_URL);
  const panel = await openPanel(page);
  const claim = panel.locator('[data-item-id="cloud-revenue-growth"] .tl-claim', { hasText: 'grew 34%' }).first();
  await expect(claim).toBeVisible({ timeout: 20_000 });
  const claimText = (await claim.locator('.tl-claim__text').textContent())!.trim();
  await claim.getByRole('button', { name: 'Save this claim as a clipping' }).click();

  const clipper = new ClosedRoot(page, 'thesis-lens-clipper');
  await expect.poll(() => clipper.text('[role="dialog"] blockquote'), { timeout: 10_000 }).toBe(claimText);
  expect(await clipper.run((root) => root.querySelector<HTMLInputElement>('input[type="radio"][value="supports"]')!.checked)).toBe(true);
  // axe cannot enter a closed root: audit the dialog's own markup and styles on a page of their own.
  const dialogMarkup = (await clipper.run((root) => root.innerHTML))!;
  const auditPage = await context.newPage();
  await auditPage.setContent(`<!doctype html><html lang="en"><head><title>Save dialog</title></head><body><main>${dialogMarkup}</main></body></html>`);
  const dialogAudit = await new AxeBuilder({ page: auditPage }).analyze();
  expect(dialogAudit.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await auditPage.close();
  expect(await clipper.count('[data-testid="chosen-items"] input:checked')).toBeGreaterThanOrEqual(1);
  await clipper.click('input[name="tags"]');
  await page.keyboard.type('results');
  await clipper.click('button[type="submit"]');
  await expect.poll(() => clipper.count('[role="dialog"]')).toBe(0);
  // Focus is back on the claim's Save button.
  await expect(claim.getByRole('button', { name: 'Save this claim as a clipping' })).toBeFocused();

  const section = panel.locator('[data-testid="page-clippings"]');
  await expect(section.locator('.tlc-clip')).toHaveCount(1);
  await expect(section.locator('.tlc-clip')).toContainText('grew 34%');
  await expect.poll(() => clippingHighlights(page)).toEqual([claimText]);

  const library = await openLibrary(context, extensionId);
  const card = library.locator('.lib-card');
  await expect(card).toHaveCount(1);
  await expect(card).toContainText(claimText);
  await expect(card.getByRole('list', { name: 'Checklist items' })).toContainText(/cloud revenue growth|cloud-revenue-growth/i);
  await expect(card).toContainText('#results');
  // topics from the lens's scan, for the library's topic filter
  await expect(library.getByLabel('Topic').locator('option')).toContainText(['All topics', 'alibaba']);

  const libraryAudit = await new AxeBuilder({ page: library }).analyze();
  expect(libraryAudit.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // edit in the library, then delete with undo
  await card.getByRole('button', { name: 'Edit' }).click();
  await card.locator('textarea[name="note"]').fill('Confirms the growth item');
  await card.getByRole('button', { name: 'Save changes' }).click();
  await expect(card.locator('.lib-card__note')).toHaveText('Confirms the growth item');
  await card.getByRole('button', { name: 'Delete' }).click();
  await expect(library.locator('.lib-card')).toHaveCount(0);
  await library.getByRole('button', { name: 'Undo' }).click();
  await expect(library.locator('.lib-card')).toHaveCount(1);
  await expect(library.locator('.lib-card .lib-card__note')).toHaveText('Confirms the growth item');
});

test('a page the lens leaves alone still shows its clippings when revisited (the background brings the clipper)', async ({ page, context }) => {
  const url = 'https://www.reuters.com/lifestyle/gardening-tips-2026-01-09/';
  const sentence = 'Tomatoes need at least six hours of direct sun a day to ripen well.';
  const html = `<!doctype html><html><head><title>Gardening tips</title></head><body><article><h1>Gardening tips</h1><div class="article-body"><p>Spring is the time to plan a vegetable bed. ${sentence} Water them in the morning.</p><p>Mulch keeps the soil moist through the summer.</p></div></article></body></html>`;
  await servePage(context, url, html);
  await page.goto(url);
  await selectText(page, sentence);
  await clickSaveSelectionMenu(context, url);
  const clipper = new ClosedRoot(page, 'thesis-lens-clipper');
  await expect.poll(() => clipper.count('[role="dialog"]'), { timeout: 10_000 }).toBe(1);
  await expect.poll(() => clipper.box('button[type="submit"]')).not.toBeNull();
  await clipper.click('button[type="submit"]');
  await expect.poll(() => clippingHighlights(page)).toEqual([sentence]);

  await page.reload();
  await expect.poll(() => clippingHighlights(page), { timeout: 15_000 }).toEqual([sentence]);
  // The lens never ran here: the clipper alone showed it.
  await expect(page.locator('thesis-lens-sidebar')).toHaveCount(0);
});

test('export Markdown and CSV from the library (downloads) with the expected content', async ({ page, context, extensionId }) => {
  await saveTwoFromTheDemo(page, context);
  const library = await openLibrary(context, extensionId);
  await expect(library.locator('.lib-card')).toHaveCount(3);

  const [markdownDownload] = await Promise.all([library.waitForEvent('download'), library.getByRole('button', { name: 'Markdown, one file by item' }).click()]);
  expect(markdownDownload.suggestedFilename()).toMatch(/^thesis-lens-clippings-\d{4}-\d{2}-\d{2}\.md$/);
  const markdown = readFileSync((await markdownDownload.path())!, 'utf8');
  expect(markdown).toContain('# Thesis Lens clippings');
  expect(markdown).toContain('3 clippings');
  expect(markdown).toContain('## Not linked to a checklist item');
  // Page text is escaped: "$53" would open inline maths in Obsidian.
  expect(markdown).toContain(`> ${CAPEX.replace('$', '\\$')}`);
  expect(markdown).toContain('#capex #infra');
  expect(markdown).toContain('Capex plan intact');
  // Linked to the address it was read at.
  expect(markdown).toContain(`[Alibaba's AI cloud gathers speed as Beijing weighs H200 imports](<${NEWS_URL.split('#')[0]}#:~:text=`);
  expect(markdown).toContain('published 2026-01-09');

  // "Open source" opens the page scrolled to the clipping (a text fragment Chromium follows natively).
  await servePage(context, 'https://demo.thesislens.dev/markets/alibaba-ai-cloud-h200', demoHtml());
  const discountCard = library.locator('.lib-card').filter({ hasText: DISCOUNT });
  const [source] = await Promise.all([context.waitForEvent('page'), discountCard.getByRole('link', { name: 'Open source' }).click()]);
  await source.waitForLoadState('load');
  expect(source.url()).toContain('#:~:text=Part%20of%20the%20discount');
  await expect.poll(() => source.evaluate(() => window.scrollY), { timeout: 10_000 }).toBeGreaterThan(200);
  await source.close();

  const [csvDownload] = await Promise.all([library.waitForEvent('download'), library.getByRole('button', { name: 'CSV' }).click()]);
  const csv = readFileSync((await csvDownload.path())!, 'utf8').replace(/^\uFEFF/, '');
  const lines = csv.split('\r\n').filter(Boolean);
  expect(lines[0]).toBe('id,saved,quote,note,tags,items,stance,title,site,published,url,topics');
  expect(lines).toHaveLength(4);
  const capexRow = lines.find((line) => line.includes('RMB 380'))!;
  // The quote holds commas: quoted per RFC 4180.
  expect(capexRow).toContain(`"${CAPEX}"`);
  expect(capexRow).toContain(',Capex plan intact,capex; infra,,supports,');
  // A tag starting with "=" is neutralised for spreadsheets.
  expect(lines.find((line) => line.includes('upfront'))).toContain(",'=cmd|calc,");
});

test('import the JSON export into a clean profile and see the same library; duplicates skipped', async ({ page, context, extensionId }) => {
  await saveTwoFromTheDemo(page, context);
  const library = await openLibrary(context, extensionId);
  const [jsonDownload] = await Promise.all([library.waitForEvent('download'), library.getByRole('button', { name: 'JSON (Web Annotation)' }).click()]);
  const jsonPath = (await jsonDownload.path())!;
  const exported = JSON.parse(readFileSync(jsonPath, 'utf8'));
  expect(exported['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
  expect(exported.first.items[0].type).toBe('Annotation');
  const quotesBefore = await library.locator('.lib-card blockquote').allTextContents();

  const clean = await launchWithExtension();
  try {
    await blockNetwork(clean);
    const cleanLibrary = await openLibrary(clean, await extensionIdOf(clean));
    await expect(cleanLibrary.getByTestId('library-count')).toHaveText('0 clippings');
    await cleanLibrary.getByTestId('import-file').setInputFiles(jsonPath);
    await expect(cleanLibrary.getByTestId('library-notice')).toHaveText('Imported 3 clippings.');
    await expect(cleanLibrary.locator('.lib-card')).toHaveCount(3);
    expect(await cleanLibrary.locator('.lib-card blockquote').allTextContents()).toEqual(quotesBefore);
    await expect(cleanLibrary.locator('.lib-card').filter({ hasText: 'RMB 380' })).toContainText('Capex plan intact');

    await cleanLibrary.getByTestId('import-file').setInputFiles(jsonPath);
    await expect(cleanLibrary.getByTestId('library-notice')).toHaveText('Imported 0 clippings; 3 already in the library, skipped.');

    // A hostile file (a javascript: link where a page address belongs) is refused whole, with the reason.
    const hostile = structuredClone(exported);
    hostile.first.items[1].target.source = 'javascript:alert(1)';
    await cleanLibrary.getByTestId('import-file').setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hostile)) });
    await expect(cleanLibrary.getByTestId('library-notice')).toContainText('first.items[1].target.source: expected an http(s) URL');
    await expect(cleanLibrary.locator('.lib-card')).toHaveCount(3);
  } finally {
    await clean.close();
  }
});

test('ten tabs saving twenty clippings each at the same time keep all 200', async ({ context, extensionId }) => {
  const tabs = await Promise.all(Array.from({ length: 10 }, () => context.newPage()));
  await Promise.all(tabs.map((tab) => tab.goto(`chrome-extension://${extensionId}/library.html`)));
  const results = await Promise.all(
    tabs.map((tab, t) =>
      tab.evaluate(async (tabIndex) => {
        const saves = Array.from({ length: 20 }, (_, i) => {
          const quote = `Concurrent clipping ${tabIndex}-${i}`;
          return chrome.runtime.sendMessage({
            type: 'clippings/save',
            payload: {
              draft: {
                quote,
                selectors: [
                  { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
                  { type: 'TextPositionSelector', start: i * 40, end: i * 40 + quote.length },
                ],
                page: { url: `https://www.reuters.com/tab-${tabIndex}`, canonicalUrl: `https://www.reuters.com/tab-${tabIndex}`, title: `Tab ${tabIndex}`, site: 'Reuters', published: null },
              },
            },
          });
        });
        return (await Promise.all(saves)).filter((reply: { ok: boolean }) => reply.ok).length;
      }, t),
    ),
  );
  expect(results).toEqual(Array(10).fill(20));
  const count = await tabs[0]!.evaluate(() => chrome.runtime.sendMessage({ type: 'clippings/count', payload: {} }));
  expect(count).toEqual({ ok: true, data: { count: 200 } });
  const library = await openLibrary(context, extensionId);
  await expect(library.getByTestId('library-count')).toHaveText('200 clippings');
});
