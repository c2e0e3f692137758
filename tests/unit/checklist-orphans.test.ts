import { describe, expect, it } from 'vitest';
import { parsePack } from '@/lib/pack/schema';
import { orphanedUserEntries, resolveThesis } from '@/lib/checklist/merge';
import type { FeedState, ThesisRecord, UserEntry } from '@/lib/checklist/records';

/** A feed renames an item: the user's own entries for the old id are shown, not hidden (issue 9). */

const pack = (itemId: string) =>
  parsePack({
    id: 'acme',
    title: 'Acme',
    version: itemId,
    topics: [{ id: 'acme', title: 'Acme', mentions: { en: ['Acme'], zh: [] } }],
    items: [{ id: itemId, kind: 'catalyst', title: 'Orders', matchers: [{ all: [{ en: ['orders'], zh: [] }] }], history: [{ date: '2026-01-01', status: 'pending', note: 'Nothing yet.' }] }],
  });

const entry = (id: string, itemId: string, date: string, note: string, deleted = false): UserEntry => ({
  id, itemId, date, status: 'at-risk', note, createdAt: `${date}T00:00:00.000Z`, updatedAt: `${date}T00:00:00.000Z`, deleted,
});

const URL_ = 'https://feeds.example.com/acme.json';
const record: ThesisRecord = {
  id: 'acme',
  base: { kind: 'feed', url: URL_ },
  meta: { enabled: true, deleted: false, updatedAt: '2026-01-01T00:00:00.000Z' },
  entries: [entry('a', 'orders', '2026-02-01', 'Orders slipped, my read'), entry('b', 'orders', '2026-03-01', 'Still slipping'), entry('c', 'orders', '2026-03-02', 'undone', true), entry('d', 'gone-by-me', '2026-03-01', 'x')],
  itemEdits: { 'gone-by-me': { removed: true, updatedAt: '2026-03-01T00:00:00.000Z' } },
  createdAt: '2026-01-01T00:00:00.000Z',
};
const feed = (itemId: string): FeedState => ({ url: URL_, subscribedAt: '2026-01-01T00:00:00.000Z', pack: pack(itemId) });

describe('orphaned user entries', () => {
  it('while the feed has the item, the entries are in its history and nothing is orphaned', () => {
    const effective = resolveThesis(record, undefined, [feed('orders')])!;
    expect(effective.items[0]!.history.map((h) => h.note)).toEqual(['Nothing yet.', 'Orders slipped, my read', 'Still slipping']);
    expect(orphanedUserEntries(record, effective).size).toBe(0);
  });

  it('after the feed renames the item, the user\'s live entries for the old id are listed, oldest first', () => {
    const effective = resolveThesis(record, undefined, [feed('orders-v2')])!;
    expect(effective.items.map((item) => item.id)).toEqual(['orders-v2']);
    const orphans = orphanedUserEntries(record, effective);
    expect([...orphans.keys()]).toEqual(['orders']);
    expect(orphans.get('orders')!.map((e) => e.note)).toEqual(['Orders slipped, my read', 'Still slipping']);
  });
});
