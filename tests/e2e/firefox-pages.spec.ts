import { test, expect } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/**
 * The library and the checklist page in firefox-esr (the Firefox build). Playwright's Firefox
 * cannot load extensions, so puppeteer-core drives firefox-esr over WebDriver BiDi, as
 * firefox.spec.ts does. WebDriver BiDi refuses to navigate a tab to moz-extension:// pages,
 * so the test takes the page the extension opens itself on install (the welcome page) and
 * moves it to the library by script, as a link would. The checklist page is reached from the
 * library's own link.
 */
const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const extensionDir = resolve(process.env.THESIS_LENS_FIREFOX_DIR ?? '.output/firefox-mv3');
const demoHtml = readFileSync(resolve('tests/fixtures/pages/demo-alibaba-h200.html'), 'utf8');
const DEMO_URL = 'http://www.reuters.com/technology/alibaba-ai-cloud-h200-2026-01-09/';

let proxy: Server;
let browser: Browser;
/** The library tab the extension opened, and the base of its pages (moz-extension://<uuid>). */
let library: Page;
let base: string;

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  if (!existsSync(firefoxPath)) throw new Error(`No Firefox at ${firefoxPath}: apt-get install firefox-esr, or set FIREFOX_PATH.`);
  if (!existsSync(resolve(extensionDir, 'manifest.json'))) throw new Error(`No Firefox build at ${extensionDir}: run \`npm run build:firefox\`.`);
  proxy = createServer((request, response) => {
    const isPage = (request.url ?? '').startsWith(DEMO_URL);
    response.writeHead(isPage ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(isPage ? demoHtml : '');
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    extraPrefsFirefox: {
      'xpinstall.signatures.required': false,
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': (proxy.address() as AddressInfo).port,
      'network.proxy.allow_hijacking_localhost': true,
      'network.proxy.no_proxies_on': '',
    },
  });
  await browser.installExtension(extensionDir);
  // First run opens the welcome page, an extension page: the test takes that tab (listed as
  // about:blank, so it asks each page where it is) and goes to the library from there.
  for (let attempt = 0; attempt < 100 && !base; attempt++) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (/^moz-extension:\/\/[^/]+\/welcome\.html/.test(href)) {
        library = page;
        base = /^moz-extension:\/\/[^/]+/.exec(href)![0];
      }
    }
    if (!base) await new Promise((done) => setTimeout(done, 200));
  }
  if (!base) throw new Error('the extension did not open its welcome page');
  await library.evaluate(() => location.assign('/library.html')).catch(() => undefined);
  await library.waitForFunction(() => location.pathname === '/library.html' && document.readyState === 'complete', { timeout: 20_000 });
});

test.afterAll(async () => {
  await browser?.close();
  await new Promise((done) => proxy?.close(done));
});

async function textOf(page: Page, selector: string, wanted: RegExp, timeout = 20_000): Promise<string> {
  const handle = await page.waitForFunction(
    (css: string, source: string) => {
      const text = document.querySelector(css)?.textContent ?? '';
      return new RegExp(source).test(text) ? text : null;
    },
    { timeout },
    selector,
    wanted.source,
  );
  return (await handle.jsonValue()) as string;
}

async function send(page: Page, type: string, payload: unknown): Promise<{ ok: boolean; error?: string; data?: unknown }> {
  return page.evaluate((message) => (globalThis as unknown as { browser: { runtime: { sendMessage: (m: unknown) => Promise<never> } } }).browser.runtime.sendMessage(message), { type, payload });
}

test('the library in Firefox: saved clippings grouped by article, searched, opened at the passage', async () => {
  const page = library;
  expect(base).toMatch(/^moz-extension:\/\//);
  expect(await textOf(page, '[data-testid="library-count"]', /^0 clippings$/)).toBe('0 clippings');
  for (const [n, story] of [
    [1, 'Cloud results beat'],
    [2, 'Cloud results beat'],
    [3, 'Chip licences'],
  ] as const) {
    const quote = `Point ${n}: margins widened`;
    const url = `https://www.reuters.com/markets/${story.toLowerCase().replace(/ /g, '-')}?edition=asia`;
    const reply = await send(page, 'clippings/save', {
      draft: {
        quote,
        selectors: [
          { type: 'TextQuoteSelector', exact: quote, prefix: 'The report says. ', suffix: ' for the year.' },
          { type: 'TextPositionSelector', start: 100 * n, end: 100 * n + quote.length },
        ],
        page: { url, canonicalUrl: url.replace(/\?.*/, ''), title: story, site: 'Reuters', published: '2026-01-09' },
        items: [{ thesisId: 'alibaba-ai-cloud-h200', itemId: 'cloud-revenue-growth' }],
        stance: 'supports',
      },
    });
    expect(reply.ok, reply.error).toBe(true);
  }
  await page.evaluate(() => location.reload());
  await textOf(page, '[data-testid="library-count"]', /^3 clippings$/);
  const headings = await page.$$eval('.lib-group h2', (nodes) => nodes.map((node) => node.textContent));
  expect(headings).toEqual(['Chip licences', 'Cloud results beat']);
  const href = await page.$eval('.lib-card [data-testid="open-source"]', (a) => a.getAttribute('href'));
  expect(href).toBe('https://www.reuters.com/markets/chip-licences?edition=asia#:~:text=The%20report%20says.-,Point%203%3A%20margins%20widened,-for%20the%20year.');

  // Search, in the background, through the paged query.
  await page.type('input[type="search"]', 'Point 2');
  await textOf(page, '[data-testid="library-count"]', /^1 of 3 clippings$/);
  expect(await page.$$eval('.lib-card blockquote', (nodes) => nodes.map((node) => node.textContent))).toEqual(['Point 2: margins widened']);
});

test('the checklist page in Firefox: overview, history strip with legend, New thesis on demand, sync state', async () => {
  // The library's own link back to the checklist.
  const page = library;
  await page.click('.lib-back');
  await textOf(page, '#thesis-title', /Alibaba/);
  expect(await page.evaluate(() => location.href)).toBe(`${base}/options.html`);
  await textOf(page, '[data-testid="thesis-glance"] h3', /^At a glance$/);
  const summaries = await page.$$eval('.tl-glance__summary', (nodes) => nodes.map((node) => node.textContent));
  expect(summaries[0]).toMatch(/^\d+ of \d+ catalysts confirmed or on track$/);
  expect(await page.$$eval('.tl-strip', (nodes) => nodes.length)).toBeGreaterThan(3);
  expect(await page.$$eval('.tl-strip__legend', (nodes) => nodes.length)).toBe(await page.$$eval('.tl-strip', (nodes) => nodes.length));
  // The sync panel names its state in a word.
  expect(await textOf(page, '.tl-sync__state', /./)).toMatch(/^(Up to date|Not written yet|Off|Full|Failing)$/);
  // New thesis: no form until asked.
  expect(await page.$('#new-thesis-title')).toBeNull();
  await page.click('.tl-theses__new');
  await page.waitForSelector('#new-thesis-title');
});
