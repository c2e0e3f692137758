import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, servePage, fixturePage, serviceWorkerOf, extensionDir, findChromium, blockNetwork } from './extension';

/**
 * Around the page: the gate decides, the background injects the lens, the badge counts the
 * claims, pause keeps a site quiet, the popup shows a tab, on-demand annotation and the
 * keyboard command. All through the built extension in Chromium.
 */

const RELEVANT = {
  url: 'https://www.reuters.com/world/china/china-clears-h200-purchases-bytedance-alibaba-tencent-2026-01-28/',
  html: fixturePage('wire-beijing-approves-h200.html'),
};

/** A long news page about something else: the gate must stay quiet on it. */
const UNRELATED_URL = 'https://www.reuters.com/lifestyle/sourdough-comeback-2026-01-20/';
const UNRELATED_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Why bakers are going back to sourdough | Reuters</title>
<meta property="og:title" content="Why bakers are going back to sourdough">
<meta name="description" content="Home bakers and bakeries rediscover slow fermentation.">
<meta name="keywords" content="baking, bread, food"></head>
<body><nav><a href="/">Home</a> <a href="/markets/">Markets</a> <a href="/technology/">Technology</a></nav>
<main><article><h1>Why bakers are going back to sourdough</h1>
${Array.from({ length: 60 }, (_, i) => `<p>Paragraph ${i + 1}: flour, water, salt and time. Bakers in London, Paris and Shanghai say customers ask for bread that keeps for days, and the starter culture does the work that commercial yeast used to do. Shares of bakery chains were little changed.</p>`).join('\n')}
</article></main><footer>Markets data delayed. Alibaba, Nvidia and other tickers in our market pages.</footer></body></html>`;

/** Outside the news list: the gate does not run here unless "all sites" is on. */
const ELSEWHERE = { url: 'https://example.org/notes/alibaba-h200-reading-list', html: RELEVANT.html };

const SIDEBAR = 'thesis-lens-sidebar';

async function tabIdOf(worker: Worker, url: string): Promise<number> {
  const id = await worker.evaluate(async (target) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === target)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab shows ${url} (or the extension cannot see its address)`);
  return id;
}

/** The active tab of the page's window (for pages whose address the extension cannot read). */
async function activeTabId(worker: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  return worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
}

const badgeOf = (worker: Worker, tabId: number) => worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
const badgeTitleOf = (worker: Worker, tabId: number) => worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);
const reportOf = (worker: Worker, tabId: number) =>
  worker.evaluate(async (id) => (await chrome.storage.session.get(`lens-report:${id}`))[`lens-report:${id}`] ?? null, tabId) as Promise<{
    url: string;
    relevant: boolean;
    topics: string[];
    claims: number;
  } | null>;

/** Sends a message as the popup would (the background only answers the extension's own pages). */
async function ask<T>(page: Page, type: string, payload: unknown): Promise<T> {
  const reply = (await page.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const)) as { ok: boolean; data?: T; error?: string };
  if (!reply.ok) throw new Error(reply.error);
  return reply.data as T;
}

/**
 * The gate's final decision on the tab's page (an explicit signal the gate leaves in the
 * extension's isolated world, where page scripts cannot see it), or null before it decided.
 */
const gateDecisionOf = (worker: Worker, tabId: number) =>
  worker.evaluate(async (id) => {
    const [frame] = await chrome.scripting.executeScript({ target: { tabId: id }, world: 'ISOLATED', func: () => (globalThis as { __thesisLensGate?: unknown }).__thesisLensGate ?? null });
    return frame?.result ?? null;
  }, tabId) as Promise<{ url: string; relevant: boolean; injected?: boolean } | null>;

/** Whether the extension can run anything at all in the tab (the browser's verdict on its permissions). */
const canRunIn = (worker: Worker, tabId: number) =>
  worker.evaluate(
    (id) =>
      chrome.scripting
        .executeScript({ target: { tabId: id }, func: () => true })
        .then(() => true)
        .catch(() => false),
    tabId,
  );

test('a relevant news page gets the lens, and the badge shows its claim count', async ({ context, page }) => {
  await servePage(context, RELEVANT.url, RELEVANT.html);
  const worker = await serviceWorkerOf(context);
  await page.goto(RELEVANT.url);
  await expect(page.locator(SIDEBAR)).toBeAttached({ timeout: 15_000 });
  const tabId = await tabIdOf(worker, RELEVANT.url);

  await expect.poll(() => reportOf(worker, tabId), { timeout: 15_000 }).not.toBeNull();
  const report = (await reportOf(worker, tabId))!;
  expect(report.relevant).toBe(true);
  expect(report.claims).toBeGreaterThan(0);
  await expect.poll(() => badgeOf(worker, tabId)).toBe(String(report.claims));
  expect(await badgeTitleOf(worker, tabId)).toContain(`${report.claims} claim`);

  // A new document in the tab: the old count goes away with it.
  await servePage(context, UNRELATED_URL, UNRELATED_HTML);
  await page.goto(UNRELATED_URL);
  await expect.poll(() => badgeOf(worker, tabId)).toBe('');
  expect(await badgeTitleOf(worker, tabId)).toBe('Thesis Lens');
});

test('a news page about something else gets no lens, no badge, no sidebar', async ({ context, page }) => {
  await servePage(context, UNRELATED_URL, UNRELATED_HTML);
  const worker = await serviceWorkerOf(context);
  await page.goto(UNRELATED_URL);
  const tabId = await tabIdOf(worker, UNRELATED_URL);
  await expect.poll(() => gateDecisionOf(worker, tabId), { timeout: 15_000 }).toEqual({ url: UNRELATED_URL, relevant: false });
  // An injected lens always reports (relevant or not): no report means it was never injected.
  expect(await reportOf(worker, tabId)).toBeNull();
  expect(await badgeOf(worker, tabId)).toBe('');
  await expect(page.locator(SIDEBAR)).toHaveCount(0);
});

test('pausing a site tears the lens down and keeps it off after reload; resuming brings it back', async ({ context, page, extensionId }) => {
  await servePage(context, RELEVANT.url, RELEVANT.html);
  const worker = await serviceWorkerOf(context);
  await page.goto(RELEVANT.url);
  await expect(page.locator(SIDEBAR)).toBeAttached({ timeout: 15_000 });
  const tabId = await tabIdOf(worker, RELEVANT.url);
  await expect.poll(() => badgeOf(worker, tabId), { timeout: 15_000 }).not.toBe('');

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  const pause = popup.getByRole('switch', { name: 'Pause on reuters.com' });
  await expect(pause).toHaveAttribute('aria-checked', 'false');
  await pause.click();
  await expect(pause).toHaveAttribute('aria-checked', 'true');
  await expect(popup.getByText('Paused on this site.')).toBeVisible();

  await expect(page.locator(SIDEBAR)).toHaveCount(0);
  await expect.poll(() => badgeOf(worker, tabId)).toBe('');
  expect(await ask<{ paused: boolean }>(popup, 'lens/is-paused', { host: 'www.reuters.com' })).toEqual({ paused: true });

  await page.reload();
  // The gate found the page relevant and the background, paused, did not inject the lens.
  await expect.poll(() => gateDecisionOf(worker, tabId), { timeout: 15_000 }).toEqual({ url: RELEVANT.url, relevant: true, injected: false });
  await expect(page.locator(SIDEBAR)).toHaveCount(0);
  expect(await reportOf(worker, tabId)).toBeNull();
  expect(await badgeOf(worker, tabId)).toBe('');

  // Resume: the gate looks at the open page again and the lens returns without a reload.
  await popup.reload();
  await popup.getByRole('switch', { name: 'Pause on reuters.com' }).click();
  await expect(popup.getByRole('switch', { name: 'Pause on reuters.com' })).toHaveAttribute('aria-checked', 'false');
  await expect(page.locator(SIDEBAR)).toBeAttached({ timeout: 15_000 });
  await expect.poll(() => badgeOf(worker, tabId), { timeout: 15_000 }).not.toBe('');
});

test('the popup shows the tab’s topics and claim count, and passes an accessibility check', async ({ context, page, extensionId }) => {
  await servePage(context, RELEVANT.url, RELEVANT.html);
  const worker = await serviceWorkerOf(context);
  await page.goto(RELEVANT.url);
  const tabId = await tabIdOf(worker, RELEVANT.url);
  await expect.poll(() => reportOf(worker, tabId), { timeout: 15_000 }).not.toBeNull();
  const report = (await reportOf(worker, tabId))!;

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await expect(popup.getByTestId('claim-count')).toHaveText(`${report.claims} ${report.claims === 1 ? 'claim' : 'claims'} on this page`);
  const topics = popup.getByRole('list', { name: 'Topics' }).getByRole('listitem');
  await expect(topics).toHaveText(report.topics);
  await expect(popup.getByText('reuters.com', { exact: true })).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Show sidebar' })).toBeVisible();
  await expect(popup.getByRole('switch', { name: 'Run on all sites' })).toHaveAttribute('aria-checked', 'false');
  await expect(popup.getByRole('button', { name: 'Checklist' })).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Library' })).toBeVisible();

  const light = await new AxeBuilder({ page: popup }).analyze();
  expect(light.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await popup.emulateMedia({ colorScheme: 'dark' });
  const dark = await new AxeBuilder({ page: popup }).analyze();
  expect(dark.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // Keyboard: the first control takes focus with Tab and the sidebar button works from it.
  await popup.keyboard.press('Tab');
  await expect(popup.getByRole('button', { name: 'Show sidebar' })).toBeFocused();
});

test('the keyboard command toggles the sidebar, injecting the lens where the gate said no', async ({ context, page }) => {
  await servePage(context, UNRELATED_URL, UNRELATED_HTML);
  const worker = await serviceWorkerOf(context);
  await page.goto(UNRELATED_URL);
  const tabId = await tabIdOf(worker, UNRELATED_URL);
  await expect.poll(() => gateDecisionOf(worker, tabId), { timeout: 15_000 }).toEqual({ url: UNRELATED_URL, relevant: false });
  await expect(page.locator(SIDEBAR)).toHaveCount(0);

  // Playwright cannot press browser shortcuts; the event is what the shortcut fires.
  const pressShortcut = () =>
    worker.evaluate(async (id) => {
      const tab = await chrome.tabs.get(id);
      (chrome.commands.onCommand as unknown as { dispatch(command: string, tab: chrome.tabs.Tab): void }).dispatch('toggle-sidebar', tab);
    }, tabId);

  await pressShortcut();
  // Shown on demand even though nothing here is about the thesis; the lens reports the page.
  await expect(page.locator(SIDEBAR)).toBeAttached({ timeout: 15_000 });
  await expect.poll(() => reportOf(worker, tabId), { timeout: 15_000 }).toMatchObject({ relevant: false, claims: 0 });
  expect(await badgeOf(worker, tabId)).toBe('');
  // Open or closed is remembered per site (the lens's frame: panel or rail).
  const siteOpen = () => worker.evaluate(async () => Object.values(((await chrome.storage.local.get('lens-open-sites'))['lens-open-sites'] ?? {}) as Record<string, boolean>)[0]);

  // The same shortcut again: the lens is there now, so it toggles (closes) the panel.
  await pressShortcut();
  await expect.poll(siteOpen).toBe(false);
  await pressShortcut();
  await expect.poll(siteOpen).toBe(true);
});

test('on demand outside the news list: without access it says so and changes nothing', async ({ context, page, extensionId }) => {
  await servePage(context, ELSEWHERE.url, ELSEWHERE.html);
  const worker = await serviceWorkerOf(context);
  await page.goto(ELSEWHERE.url);
  const tabId = await activeTabId(worker, page);
  // No gate can run here: the extension has no access to the page at all.
  expect(await canRunIn(worker, tabId)).toBe(false);
  await expect(page.locator(SIDEBAR)).toHaveCount(0);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await expect(popup.getByText('Not annotated.', { exact: false })).toBeVisible();
  // A click on the toolbar button would grant activeTab; a popup opened by a test cannot.
  await popup.getByRole('button', { name: 'Annotate this page' }).click();
  await expect(popup.getByRole('alert')).toContainText('cannot read this page');
  await expect(page.locator(SIDEBAR)).toHaveCount(0);
});

/**
 * The build with the optional all-sites access already granted (what the user's click on
 * "Allow" does): the same code, with the permission present from the start.
 */
async function launchWithAllSitesGranted(): Promise<BrowserContext> {
  const dir = mkdtempSync(join(tmpdir(), 'thesis-lens-granted-'));
  cpSync(extensionDir, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = [...manifest.host_permissions, ...manifest.optional_host_permissions];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'thesis-lens-')), {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  await blockNetwork(context);
  return context;
}

test('on demand outside the news list with access: annotates; "all sites" runs the gate everywhere', async () => {
  const context = await launchWithAllSitesGranted();
  try {
    const worker = await serviceWorkerOf(context);
    const extensionId = new URL(worker.url()).host;
    const unrelatedElsewhere = 'https://example.org/recipes/sourdough';
    await servePage(context, ELSEWHERE.url, ELSEWHERE.html);
    await servePage(context, unrelatedElsewhere, UNRELATED_HTML);
    const page = context.pages()[0] ?? (await context.newPage());

    // "All sites" is off: even with access, the gate does not run outside the news sites.
    await page.goto(ELSEWHERE.url);
    const tabId = await tabIdOf(worker, ELSEWHERE.url);
    // No gate is registered for other sites, and none ran on this page.
    expect(await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).toEqual([]);
    expect(await canRunIn(worker, tabId)).toBe(true);
    expect(await gateDecisionOf(worker, tabId)).toBeNull();
    expect(await reportOf(worker, tabId)).toBeNull();

    // On demand, on a page that is not about the thesis: the lens comes, sidebar open.
    await page.goto(unrelatedElsewhere);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await popup.getByRole('button', { name: 'Annotate this page' }).click();
    await expect(page.locator(SIDEBAR)).toBeAttached({ timeout: 15_000 });
    await expect.poll(() => reportOf(worker, tabId), { timeout: 15_000 }).toMatchObject({ url: unrelatedElsewhere, relevant: false });

    // "Run on all sites": the gate is registered for every site and survives in the profile.
    expect(await ask(popup, 'lens/set-all-sites', { enabled: true })).toEqual({ allSites: true });
    const registered = () => worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => ({ id: s.id, js: s.js, persist: s.persistAcrossSessions })));
    expect(await registered()).toEqual([{ id: 'thesis-lens-gate-all-sites', js: ['content-scripts/gate.js'], persist: true }]);
    await page.goto(ELSEWHERE.url);
    await expect(page.locator(SIDEBAR)).toBeAttached({ timeout: 15_000 });
    await expect.poll(() => badgeOf(worker, tabId), { timeout: 15_000 }).toMatch(/^[1-9]\d*$/);

    await popup.reload();
    await expect(popup.getByRole('switch', { name: 'Run on all sites' })).toHaveAttribute('aria-checked', 'true');
    await popup.getByRole('switch', { name: 'Run on all sites' }).click();
    await expect(popup.getByRole('switch', { name: 'Run on all sites' })).toHaveAttribute('aria-checked', 'false');
    expect(await registered()).toEqual([]);
  } finally {
    await context.close();
  }
});

test('turning "all sites" on without the permission is refused with a clear error', async ({ context, extensionId }) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=1`);
  await expect(ask(popup, 'lens/set-all-sites', { enabled: true })).rejects.toThrow(/access to all sites/);
  const worker = await serviceWorkerOf(context);
  expect(await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).toEqual([]);
});

test('sidebar prefs: a partial change keeps the other fields', async ({ context, extensionId }) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=1`);
  expect(await ask(popup, 'lens/get-prefs', {})).toEqual({ side: 'right', width: 380, minimized: false });
  expect(await ask(popup, 'lens/set-prefs', { width: 500 })).toEqual({ side: 'right', width: 500, minimized: false });
  expect(await ask(popup, 'lens/set-prefs', { side: 'left' })).toEqual({ side: 'left', width: 500, minimized: false });
  await expect(ask(popup, 'lens/set-prefs', { width: 5000 })).rejects.toThrow(/width/);
  expect(await ask(popup, 'lens/get-prefs', {})).toEqual({ side: 'left', width: 500, minimized: false });
});
