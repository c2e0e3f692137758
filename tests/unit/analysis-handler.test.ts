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
