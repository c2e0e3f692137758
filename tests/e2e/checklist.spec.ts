import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, servePage, launchWithExtension, blockNetwork, extensionIdOf } from './extension';
import { openPanel } from './lens-ui';

/**
 * The checklist page (options page) on the built extension: status updates and undo, pack
 * import errors, a second thesis with its own matchers reaching the lens on a matching page.
 */

const DEFAULT_THESIS = 'alibaba-ai-cloud-h200';

async function openChecklist(page: Page, extensionId: string, thesisId?: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/options.html${thesisId ? `#thesis=${thesisId}` : ''}`);
  await expect(page.locator('.tl-card').first()).toBeVisible();
}

const card = (page: Page, itemId: string) => page.locator(`.tl-card[data-item-id="${itemId}"]`);

/** What the lens gets: asked from an extension page, as the content script asks. */
async function effectivePacks(page: Page) {
  return page.evaluate(() => chrome.runtime.sendMessage({ type: 'checklist/effective-packs', payload: {} }));
}

test('update a status from the checklist page: new entry on top of the history; undo restores', async ({ page, extensionId }) => {
  await openChecklist(page, extensionId);
  await expect(page.locator('#thesis-title')).toHaveText('Alibaba: AI cloud rails and H200 access');
  const item = card(page, 'h200-deployment');
  const beforeBadge = (await item.locator('.tl-card__head .tl-status__word').textContent())!;
  const beforeNote = (await item.locator('.tl-card__note').textContent())!;
  const beforeCount = await item.locator('.tl-history__entry').count();
  expect(beforeCount).toBeGreaterThan(0);
  await expect(item.getByRole('button', { name: /Undo last update/ })).toHaveCount(0);

  await item.getByRole('button', { name: /Update status/ }).click();
  const form = item.getByRole('form', { name: /New status for/ });
  await form.getByRole('radio', { name: /Confirmed/ }).check();
  await form.getByLabel('Date').fill('2026-11-20');
  await form.getByLabel('Note').fill('First H200 racks live in Alibaba Cloud (test entry).');
  await form.getByLabel('Source', { exact: true }).fill('Test wire');
  await form.getByLabel('Source link').fill('https://www.reuters.com/technology/test-h200-racks/');
  await form.getByRole('button', { name: 'Save status' }).click();

  await expect(item.locator('.tl-card__head .tl-status__word')).toHaveText('Confirmed');
  await expect(item.locator('.tl-card__note')).toHaveText('First H200 racks live in Alibaba Cloud (test entry).');
  await expect(item.locator('.tl-card__source a')).toHaveAttribute('href', 'https://www.reuters.com/technology/test-h200-racks/');
  await item.locator('.tl-card__history summary').click();
  const top = item.locator('.tl-history__entry').first();
  await expect(top).toHaveAttribute('data-origin', 'user');
  await expect(top.locator('.tl-history__note')).toHaveText('First H200 racks live in Alibaba Cloud (test entry).');
  await expect(top.locator('.tl-history__origin')).toHaveText('your update');
  await expect(top.locator('time')).toHaveAttribute('datetime', '2026-11-20');
  await expect(item.locator('.tl-history__entry')).toHaveCount(beforeCount + 1);
  // The timeline strip gained a segment.
  await expect(item.locator('.tl-strip__seg')).toHaveCount(beforeCount + 1);
  await expect(item.locator('.tl-strip__seg').last()).toHaveClass(/tl-strip__seg--confirmed/);

  // The pipeline sees it: the effective pack's newest entry for the item is the user's.
  const reply = (await effectivePacks(page)) as { ok: boolean; data: { packs: Array<{ id: string; items: Array<{ id: string; history: Array<{ note: string; origin: string }> }> }> } };
  const history = reply.data.packs.find((pack) => pack.id === DEFAULT_THESIS)!.items.find((candidate) => candidate.id === 'h200-deployment')!.history;
  expect(history.at(-1)).toMatchObject({ origin: 'user', note: 'First H200 racks live in Alibaba Cloud (test entry).' });

  // Survives a reload (stored by the background).
  await page.reload();
  await expect(card(page, 'h200-deployment').locator('.tl-card__head .tl-status__word')).toHaveText('Confirmed');

  await card(page, 'h200-deployment').getByRole('button', { name: /Undo last update/ }).click();
  await expect(card(page, 'h200-deployment').locator('.tl-card__head .tl-status__word')).toHaveText(beforeBadge);
  await expect(card(page, 'h200-deployment').locator('.tl-card__note')).toHaveText(beforeNote);
  await expect(card(page, 'h200-deployment').locator('.tl-history__entry')).toHaveCount(beforeCount);
  await expect(card(page, 'h200-deployment').getByRole('button', { name: /Undo last update/ })).toHaveCount(0);
});

test('import an invalid pack: the error names the path, nothing changes', async ({ page, extensionId }) => {
  await openChecklist(page, extensionId);
  const before = await page.locator('.tl-theses a').allTextContents();
  const invalid = {
    id: 'broken-pack',
    title: 'Broken',
    version: '1',
    topics: [{ id: 'x', title: 'X', mentions: { en: ['X'], zh: [] } }],
    items: [{ id: 'a', kind: 'catalyst', title: 'A', matchers: [{ all: [{ en: ['a'], zh: [] }] }], history: [{ date: '2026-01-01', status: 'great', note: 'n' }] }],
  };
  await page.locator('input[type="file"]').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(invalid)) });
  const alert = page.locator('.tl-errors-box[role="alert"]');
  await expect(alert).toContainText('“broken.json” is not a valid thesis pack; nothing was changed.');
  await expect(alert.locator('li')).toHaveCount(1);
  await expect(alert.locator('li').first()).toContainText('items[0].history[0].status:');
  expect(await page.locator('.tl-theses a').allTextContents()).toEqual(before);

  // Not JSON at all: refused too.
  await page.locator('input[type="file"]').setInputFiles({ name: 'notjson.json', mimeType: 'application/json', buffer: Buffer.from('{ nope') });
  await expect(alert).toContainText('not JSON');
  await page.reload();
  await expect(page.locator('.tl-card').first()).toBeVisible();
  expect(await page.locator('.tl-theses a').allTextContents()).toEqual(before);

  // A valid pack with the id of an existing thesis asks; "Keep both" stores it under a new id.
  const exported = await page.evaluate(async () => {
    const reply = (await chrome.runtime.sendMessage({ type: 'checklist/export-pack', payload: { id: 'alibaba-ai-cloud-h200' } })) as { data: { json: string } };
    return reply.data.json;
  });
  await page.locator('input[type="file"]').setInputFiles({ name: 'copy.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('exists already');
  await dialog.getByRole('button', { name: 'Keep both' }).click();
  await expect(page.locator('.tl-ok')).toContainText('as “alibaba-ai-cloud-h200-2”');
  await expect(page.locator('.tl-theses a')).toHaveCount(before.length + 1);
});

test('the checklist page is accessible in light and dark', async ({ page, extensionId }) => {
  test.setTimeout(180_000);
  await openChecklist(page, extensionId);
  await card(page, 'h200-deployment').locator('.tl-card__history summary').click();
  await card(page, 'h200-deployment').getByRole('button', { name: /Update status/ }).click();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((violation) => `${scheme}: ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});

test('keyboard only: open the update form, save, undo', async ({ page, extensionId }) => {
  await openChecklist(page, extensionId);
  const item = card(page, 'capex-commitment');
  await item.getByRole('button', { name: /Update status/ }).focus();
  await page.keyboard.press('Enter');
  const form = item.getByRole('form', { name: /New status for/ });
  await expect(form).toBeVisible();
  await form.getByLabel('Note').focus();
  await page.keyboard.type('Keyboard entry.');
  await form.getByRole('button', { name: 'Save status' }).focus();
  await page.keyboard.press('Enter');
  await expect(item.locator('.tl-card__note')).toHaveText('Keyboard entry.');
  await item.getByRole('button', { name: /Undo last update/ }).focus();
  await page.keyboard.press('Enter');
  await expect(item.locator('.tl-card__note')).not.toHaveText('Keyboard entry.');
});

const TESLA_URL = 'https://www.reuters.com/business/autos-transportation/tesla-robotaxi-test-2026-11-20/';
const TESLA_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tesla widens robotaxi service</title>
<meta property="og:type" content="article"><meta property="article:published_time" content="2026-11-20T08:00:00Z"></head>
<body><header><nav><a href="/">Home</a></nav></header><main><article>
<h1>Tesla widens its robotaxi service to three more cities</h1>
<p>By A. Reporter · November 20, 2026</p>
<p>Tesla said on Thursday that its robotaxi service will launch in Austin, Phoenix and Miami next month, the company's biggest expansion so far.</p>
<p>Tesla shares rose 4% after the announcement, as investors weighed how quickly the robotaxi fleet can scale beyond the pilot cities.</p>
<p>Regulators in California have not yet approved a driverless permit for Tesla, and the company said it expects a decision early next year.</p>
<p>The carmaker also reported that deliveries in the quarter rose 7% from a year earlier, helped by cheaper versions of its best-selling models.</p>
<p>Analysts said the robotaxi rollout will be judged on safety data, and Tesla has promised to publish incident figures each quarter.</p>
</article></main><footer>© Test</footer></body></html>`;

test('a second thesis with its own matchers: its claims appear on a page that matches it', async ({ page, context, extensionId }) => {
  await openChecklist(page, extensionId);
  // The form takes no room until asked for; then its title has the focus.
  await expect(page.locator('#new-thesis-title')).toHaveCount(0);
  await page.getByRole('button', { name: 'New thesis' }).click();
  await expect(page.locator('#new-thesis-title')).toBeFocused();
  await page.keyboard.type('Tesla: robotaxi');
  await page.getByLabel('Relevant when an article names').fill('Tesla, 特斯拉');
  await page.getByLabel('First item').fill('Robotaxi service expands');
  await page.getByLabel('A sentence is about it when it says').fill('robotaxi*, 无人驾驶出租车');
  await page.getByRole('button', { name: 'Create thesis' }).click();
  await expect(page.locator('#thesis-title')).toHaveText('Tesla: robotaxi');
  await expect(page.locator('.tl-card[data-item-id="robotaxi-service-expands"] .tl-card__head .tl-status__word')).toHaveText('Pending');
  await expect(page.locator('#new-thesis-title')).toHaveCount(0);

  const article = await context.newPage();
  await servePage(context, TESLA_URL, TESLA_HTML);
  await article.goto(TESLA_URL);
  // The panel is the lens's frame, an extension page beside the article.
  const panel = await openPanel(article);
  await expect(panel.locator('h3', { hasText: 'Tesla: robotaxi' })).toBeVisible({ timeout: 20_000 });
  const item = panel.locator('.tl-item[data-item-id="robotaxi-service-expands"]').first();
  await expect(item.locator('.tl-claim').first()).toBeVisible();
  await expect(item.locator('.tl-claim').first()).toContainText('robotaxi');
  // The default thesis stays silent on this page.
  await expect(panel.locator('h3', { hasText: 'Alibaba' })).toHaveCount(0);
});

test('the checklist survives a browser restart, and a corrupted record is reported, not fatal', async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const userDataDir = mkdtempSync(join(tmpdir(), 'thesis-lens-checklist-'));
  let context = await launchWithExtension({ userDataDir });
  await blockNetwork(context);
  let extensionId = await extensionIdOf(context);
  let page = context.pages()[0] ?? (await context.newPage());
  await openChecklist(page, extensionId);
  await page.evaluate(async () => {
    await chrome.runtime.sendMessage({ type: 'checklist/add-status', payload: { thesisId: 'alibaba-ai-cloud-h200', itemId: 'valuation-rerating', date: '2026-11-21', status: 'on-track', note: 'Survives restarts.' } });
    // Damage: a second, corrupted thesis record next to the good one.
    const stored = (await chrome.storage.local.get('checklist-theses'))['checklist-theses'] as { theses: unknown[] };
    await chrome.storage.local.set({ 'checklist-theses': { theses: [...stored.theses, { id: 'damaged', base: { kind: 'what' } }] } });
  });
  await context.close();

  context = await launchWithExtension({ userDataDir });
  await blockNetwork(context);
  extensionId = await extensionIdOf(context);
  page = context.pages()[0] ?? (await context.newPage());
  await openChecklist(page, extensionId);
  await expect(card(page, 'valuation-rerating').locator('.tl-card__note')).toHaveText('Survives restarts.');
  await expect(page.locator('.tl-errors-box')).toContainText('stored thesis #2 "damaged" is corrupted and was set aside, not deleted');
  await context.close();
});

test('the checklist page at a glance, in light and dark: overview, readable history strips, the sync state', async ({ page, extensionId }, testInfo) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await openChecklist(page, extensionId);
  // A status update made today: the strip must still show it, with its date.
  const item = card(page, 'h200-deployment');
  await item.getByRole('button', { name: /Update status/ }).click();
  const form = item.getByRole('form', { name: /New status for/ });
  await form.getByRole('radio', { name: /At risk/ }).check();
  const today = await page.evaluate(() => new Date().toISOString().slice(0, 10));
  await form.getByLabel('Date').fill(today);
  await form.getByLabel('Note').fill('Shipments paused (test entry).');
  await form.getByRole('button', { name: 'Save status' }).click();
  await expect(item.locator('.tl-card__head .tl-status__word')).toHaveText('At risk');

  const glance = page.getByTestId('thesis-glance');
  await expect(glance.locator('h3').first()).toHaveText('At a glance');
  await expect(glance.locator('.tl-glance__summary')).toHaveCount(2);
  await expect(glance.locator('.tl-glance__changes li').first()).toContainText(await item.locator('.tl-card__title').innerText());
  await expect(glance.locator('.tl-glance__changes li').first()).toContainText('your update');

  // Today's segment has width and a date; no two dates of a strip overlap; every strip has a legend.
  const todaySegment = item.locator(`.tl-strip__seg[data-date="${today}"]`);
  expect((await todaySegment.boundingBox())!.width).toBeGreaterThan(30);
  await expect(todaySegment.locator('.tl-strip__label')).toBeVisible();
  const overlaps = await page.evaluate(() =>
    [...document.querySelectorAll('.tl-strip')].flatMap((strip) => {
      const boxes = [...strip.querySelectorAll('.tl-strip__label')].map((label) => {
        const range = document.createRange();
        range.selectNodeContents(label);
        const text = range.getBoundingClientRect();
        const box = label.getBoundingClientRect();
        return { left: Math.max(text.left, box.left), right: Math.min(text.right, box.right), clipped: text.width > box.width + 0.5 };
      });
      return boxes.slice(1).flatMap((box, i) => (box.left < boxes[i]!.right - 0.5 ? ['overlap'] : [])).concat(boxes.filter((b) => b.clipped).map(() => 'clipped'));
    }),
  );
  expect(overlaps).toEqual([]);
  const strips = await page.locator('.tl-strip').count();
  expect(strips).toBeGreaterThan(3);
  await expect(page.locator('.tl-strip__legend')).toHaveCount(strips);

  // The sync panel names its state in a word and says what is true.
  await expect(page.locator('.tl-sync__state')).toHaveText(/Up to date|Not written yet|Off|Full|Failing/);

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate(() => scrollTo(0, 0));
    await page.screenshot({ path: testInfo.outputPath(`checklist-${scheme}.png`) });
  }
});
