import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parse as parseYaml } from 'yaml';
import { strFromU8, unzipSync } from 'fflate';
import { test, expect, servePage } from './extension';
import type { ClippingDraftInput } from '../../lib/clippings/schema';

/**
 * The library as a reader uses it, in Chromium: three articles' clippings as a notebook
 * (grouped, exported as a zip of notes with YAML front matter, copied to the clipboard), a
 * source opened at the passage that was saved when its phrase repeats, and the views.
 */

test.describe.configure({ timeout: 120_000 });

const PHRASE = 'Cloud revenue grew 34 percent';

/** A page where the saved phrase occurs twice, far apart; the clipping is the second one. */
function repeatedPhrasePage(): string {
  const filler = Array.from({ length: 40 }, (_, n) => `<p>Filler paragraph ${n} about markets in general, with nothing to find here.</p>`).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Quarterly results</title></head><body><article>
<p id="first">Last year, analysts said: ${PHRASE} in a good quarter.</p>
${filler}
<p id="second">This quarter, the company said ${PHRASE} again, beating forecasts.</p>
${filler}
</article></body></html>`;
}

function draft(n: number, article: { url: string; title: string; site: string; published: string }, extra: Partial<ClippingDraftInput> = {}): ClippingDraftInput {
  const quote = extra.quote ?? `Point ${n} of ${article.title}: margins widened by ${n} points`;
  return {
    quote,
    selectors: [
      { type: 'TextQuoteSelector', exact: quote, prefix: 'The report says. ', suffix: ' for the year.' },
      { type: 'TextPositionSelector', start: 100 * n, end: 100 * n + quote.length },
    ],
    page: { url: article.url, canonicalUrl: article.url.replace(/\?.*$/, ''), title: article.title, site: article.site, published: article.published },
    topics: ['alibaba'],
    items: [{ thesisId: 'alibaba-ai-cloud-h200', itemId: n % 2 ? 'cloud-revenue-growth' : 'h200-procurement' }],
    note: n === 1 ? 'Check against the 10-K [[later]]' : '',
    tags: ['earnings'],
    stance: n % 2 ? 'supports' : 'challenges',
    ...extra,
  };
}

const ARTICLES = [
  { url: 'https://www.reuters.com/markets/cloud-results?edition=asia', title: 'Cloud results beat', site: 'Reuters', published: '2026-01-08' },
  { url: 'https://www.caixinglobal.com/2026-01-09/chips', title: 'Chips: a <b>licence</b> question', site: 'Caixin', published: '2026-01-09' },
  { url: 'https://asia.nikkei.com/business/capex', title: 'Capex plans', site: 'Nikkei Asia', published: '2026-01-10' },
];

async function openLibrary(page: Page, extensionId: string, query = ''): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/library.html${query}`);
  await expect(page.getByTestId('library-count')).not.toHaveText('Loading…');
}

async function save(page: Page, drafts: ClippingDraftInput[]): Promise<void> {
  await page.evaluate(async (all) => {
    for (const one of all) {
      const reply = (await chrome.runtime.sendMessage({ type: 'clippings/save', payload: { draft: one } })) as { ok: boolean; error?: string };
      if (!reply.ok) throw new Error(reply.error);
    }
  }, drafts);
}

test('a notebook of three articles: grouped, exported as notes with YAML front matter, copied to the clipboard', async ({ page, context, extensionId }) => {
  await openLibrary(page, extensionId);
  await save(page, [draft(1, ARTICLES[0]!), draft(2, ARTICLES[0]!), draft(3, ARTICLES[1]!), draft(4, ARTICLES[2]!), draft(5, ARTICLES[2]!), draft(6, ARTICLES[2]!)]);
  await openLibrary(page, extensionId);
  await expect(page.getByTestId('library-count')).toHaveText('6 clippings');

  // Grouped by article, newest first; each card without its article's title.
  await expect(page.locator('.lib-group h2')).toHaveText(['Capex plans', 'Chips: a <b>licence</b> question', 'Cloud results beat']);
  await expect(page.locator('.lib-group').first().locator('.lib-group__meta')).toHaveText('Nikkei Asia · published Jan 10, 2026 · 3 clippings · 2 checklist items');
  await expect(page.locator('.lib-card .lib-source')).toHaveCount(0);

  // Search works in this view too.
  await page.getByRole('searchbox').fill('licence');
  await expect(page.getByTestId('library-count')).toHaveText('1 of 6 clippings');
  await expect(page.locator('.lib-group h2')).toHaveText(['Chips: a <b>licence</b> question']);
  await page.getByRole('searchbox').fill('');
  await expect(page.getByTestId('library-count')).toHaveText('6 clippings');
  await expect(page.locator('.lib-group h2')).toHaveText(['Capex plans', 'Chips: a <b>licence</b> question', 'Cloud results beat']);

  // Export: one zip, a note per article, front matter a YAML parser reads.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Notes (Markdown, one per article)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^thesis-lens-notes-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(readFileSync(await download.path())));
  const names = Object.keys(files).map((name) => name.replace(/^[^/]+\//, '')).sort();
  expect(names).toEqual(['2026-01-08 Cloud results beat.md', '2026-01-09 Chips a b licence b question.md', '2026-01-10 Capex plans.md']);
  const cloud = strFromU8(files[Object.keys(files).find((name) => name.endsWith('Cloud results beat.md'))!]!);
  const [, yamlText, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(cloud)!;
  expect(parseYaml(yamlText!)).toMatchObject({
    title: 'Cloud results beat',
    source: 'https://www.reuters.com/markets/cloud-results?edition=asia',
    canonical: 'https://www.reuters.com/markets/cloud-results',
    site: 'Reuters',
    published: '2026-01-08',
    tags: ['earnings'],
    thesis: ['alibaba-ai-cloud-h200'],
    items: ['alibaba-ai-cloud-h200/cloud-revenue-growth', 'alibaba-ai-cloud-h200/h200-procurement'],
  });
  expect(body).toContain('> Point 1 of Cloud results beat: margins widened by 1 points\n\nCheck against the 10-K \\[\\[later\\]\\]\n\n— Supports');
  const chips = strFromU8(files[Object.keys(files).find((name) => name.includes('Chips'))!]!);
  expect(parseYaml(/^---\n([\s\S]*?)\n---/.exec(chips)![1]!).title).toBe('Chips: a <b>licence</b> question');
  expect(chips).toContain('# Chips: a \\<b\\>licence\\</b\\> question');

  // Copy an article's note to the clipboard.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.locator('.lib-group').filter({ hasText: 'Capex plans' }).getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(page.getByTestId('library-notice')).toHaveText('Copied to the clipboard as Markdown.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^---\ntitle: "Capex plans"\n/);
  expect(copied.match(/^> Point \d of Capex plans/gm)).toHaveLength(3);

  // And one clipping.
  await page.locator('.lib-card').filter({ hasText: 'Point 3 of' }).getByRole('button', { name: 'Copy as Markdown' }).click();
  const one = await page.evaluate(() => navigator.clipboard.readText());
  expect(one.startsWith('> Point 3 of Chips: a \\<b\\>licence\\</b\\> question: margins widened by 3 points\n\n— Chips: a \\<b\\>licence\\</b\\> question · Supports')).toBe(true);

  // The other views.
  await page.getByText('By checklist item').click();
  await expect(page.locator('.lib-group')).toHaveCount(2);
  await expect(page.locator('.lib-group__meta')).toHaveText(['3 clippings', '3 clippings']);
  await page.getByText('Newest first').click();
  await expect(page.locator('.lib-group')).toHaveCount(0);
  await expect(page.locator('.lib-card').first()).toContainText('Point 6 of Capex plans');
  await expect(page.locator('.lib-card').first().locator('.lib-source')).toHaveText('Capex plans');
});

test('open source: the address read at, scrolled to the saved passage although its phrase repeats', async ({ page, context, extensionId }) => {
  const url = 'https://www.reuters.com/markets/quarterly?ref=home';
  await servePage(context, 'https://www.reuters.com/markets/quarterly**', repeatedPhrasePage());
  await openLibrary(page, extensionId);
  await save(page, [
    draft(1, { url, title: 'Quarterly results', site: 'Reuters', published: '2026-01-08' }, {
      quote: PHRASE,
      selectors: [
        { type: 'TextQuoteSelector', exact: PHRASE, prefix: 'rter.\nThis quarter, the company said ', suffix: ' again, beating forecasts.\nFiller' },
        { type: 'TextPositionSelector', start: 4000, end: 4000 + PHRASE.length },
      ],
    }),
  ]);
  await openLibrary(page, extensionId);
  const link = page.getByTestId('open-source');
  await expect(link).toHaveAttribute('href', `${url}#:~:text=the%20company%20said-,Cloud%20revenue%20grew%2034%20percent,-again%2C%20beating%20forecasts.`);
  const [source] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await source.waitForLoadState('load');
  expect(source.url()).toBe(url + '#:~:text=the%20company%20said-,Cloud%20revenue%20grew%2034%20percent,-again%2C%20beating%20forecasts.');
  // The browser scrolls to the second occurrence: it is on screen, the first is not.
  await expect
    .poll(() =>
      source.evaluate(() => {
        const inView = (id: string) => {
          const box = document.getElementById(id)!.getBoundingClientRect();
          return box.bottom > 0 && box.top < innerHeight;
        };
        return { first: inView('first'), second: inView('second') };
      }),
    )
    .toEqual({ first: false, second: true });
});
