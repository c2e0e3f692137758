import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium } from '../e2e/extension';

/**
 * Draws the extension's icons: `public/icon/icon.svg` rendered by Chromium at every size the
 * stores ask for (16, 32, 48, 96, 128), written as `public/icon/<size>.png`, where WXT finds
 * them for the manifest. Run `npx tsx tests/support/icons.ts` after changing the SVG; the PNGs are
 * committed.
 */
const SIZES = [16, 32, 48, 96, 128];

async function main(): Promise<void> {
  const svg = readFileSync(resolve('public/icon/icon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
      const png = await page.locator('svg').screenshot({ omitBackground: true });
      writeFileSync(resolve(`public/icon/${size}.png`), png);
      await page.close();
      console.log(`public/icon/${size}.png`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
