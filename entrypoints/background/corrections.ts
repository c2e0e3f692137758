import type { Runtime } from 'webextension-polyfill';
import { storage } from 'wxt/utils/storage';
import type { Correction } from '@/lib/corrections';
import { withoutFragment } from '@/lib/clippings/page-key';
import { CorrectionSchema } from '@/lib/corrections/schema';
import type { Handlers } from './router';

/** The reader's corrections, one list in storage.local; each record parsed on read. */
const correctionsItem = storage.defineItem<unknown[]>('local:lens-corrections', { fallback: [], version: 1 });
const MAX_CORRECTIONS = 5000;

async function readRaw(): Promise<unknown[]> {
  const raw = await correctionsItem.getValue();
  return Array.isArray(raw) ? raw : [];
}

/** The records that parse; the others stay stored as they are (never dropped by a write). */
export async function readAll(): Promise<Correction[]> {
  return (await readRaw()).flatMap((record) => {
    const parsed = CorrectionSchema.safeParse(record);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The sender tab's page, from the browser's record of the tab (never from the payload). */
function senderPage(sender: Runtime.MessageSender): string {
  const url = sender.tab?.url;
  if (!url || !/^https?:/.test(url)) throw new Error('corrections are made on a web page');
  return withoutFragment(url);
}

type CorrectionMessage = 'corrections/for-page' | 'corrections/add' | 'corrections/list' | 'corrections/remove';

export const correctionHandlers: Handlers<CorrectionMessage> = {
  'corrections/for-page': async (_payload, sender) => {
    const page = senderPage(sender);
    return { corrections: (await readAll()).filter((correction) => correction.pageUrl === page) };
  },
  'corrections/add': async (request, sender) => {
    const correction = CorrectionSchema.parse({ ...request, id: crypto.randomUUID(), pageUrl: senderPage(sender), createdAt: new Date().toISOString() });
    await correctionsItem.setValue([...(await readRaw()), correction].slice(-MAX_CORRECTIONS));
    return { correction };
  },
  // The whole list, and undo, are for the extension's own pages (the router refuses content scripts).
  'corrections/list': async () => ({ corrections: await readAll() }),
  'corrections/remove': async ({ id }) => {
    const all = await readRaw();
    const kept = all.filter((record) => (record as { id?: unknown } | null)?.id !== id);
    await correctionsItem.setValue(kept);
    return { removed: kept.length < all.length };
  },
};
