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
  type RejectedRecord,
} from '@/lib/checklist/records';
import { ChecklistError, withBundled, withFeedTheses, type Clock } from '@/lib/checklist/theses';

/**
 * The checklist's stored data and its only writer. Every change goes through `mutate`, one at
 * a time (a queue), so that two messages arriving together never lose each other's writes.
 *
 * Commit or nothing: a change is written first and becomes the in-memory state only once the
 * browser has stored it; a write that fails (quota, a broken profile) leaves both the store
 * and the state as they were, and the caller gets a clear error. Nothing is announced (to the
 * lens, to sync) that was not saved.
 *
 * Records are parsed with zod on read; a corrupted one is reported and kept aside under
 * `checklist-quarantine` with the next write (never dropped by it). A failed migration stops
 * every write until the extension is updated or reloaded, and the checklist page says so.
 */

export const THESES_KEY = 'checklist-theses';
export const FEEDS_KEY = 'checklist-feeds';
export const QUARANTINE_KEY = 'checklist-quarantine';

/**
 * The most the checklist may take in `storage.local` (whose quota is 10 MB without the
 * `unlimitedStorage` permission we do not ask for); the rest is left for settings, sync state
 * and the quarantine, so a full checklist never blocks them.
 */
export const MAX_STORED_BYTES = 8_000_000;

/** Why writes are stopped (a migration failed), or null. */
let writesBlocked: string | null = null;

/** WXT runs migrations when the item is defined and, if one throws, only logs it and hands back the old value: note the failure. */
function guarded(key: string, migrations: Record<number, (old: unknown) => unknown>): Record<number, (old: unknown) => unknown> {
  return Object.fromEntries(
    Object.entries(migrations).map(([version, migrate]) => [
      version,
      async (old: unknown) => {
        try {
          return await migrate(old);
        } catch (error) {
          writesBlocked = `the stored ${key} could not be upgraded to version ${version} (${error instanceof Error ? error.message : String(error)}). Nothing will be written until this is fixed; your data is left as it was.`;
          throw error;
        }
      },
    ]),
  );
}

const thesesItem = storage.defineItem<unknown>(`local:${THESES_KEY}`, {
  fallback: null,
  version: THESES_RECORD_VERSION,
  migrations: guarded('checklist', thesesMigrations),
});
const feedsItem = storage.defineItem<unknown>(`local:${FEEDS_KEY}`, {
  fallback: null,
  version: FEEDS_RECORD_VERSION,
  migrations: guarded('feeds', feedsMigrations),
});
/** Records that could not be read, as they were, with why and when they were set aside. */
const quarantineItem = storage.defineItem<unknown>(`local:${QUARANTINE_KEY}`, { fallback: [], version: 1 });

interface Quarantined {
  at: string;
  reason: string;
  raw: unknown;
}

export interface Snapshot {
  theses: ChecklistState;
  feeds: FeedsState;
  /** What the checklist page shows under "problems": corrupted records, a failed migration. */
  problems: string[];
  /** Corrupted records found on this read, not yet in the quarantine (they move there when their list is next written). */
  rejected: { theses: RejectedRecord[]; feeds: RejectedRecord[] };
}

export function clock(): Clock {
  return { now: new Date().toISOString(), newId: () => crypto.randomUUID() };
}

let cache: Snapshot | null = null;
let queue: Promise<unknown> = Promise.resolve();
/** Values being written now: the storage watcher must not mistake them for someone else's. */
let inFlight: { theses?: unknown; feeds?: unknown } = {};
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

function quarantined(raw: unknown): Quarantined[] {
  return Array.isArray(raw) ? (raw.filter((entry) => entry && typeof entry === 'object' && typeof (entry as Quarantined).reason === 'string') as Quarantined[]) : [];
}

export async function readSnapshot(): Promise<Snapshot> {
  if (cache) return cache;
  const [rawTheses, rawFeeds, rawQuarantine] = await Promise.all([thesesItem.getValue(), feedsItem.getValue(), quarantineItem.getValue()]);
  const theses = parseStoredTheses(rawTheses);
  const feeds = parseStoredFeeds(rawFeeds);
  const now = new Date().toISOString();
  const state = withFeedTheses(withBundled(theses.value, defaultPack, now), feeds.value.feeds, now);
  const problems = [
    ...(writesBlocked ? [`Changes are not being saved: ${writesBlocked}`] : []),
    ...theses.problems,
    ...feeds.problems,
    ...quarantined(rawQuarantine).map((entry) => `Kept aside since ${entry.at.slice(0, 10)}: ${entry.reason}`),
  ];
  for (const problem of [...theses.problems, ...feeds.problems]) console.warn(`Thesis Lens: ${problem}`);
  cache = { theses: state, feeds: feeds.value, problems, rejected: { theses: theses.rejected, feeds: feeds.rejected } };
  return cache;
}

/** Bytes of a value as the browser stores it (JSON, UTF-8). */
export function storedBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value) ?? '').length;
}

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

/** The browser refused the write: say so plainly (the usual cause is its quota). */
function writeError(error: unknown): ChecklistError {
  const message = error instanceof Error ? error.message : String(error);
  const full = /quota/i.test(message);
  return new ChecklistError(
    full
      ? `Not saved: the browser's storage for Thesis Lens is full (${message}). Nothing was changed; delete a thesis or some feeds to make room.`
      : `Not saved: the browser could not store the change (${message}). Nothing was changed.`,
  );
}

/**
 * Runs `change` on the current data and stores what it returns (only the parts that changed).
 * Queued: changes never interleave. What `change` throws reaches the caller and nothing is
 * written; a write the browser refuses changes nothing either, in storage or in memory.
 */
export function mutate<T>(change: (snapshot: Snapshot) => Promise<{ theses?: ChecklistState; feeds?: FeedsState; result: T }> | { theses?: ChecklistState; feeds?: FeedsState; result: T }): Promise<T> {
  const run = queue.then(async () => {
    const snapshot = await readSnapshot();
    const { theses, feeds, result } = await change(snapshot);
    const nextFeeds = feeds ?? snapshot.feeds;
    const nextTheses = theses || feeds ? withFeedTheses(theses ?? snapshot.theses, nextFeeds.feeds, new Date().toISOString()) : snapshot.theses;
    const writeTheses = nextTheses !== snapshot.theses;
    if (!writeTheses && !feeds) return result;
    if (writesBlocked) throw new ChecklistError(`Not saved: ${writesBlocked}`);

    const bytes = storedBytes(nextTheses) + storedBytes(nextFeeds);
    if (bytes > MAX_STORED_BYTES) {
      throw new ChecklistError(`Not saved: the checklist would take ${megabytes(bytes)}, more than the ${megabytes(MAX_STORED_BYTES)} Thesis Lens keeps in this browser. Nothing was changed.`);
    }

    // Each record with its version (WXT's meta key), as `setValue` would write it.
    const writes: Array<{ key: `local:${string}`; value: unknown }> = [];
    if (writeTheses) writes.push({ key: `local:${THESES_KEY}`, value: nextTheses }, { key: `local:${THESES_KEY}$`, value: { v: THESES_RECORD_VERSION } });
    if (feeds) writes.push({ key: `local:${FEEDS_KEY}`, value: feeds }, { key: `local:${FEEDS_KEY}$`, value: { v: FEEDS_RECORD_VERSION } });
    // Corrupted records leave their list with this write: keep them aside in the same write.
    const setAside = [...(writeTheses ? snapshot.rejected.theses : []), ...(feeds ? snapshot.rejected.feeds : [])];
    if (setAside.length) {
      const at = new Date().toISOString();
      writes.push({ key: `local:${QUARANTINE_KEY}`, value: [...quarantined(await quarantineItem.getValue()), ...setAside.map(({ raw, reason }) => ({ at, reason, raw }))] });
    }
    inFlight = { theses: writeTheses ? nextTheses : undefined, feeds };
    try {
      // One call: the browser stores all of it or none of it.
      await storage.setItems(writes);
    } catch (error) {
      throw writeError(error);
    } finally {
      inFlight = {};
    }
    cache = { theses: nextTheses, feeds: nextFeeds, problems: snapshot.problems, rejected: { theses: writeTheses ? [] : snapshot.rejected.theses, feeds: feeds ? [] : snapshot.rejected.feeds } };
    // The quarantine grew: read everything again, so the page lists what is kept aside.
    if (setAside.length) cache = null;
    notify();
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
  const drop = (fresh: unknown, ours: unknown, writing: unknown) => {
    const text = JSON.stringify(fresh);
    if (text === JSON.stringify(ours) || (writing !== undefined && text === JSON.stringify(writing))) return;
    cache = null;
    notify();
  };
  thesesItem.watch((value) => drop(value, cache?.theses, inFlight.theses));
  feedsItem.watch((value) => drop(value, cache?.feeds, inFlight.feeds));
}
