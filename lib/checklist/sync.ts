import { z } from 'zod';
import { ThesisRecordSchema, asTombstone, type ChecklistState, type ItemEdit, type ThesisMeta, type ThesisRecord, type UserEntry } from './records';

/**
 * The user's theses follow them through `storage.sync`, within its quotas. Each thesis record
 * (the user's layer and, for their own packs, the pack) is serialised, compressed
 * (deflate-raw) and base64-encoded, then split into items under the per-item limit; a
 * manifest item lists each record's chunk count and hash. Only chunks that changed are
 * written; a reader checks each record's hash before trusting it (chunks written by another
 * browser can arrive one by one). Feed caches and clippings never go to sync.
 *
 * Sizes are counted as Chrome counts them: the key's length plus the length of the
 * JSON-stringified value, in UTF-8 bytes.
 */

export const SYNC_QUOTA = {
  /** chrome.storage.sync.QUOTA_BYTES_PER_ITEM */
  perItem: 8192,
  /** chrome.storage.sync.QUOTA_BYTES */
  total: 102_400,
  /** chrome.storage.sync.MAX_ITEMS */
  maxItems: 512,
} as const;
export type SyncQuota = { perItem: number; total: number; maxItems: number };

export const SYNC_PREFIX = 'tl.';
export const MANIFEST_KEY = 'tl.manifest';

export function chunkKey(recordId: string, index: number): string {
  return `${SYNC_PREFIX}${recordId}.${index}`;
}

const encoder = new TextEncoder();
export function utf8Length(text: string): number {
  return encoder.encode(text).byteLength;
}

/** What one stored item costs against the quotas. */
export function itemBytes(key: string, value: unknown): number {
  return utf8Length(key) + utf8Length(JSON.stringify(value) ?? '');
}

/**
 * Splits an ASCII string (base64) into the fewest chunks whose items each fit `perItem`.
 * The capacity of each chunk depends on its key (chunk 10 has a longer key than chunk 9).
 */
export function splitIntoChunks(recordId: string, data: string, perItem: number = SYNC_QUOTA.perItem): string[] {
  const chunks: string[] = [];
  let offset = 0;
  while (offset < data.length) {
    // The value is a JSON string: two quotes around base64, which needs no escaping.
    const capacity = perItem - utf8Length(chunkKey(recordId, chunks.length)) - 2;
    if (capacity <= 0) throw new Error(`sync: key "${chunkKey(recordId, chunks.length)}" leaves no room in an item`);
    chunks.push(data.slice(offset, offset + capacity));
    offset += capacity;
  }
  return chunks;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function pipeBytes(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(transform as unknown as TransformStream<Uint8Array, Uint8Array>);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function compressText(text: string): Promise<string> {
  return toBase64(await pipeBytes(encoder.encode(text), new CompressionStream('deflate-raw')));
}

export async function decompressText(base64: string): Promise<string> {
  return new TextDecoder().decode(await pipeBytes(fromBase64(base64), new DecompressionStream('deflate-raw')));
}

export async function hashText(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  return Array.from(digest.subarray(0, 8), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export const ManifestSchema = z.object({
  v: z.literal(1),
  records: z.record(z.string(), z.object({ n: z.number().int().min(0), hash: z.string(), bytes: z.number().int().min(0) })),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export interface SyncRecord {
  id: string;
  value: unknown;
}

export type SyncPlan =
  | { full: false; set: Record<string, unknown>; remove: string[]; bytes: number; items: number }
  | { full: true; bytes: number; items: number; reason: string };

/**
 * What to write so that sync holds exactly `records`, given what it holds now (`current`, the
 * result of `storage.sync.get(null)`). Unchanged records are not even recompressed; within a
 * changed record, only chunks that differ are written. If the result would not fit the quotas,
 * nothing is written (`full`): the data stays local and the page says sync is full.
 */
export async function planSyncWrite(current: Record<string, unknown>, records: SyncRecord[], quota: SyncQuota = SYNC_QUOTA): Promise<SyncPlan> {
  const previous = ManifestSchema.safeParse(current[MANIFEST_KEY]);
  const oldRecords = previous.success ? previous.data.records : {};
  const manifest: Manifest = { v: 1, records: {} };
  const wanted: Record<string, unknown> = {};
  for (const record of records) {
    const json = JSON.stringify(record.value);
    const hash = await hashText(json);
    const old = oldRecords[record.id];
    const oldChunks = old ? Array.from({ length: old.n }, (_, i) => current[chunkKey(record.id, i)]) : [];
    if (old && old.hash === hash && oldChunks.every((chunk) => typeof chunk === 'string')) {
      manifest.records[record.id] = old;
      oldChunks.forEach((chunk, i) => (wanted[chunkKey(record.id, i)] = chunk));
      continue;
    }
    const chunks = splitIntoChunks(record.id, await compressText(json), quota.perItem);
    manifest.records[record.id] = { n: chunks.length, hash, bytes: utf8Length(json) };
    chunks.forEach((chunk, i) => (wanted[chunkKey(record.id, i)] = chunk));
  }
  wanted[MANIFEST_KEY] = manifest;

  const keys = Object.keys(wanted);
  const bytes = keys.reduce((sum, key) => sum + itemBytes(key, wanted[key]), 0);
  // Items of other features (keys without our prefix) count against the same quotas.
  const foreign = Object.keys(current).filter((key) => !key.startsWith(SYNC_PREFIX));
  const foreignBytes = foreign.reduce((sum, key) => sum + itemBytes(key, current[key]), 0);
  const items = keys.length + foreign.length;
  const manifestBytes = itemBytes(MANIFEST_KEY, manifest);
  if (manifestBytes > quota.perItem) return { full: true, bytes: bytes + foreignBytes, items, reason: `the list of theses is too long for one sync item (${manifestBytes} bytes)` };
  if (items > quota.maxItems) return { full: true, bytes: bytes + foreignBytes, items, reason: `${items} items (sync allows ${quota.maxItems})` };
  if (bytes + foreignBytes > quota.total) return { full: true, bytes: bytes + foreignBytes, items, reason: `${bytes + foreignBytes} bytes (sync allows ${quota.total})` };

  const set: Record<string, unknown> = {};
  for (const key of keys) if (JSON.stringify(current[key]) !== JSON.stringify(wanted[key])) set[key] = wanted[key];
  const remove = Object.keys(current).filter((key) => key.startsWith(SYNC_PREFIX) && !(key in wanted));
  return { full: false, set, remove, bytes: bytes + foreignBytes, items };
}

/**
 * Reassembles the records in sync. A record whose chunks are missing or whose hash does not
 * match (another browser's write still arriving, or damage) is left out and reported; the next
 * change event will bring it.
 */
export async function readSyncRecords(all: Record<string, unknown>): Promise<{ records: SyncRecord[]; problems: string[] }> {
  if (all[MANIFEST_KEY] === undefined) return { records: [], problems: [] };
  const manifest = ManifestSchema.safeParse(all[MANIFEST_KEY]);
  if (!manifest.success) return { records: [], problems: ['sync: the manifest is damaged'] };
  const records: SyncRecord[] = [];
  const problems: string[] = [];
  for (const [id, entry] of Object.entries(manifest.data.records)) {
    const chunks = Array.from({ length: entry.n }, (_, i) => all[chunkKey(id, i)]);
    if (!chunks.every((chunk): chunk is string => typeof chunk === 'string')) {
      problems.push(`sync: "${id}" is incomplete`);
      continue;
    }
    try {
      const json = entry.n === 0 ? '' : await decompressText(chunks.join(''));
      if ((await hashText(json)) !== entry.hash) {
        problems.push(`sync: "${id}" does not match its hash`);
        continue;
      }
      records.push({ id, value: JSON.parse(json) });
    } catch (error) {
      problems.push(`sync: "${id}" cannot be read (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  return { records, problems };
}

// ---------------------------------------------------------------- merging what arrives

function newer<T extends { updatedAt: string }>(a: T, b: T): T {
  return b.updatedAt > a.updatedAt ? b : a;
}

/**
 * The same record always serialises the same way, whatever order the entries arrived in:
 * otherwise two browsers holding the same data would keep rewriting each other's chunks.
 */
export function canonicalRecord(record: ThesisRecord): ThesisRecord {
  const entries = [...record.entries].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const itemEdits = Object.fromEntries(Object.keys(record.itemEdits).sort().map((key) => [key, record.itemEdits[key]!]));
  return { ...record, entries, itemEdits };
}

/** When a field of an edit or of the metadata was last set. */
function fieldTime(block: { updatedAt: string; fieldsUpdatedAt?: Record<string, string> }, field: string): string {
  return block.fieldsUpdatedAt?.[field] ?? block.updatedAt;
}

/**
 * Field by field: for each field, the value set last on either side (a title changed here and
 * matchers changed there both survive). Fields a side never set do not count.
 */
function mergeFields<T extends { updatedAt: string; fieldsUpdatedAt?: Record<string, string> }>(local: T, remote: T, fields: readonly string[], start: T): T {
  const merged: Record<string, unknown> = { ...start, fieldsUpdatedAt: { ...local.fieldsUpdatedAt, ...remote.fieldsUpdatedAt } };
  const times = merged.fieldsUpdatedAt as Record<string, string>;
  for (const field of fields) {
    const sides = [local, remote].filter((side) => (side as Record<string, unknown>)[field] !== undefined);
    if (!sides.length) {
      delete merged[field];
      delete times[field];
      continue;
    }
    const winner = sides.reduce((a, b) => (fieldTime(b, field) > fieldTime(a, field) ? b : a));
    merged[field] = (winner as Record<string, unknown>)[field];
    if (winner.fieldsUpdatedAt?.[field]) times[field] = winner.fieldsUpdatedAt[field];
    else delete times[field];
  }
  merged.updatedAt = local.updatedAt > remote.updatedAt ? local.updatedAt : remote.updatedAt;
  if (!Object.keys(times).length) delete merged.fieldsUpdatedAt;
  return merged as T;
}

const ITEM_EDIT_FIELDS = ['title', 'description', 'kind', 'matchers', 'cues', 'figures'] as const;
const META_FIELDS = ['title', 'description', 'topics', 'enabled'] as const;

function mergeItemEdits(local: ItemEdit, remote: ItemEdit): ItemEdit {
  // Removing (or restoring) an item is about the whole item: the later decision wins.
  if (local.removed || remote.removed) return newer(local, remote);
  const merged = mergeFields(local, remote, ITEM_EDIT_FIELDS, { ...local });
  if (local.added || remote.added) merged.added = true;
  return merged;
}

function mergeMeta(local: ThesisMeta, remote: ThesisMeta): ThesisMeta {
  const whole = newer(local, remote);
  if (whole.deleted) return whole;
  return mergeFields(local, remote, META_FIELDS, { ...whole });
}

/** One thesis from two browsers: newest wins per entry id, per field of each item edit and of the metadata; entries are a union. */
export function mergeThesisRecords(local: ThesisRecord, remote: ThesisRecord): ThesisRecord {
  const entries = new Map<string, UserEntry>();
  for (const entry of local.entries) entries.set(entry.id, entry);
  for (const entry of remote.entries) {
    const mine = entries.get(entry.id);
    entries.set(entry.id, mine ? newer(mine, entry) : entry);
  }
  const itemEdits = { ...local.itemEdits };
  for (const [itemId, edit] of Object.entries(remote.itemEdits)) itemEdits[itemId] = itemEdits[itemId] ? mergeItemEdits(itemEdits[itemId], edit) : edit;
  let base = local.base;
  if (remote.base.kind === 'pack' && (local.base.kind !== 'pack' || remote.base.updatedAt > local.base.updatedAt)) base = remote.base;
  const meta = mergeMeta(local.meta, remote.meta);
  // Deleted on either side, later than any change on the other: a tombstone, without content.
  if (meta.deleted) return canonicalRecord(asTombstone({ id: local.id, base, meta, entries: [], itemEdits: {}, createdAt: remote.createdAt < local.createdAt ? remote.createdAt : local.createdAt }));
  if (base.kind === 'deleted' && remote.base.kind !== 'deleted') base = remote.base;
  return canonicalRecord({
    id: local.id,
    base,
    meta,
    entries: [...entries.values()],
    itemEdits,
    createdAt: remote.createdAt < local.createdAt ? remote.createdAt : local.createdAt,
  });
}

/** Merges records read from sync into the local state; returns the same object when nothing changed. */
export function mergeSyncedState(local: ChecklistState, remote: SyncRecord[]): { state: ChecklistState; problems: string[] } {
  const problems: string[] = [];
  let theses = [...local.theses];
  let changed = false;
  for (const record of remote) {
    const parsed = ThesisRecordSchema.safeParse(record.value);
    if (!parsed.success) {
      problems.push(`sync: "${record.id}" is not a valid thesis record`);
      continue;
    }
    const index = theses.findIndex((thesis) => thesis.id === parsed.data.id);
    const next = index < 0 ? parsed.data : mergeThesisRecords(theses[index]!, parsed.data);
    if (index >= 0 && JSON.stringify(next) === JSON.stringify(canonicalRecord(theses[index]!))) continue;
    changed = true;
    theses = index < 0 ? [...theses, next] : theses.map((thesis, i) => (i === index ? next : thesis));
  }
  return { state: changed ? { theses } : local, problems };
}
