import type { Runtime } from 'webextension-polyfill';
import { storage } from 'wxt/utils/storage';
import type { Handlers, Caller } from './router';
import { ReadingLogStore } from './reading-log-db';
import { readAll as readCorrections } from './corrections';
import { correctEntry, logEntryOf } from '@/lib/evidence/log';
import { ReadingLogSettingsSchema, type ReadingLogEntry, type ReadingLogSettings } from '@/lib/evidence/schema';
import type { ScanResult } from '@/lib/pipeline/types';
import type { Correction } from '@/lib/corrections';

/**
 * The reading log in the background (issue 12): what the reader read of relevant articles,
 * kept in this browser only (never sent anywhere, not synced), bounded, searchable, exportable,
 * clearable and switchable off. The background records an entry itself, from what it analysed
 * for a content script's tab (`recordReading`, called by lens/analyze): the page's address is
 * the sender's, never the payload's, and no page script can read, add or clear an entry.
 */

let storePromise: Promise<ReadingLogStore> | null = null;
export function readingLog(): Promise<ReadingLogStore> {
  storePromise ??= ReadingLogStore.open().catch((error) => {
    storePromise = null;
    throw error;
  });
  return storePromise;
}

/** Settings in storage.local; unreadable settings mean "off" (when in doubt, keep nothing). */
const settingsItem = storage.defineItem<unknown>('local:reading-log-settings', { fallback: { enabled: true } });

export async function readSettings(): Promise<ReadingLogSettings> {
  const parsed = ReadingLogSettingsSchema.safeParse(await settingsItem.getValue());
  return parsed.success ? parsed.data : { enabled: false };
}

/**
 * Records what lens/analyze found for a content script's page: one entry per thesis the page
 * is relevant to, after the reader's corrections. Nothing when the log is off, when the tab is
 * private (incognito), or when the caller is not a content script on a web page. With
 * `refreshOnly` (a page judged again because the checklist changed), only entries still in the
 * log are updated: a page open in a tab does not come back after the reader cleared the log.
 */
export async function recordReading(
  results: readonly ScanResult[],
  sender: Runtime.MessageSender,
  caller: Caller,
  corrections: readonly Correction[],
  { refreshOnly = false, now = new Date() }: { refreshOnly?: boolean; now?: Date } = {},
): Promise<number> {
  if (caller.kind !== 'content-script' || sender.tab?.incognito) return 0;
  if (!(await readSettings()).enabled) return 0;
  const page = { url: caller.url, readAt: now.toISOString() };
  const entries = results.flatMap((result) => logEntryOf(result, page, corrections) ?? []);
  return (await readingLog()).record(entries, { onlyExisting: refreshOnly });
}

/** Every entry, with the corrections the reader made since it was recorded. */
export async function readLog(): Promise<{ entries: ReadingLogEntry[]; problems: string[] }> {
  const [{ entries, problems }, corrections] = await Promise.all([readingLog().then((store) => store.read()), readCorrections()]);
  if (corrections.length === 0) return { entries, problems };
  // Grouped by page first: 5,000 entries × 5,000 corrections must not be a product.
  const byPage = new Map<string, Correction[]>();
  for (const correction of corrections) byPage.set(correction.pageUrl, [...(byPage.get(correction.pageUrl) ?? []), correction]);
  const corrected = entries.map((entry) => {
    const mine = byPage.get(entry.url);
    return mine ? correctEntry(entry, mine) : entry;
  });
  return { entries: corrected, problems };
}

function matches(entry: ReadingLogEntry, words: string[]): boolean {
  if (words.length === 0) return true;
  const haystack = [entry.title, entry.site, entry.url, ...entry.claims.map((claim) => claim.text)].join('\n').toLowerCase();
  return words.every((word) => haystack.includes(word));
}

type ReadingLogMessage = 'reading-log/list' | 'reading-log/export' | 'reading-log/remove' | 'reading-log/clear' | 'reading-log/settings';

export const readingLogHandlers: Handlers<ReadingLogMessage> = {
  'reading-log/list': async ({ query, offset, limit }) => {
    const [{ entries, problems }, settings] = await Promise.all([readLog(), readSettings()]);
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const found = entries.filter((entry) => matches(entry, words)).sort((a, b) => (a.readAt < b.readAt ? 1 : a.readAt > b.readAt ? -1 : a.pageKey.localeCompare(b.pageKey)));
    const rows = found.slice(offset, offset + limit).map(({ claims, ...row }) => ({ ...row, claimCount: claims.length }));
    return { rows, total: found.length, settings, problems };
  },
  'reading-log/export': async () => ({ entries: (await readLog()).entries }),
  'reading-log/remove': async ({ pageKey }) => ({ removed: await (await readingLog()).remove(pageKey) }),
  'reading-log/clear': async () => ({ cleared: await (await readingLog()).clear() }),
  'reading-log/settings': async ({ enabled }) => {
    if (enabled !== undefined) await settingsItem.setValue({ enabled });
    return readSettings();
  },
};
