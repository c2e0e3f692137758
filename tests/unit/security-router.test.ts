import 'fake-indexeddb/auto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { draft } from './clippings-fixtures';

/**
 * The background's trust boundary (entrypoints/background/router.ts + trust.ts) with the real
 * message contracts and the real feature handlers, driven by the senders the browser would
 * report: an extension page, a content script on a news page, another extension, a sub-frame.
 * Each case is an attack from issue 9 made by "any content script (a compromised renderer)".
 */

const OWN = { id: 'own-extension-id', origin: 'chrome-extension://own-extension-id/' };

const popup: Runtime.MessageSender = { id: OWN.id, url: `${OWN.origin}popup.html` };
const libraryTab: Runtime.MessageSender = { id: OWN.id, url: `${OWN.origin}library.html`, tab: { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false }, frameId: 0 };
const contentScript = (url: string, tabId = 3, frameId = 0): Runtime.MessageSender => ({
  id: OWN.id,
  url,
  frameId,
  tab: { id: tabId, url, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
});

type Route = (raw: unknown, sender: Runtime.MessageSender) => Promise<{ ok: boolean; data?: unknown; error?: string }>;
let route: Route;

beforeAll(async () => {
  (globalThis as { chrome?: unknown }).chrome = fakeBrowser;
  const { createRouter } = await import('@/entrypoints/background/router');
  const { lensHandlers } = await import('@/entrypoints/background/lens');
  const { clippingHandlers } = await import('@/entrypoints/background/clippings');
  const { checklistHandlers } = await import('@/entrypoints/background/checklist');
  route = createRouter({ ...lensHandlers, ...clippingHandlers, ...checklistHandlers }, () => OWN) as Route;
});

const send = (sender: Runtime.MessageSender, type: string, payload: unknown = {}) => route({ type, payload }, sender);

describe('who may ask the background', () => {
  it('refuses other extensions and sub-frames outright', async () => {
    expect(await send({ ...popup, id: 'someone-else' }, 'clippings/count')).toEqual({ ok: false, error: 'rejected: message from outside this extension' });
    expect(await send(contentScript('https://www.reuters.com/a', 3, 5), 'checklist/effective-packs')).toMatchObject({ ok: false, error: expect.stringContaining('outside this extension') });
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])('refuses the message type %s instead of throwing', async (type) => {
    for (const sender of [popup, contentScript('https://www.reuters.com/a')]) {
      const reply = await send(sender, type);
      expect(reply).toEqual({ ok: false, error: `unknown message type ${JSON.stringify(type)}` });
    }
  });

  it.each([
    ['clippings/list', {}],
    ['clippings/delete', { id: 'x' }],
    ['clippings/restore', { clipping: {} }],
    ['clippings/import', { text: '{}' }],
    ['clippings/problems', {}],
    ['clippings/count-by-item', {}],
    ['lens/annotate-tab', { tabId: 1 }],
    ['lens/tab-state', { tabId: 1 }],
    ['lens/show-sidebar', { tabId: 1 }],
    ['lens/set-paused', { host: 'reuters.com', paused: true }],
    ['lens/set-all-sites', { enabled: false }],
    ['checklist/overview', {}],
    ['checklist/delete-thesis', { id: 'alibaba-ai-cloud-h200' }],
    ['checklist/import-pack', { text: '{}' }],
    ['checklist/subscribe-feed', { url: 'https://evil.example/pack.json' }],
    ['checklist/export-pack', { id: 'alibaba-ai-cloud-h200' }],
  ])('a content script cannot ask for the privileged %s', async (type, payload) => {
    const reply = await send(contentScript('https://www.reuters.com/markets/a'), type, payload);
    expect(reply.ok).toBe(false);
    expect(reply.error).toMatch(/^rejected: .* is not accepted from a web page$/);
  });

  it('an extension page may, in a tab or in the popup', async () => {
    expect(await send(popup, 'clippings/count')).toEqual({ ok: true, data: { count: expect.any(Number) } });
    expect(await send(libraryTab, 'clippings/list')).toMatchObject({ ok: true, data: { total: expect.any(Number) } });
  });

  it('content-script messages are refused from extension pages where they name "this page"', async () => {
    expect(await send(popup, 'clippings/for-page', { url: 'https://www.reuters.com/a' })).toMatchObject({ ok: false });
    expect(await send(popup, 'lens/gate-hit', { url: 'https://www.reuters.com/a' })).toMatchObject({ ok: false });
  });
});

describe('a content script speaks for its own page only', () => {
  beforeEach(async () => {
    // Two sites' clippings in the library.
    const list = (await send(popup, 'clippings/list')) as { data: { clippings: Array<{ id: string }> } };
    for (const { id } of list.data.clippings) await send(popup, 'clippings/delete', { id });
    const reuters = draft(1, { note: 'private note on reuters' });
    reuters.page = { ...reuters.page, url: 'https://www.reuters.com/markets/alibaba-cloud', canonicalUrl: 'https://www.reuters.com/markets/alibaba-cloud' };
    const ft = draft(2, { note: 'private note on ft' });
    ft.page = { ...ft.page, url: 'https://www.ft.com/content/abc', canonicalUrl: 'https://www.ft.com/content/abc' };
    expect(await send(popup, 'clippings/save', { draft: reuters })).toMatchObject({ ok: true });
    expect(await send(popup, 'clippings/save', { draft: ft })).toMatchObject({ ok: true });
  });

  const notes = (reply: { ok: boolean; data?: unknown }) => (reply.data as { clippings: Array<{ note: string }> }).clippings.map((c) => c.note);

  it('its own page: the clippings saved there', async () => {
    const reply = await send(contentScript('https://www.reuters.com/markets/alibaba-cloud#top'), 'clippings/for-page', {});
    expect(notes(reply)).toEqual(['private note on reuters']);
  });

  it('a URL in the payload is ignored: another site\'s clippings stay hidden', async () => {
    const reply = await send(contentScript('https://www.reuters.com/markets/other'), 'clippings/for-page', { url: 'https://www.ft.com/content/abc' });
    expect(notes(reply)).toEqual([]);
  });

  it('a canonical link to another site is not honoured', async () => {
    const reply = await send(contentScript('https://www.reuters.com/markets/other'), 'clippings/for-page', { canonicalUrl: 'https://www.ft.com/content/abc' });
    expect(notes(reply)).toEqual([]);
  });

  it('a canonical link on the same site (another host of it) is honoured', async () => {
    const reply = await send(contentScript('https://amp.reuters.com/markets/alibaba-cloud-amp'), 'clippings/for-page', { canonicalUrl: 'https://www.reuters.com/markets/alibaba-cloud' });
    expect(notes(reply)).toEqual(['private note on reuters']);
  });

  it('a look-alike site is another site (reuters.com.evil.example, private suffixes)', async () => {
    const reply = await send(contentScript('https://reuters.com.evil.example/x'), 'clippings/for-page', { canonicalUrl: 'https://www.reuters.com/markets/alibaba-cloud' });
    expect(notes(reply)).toEqual([]);
  });

  it('a clipping saved from a page is filed under the sender\'s page, not the one the payload names', async () => {
    const forged = draft(3, { note: 'planted' });
    forged.page = { ...forged.page, url: 'https://www.ft.com/content/abc', canonicalUrl: 'https://www.ft.com/content/abc' };
    const reply = (await send(contentScript('https://www.reuters.com/markets/x?session=secret#frag'), 'clippings/save', { draft: forged })) as { ok: boolean; data: { clipping: { page: { url: string; canonicalUrl: string } } } };
    expect(reply.ok).toBe(true);
    expect(reply.data.clipping.page.url).toBe('https://www.reuters.com/markets/x?session=secret');
    expect(reply.data.clipping.page.canonicalUrl).toBe('https://www.reuters.com/markets/x?session=secret');
    const onFt = await send(contentScript('https://www.ft.com/content/abc'), 'clippings/for-page', {});
    expect(notes(onFt)).toEqual(['private note on ft']);
  });

  it('a tab report is stored for the sender\'s tab and URL, without its query', async () => {
    const report = { url: 'https://www.ft.com/forged', relevant: true, topics: ['alibaba'], claims: 2, theses: [] };
    expect(await send(contentScript('https://mail.example.com/inbox?sid=SESSION#m1', 42), 'lens/report', report)).toEqual({ ok: true, data: {} });
    const stored = await fakeBrowser.storage.session.get('lens-report:42');
    expect(stored['lens-report:42']).toMatchObject({ url: 'https://mail.example.com/inbox', claims: 2 });
    const state = await send(popup, 'lens/tab-state', { tabId: 42 });
    expect(state).toMatchObject({ ok: true, data: { report: { url: 'https://mail.example.com/inbox' } } });
  });
});

describe('soft navigations cannot keep the lens busy', () => {
  it('a page that changes its URL every 600 ms gets a bounded number of rescans from the background', async () => {
    const sent: unknown[] = [];
    const original = fakeBrowser.tabs.sendMessage;
    // A lens that answers (the polyfill calls with a callback, as Chrome's callback API).
    fakeBrowser.tabs.sendMessage = ((_tabId: number, message: unknown, ...rest: unknown[]) => {
      sent.push(message);
      const reply = { lens: true };
      const callback = rest.find((arg): arg is (value: unknown) => void => typeof arg === 'function');
      callback?.(reply);
      return Promise.resolve(reply);
    }) as unknown as typeof fakeBrowser.tabs.sendMessage;
    try {
      for (let i = 0; i < 30; i++) {
        const reply = await send(contentScript(`https://www.reuters.com/markets/live?page=${i}`, 77), 'lens/gate-hit', {});
        expect(reply).toEqual({ ok: true, data: { injected: true } });
      }
    } finally {
      fakeBrowser.tabs.sendMessage = original;
    }
    const { RESCAN_BURST } = await import('@/entrypoints/background/lens');
    expect(sent.filter((message) => (message as { type?: string }).type === 'lens/rescan')).toHaveLength(RESCAN_BURST);
  });

  it('the budget refills with time, per tab', async () => {
    const { takeRescan, RESCAN_BURST, RESCAN_REFILL_MS } = await import('@/entrypoints/background/lens');
    const start = 1_000_000;
    for (let i = 0; i < RESCAN_BURST; i++) expect(takeRescan(500, start)).toBe(true);
    expect(takeRescan(500, start + 1000)).toBe(false);
    expect(takeRescan(501, start + 1000)).toBe(true);
    expect(takeRescan(500, start + 1000 + RESCAN_REFILL_MS)).toBe(true);
    expect(takeRescan(500, start + 1000 + RESCAN_REFILL_MS)).toBe(false);
    // A new document in the tab starts with a full budget (the lens must be injected there).
    expect(takeRescan(500, start + 1000 + RESCAN_REFILL_MS, 'next-document')).toBe(true);
  });
});
