import type { Page } from '@playwright/test';
import { test, expect, servePage, fixturePage } from './extension';
import { lensFrame, openPanel } from './lens-ui';

/**
 * The data side of evidence across articles in real Chromium (the screens have their own
 * user-flow test): the background's reading log fills from what the lens analyses, the
 * evidence and its suggestion come out of it, applying writes the reader's entry, the
 * panel's frame (an extension page inside the article's tab) gets its own tab's evidence,
 * and clearing empties the log. The pages are the digest pages written for the tests,
 * served at news-site addresses (the site counted is the tab's, not the page's canonical).
 */

const ARTICLES = [
  ['https://www.reuters.com/technology/h200-shipments-halted-2026-06-02/', 'digest-harbour-customs-halt.html'],
  ['https://www.ft.com/content/beijing-customs-block-h200', 'digest-ledger-customs-block.html'],
  ['https://www.scmp.com/tech/article/h200-imports-stall', 'digest-desk-h200-imports-stalled.html'],
  ['https://www.reuters.com/technology/h200-crates-still-stuck-2026-06-09/', 'digest-harbour-h200-followup.html'],
] as const;

type Reply<T = any> = { ok: boolean; data: T; error?: string };
const ask = <T = any>(target: Page | import('@playwright/test').Frame, type: string, payload: unknown = {}) =>
  target.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const) as Promise<Reply<T>>;

test('the reading log fills as articles are read; evidence, conflict and suggestion follow; applying writes the entry; clearing empties it', async ({ page, context, extensionId }) => {
  test.setTimeout(180_000);
  for (const [url, file] of ARTICLES) await servePage(context, url, fixturePage(file));
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);

  for (const [url] of ARTICLES) {
    await page.goto(url);
    await lensFrame(page);
    await expect.poll(async () => (await ask(options, 'reading-log/list', { query: '' })).data.rows.some((row: { url: string }) => row.url === url), { timeout: 20_000 }).toBe(true);
  }
  const listed = await ask(options, 'reading-log/list', {});
  expect(listed.data.total).toBe(4);
  expect(new Set(listed.data.rows.map((row: { site: string }) => row.site))).toEqual(new Set(['reuters.com', 'ft.com', 'scmp.com']));

  const thesisId = (await ask(options, 'checklist/effective-packs')).data.packs[0].id;
  const evidence = (await ask(options, 'evidence/thesis', { thesisId })).data;
  const suggestion = evidence.suggestions.find((s: { itemId: string }) => s.itemId === 'h200-import-approval');
  expect(suggestion).toMatchObject({ from: 'on-track', to: 'at-risk', sites: 3 });
  const conflict = evidence.conflicts.find((c: { measure: string }) => c.measure === 'cloud-revenue-yoy');
  expect(conflict.reports.map((r: { value: number; source: { site: string } }) => [r.source.site, r.value])).toEqual([
    ['reuters.com', 38],
    ['ft.com', 36],
  ]);

  // The panel, framed in the last article's tab, asks for its own tab's evidence.
  const frame = await lensFrame(page);
  const own = await ask(frame, 'evidence/page');
  expect(own.ok).toBe(true);
  expect(own.data.items.some((item: { itemId: string }) => item.itemId === 'h200-import-approval')).toBe(true);

  expect((await ask(options, 'evidence/apply-suggestion', { thesisId, itemId: 'h200-import-approval', fingerprint: suggestion.fingerprint })).data).toEqual({ applied: true });
  const pack = (await ask(options, 'checklist/effective-packs')).data.packs[0];
  const last = pack.items.find((item: { id: string }) => item.id === 'h200-import-approval').history.at(-1);
  expect(last).toMatchObject({ date: '2026-06-09', status: 'at-risk', origin: 'user' });
  expect((await ask(options, 'evidence/thesis', { thesisId })).data.suggestions.some((s: { itemId: string }) => s.itemId === 'h200-import-approval')).toBe(false);

  expect((await ask(options, 'reading-log/clear')).data).toEqual({ cleared: 4 });
  expect((await ask(options, 'reading-log/list', {})).data.total).toBe(0);
});

test('switched off, the log records nothing', async ({ page, context, extensionId }) => {
  const [url, file] = ARTICLES[0];
  await servePage(context, url, fixturePage(file));
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  expect((await ask(options, 'reading-log/settings', { enabled: false })).data).toEqual({ enabled: false });
  await page.goto(url);
  // The background answers lens/analyze after recording (or not): claims in the panel mean it is done.
  const panel = await openPanel(page);
  await expect(panel.locator('.tl-claim').first()).toBeVisible({ timeout: 20_000 });
  expect((await ask(options, 'reading-log/list', {})).data).toMatchObject({ total: 0, settings: { enabled: false } });
});
