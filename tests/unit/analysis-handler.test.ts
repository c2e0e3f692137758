import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultPack } from '@/lib/pack/default-pack';
import { analyzePage, readingOf } from '@/lib/pipeline/scan';
import { detectArticle } from '@/lib/pipeline/article';
import { messages } from '@/lib/messages';

/**
 * The lens sends the article it read; the background judges it. The answer must be what the
 * pipeline gives on the whole document, so that the page, `scan` and the tests agree.
 */

vi.mock('webextension-polyfill', () => ({ default: { runtime: { id: 'own-id', getURL: (path: string) => `chrome-extension://own-id${path}` } } }));
vi.mock('@/entrypoints/background/checklist', () => ({ effectivePacks: async () => [defaultPack] }));

// The handler also records the page in the reading log (storage.local and IndexedDB): give it a fake browser.
(globalThis as { chrome?: unknown }).chrome = fakeBrowser;
const { analysisHandlers } = await import('@/entrypoints/background/analysis');
const { createRouter } = await import('@/entrypoints/background/router');

const OWN = { id: 'own-id', origin: 'chrome-extension://own-id/' };
const contentScript = { id: 'own-id', url: 'https://www.reuters.com/technology/story/', tab: { id: 7 }, frameId: 0 } as never;

function demoDocument(): Document {
  return parseHTML(readFileSync('tests/fixtures/pages/demo-alibaba-h200.html', 'utf8')).document as unknown as Document;
}

describe('lens/analyze in the background', () => {
  it('answers what the pipeline gives on the whole page', async () => {
    const document = demoDocument();
    const expected = analyzePage(document, [defaultPack], { url: 'https://www.reuters.com/technology/story/' });
    const reading = readingOf(detectArticle(demoDocument(), { url: 'https://www.reuters.com/technology/story/' }));
    const route = createRouter(analysisHandlers, () => OWN);
    const reply = (await route({ type: 'lens/analyze', payload: { reading } }, contentScript)) as { ok: true; data: { results: Array<{ claims: unknown[] }> } };
    expect(reply.ok).toBe(true);
    const [result] = reply.data.results;
    expect(result!.claims.length).toBeGreaterThan(5);
    const strip = (claims: Array<Record<string, unknown>>) => claims.map(({ text, start, end, items }) => ({ text, start, end, items }));
    expect(strip(result!.claims as Array<Record<string, unknown>>)).toEqual(strip(expected.results[0]!.claims as unknown as Array<Record<string, unknown>>));
  });

  it('refuses a reading that is not plain, bounded article data', () => {
    const schema = messages['lens/analyze'].request;
    const reading = readingOf(detectArticle(demoDocument()));
    expect(schema.safeParse({ reading }).success).toBe(true);
    expect(schema.safeParse({ reading: { ...reading, text: { text: 'x'.repeat(2_000_001) } } }).success).toBe(false);
    expect(schema.safeParse({ reading: { ...reading, lang: 'fr' } }).success).toBe(false);
  });
});

describe("the reader's corrections as the linker's examples", () => {
  const page = (sentence: string) =>
    parseHTML(
      `<html lang="en"><head><title>Brokers and Alibaba</title><meta property="og:type" content="article"><meta property="article:published_time" content="2026-11-20"></head><body><article><h1>Brokers turn on Alibaba</h1>` +
        `<p>${sentence}</p><p>Alibaba Cloud competes with Tencent Cloud and Huawei Cloud for corporate customers in China, and its shares trade in Hong Kong and New York.</p>` +
        `<p>Alibaba is due to report its next quarterly results in February, when investors will look at its cloud unit and its spending on AI infrastructure.</p></article></body></html>`,
    ).document as unknown as Document;
  const linkOf = async (sentence: string, url: string) => {
    const route = createRouter(analysisHandlers, () => OWN);
    const reading = readingOf(detectArticle(page(sentence), { url }));
    const reply = (await route({ type: 'lens/analyze', payload: { reading } }, { ...(contentScript as object), url, tab: { id: 8 } } as never)) as { ok: true; data: { results: Array<{ claims: Array<{ text: string; items: Array<{ id: string; stance: string }> }> }> } };
    const claim = reply.data.results[0]!.claims.find((c) => c.text.startsWith(sentence.slice(0, 30)));
    return claim?.items.find((link) => link.id === 'cloud-revenue-growth');
  };

  it('a link the reader made on one page is made on a like sentence on another page, until undone', async () => {
    const corrected = 'Alibaba cut the prices of its large language models by half for business users.';
    const elsewhere = 'Alibaba cut the prices of its large language models by a third for business users.';
    const url = 'https://www.cnbc.com/2026/11/20/alibaba-prices.html';
    await fakeBrowser.storage.local.set({ 'lens-corrections': [] });
    expect(await linkOf(elsewhere, url)).toBeUndefined();

    await fakeBrowser.storage.local.set({
      'lens-corrections': [
        { id: 'c1', pageUrl: 'https://www.reuters.com/markets/prices/', thesisId: 'alibaba-ai-cloud-h200', text: corrected, lang: 'en', kind: 'stance', itemId: 'cloud-revenue-growth', stance: 'challenges', createdAt: '2026-11-20T10:00:00Z' },
      ],
    });
    expect(await linkOf(elsewhere, url)).toMatchObject({ stance: 'challenges' });

    // Undone: the thesis's own model again.
    await fakeBrowser.storage.local.set({ 'lens-corrections': [] });
    expect(await linkOf(elsewhere, url)).toBeUndefined();
  });
});
