import browser, { type Tabs } from 'webextension-polyfill';
import { contentScriptOf, type Handlers } from './router';
import { trustedCanonical, withoutFragment } from './trust';
import { ClippingsStore } from './clippings-db';
import { buildSearchIndex, countByItem, searchClippings, type SearchIndex } from '@/lib/clippings/search';
import type { Clipping } from '@/lib/clippings/schema';
import { findSameTarget } from '@/lib/clippings/same-target';
import { t } from '@/lib/i18n';
import type { ClipperCommand } from '@/lib/messages/clippings';

/**
 * Clippings: the store (the background is its only writer), saving a selection from the
 * context menu or the keyboard, and showing a page's clippings again when it is revisited.
 * The in-page part is the clipper content script (entrypoints/clipper.content), injected
 * on demand; the lens starts the same code when it runs on a page.
 */

const CLIPPER_SCRIPT = '/content-scripts/clipper.js';
const SAVE_MENU_ID = 'thesis-lens-save-selection';
export const LIBRARY_PAGE = '/library.html';

let storePromise: Promise<ClippingsStore> | null = null;
export function store(): Promise<ClippingsStore> {
  storePromise ??= ClippingsStore.open().catch((error) => {
    storePromise = null; // try again on the next message
    throw error;
  });
  return storePromise;
}

/** The search index over the cached library, rebuilt when the library changes. */
let searchCache: { source: Clipping[]; index: SearchIndex } | null = null;
async function searchIndex(): Promise<SearchIndex> {
  const all = await (await store()).all();
  if (searchCache?.source !== all) searchCache = { source: all, index: buildSearchIndex(all) };
  return searchCache.index;
}

// ---- The clipper in a tab ----

/**
 * True only when a clipper answered: other content scripts of ours (the gate, the lens) also
 * listen in the tab, and a message none of them answers still resolves (with undefined).
 */
async function sendToClipper(tabId: number, command: ClipperCommand): Promise<boolean> {
  try {
    const reply = (await browser.tabs.sendMessage(tabId, command, { frameId: 0 })) as { clipper?: boolean } | undefined;
    return reply?.clipper === true;
  } catch {
    return false;
  }
}

async function injectClipper(tabId: number): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [CLIPPER_SCRIPT] });
    return true;
  } catch {
    // No permission for this page (a browser page, the store) or the tab is gone: nothing to do.
    return false;
  }
}

/** Sends a command, injecting the clipper first if none listens; retries briefly while it starts. */
async function commandClipper(tabId: number, command: ClipperCommand): Promise<boolean> {
  if (await sendToClipper(tabId, command)) return true;
  if (!(await injectClipper(tabId))) return false;
  for (let attempt = 0; attempt < 30; attempt++) {
    if (await sendToClipper(tabId, command)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/** Library edits change what pages show: tell every clipper to reload (tabs without one ignore it). */
async function refreshOpenPages(): Promise<void> {
  let tabs: Tabs.Tab[] = [];
  try {
    tabs = await browser.tabs.query({});
  } catch {
    return;
  }
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : sendToClipper(tab.id, { type: 'clipper/refresh' }))));
}

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

// ---- Messages ----

export const clippingHandlers: Handlers<
  | 'clippings/count'
  | 'clippings/save'
  | 'clippings/update'
  | 'clippings/delete'
  | 'clippings/restore'
  | 'clippings/list'
  | 'clippings/count-by-item'
  | 'clippings/for-page'
  | 'clippings/problems'
  | 'clippings/import'
  | 'clippings/open-library'
  | 'clippings/attach'
> = {
  'clippings/count': async () => ({ count: await (await store()).count() }),
  'clippings/save': async ({ draft }, _sender, caller) => {
    if (caller.kind === 'content-script') {
      // A page names itself: its URL is the sender's, a canonical URL on another site is dropped.
      const url = withoutFragment(caller.url);
      draft = { ...draft, page: { ...draft.page, url, canonicalUrl: trustedCanonical(url, draft.page.canonicalUrl) ?? url } };
    }
    // The same passage saved again (a claim, a selection): edit its clipping, never a twin.
    const clippings = await store();
    const same = findSameTarget(await clippings.forPage(draft.page.url, draft.page.canonicalUrl), draft);
    if (!same) return { clipping: await clippings.save(draft) };
    const { note, tags, items, stance } = draft;
    return { clipping: await clippings.update(same.id, { note, tags, items, stance }) };
  },
  'clippings/update': async ({ id, changes }) => {
    const clipping = await (await store()).update(id, changes);
    void refreshOpenPages();
    return { clipping };
  },
  'clippings/delete': async ({ id }) => {
    const deleted = await (await store()).delete(id);
    void refreshOpenPages();
    return { deleted };
  },
  'clippings/restore': async ({ clipping }) => {
    const restored = await (await store()).restore(clipping);
    void refreshOpenPages();
    return { clipping: restored };
  },
  'clippings/list': async ({ filters, limit }) => {
    const matching = searchClippings(await searchIndex(), filters);
    return { clippings: limit ? matching.slice(0, limit) : matching, total: matching.length };
  },
  'clippings/count-by-item': async ({ thesisId }) => ({ counts: countByItem(await (await store()).all(), thesisId) }),
  'clippings/for-page': async ({ canonicalUrl }, _sender, caller) => {
    const url = withoutFragment(contentScriptOf(caller).url);
    return { clippings: await (await store()).forPage(url, trustedCanonical(url, canonicalUrl)) };
  },
  'clippings/problems': async () => ({ problems: await (await store()).problems() }),
  'clippings/import': async ({ text }) => {
    const result = await (await store()).importFile(text);
    if (result.added) void refreshOpenPages();
    return result;
  },
  'clippings/attach': async (_request, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new Error('this message must come from a tab');
    return { attached: await commandClipper(tabId, { type: 'clipper/refresh' }) };
  },
  'clippings/open-library': async ({ query }) => {
    const url = browser.runtime.getURL(LIBRARY_PAGE) + (query ? `?q=${encodeURIComponent(query)}` : '');
    await browser.tabs.create({ url });
    return {};
  },
};

export function setUpClippings(): void {
  browser.runtime.onInstalled.addListener(() => {
    // Menus persist with the profile: create once per install/update.
    browser.contextMenus.remove(SAVE_MENU_ID).catch(() => {}).finally(() => {
      browser.contextMenus.create({ id: SAVE_MENU_ID, title: t('clipper_menuSave'), contexts: ['selection'] });
    });
  });

  // Both grant activeTab, so the clipper can be injected into any page the reader is on.
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === SAVE_MENU_ID && tab?.id !== undefined) void commandClipper(tab.id, { type: 'clipper/save-selection' });
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'save-selection') return;
    void (async () => {
      const tabId = tab?.id ?? (await activeTabId());
      if (tabId !== undefined) await commandClipper(tabId, { type: 'clipper/save-selection' });
    })();
  });

  // A page with clippings, revisited: show them (where Thesis Lens may run: news sites, or all
  // sites once granted; `tab.url` is only visible to us there, so elsewhere this stays silent).
  browser.tabs.onUpdated.addListener((tabId, changeInfo, tab) => {
    if (changeInfo.status !== 'complete' || !tab.url || !/^https?:/.test(tab.url)) return;
    const url = tab.url;
    void (async () => {
      if (!(await (await store()).hasClippingsFor(url))) return;
      if (await sendToClipper(tabId, { type: 'clipper/refresh' })) return;
      await injectClipper(tabId);
    })().catch(() => {});
  });
}
