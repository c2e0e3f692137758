import browser, { type Runtime } from 'webextension-polyfill';
import { storage } from 'wxt/utils/storage';
import { CorrectionSchema, pageKey, type Correction } from '@/lib/corrections';
import type { Handlers } from './router';

/** The reader's corrections, one list in storage.local; each record parsed on read. */
const correctionsItem = storage.defineItem<unknown[]>('local:lens-corrections', { fallback: [], version: 1 });
const MAX_CORRECTIONS = 5000;

async function readAll(): Promise<Correction[]> {
  const raw = await correctionsItem.getValue();
  return (Array.isArray(raw) ? raw : []).flatMap((record) => {
    const parsed = CorrectionSchema.safeParse(record);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The sender tab's page, from the browser's record of the tab (never from the payload). */
function senderPage(sender: Runtime.MessageSender): string {
  const url = sender.tab?.url;
  if (!url || !/^https?:/.test(url)) throw new Error('corrections are made on a web page');
  return pageKey(url);
}

/** The whole list, and undo, are for the extension's own pages (the checklist page), not for content scripts. */
function requireExtensionPage(sender: Runtime.MessageSender): void {
  if (!sender.url?.startsWith(browser.runtime.getURL('/'))) throw new Error('only the extension\u2019s own pages can do this');
}

type CorrectionMessage = 'corrections/for-page' | 'corrections/add' | 'corrections/list' | 'corrections/remove';

export const correctionHandlers: Handlers<CorrectionMessage> = {
  'corrections/for-page': async (_payload, sender) => {
    const page = senderPage(sender);
    return { corrections: (await readAll()).filter((correction) => correction.pageUrl === page) };
  },
  'corrections/add': async (request, sender) => {
    const correction = CorrectionSchema.parse({ ...request, id: crypto.randomUUID(), pageUrl: senderPage(sender), createdAt: new Date().toISOString() });
    const all = await readAll();
    await correctionsItem.setValue([...all, correction].slice(-MAX_CORRECTIONS));
    return { correction };
  },
  'corrections/list': async (_payload, sender) => {
    requireExtensionPage(sender);
    return { corrections: await readAll() };
  },
  'corrections/remove': async ({ id }, sender) => {
    requireExtensionPage(sender);
    const all = await readAll();
    const kept = all.filter((correction) => correction.id !== id);
    await correctionsItem.setValue(kept);
    return { removed: kept.length < all.length };
  },
};
