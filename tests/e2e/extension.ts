import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The extension, built, loaded into a real Chromium. The browser is found in this order:
 * CHROME_PATH, Debian's chromium, Playwright's own download. The build is
 * THESIS_LENS_EXT_DIR or .output/chrome-mv3 (run `npm run build` first; `npm test` does).
 */
export function findChromium(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/lib/chromium/chromium'];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  const bundled = chromium.executablePath();
  if (bundled && existsSync(bundled)) return bundled;
  throw new Error('No Chromium found: set CHROME_PATH, or `apt-get install chromium` (see README).');
}

export const extensionDir = resolve(process.env.THESIS_LENS_EXT_DIR ?? '.output/chrome-mv3');

export interface LaunchOptions {
  userDataDir?: string;
  colorScheme?: 'light' | 'dark';
  /** Headless unless asked (the demo opens a window when there is a display). */
  headless?: boolean;
  viewport?: { width: number; height: number };
  /** The browser's UI language (e.g. 'zh-CN'): what `chrome.i18n` answers in. */
  uiLanguage?: string;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<BrowserContext> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first.`);
  }
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'thesis-lens-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(options.uiLanguage ? [`--lang=${options.uiLanguage}`] : []),
    ],
    ...(options.uiLanguage ? { locale: options.uiLanguage, env: { ...process.env, LANGUAGE: options.uiLanguage.replace('-', '_') } } : {}),
  });
}

export async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

export async function extensionIdOf(context: BrowserContext): Promise<string> {
  const worker = await serviceWorkerOf(context);
  return new URL(worker.url()).host;
}

/**
 * Serves `html` at a real URL (e.g. a news site) with no network: the extension's
 * production match patterns apply. Every other request is refused, so a test that
 * reaches the network fails.
 */
export async function servePage(context: BrowserContext, url: string, html: string, headers: Record<string, string> = {}): Promise<void> {
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html, headers }));
}

export async function blockNetwork(context: BrowserContext): Promise<void> {
  await context.route(/^https?:\/\//, (route) => route.abort('blockedbyclient'));
}

export function fixturePage(name: string): string {
  return readFileSync(resolve('tests/fixtures/pages', name), 'utf8');
}

type Fixtures = { context: BrowserContext; extensionId: string; page: Page };

/** `test` with a fresh profile and the extension loaded, network blocked except routed pages. */
export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const context = await launchWithExtension();
    await blockNetwork(context);
    await use(context);
    await context.close();
  },
  extensionId: async ({ context }, use) => {
    await use(await extensionIdOf(context));
  },
  page: async ({ context }, use) => {
    await use(context.pages()[0] ?? (await context.newPage()));
  },
});
export const expect = test.expect;
