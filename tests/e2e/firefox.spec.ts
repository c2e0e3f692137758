import { test, expect } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import puppeteer, { type Browser } from 'puppeteer-core';

/**
 * The Firefox build in firefox-esr. Playwright's Firefox cannot load extensions, so this
 * drives firefox-esr with puppeteer-core over WebDriver BiDi. A local HTTP proxy answers
 * every request with the demo article, so the page loads at a real news URL with no
 * network and the extension's production match patterns apply.
 */
const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const extensionDir = resolve(process.env.THESIS_LENS_FIREFOX_DIR ?? '.output/firefox-mv3');
const demoHtml = readFileSync(resolve('tests/fixtures/pages/demo-alibaba-h200.html'), 'utf8');

let proxy: Server;
let browser: Browser;

test.beforeAll(async () => {
  if (!existsSync(firefoxPath)) throw new Error(`No Firefox at ${firefoxPath}: apt-get install firefox-esr, or set FIREFOX_PATH.`);
  if (!existsSync(resolve(extensionDir, 'manifest.json'))) throw new Error(`No Firefox build at ${extensionDir}: run \`npm run build:firefox\`.`);
  proxy = createServer((request, response) => {
    const isPage = /^http:\/\/www\.reuters\.com\/technology\/alibaba/.test(request.url ?? '');
    response.writeHead(isPage ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(isPage ? demoHtml : '');
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  const port = (proxy.address() as AddressInfo).port;
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    extraPrefsFirefox: {
      'xpinstall.signatures.required': false,
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.allow_hijacking_localhost': true,
      'network.proxy.no_proxies_on': '',
    },
  });
});

test.afterAll(async () => {
  await browser?.close();
  await new Promise((done) => proxy?.close(done));
});

test('the Firefox build loads in firefox-esr, paints the demo article by stance, makes room for the lens and draws its panel', async () => {
  test.setTimeout(90_000);
  await browser.installExtension(extensionDir);
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  await page.goto('http://www.reuters.com/technology/alibaba-ai-cloud-h200-2026-01-09/', { waitUntil: 'load' });
  // The highlights are registered in the page, by stance.
  await page.waitForFunction(
    () => {
      const names = [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()];
      return !!document.querySelector('thesis-lens-sidebar') && names.includes('thesis-lens-supports');
    },
    { timeout: 30_000 },
  );
  // The page gave up the panel's width for the lens's frame (a wide window: side by side).
  const margin = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).marginRight));
  expect(margin).toBeGreaterThanOrEqual(300);

  // The panel itself, read inside its frame (a moz-extension:// page; puppeteer lists it with
  // the address it started from, so it is found by its own location). Before the lens and
  // the frame met through the background this frame stayed blank in Firefox.
  const panelText = async (): Promise<string> => {
    for (const frame of page.frames()) {
      const text = await frame
        .evaluate(() => (location.href.includes('/lens-frame.html') ? document.body.innerText : ''))
        .catch(() => '');
      if (text) return text;
    }
    return '';
  };
  let text = '';
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && !/China approves H200 imports/.test(text)) {
    text = await panelText();
    if (!/China approves H200 imports/.test(text)) await new Promise((done) => setTimeout(done, 250));
  }
  // The page's highlight rules name the very elements that hold the painted claims (else
  // nothing is coloured, though the highlights are registered). Read from the rules' text:
  // in Firefox a content script's style sheet is another origin's to the page.
  const highlightRules = await page.evaluate(() => {
    const style = document.querySelector('style[data-thesis-lens-highlights]');
    if (!style) return { named: 0, unreached: ['no highlight rules in the page'] };
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const texts = [...registry.values()].flatMap((highlight) => [...highlight].map((range) => range.toString().slice(0, 40)));
    const named = (style.textContent!.match(/[^{}]+(?=\{)/g) ?? [])
      .filter((group) => !group.trim().startsWith('@'))
      .flatMap((group) => group.split(','))
      .filter((selector) => selector.includes('::highlight(thesis-lens-') && !selector.includes(' *::'))
      .map((selector) => selector.replace(/::highlight\([^)]*\)/, '').trim());
    const unreached = named.filter((selector) => {
      const element = document.querySelector(selector);
      return !element || !texts.some((text) => element.textContent!.includes(text));
    });
    return { named: named.length, unreached };
  });
  expect(highlightRules.named).toBeGreaterThan(0);
  expect(highlightRules.unreached).toEqual([]);
  expect(text).toMatch(/\d+ claims on \d+ checklist items/);
  expect(text).toContain('China approves H200 imports for commercial use');
  expect(text).toContain('Reading order');
});
