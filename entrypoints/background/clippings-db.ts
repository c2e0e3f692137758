import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import {
  CLIPPING_SCHEMA_VERSION,
  ClippingDraftSchema,
  ClippingEditableSchema,
  ClippingSchema,
  type Clipping,
  type ClippingDraftInput,
  type ClippingEditable,
} from '@/lib/clippings/schema';
import { migrateRecord } from '@/lib/clippings/migrations';
import { pageKey, pageKeysOf } from '@/lib/clippings/page-key';
import { duplicateKey, parseClippingsImport } from '@/lib/clippings/import';
import type { ClippingProblem } from '@/lib/messages/clippings';

/**
 * The clippings store: IndexedDB, written only by the background.
 *
 * Why IndexedDB rather than storage.local, for a library of 10,000 clippings (~1 KB each):
 * - each save is its own transaction on its own record, so ten tabs saving at once never
 *   overwrite one another (storage.local would need a read-modify-write of one big array,
 *   or one key per clipping and a separate, racy index);
 * - indexes answer "clippings of this page" (pageKeys) and "newest first" (createdAt) without
 *   loading the library;
 * - no 10 MB storage.local quota, so no `unlimitedStorage` permission to ask for.
 *
 * No browser.* here: it runs on fake-indexeddb in Node for the unit tests.
 *
 * Versions. Database version 1 (schemaVersion 1 records): store "clippings" keyed by id,
 * indexes "url" and "savedAt". Version 2 (schemaVersion 2 records): indexes "pageKeys"
 * (multi-entry: the URL seen and the canonical one), "createdAt", "itemIds" (multi-entry),
 * and a "quarantine" store for records that fail validation. The upgrade migrates every
 * record; records that cannot be migrated are quarantined, not dropped.
 */

export const CLIPPINGS_DB_NAME = 'thesis-lens-clippings';
export const CLIPPINGS_DB_VERSION = 2;

/** A clipping as stored: the clipping plus the derived keys its indexes read. */
export interface StoredClipping extends Clipping {
  pageKeys: string[];
  itemIds: string[];
}

interface QuarantinedRecord {
  key?: number;
  id: string | null;
  reason: string;
  quarantinedAt: string;
  raw: unknown;
}

interface ClippingsDb extends DBSchema {
  clippings: {
    key: string;
    // Typed as unknown: whatever is on disk is validated on read.
    value: unknown;
    indexes: { pageKeys: string; createdAt: string; itemIds: string };
  };
  quarantine: { key: number; value: QuarantinedRecord };
}

type UpgradeTransaction = IDBPTransaction<ClippingsDb, Array<'clippings' | 'quarantine'>, 'versionchange'>;

export function toStored(clipping: Clipping): StoredClipping {
  return { ...clipping, pageKeys: pageKeysOf(clipping.page), itemIds: [...new Set(clipping.items.map((ref) => ref.itemId))] };
}

function idOf(raw: unknown): string | null {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : null;
}

/** The version 1 layout (exported so that tests can build a real previous-version database). */
export function createV1Layout(db: IDBDatabase): void {
  const store = db.createObjectStore('clippings', { keyPath: 'id' });
  store.createIndex('url', 'url');
  store.createIndex('savedAt', 'savedAt');
}

async function upgradeToV2(tx: UpgradeTransaction, db: IDBPDatabase<ClippingsDb>): Promise<void> {
  const store = tx.objectStore('clippings');
  for (const name of [...store.indexNames]) store.deleteIndex(name as never);
  store.createIndex('pageKeys', 'pageKeys', { multiEntry: true });
  store.createIndex('createdAt', 'createdAt');
  store.createIndex('itemIds', 'itemIds', { multiEntry: true });
  if (!db.objectStoreNames.contains('quarantine')) db.createObjectStore('quarantine', { keyPath: 'key', autoIncrement: true });
  const quarantine = tx.objectStore('quarantine');
  const now = new Date().toISOString();
  for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
    const result = migrateRecord(cursor.value);
    if (result.ok) await cursor.update(toStored(result.clipping));
    else {
      await quarantine.add({ id: idOf(cursor.value), reason: `during upgrade: ${result.reason}`, quarantinedAt: now, raw: cursor.value });
      await cursor.delete();
    }
  }
}

export interface ClippingsStoreOptions {
  name?: string;
  now?: () => Date;
  newId?: () => string;
  /** Default MAX_LIBRARY_CLIPPINGS. */
  maxClippings?: number;
}

function sortNewestFirst(clippings: Clipping[]): Clipping[] {
  return clippings.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1));
}

export class ClippingNotFoundError extends Error {
  constructor(id: string) {
    super(`No clipping with id ${id}`);
  }
}

/**
 * The most clippings the library keeps (each is at most ~45 KB by its schema's limits, most
 * under 2 KB): a bound on what imports and saves can make it hold, checked before writing.
 */
export const MAX_LIBRARY_CLIPPINGS = 100_000;

export class ClippingsStore {
  /**
   * Validated clippings, newest first, kept current by this store's own writes (so that a
   * save does not cost a re-validation of the whole library). `generation` counts writes: a
   * full read that overlapped a write does not become the cache.
   */
  private cache: Clipping[] | null = null;
  private generation = 0;
  private readonly now: () => Date;
  private readonly newId: () => string;

  private constructor(
    readonly db: IDBPDatabase<ClippingsDb>,
    options: ClippingsStoreOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.maxClippings = options.maxClippings ?? MAX_LIBRARY_CLIPPINGS;
  }

  private readonly maxClippings: number;

  static async open(options: ClippingsStoreOptions = {}): Promise<ClippingsStore> {
    const db = await openDB<ClippingsDb>(options.name ?? CLIPPINGS_DB_NAME, CLIPPINGS_DB_VERSION, {
      async upgrade(db, oldVersion, _newVersion, tx) {
        if (oldVersion < 1) createV1Layout(db as unknown as IDBDatabase);
        if (oldVersion < 2) await upgradeToV2(tx, db);
      },
    });
    return new ClippingsStore(db, options);
  }

  close(): void {
    this.db.close();
  }

  private changed(apply: (all: Clipping[]) => Clipping[]): void {
    this.generation++;
    if (this.cache) this.cache = apply(this.cache);
  }

  private invalidate(): void {
    this.generation++;
    this.cache = null;
  }

  /** One transaction per save: concurrent saves from many tabs each land. */
  async save(input: ClippingDraftInput): Promise<Clipping> {
    const draft = ClippingDraftSchema.parse(input);
    if ((await this.db.count('clippings')) >= this.maxClippings) throw new Error(`Not saved: the library holds ${this.maxClippings} clippings, the most Thesis Lens keeps. Delete some first.`);
    const at = this.now().toISOString();
    const clipping = ClippingSchema.parse({ ...draft, schemaVersion: CLIPPING_SCHEMA_VERSION, id: this.newId(), createdAt: at, updatedAt: at });
    await this.db.add('clippings', toStored(clipping));
    this.changed((all) => [clipping, ...all]);
    return clipping;
  }

  async update(id: string, changes: Partial<ClippingEditable>): Promise<Clipping> {
    const patch = ClippingEditableSchema.partial().parse(changes);
    const tx = this.db.transaction('clippings', 'readwrite');
    const raw = await tx.store.get(id);
    if (raw === undefined) throw new ClippingNotFoundError(id);
    const current = migrateRecord(raw);
    if (!current.ok) throw new Error(`Clipping ${id} cannot be read: ${current.reason}`);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    const clipping = ClippingSchema.parse({ ...current.clipping, ...defined, updatedAt: this.now().toISOString() });
    await tx.store.put(toStored(clipping));
    await tx.done;
    this.changed((all) => all.map((c) => (c.id === id ? clipping : c)));
    return clipping;
  }

  async delete(id: string): Promise<Clipping | null> {
    const tx = this.db.transaction('clippings', 'readwrite');
    const raw = await tx.store.get(id);
    if (raw === undefined) return null;
    await tx.store.delete(id);
    await tx.done;
    this.changed((all) => all.filter((c) => c.id !== id));
    const read = migrateRecord(raw);
    return read.ok ? read.clipping : null;
  }

  /** Puts a clipping back with its id and dates (undo of a delete). */
  async restore(clipping: Clipping): Promise<Clipping> {
    const checked = ClippingSchema.parse(clipping);
    await this.db.put('clippings', toStored(checked));
    this.changed((all) => sortNewestFirst([checked, ...all.filter((c) => c.id !== checked.id)]));
    return checked;
  }

  async count(): Promise<number> {
    return (await this.all()).length;
  }

  /**
   * Every readable clipping, newest first. A record that fails validation is moved to the
   * quarantine store (reported by `problems()`), and the others load.
   */
  async all(): Promise<Clipping[]> {
    if (this.cache) return this.cache;
    const generation = this.generation;
    const raws = await this.db.getAll('clippings');
    const { clippings, broken } = this.readAll(raws);
    if (broken.length) await this.quarantine(broken);
    sortNewestFirst(clippings);
    if (generation === this.generation) this.cache = clippings;
    return clippings;
  }

  private readAll(raws: unknown[]): { clippings: Clipping[]; broken: Array<{ raw: unknown; reason: string }> } {
    const clippings: Clipping[] = [];
    const broken: Array<{ raw: unknown; reason: string }> = [];
    for (const raw of raws) {
      const result = migrateRecord(raw);
      if (result.ok) clippings.push(result.clipping);
      else broken.push({ raw, reason: result.reason });
    }
    return { clippings, broken };
  }

  private async quarantine(broken: Array<{ raw: unknown; reason: string }>): Promise<void> {
    const tx = this.db.transaction(['clippings', 'quarantine'], 'readwrite');
    const at = this.now().toISOString();
    for (const { raw, reason } of broken) {
      const id = idOf(raw);
      // Another read may have moved it already (two reads at once): set aside once.
      if (id !== null && (await tx.objectStore('clippings').get(id)) === undefined) continue;
      await tx.objectStore('quarantine').add({ id, reason, quarantinedAt: at, raw });
      if (id !== null) await tx.objectStore('clippings').delete(id);
    }
    await tx.done;
  }

  async problems(): Promise<ClippingProblem[]> {
    const records = await this.db.getAll('quarantine');
    return records.map((record) => {
      let preview: string;
      try {
        preview = JSON.stringify(record.raw)?.slice(0, 300) ?? String(record.raw);
      } catch {
        preview = String(record.raw).slice(0, 300);
      }
      return { key: record.key!, id: record.id, reason: record.reason, quarantinedAt: record.quarantinedAt, preview };
    });
  }

  /** Clippings filed under either address of a page, newest first. */
  async forPage(url: string, canonicalUrl?: string | null): Promise<Clipping[]> {
    const keys = [...new Set([pageKey(url), ...(canonicalUrl ? [pageKey(canonicalUrl)] : [])])];
    const tx = this.db.transaction('clippings', 'readonly');
    const raws = new Map<string, unknown>();
    for (const key of keys) for (const raw of await tx.store.index('pageKeys').getAll(key)) raws.set(idOf(raw) ?? String(raws.size), raw);
    await tx.done;
    const { clippings, broken } = this.readAll([...raws.values()]);
    if (broken.length) {
      await this.quarantine(broken);
      this.invalidate();
    }
    return sortNewestFirst(clippings);
  }

  /** Is anything filed under this page? (cheap: one index count per key) */
  async hasClippingsFor(url: string): Promise<boolean> {
    return (await this.db.countFromIndex('clippings', 'pageKeys', pageKey(url))) > 0;
  }

  /**
   * Imports an export file in one transaction: either every new clipping is written or,
   * on any error, none is. Duplicates of stored clippings (same source and selectors) are
   * skipped and counted.
   */
  async importFile(text: string): Promise<{ added: number; duplicates: number }> {
    const parsed = parseClippingsImport(text, { now: this.now(), newId: this.newId });
    const tx = this.db.transaction('clippings', 'readwrite');
    const existing = await tx.store.getAll();
    const existingKeys = new Set<string>();
    const existingIds = new Set<string>();
    for (const raw of existing) {
      const read = migrateRecord(raw);
      if (read.ok) existingKeys.add(duplicateKey(read.clipping));
      const id = idOf(raw);
      if (id) existingIds.add(id);
    }
    let added = 0;
    let duplicates = parsed.duplicatesInFile;
    // The library's total, checked before anything is written.
    const incoming = parsed.clippings.filter((clipping) => !existingKeys.has(duplicateKey(clipping))).length;
    if (existing.length + incoming > this.maxClippings) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new Error(
        `Import refused, nothing was changed: the library would hold ${existing.length + incoming} clippings, more than the ${this.maxClippings} Thesis Lens keeps (it has ${existing.length}).`,
      );
    }
    try {
      for (const clipping of parsed.clippings) {
        if (existingKeys.has(duplicateKey(clipping))) {
          duplicates++;
          continue;
        }
        const record = existingIds.has(clipping.id) ? { ...clipping, id: this.newId() } : clipping;
        existingIds.add(record.id);
        await tx.store.add(toStored(record));
        added++;
      }
      await tx.done;
    } catch (error) {
      // An add failed (quota, a constraint): abort so that nothing of this import stays.
      try {
        tx.abort();
      } catch {
        // already finished or aborted
      }
      throw new Error(`Import failed, nothing was changed: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.invalidate();
    return { added, duplicates };
  }
}
