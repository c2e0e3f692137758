import { describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { messages } from '@/lib/messages';
import { clipping } from './clippings-fixtures';

/**
 * The background's paged library query, with the store replaced by a fixed library and the
 * extension's base URL by a fixed one (the handler's only browser dependencies).
 */

const library = Array.from({ length: 250 }, (_, n) => clipping(n));

// The router module reads `browser` at load; the routes under test never reach it.
vi.mock('webextension-polyfill', () => ({ default: { runtime: { id: 'own-id', getURL: (path: string) => `chrome-extension://own-id${path}` } } }));
vi.mock('@/entrypoints/background/clippings', () => ({ store: async () => ({ all: async () => library }) }));

const { libraryQueryHandlers } = await import('@/entrypoints/background/library-query');
const { createRouter } = await import('@/entrypoints/background/router');
const OWN = { id: 'own-id', origin: 'chrome-extension://own-id/' };
const ownPage = { kind: 'extension-page', url: 'chrome-extension://own-id/library.html', tabId: 1 } as const;

const page = { id: 'own-id', url: 'chrome-extension://own-id/library.html' } as Runtime.MessageSender;
const contentScript = { id: 'own-id', url: 'https://news.example.com/story', tab: { id: 3 } } as unknown as Runtime.MessageSender;
const request = (payload: unknown) => messages['library/query'].request.parse(payload);

describe('library/query in the background', () => {
  it('answers one page of rows of the view, with the counts, and facets when asked', async () => {
    const first = await libraryQueryHandlers['library/query'](request({ view: 'article', limit: 40, withFacets: true }), page, ownPage);
    expect(first.total).toBe(250);
    expect(first.matching).toBe(250);
    expect(first.rowCount).toBe(250 + 50); // 50 articles (story-0 … story-49), each with a heading
    expect(first.rows).toHaveLength(40);
    expect(first.rows[0]).toMatchObject({ kind: 'article', count: 5 });
    expect(first.facets?.sites).toEqual(['Caixin', 'Nikkei Asia', 'Reuters']);
    expect(messages['library/query'].response.safeParse(first).success).toBe(true);

    const last = await libraryQueryHandlers['library/query'](request({ view: 'article', offset: 280, limit: 40 }), page, ownPage);
    expect(last.rows).toHaveLength(20);
    expect(last.facets).toBeUndefined();
  });

  it('searches there: a keystroke is one query', async () => {
    const found = await libraryQueryHandlers['library/query'](request({ view: 'flat', filters: { query: '"quarter 17,"' } }), page, ownPage);
    expect(found.matching).toBe(1);
    expect(found.rows).toEqual([{ kind: 'clipping', clipping: library[17], group: '' }]);
  });

  it('answers the extension’s own pages only, never a content script', async () => {
    const route = createRouter(libraryQueryHandlers, () => OWN);
    for (const type of ['library/query', 'library/clippings']) {
      expect(await route({ type, payload: {} }, contentScript)).toMatchObject({ ok: false, error: expect.stringMatching(/not accepted from a web page/) });
      expect(await route({ type, payload: {} }, { id: 'other-extension', url: 'chrome-extension://other/x.html' } as Runtime.MessageSender)).toMatchObject({ ok: false });
      expect(await route({ type, payload: {} }, page)).toMatchObject({ ok: true });
    }
  });

  it('library/clippings: every match, or one article’s', async () => {
    const all = await libraryQueryHandlers['library/clippings'](messages['library/clippings'].request.parse({ filters: { stance: 'challenges' } }), page, ownPage);
    expect(all.clippings).toHaveLength(library.filter((c) => c.stance === 'challenges').length);
    const one = await libraryQueryHandlers['library/clippings'](messages['library/clippings'].request.parse({ articleKey: 'https://www.reuters.com/technology/story-7/' }), page, ownPage);
    expect(one.clippings.map((c) => c.id).sort()).toEqual(library.filter((c, n) => n % 50 === 7).map((c) => c.id).sort());
  });
});
