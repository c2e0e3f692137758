import { describe, expect, it } from 'vitest';
import { parsePack, type ThesisPack, type ThesisPackInput } from '@/lib/pack/schema';
import { latestStatus } from '@/lib/pack/status';
import { defaultPack } from '@/lib/pack/default-pack';
import { mergeThesis, resolveThesis } from '@/lib/checklist/merge';
import { addStatus, bundledRecord, editItem, enabledPacks, undoLastStatus, withBundled, type Clock } from '@/lib/checklist/theses';
import type { ChecklistState, FeedState, UserEntry } from '@/lib/checklist/records';

function pack(overrides: Partial<ThesisPackInput> = {}): ThesisPack {
  return parsePack({
    id: 'test-thesis',
    title: 'Test thesis',
    version: '1',
    topics: [{ id: 'main', title: 'Main', mentions: { en: ['Acme'], zh: [] } }],
    items: [
      {
        id: 'orders',
        kind: 'catalyst',
        title: 'Orders grow',
        matchers: [{ all: [{ en: ['orders'], zh: [] }] }],
        history: [{ date: '2026-01-01', status: 'pending', note: 'Nothing yet.' }],
      },
      {
        id: 'ban',
        kind: 'risk',
        title: 'A ban',
        matchers: [{ all: [{ en: ['ban'], zh: [] }] }],
        history: [{ date: '2026-01-01', status: 'at-risk', note: 'Talk of a ban.' }],
      },
    ],
    ...overrides,
  });
}

function userEntry(overrides: Partial<UserEntry>): UserEntry {
  return {
    id: overrides.id ?? 'u1',
    itemId: 'orders',
    date: '2026-02-01',
    status: 'on-track',
    note: 'Orders announced.',
    createdAt: '2026-02-01T10:00:00.000Z',
    updatedAt: '2026-02-01T10:00:00.000Z',
    deleted: false,
    ...overrides,
  };
}

let ids = 0;
const clock = (now = '2026-03-01T00:00:00.000Z'): Clock => ({ now, newId: () => `id-${++ids}` });

describe('mergeThesis', () => {
  it('makes the newest entry the latest status, with provenance kept', () => {
    const base = pack();
    const feed = pack({
      items: [
        {
          id: 'orders',
          kind: 'catalyst',
          title: 'Orders grow (feed title)',
          matchers: [{ all: [{ en: ['orders'], zh: [] }] }],
          history: [{ date: '2026-01-15', status: 'at-risk', note: 'Orders delayed.' }],
        },
      ],
    });
    const merged = mergeThesis(base, [{ url: 'https://feeds.example.com/acme.json', pack: feed }], {
      entries: [userEntry({ date: '2026-02-01' })],
      itemEdits: {},
    });
    const orders = merged.items.find((item) => item.id === 'orders')!;
    expect(orders.history.map((entry) => [entry.date, entry.origin])).toEqual([
      ['2026-01-01', 'bundled'],
      ['2026-01-15', 'feed'],
      ['2026-02-01', 'user'],
    ]);
    expect(orders.history[1]!.originUrl).toBe('https://feeds.example.com/acme.json');
    expect(latestStatus(orders)?.status).toBe('on-track');
    expect(orders.title).toBe('Orders grow'); // the base's definition, not the feed's
  });

  it('puts the user after the feed after the pack on the same date', () => {
    const feed = pack({
      items: [{ id: 'orders', kind: 'catalyst', title: 'x', matchers: [{ all: [{ en: ['orders'], zh: [] }] }], history: [{ date: '2026-01-01', status: 'broken', note: 'Feed says broken.' }] }],
    });
    const merged = mergeThesis(pack(), [{ url: 'https://f.example/p.json', pack: feed }], { entries: [userEntry({ date: '2026-01-01', status: 'confirmed' })], itemEdits: {} });
    const history = merged.items[0]!.history;
    expect(history.map((entry) => entry.origin)).toEqual(['bundled', 'feed', 'user']);
    expect(latestStatus(merged.items[0]!)?.status).toBe('confirmed');
  });

  it('shows an entry a feed repeats from the pack once', () => {
    const merged = mergeThesis(pack(), [{ url: 'https://f.example/p.json', pack: pack() }], { entries: [], itemEdits: {} });
    expect(merged.items[0]!.history).toHaveLength(1);
    expect(merged.items[0]!.history[0]!.origin).toBe('bundled');
  });

  it('applies item edits over the base and adds user items', () => {
    const merged = mergeThesis(pack(), [], {
      title: 'Renamed',
      entries: [userEntry({ itemId: 'new-item', id: 'n1' })],
      itemEdits: {
        orders: { title: 'Orders grow fast', updatedAt: '2026-02-01T00:00:00.000Z' },
        'new-item': { title: 'New item', kind: 'risk', matchers: [{ all: [{ en: ['strike'], zh: [] }] }], updatedAt: '2026-02-01T00:00:00.000Z' },
        ban: { removed: true, updatedAt: '2026-02-01T00:00:00.000Z' },
      },
    });
    expect(merged.title).toBe('Renamed');
    expect(merged.items.map((item) => [item.id, item.title])).toEqual([
      ['orders', 'Orders grow fast'],
      ['new-item', 'New item'],
    ]);
    expect(merged.items[0]!.matchers).toEqual(pack().items[0]!.matchers); // untouched fields stay
  });

  it('keeps the user layer over a new version of the bundled pack', () => {
    const state: ChecklistState = { theses: [bundledRecord(defaultPack, '2026-01-01T00:00:00.000Z')] };
    const itemId = defaultPack.items[0]!.id;
    const added = addStatus(state, { thesisId: defaultPack.id, itemId, date: '2026-06-01', status: 'broken', note: 'My own reading.' }, clock(), defaultPack);
    const edited = editItem(added.state, defaultPack.id, itemId, { title: 'My title' }, clock(), defaultPack, '2026-06-01');

    // The next release: the bundled pack gains an entry and retitles the item.
    const nextVersion: ThesisPack = {
      ...defaultPack,
      version: `${defaultPack.version}-next`,
      items: defaultPack.items.map((item, i) =>
        i === 0 ? { ...item, title: 'Retitled upstream', history: [...item.history, { date: '2026-05-01', status: 'confirmed', note: 'Upstream news.', origin: 'bundled' as const }] } : item,
      ),
    };
    const effective = resolveThesis(edited.theses[0]!, nextVersion, [])!;
    const item = effective.items[0]!;
    expect(item.title).toBe('My title');
    expect(item.history.some((entry) => entry.note === 'Upstream news.')).toBe(true);
    expect(latestStatus(item)).toMatchObject({ status: 'broken', note: 'My own reading.', origin: 'user' });
  });

  it('keeps the user layer over a feed update', () => {
    const url = 'https://feeds.example.com/acme.json';
    const v1: FeedState = { url, subscribedAt: 'x', pack: pack() };
    let state: ChecklistState = { theses: [] };
    state = { theses: [{ id: 'test-thesis', base: { kind: 'feed', url }, meta: { enabled: true, deleted: false, updatedAt: 'x' }, entries: [], itemEdits: {}, createdAt: 'x' }] };
    state = addStatus(state, { thesisId: 'test-thesis', itemId: 'ban', date: '2026-02-10', status: 'broken', note: 'Ban enacted.' }, clock(), resolveThesis(state.theses[0]!, undefined, [v1])).state;
    const v2: FeedState = {
      ...v1,
      pack: pack({
        version: '2',
        items: [...pack().items.map((item) => (item.id === 'ban' ? { ...item, history: [...item.history, { date: '2026-02-01', status: 'at-risk' as const, note: 'Ban debated.', origin: 'bundled' as const }] } : item))],
      }),
    };
    const ban = resolveThesis(state.theses[0]!, undefined, [v2])!.items.find((item) => item.id === 'ban')!;
    expect(ban.history.map((entry) => entry.note)).toEqual(['Talk of a ban.', 'Ban debated.', 'Ban enacted.']);
    expect(ban.history.slice(0, 2).every((entry) => entry.origin === 'feed' && entry.originUrl === url)).toBe(true);
    expect(latestStatus(ban)?.status).toBe('broken');
  });
});

describe('undo', () => {
  it('removes only the user’s last entry for the item, and restores the previous status', () => {
    let state = withBundled({ theses: [] }, defaultPack, '2026-01-01T00:00:00.000Z');
    const item = defaultPack.items[0]!;
    const before = latestStatus(item);
    state = addStatus(state, { thesisId: defaultPack.id, itemId: item.id, date: '2026-06-01', status: 'confirmed', note: 'First.' }, clock('2026-06-01T00:00:00.000Z'), defaultPack).state;
    state = addStatus(state, { thesisId: defaultPack.id, itemId: item.id, date: '2026-06-02', status: 'broken', note: 'Second.' }, clock('2026-06-02T00:00:00.000Z'), defaultPack).state;
    const other = defaultPack.items[1]!;
    state = addStatus(state, { thesisId: defaultPack.id, itemId: other.id, date: '2026-06-03', status: 'broken', note: 'Other.' }, clock('2026-06-03T00:00:00.000Z'), defaultPack).state;

    const undone = undoLastStatus(state, defaultPack.id, item.id, clock('2026-06-04T00:00:00.000Z'));
    expect(undone.removed?.note).toBe('Second.');
    let effective = enabledPacks(undone.state, defaultPack, [])[0]!;
    expect(latestStatus(effective.items[0]!)?.note).toBe('First.');
    expect(latestStatus(effective.items[1]!)?.note).toBe('Other.');
    expect(effective.items[0]!.history.filter((entry) => entry.origin !== 'user')).toEqual(item.history);

    const again = undoLastStatus(undone.state, defaultPack.id, item.id, clock('2026-06-05T00:00:00.000Z'));
    effective = enabledPacks(again.state, defaultPack, [])[0]!;
    expect(latestStatus(effective.items[0]!)).toEqual(before);
    // Nothing of the user's left for this item: undo does nothing (the pack's history is never rewritten).
    const none = undoLastStatus(again.state, defaultPack.id, item.id, clock());
    expect(none.removed).toBeUndefined();
    expect(none.state).toBe(again.state);
  });
});
