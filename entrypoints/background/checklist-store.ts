import { storage } from 'wxt/utils/storage';
import { defaultPack } from '@/lib/pack/default-pack';
import {
  FEEDS_RECORD_VERSION,
  THESES_RECORD_VERSION,
  feedsMigrations,
  parseStoredFeeds,
  parseStoredTheses,
  thesesMigrations,
  type ChecklistState,
  type FeedsState,
} from '@/lib/checklist/records';
import { withBundled, withFeedTheses, type Clock } from '@/lib/checklist/theses';

/**
 * The checklist's stored data and its only writer. Every change goes through `mutate`, one at
 * a time (a queue), so that two messages arriving together never lose each other's writes.
 * Records are parsed with zod on read; a corrupted one is reported and skipped, never fatal.
 */

export const THESES_KEY = 'checklist-theses';
export const FEEDS_KEY = 'checklist-feeds';

const thesesItem = storage.defineItem<unknown>(`local:${THESES_KEY}`, {
  fallback: null,
  version: THESES_RECORD_VERSION,
  migrations: thesesMigrations,
});
const feedsItem = storage.defineItem<unknown>(`local:${FEEDS_KEY}`, {
  fallback: null,
  version: FEEDS_RECORD_VERSION,
  migrations: feedsMigrations,
});

export interface Snapshot {
  theses: ChecklistState;
  feeds: FeedsState;
  problems: string[];
}

export function clock(): Clock {
  return { now: new Date().toISOString(), newId: () => crypto.randomUUID() };
}

let cache: Snapshot | null = null;
let queue: Promise<unknown> = Promise.resolve();
const listeners = new Set<() => void>();

/** Called after the effective packs may have changed (a write here, or sync from another browser). */
export function onPacksChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  for (const listener of listeners) {
    try {
      listener();
    } catch (error) {
      console.warn('Thesis Lens: a packs-changed listener failed.', error);
    }
  }
}

export async function readSnapshot(): Promise<Snapshot> {
  if (cache) return cache;
  const [rawTheses, rawFeeds] = await Promise.all([thesesItem.getValue(), feedsItem.getValue()]);
  const theses = parseStoredTheses(rawTheses);
  const feeds = parseStoredFeeds(rawFeeds);
  const now = new Date().toISOString();
  const state = withFeedTheses(withBundled(theses.value, defaultPack, now), feeds.value.feeds, now);
  for (const problem of [...theses.problems, ...feeds.problems]) console.warn(`Thesis Lens: ${problem}`);
  cache = { theses: state, feeds: feeds.value, problems: [...theses.problems, ...feeds.problems] };
  return cache;
}

/**
 * Runs `change` on the current data and stores what it returns (only the parts that changed).
 * Queued: changes never interleave. What `change` throws reaches the caller and nothing is written.
 */
export function mutate<T>(change: (snapshot: Snapshot) => Promise<{ theses?: ChecklistState; feeds?: FeedsState; result: T }> | { theses?: ChecklistState; feeds?: FeedsState; result: T }): Promise<T> {
  const run = queue.then(async () => {
    const snapshot = await readSnapshot();
    const { theses, feeds, result } = await change(snapshot);
    const nextFeeds = feeds ?? snapshot.feeds;
    const nextTheses = theses || feeds ? withFeedTheses(theses ?? snapshot.theses, nextFeeds.feeds, new Date().toISOString()) : snapshot.theses;
    const writes: Promise<void>[] = [];
    if (nextTheses !== snapshot.theses) writes.push(thesesItem.setValue(nextTheses));
    if (feeds) writes.push(feedsItem.setValue(feeds));
    cache = { theses: nextTheses, feeds: nextFeeds, problems: snapshot.problems };
    await Promise.all(writes);
    if (writes.length) notify();
    return result;
  });
  queue = run.catch(() => undefined);
  return run;
}

/**
 * The background is the only writer, but a stored value can still change under it (an update's
 * migration, a developer in the console, a test): then the cache is dropped and read again.
 */
export function watchStore(): void {
  const drop = (fresh: unknown, ours: unknown) => {
    if (JSON.stringify(fresh) === JSON.stringify(ours)) return;
    cache = null;
    notify();
  };
  thesesItem.watch((value) => drop(value, cache?.theses));
  feedsItem.watch((value) => drop(value, cache?.feeds));
}
