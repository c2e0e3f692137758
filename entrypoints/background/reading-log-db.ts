import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { READING_LOG_LIMIT, ReadingLogEntrySchema, type ReadingLogEntry } from '@/lib/evidence/schema';

/**
 * The reading log's store: its own IndexedDB database, written only by the background.
 *
 * Why its own database rather than a store in the clippings one: adding a store to the
 * clippings database means a version bump and an upgrade path in code that migrates the
 * library; a separate database cannot put the library at risk, and clearing the log is
 * clearing one store. Why IndexedDB: each recorded page is its own transaction, so two tabs
 * recording at once never overwrite one another, and 5,000 entries of up to 500 claims stay
 * out of storage.local's quota.
 *
 * Records are keyed by [thesisId, pageKey]: a page seen again replaces its entry. Corrupted
 * records are moved to the "quarantine" store (kept, reported), never silently dropped.
 * No browser.* here: it runs on fake-indexeddb in Node for the unit tests.
 */

export const READING_LOG_DB_NAME = 'thesis-lens-reading-log';
export const READING_LOG_DB_VERSION = 1;

interface QuarantinedEntry {
  key?: number;
  reason: string;
  quarantinedAt: string;
  raw: unknown;
}

interface ReadingLogDb extends DBSchema {
  entries: {
    key: [string, string];
    // Whatever is on disk is validated on read.
    value: unknown;
    indexes: { readAt: string; pageKey: string };
  };
  quarantine: { key: number; value: QuarantinedEntry };
}

export interface ReadingLogStoreOptions {
  name?: string;
  limit?: number;
  now?: () => Date;
}

export interface LogRead {
  entries: ReadingLogEntry[];
  /** Records that could not be read (set aside in the quarantine), described for the reader. */
  problems: string[];
}

function describe(error: { issues: Array<{ path: PropertyKey[]; message: string }> }): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(record)'}: ${issue.message}`)
    .join('; ');
}

export class ReadingLogStore {
  /** Validated entries, dropped by every write; `generation` counts writes, so a read that overlapped one is not cached. */
  private cache: ReadingLogEntry[] | null = null;
  private generation = 0;
  private readonly limit: number;
  private readonly now: () => Date;

  private constructor(
    readonly db: IDBPDatabase<ReadingLogDb>,
    options: ReadingLogStoreOptions,
  ) {
    this.limit = options.limit ?? READING_LOG_LIMIT;
    this.now = options.now ?? (() => new Date());
  }

  static async open(options: ReadingLogStoreOptions = {}): Promise<ReadingLogStore> {
    const db = await openDB<ReadingLogDb>(options.name ?? READING_LOG_DB_NAME, READING_LOG_DB_VERSION, {
      upgrade(db) {
        const entries = db.createObjectStore('entries', { keyPath: ['thesisId', 'pageKey'] });
        entries.createIndex('readAt', 'readAt');
        entries.createIndex('pageKey', 'pageKey');
        db.createObjectStore('quarantine', { keyPath: 'key', autoIncrement: true });
      },
    });
    return new ReadingLogStore(db, options);
  }

  close(): void {
    this.db.close();
  }

  /**
   * Records entries (one page, one per thesis) in one transaction: each replaces the page's
   * previous entry, then the oldest read are dropped until the log is within its bound. With
   * `onlyExisting`, an entry replaces one already there and is otherwise left out (checked in
   * the same transaction, so a clear cannot slip between the check and the write). Returns how
   * many entries were written.
   */
  async record(entries: readonly ReadingLogEntry[], { onlyExisting = false }: { onlyExisting?: boolean } = {}): Promise<number> {
    if (entries.length === 0) return 0;
    const valid = entries.map((entry) => ReadingLogEntrySchema.parse(entry));
    const tx = this.db.transaction('entries', 'readwrite');
    this.cache = null;
    this.generation++;
    let written = 0;
    for (const entry of valid) {
      if (onlyExisting && (await tx.store.getKey([entry.thesisId, entry.pageKey])) === undefined) continue;
      await tx.store.put(entry);
      written++;
    }
    let excess = (await tx.store.count()) - this.limit;
    for (let cursor = await tx.store.index('readAt').openCursor(); cursor && excess > 0; cursor = await cursor.continue()) {
      await cursor.delete();
      excess--;
    }
    await tx.done;
    this.cache = null;
    this.generation++;
    return written;
  }

  /** Every readable entry; unreadable records are moved to the quarantine and reported. */
  async read(): Promise<LogRead> {
    const cached = this.cache;
    if (cached) return { entries: cached, problems: await this.quarantineProblems() };
    const generation = this.generation;
    const tx = this.db.transaction(['entries', 'quarantine'], 'readwrite');
    const entries: ReadingLogEntry[] = [];
    const problems: string[] = [];
    const at = this.now().toISOString();
    for (let cursor = await tx.objectStore('entries').openCursor(); cursor; cursor = await cursor.continue()) {
      const parsed = ReadingLogEntrySchema.safeParse(cursor.value);
      if (parsed.success) {
        entries.push(parsed.data);
        continue;
      }
      const reason = `reading-log record for ${JSON.stringify(String(cursor.primaryKey).slice(0, 200))} is corrupted and was set aside, not deleted (${describe(parsed.error)})`;
      await tx.objectStore('quarantine').add({ reason, quarantinedAt: at, raw: cursor.value });
      await cursor.delete();
    }
    await tx.done;
    if (generation === this.generation) this.cache = entries;
    problems.push(...(await this.quarantineProblems()));
    return { entries, problems };
  }

  private async quarantineProblems(): Promise<string[]> {
    const kept = await this.db.getAll('quarantine');
    return kept.map((record) => `Kept aside since ${record.quarantinedAt.slice(0, 10)}: ${record.reason}`);
  }

  /** Removes every thesis's entry for a page. */
  async remove(pageKey: string): Promise<boolean> {
    const tx = this.db.transaction('entries', 'readwrite');
    this.cache = null;
    this.generation++;
    let removed = false;
    for (let cursor = await tx.store.index('pageKey').openCursor(pageKey); cursor; cursor = await cursor.continue()) {
      await cursor.delete();
      removed = true;
    }
    await tx.done;
    this.cache = null;
    this.generation++;
    return removed;
  }

  /** Empties the log (the quarantine too: clearing means nothing of what was read stays). */
  async clear(): Promise<number> {
    const tx = this.db.transaction(['entries', 'quarantine'], 'readwrite');
    this.cache = null;
    this.generation++;
    const count = await tx.objectStore('entries').count();
    await tx.objectStore('entries').clear();
    await tx.objectStore('quarantine').clear();
    await tx.done;
    this.cache = null;
    this.generation++;
    return count;
  }
}
