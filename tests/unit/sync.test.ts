import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import {
  chunkKey,
  compressText,
  decompressText,
  itemBytes,
  MANIFEST_KEY,
  mergeSyncedState,
  mergeThesisRecords,
  planSyncWrite,
  readSyncRecords,
  splitIntoChunks,
  SYNC_QUOTA,
  type SyncRecord,
} from '@/lib/checklist/sync';
import type { ThesisRecord, UserEntry } from '@/lib/checklist/records';

/** A fake `storage.sync` area that enforces Chrome's quotas the way Chrome counts them. */
function fakeSync(quota = SYNC_QUOTA) {
  const data: Record<string, unknown> = {};
  let writes = 0;
  return {
    data,
    get writes() {
      return writes;
    },
    apply(plan: { set: Record<string, unknown>; remove: string[] }) {
      writes++;
      for (const [key, value] of Object.entries(plan.set)) {
        if (itemBytes(key, value) > quota.perItem) throw new Error(`QUOTA_BYTES_PER_ITEM exceeded by ${key}`);
        data[key] = JSON.parse(JSON.stringify(value));
      }
      for (const key of plan.remove) delete data[key];
      const total = Object.entries(data).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
      if (total > quota.total) throw new Error('QUOTA_BYTES exceeded');
      if (Object.keys(data).length > quota.maxItems) throw new Error('MAX_ITEMS exceeded');
    },
  };
}

/** Text that deflate cannot shrink much: random bytes as base64 (6 bits of entropy per character). */
function incompressible(length: number): string {
  return randomBytes(Math.ceil((length * 3) / 4)).toString('base64').slice(0, length);
}

describe('itemBytes', () => {
  it('counts key + JSON-stringified value, in UTF-8 bytes', () => {
    expect(itemBytes('k', 'ab')).toBe(1 + 4);
    expect(itemBytes('k', { a: 1 })).toBe(1 + 7);
    expect(itemBytes('clé', '阿里')).toBe(4 + 8);
  });
});

describe('splitIntoChunks', () => {
  const id = 'th';
  const capacity0 = SYNC_QUOTA.perItem - chunkKey(id, 0).length - 2;

  it('empty data: no chunks', () => {
    expect(splitIntoChunks(id, '')).toEqual([]);
  });

  it('exactly at the per-item limit: one chunk, its item exactly 8192 bytes', () => {
    const chunks = splitIntoChunks(id, 'A'.repeat(capacity0));
    expect(chunks).toHaveLength(1);
    expect(itemBytes(chunkKey(id, 0), chunks[0])).toBe(SYNC_QUOTA.perItem);
  });

  it('one byte over: two chunks, each within the limit', () => {
    const chunks = splitIntoChunks(id, 'A'.repeat(capacity0 + 1));
    expect(chunks).toHaveLength(2);
    expect(chunks[1]).toBe('A');
    chunks.forEach((chunk, i) => expect(itemBytes(chunkKey(id, i), chunk)).toBeLessThanOrEqual(SYNC_QUOTA.perItem));
  });

  it('accounts for longer keys past chunk 9', () => {
    const data = 'B'.repeat(12 * capacity0);
    const chunks = splitIntoChunks(id, data);
    expect(chunks.join('')).toBe(data);
    chunks.forEach((chunk, i) => expect(itemBytes(chunkKey(id, i), chunk)).toBeLessThanOrEqual(SYNC_QUOTA.perItem));
    expect(itemBytes(chunkKey(id, 10), chunks[10])).toBe(SYNC_QUOTA.perItem);
  });
});

describe('compression', () => {
  it('round-trips text, Chinese included', async () => {
    const text = JSON.stringify({ note: '阿里云 revenue +34%', list: Array.from({ length: 200 }, (_, i) => i) });
    const packed = await compressText(text);
    expect(packed).toMatch(/^[A-Za-z0-9+/=]+$/);
    expect(packed.length).toBeLessThan(text.length);
    expect(await decompressText(packed)).toBe(text);
  });
});

describe('planSyncWrite / readSyncRecords', () => {
  it('round-trips records through a quota-enforcing store', async () => {
    const sync = fakeSync();
    const records: SyncRecord[] = [
      { id: 'a', value: { big: incompressible(20_000) } },
      { id: 'b', value: { small: true } },
      { id: 'empty', value: '' },
    ];
    const plan = await planSyncWrite(sync.data, records);
    expect(plan.full).toBe(false);
    if (plan.full) return;
    sync.apply(plan);
    expect(Object.keys(sync.data).filter((key) => key.startsWith('tl.a.')).length).toBeGreaterThan(2);
    const read = await readSyncRecords(sync.data);
    expect(read.problems).toEqual([]);
    expect(read.records).toEqual(records);
  });

  it('writes only the chunks that changed, and removes chunks no longer needed', async () => {
    const sync = fakeSync();
    const big = incompressible(20_000);
    const first = await planSyncWrite(sync.data, [{ id: 'a', value: big }, { id: 'b', value: 'one' }]);
    if (first.full) throw new Error('unexpected');
    sync.apply(first);
    const second = await planSyncWrite(sync.data, [{ id: 'a', value: big }, { id: 'b', value: 'two' }]);
    if (second.full) throw new Error('unexpected');
    expect(Object.keys(second.set).sort()).toEqual([MANIFEST_KEY, chunkKey('b', 0)].sort());
    expect(second.remove).toEqual([]);
    sync.apply(second);
    const third = await planSyncWrite(sync.data, [{ id: 'b', value: 'two' }]);
    if (third.full) throw new Error('unexpected');
    expect(Object.keys(third.set)).toEqual([MANIFEST_KEY]);
    expect(third.remove.length).toBeGreaterThan(2);
    expect(third.remove.every((key) => key.startsWith('tl.a.'))).toBe(true);
    sync.apply(third);
    expect((await readSyncRecords(sync.data)).records).toEqual([{ id: 'b', value: 'two' }]);
    // Nothing changed: nothing to write.
    const fourth = await planSyncWrite(sync.data, [{ id: 'b', value: 'two' }]);
    expect(fourth.full === false && Object.keys(fourth.set).length === 0 && fourth.remove.length === 0).toBe(true);
  });

  it('over the total quota: nothing written, "full" with the reason', async () => {
    const sync = fakeSync();
    const plan = await planSyncWrite(sync.data, [{ id: 'big', value: incompressible(120_000) }]);
    expect(plan.full).toBe(true);
    if (plan.full) expect(plan.reason).toMatch(/bytes \(sync allows 102400\)/);
  });

  it('at the item count limit: fits with 512 items, full with 513', async () => {
    // Records of one chunk each: the manifest + 511 records = 512 items.
    const quota = { ...SYNC_QUOTA, total: 10_000_000, perItem: 100_000 };
    const records = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, value: i }));
    const fits = await planSyncWrite({}, records(511), quota);
    expect(fits.full).toBe(false);
    expect(fits.items).toBe(512);
    const over = await planSyncWrite({}, records(512), quota);
    expect(over.full).toBe(true);
    if (over.full) expect(over.reason).toBe('513 items (sync allows 512)');
  });

  it('counts other features’ sync items against the quotas', async () => {
    const current = { 'prefs': 'x'.repeat(100_000) };
    const plan = await planSyncWrite(current, [{ id: 'a', value: incompressible(3_000) }]);
    expect(plan.full).toBe(true);
  });

  it('a record whose chunks are still arriving is left out and reported', async () => {
    const sync = fakeSync();
    const plan = await planSyncWrite(sync.data, [{ id: 'a', value: incompressible(20_000) }, { id: 'b', value: 1 }]);
    if (plan.full) throw new Error('unexpected');
    sync.apply(plan);
    delete sync.data[chunkKey('a', 1)];
    const read = await readSyncRecords(sync.data);
    expect(read.records).toEqual([{ id: 'b', value: 1 }]);
    expect(read.problems).toEqual(['sync: "a" is incomplete']);
    sync.data[chunkKey('a', 1)] = 'AAAA';
    expect((await readSyncRecords(sync.data)).problems[0]).toMatch(/^sync: "a" (does not match its hash|cannot be read)/);
  });
});

describe('merging records from another browser', () => {
  const entry = (id: string, updatedAt: string, extra: Partial<UserEntry> = {}): UserEntry => ({
    id,
    itemId: 'orders',
    date: '2026-02-01',
    status: 'on-track',
    note: `entry ${id}`,
    createdAt: updatedAt,
    updatedAt,
    deleted: false,
    ...extra,
  });
  const record = (overrides: Partial<ThesisRecord>): ThesisRecord => ({
    id: 'acme',
    base: { kind: 'bundled' },
    meta: { enabled: true, deleted: false, updatedAt: '2026-01-01T00:00:00Z' },
    entries: [],
    itemEdits: {},
    createdAt: '2026-01-01T00:00:00Z',
    ...overrides,
  });

  it('unions entries, newest wins per entry id (an undo tombstone included), newest metadata wins', () => {
    const local = record({
      entries: [entry('a', '2026-02-01T00:00:00Z'), entry('b', '2026-02-02T00:00:00Z')],
      meta: { enabled: true, deleted: false, updatedAt: '2026-02-05T00:00:00Z', title: 'Local title' },
    });
    const remote = record({
      entries: [entry('b', '2026-02-03T00:00:00Z', { deleted: true, createdAt: '2026-02-02T00:00:00Z' }), entry('c', '2026-02-04T00:00:00Z')],
      meta: { enabled: false, deleted: false, updatedAt: '2026-02-01T00:00:00Z', title: 'Old remote title' },
    });
    const merged = mergeThesisRecords(local, remote);
    expect(merged.entries.map((e) => [e.id, e.deleted])).toEqual([
      ['a', false],
      ['b', true],
      ['c', false],
    ]);
    expect(merged.meta.title).toBe('Local title');
    // Same data in either order: same record, so two browsers agree and stop writing.
    expect(JSON.stringify(mergeThesisRecords(remote, local))).toBe(JSON.stringify(merged));
  });

  it('adds theses that exist only remotely and reports invalid records', () => {
    const { state, problems } = mergeSyncedState({ theses: [record({})] }, [
      { id: 'other', value: record({ id: 'other' }) },
      { id: 'bad', value: { id: 'bad' } },
    ]);
    expect(state.theses.map((t) => t.id)).toEqual(['acme', 'other']);
    expect(problems).toEqual(['sync: "bad" is not a valid thesis record']);
  });

  it('returns the same state when nothing new arrived', () => {
    const local = { theses: [record({ entries: [entry('a', '2026-02-01T00:00:00Z')] })] };
    expect(mergeSyncedState(local, [{ id: 'acme', value: local.theses[0] }]).state).toBe(local);
  });
});
