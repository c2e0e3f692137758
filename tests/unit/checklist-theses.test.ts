import { describe, expect, it } from 'vitest';
import { defaultPack } from '@/lib/pack/default-pack';
import { latestStatus } from '@/lib/pack/status';
import { parsePack } from '@/lib/pack/schema';
import {
  addStatus,
  ChecklistError,
  createThesis,
  deleteThesis,
  detachFeed,
  duplicateThesis,
  editItem,
  editThesis,
  effectiveTheses,
  enabledPacks,
  exportPack,
  importPack,
  removeItem,
  slugify,
  undoLastStatus,
  uniqueId,
  withBundled,
  withFeedTheses,
  type Clock,
} from '@/lib/checklist/theses';
import { parseStoredFeeds, parseStoredTheses, type ChecklistState, type FeedState } from '@/lib/checklist/records';

let n = 0;
const clock = (now = '2026-03-01T00:00:00.000Z'): Clock => ({ now, newId: () => `id-${++n}` });
const fresh = (): ChecklistState => withBundled({ theses: [] }, defaultPack, '2026-01-01T00:00:00.000Z');
const TODAY = '2026-03-01';

describe('theses', () => {
  it('starts with the bundled default, enabled', () => {
    const packs = enabledPacks(fresh(), defaultPack, []);
    expect(packs).toHaveLength(1);
    expect(packs[0]).toEqual(defaultPack);
  });

  it('creates a thesis with its own matchers, enabled, valid as a pack', () => {
    const { state, id } = createThesis(
      fresh(),
      { title: 'Tesla: robotaxi', mentions: { en: ['Tesla', ' '], zh: ['特斯拉'] }, firstItem: { title: 'Robotaxi launch', kind: 'catalyst', matchers: { en: ['robotaxi*'], zh: [] } } },
      clock(),
      TODAY,
    );
    expect(id).toBe('tesla-robotaxi');
    const packs = enabledPacks(state, defaultPack, []);
    const tesla = packs.find((pack) => pack.id === id)!;
    expect(tesla.topics[0]!.mentions).toEqual({ en: ['Tesla'], zh: ['特斯拉'] });
    expect(tesla.items[0]).toMatchObject({ id: 'robotaxi-launch', kind: 'catalyst', matchers: [{ all: [{ en: ['robotaxi*'], zh: [] }] }] });
    expect(latestStatus(tesla.items[0]!)).toMatchObject({ date: TODAY, status: 'pending', origin: 'user' });
    expect(() => parsePack(tesla)).not.toThrow();
  });

  it('refuses a thesis without terms, and changes nothing', () => {
    const state = fresh();
    expect(() => createThesis(state, { title: 'X', mentions: { en: [], zh: [] }, firstItem: { title: 'a', kind: 'risk', matchers: { en: ['a'], zh: [] } } }, clock(), TODAY)).toThrow(ChecklistError);
    expect(state.theses).toHaveLength(1);
  });

  it('creates from a template, renames, disables, duplicates, deletes', () => {
    let { state, id } = createThesis(fresh(), { title: 'My Alibaba', template: defaultPack }, clock(), TODAY);
    expect(enabledPacks(state, defaultPack, []).find((pack) => pack.id === id)!.items).toHaveLength(defaultPack.items.length);
    state = editThesis(state, id, { title: 'Alibaba, my way', enabled: false }, clock());
    expect(enabledPacks(state, defaultPack, []).map((pack) => pack.id)).toEqual([defaultPack.id]);
    const view = effectiveTheses(state, defaultPack, []).find((candidate) => candidate.record.id === id)!;
    expect(view.pack!.title).toBe('Alibaba, my way');

    const copy = duplicateThesis(state, defaultPack.id, enabledPacks(state, defaultPack, [])[0]!, clock());
    expect(copy.id).toBe(`${defaultPack.id}-copy`);
    state = copy.state;
    state = deleteThesis(state, id, clock());
    expect(effectiveTheses(state, defaultPack, []).map((candidate) => candidate.record.id)).toEqual([defaultPack.id, copy.id]);
    expect(() => deleteThesis(state, defaultPack.id, clock())).toThrow('The bundled thesis cannot be deleted; disable it instead.');
  });

  it('edits, adds and removes items in the user layer; the bundled base is untouched', () => {
    let state = fresh();
    const effective = () => enabledPacks(state, defaultPack, [])[0]!;
    const first = defaultPack.items[0]!;
    state = editItem(state, defaultPack.id, first.id, { title: 'Edited', matchers: [{ all: [{ en: ['foo'], zh: ['福'] }] }] }, clock(), effective(), TODAY);
    expect(effective().items[0]).toMatchObject({ id: first.id, title: 'Edited', matchers: [{ all: [{ en: ['foo'], zh: ['福'] }] }], description: first.description });
    state = editItem(state, defaultPack.id, 'new-risk', { title: 'New risk', kind: 'risk', matchers: [{ all: [{ en: ['strike'], zh: [] }] }] }, clock(), effective(), TODAY);
    expect(effective().items.at(-1)).toMatchObject({ id: 'new-risk', kind: 'risk' });
    expect(() => editItem(state, defaultPack.id, 'incomplete', { title: 'No kind' }, clock(), effective(), TODAY)).toThrow('A new item needs a title, a kind and at least one matcher.');
    // The first status of an item the user added is not undoable (remove the item instead).
    expect(() => undoLastStatus(state, defaultPack.id, 'new-risk', clock())).toThrow(ChecklistError);
    state = removeItem(state, defaultPack.id, first.id, clock(), effective());
    expect(effective().items.some((item) => item.id === first.id)).toBe(false);
    expect(defaultPack.items[0]).toBe(first);
  });

  it('slugs and unique ids', () => {
    expect(slugify('Alibaba: AI cloud — H200!')).toBe('alibaba-ai-cloud-h200');
    expect(slugify('阿里巴巴')).toBe('thesis');
    expect(uniqueId('a', ['a', 'a-2'])).toBe('a-3');
  });
});

describe('packs: export and import', () => {
  it('round-trips a thesis through export and import (keep both → new id)', () => {
    let state = fresh();
    state = addStatus(state, { thesisId: defaultPack.id, itemId: defaultPack.items[0]!.id, date: '2026-03-01', status: 'broken', note: 'Mine.' }, clock(), defaultPack).state;
    const effective = enabledPacks(state, defaultPack, [])[0]!;
    const file = exportPack(effective);
    expect(file.filename).toBe(`${defaultPack.id}.thesis.json`);
    const conflict = importPack(state, JSON.parse(file.json), 'ask', clock());
    expect(conflict).toEqual({ status: 'conflict', id: defaultPack.id, title: defaultPack.title });
    const both = importPack(state, JSON.parse(file.json), 'keep-both', clock());
    if (both.status !== 'imported') throw new Error(both.status);
    expect(both.id).toBe(`${defaultPack.id}-2`);
    const imported = enabledPacks(both.state, defaultPack, []).find((pack) => pack.id === both.id)!;
    expect(imported.items).toEqual(effective.items);
    expect(latestStatus(imported.items[0]!)).toMatchObject({ note: 'Mine.', origin: 'user' });
  });

  it('replace swaps the base and keeps the user’s entries', () => {
    let { state, id } = createThesis(fresh(), { title: 'Acme', mentions: { en: ['Acme'], zh: [] }, firstItem: { title: 'Orders', kind: 'catalyst', matchers: { en: ['orders'], zh: [] } } }, clock(), TODAY);
    state = addStatus(state, { thesisId: id, itemId: 'orders', date: '2026-03-02', status: 'on-track', note: 'Up.' }, clock(), undefined).state;
    const replacement = { ...enabledPacks(state, defaultPack, []).find((pack) => pack.id === id)!, title: 'Acme v2', version: '2' };
    replacement.items = replacement.items.map((item) => ({ ...item, history: item.history.filter((entry) => entry.origin !== 'user' || entry.note !== 'Up.') }));
    const replaced = importPack(state, replacement, 'replace', clock());
    if (replaced.status !== 'imported') throw new Error(replaced.status);
    const pack = enabledPacks(replaced.state, defaultPack, []).find((candidate) => candidate.id === id)!;
    expect(pack.title).toBe('Acme v2');
    expect(latestStatus(pack.items[0]!)?.note).toBe('Up.');
  });

  it('refuses an invalid pack with each problem’s exact path, and changes nothing', () => {
    const state = fresh();
    const broken = structuredClone(defaultPack) as unknown as { items: Array<Record<string, unknown> & { history: Array<Record<string, unknown>> }>; topics: unknown[] };
    broken.items[2]!.history[0]!.status = 'great';
    broken.items[3]!.kind = 'hope';
    delete broken.items[4]!.title;
    broken.topics = [];
    const outcome = importPack(state, broken, 'ask', clock());
    expect(outcome.status).toBe('invalid');
    if (outcome.status !== 'invalid') return;
    expect(outcome.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^topics: /),
        expect.stringMatching(/^items\[2\]\.history\[0\]\.status: /),
        expect.stringMatching(/^items\[3\]\.kind: /),
        expect.stringMatching(/^items\[4\]\.title: /),
      ]),
    );
    expect(outcome.problems).toHaveLength(4);
    expect(state).toEqual(fresh());
  });

  it('refuses duplicate item ids with the path of the second', () => {
    const pack = structuredClone(defaultPack);
    pack.items[1]!.id = pack.items[0]!.id;
    const outcome = importPack(fresh(), pack, 'ask', clock());
    expect(outcome).toEqual({ status: 'invalid', problems: [`items[1].id: duplicate item id "${pack.items[0]!.id}"`] });
  });
});

describe('feed theses', () => {
  const url = 'https://feeds.example.com/acme.json';
  const acme = parsePack({
    id: 'acme',
    title: 'Acme',
    version: '1',
    topics: [{ id: 'acme', title: 'Acme', mentions: { en: ['Acme'], zh: [] } }],
    items: [{ id: 'orders', kind: 'catalyst', title: 'Orders', matchers: [{ all: [{ en: ['orders'], zh: [] }] }], history: [{ date: '2026-01-01', status: 'pending', note: 'Nothing yet.' }] }],
  });
  const feed: FeedState = { url, subscribedAt: 'x', pack: acme };

  it('a feed with a new pack id becomes a thesis; one with an existing id layers over it', () => {
    let state = withFeedTheses(fresh(), [feed], '2026-03-01T00:00:00.000Z');
    expect(enabledPacks(state, defaultPack, [feed]).map((pack) => pack.id)).toEqual([defaultPack.id, 'acme']);
    const updates: FeedState = {
      url: 'https://feeds.example.com/alibaba.json',
      subscribedAt: 'x',
      pack: { ...defaultPack, items: [{ ...defaultPack.items[0]!, history: [{ date: '2026-07-01', status: 'confirmed', note: 'Feed news.', origin: 'bundled' }] }] },
    };
    state = withFeedTheses(state, [feed, updates], '2026-03-01T00:00:00.000Z');
    const main = enabledPacks(state, defaultPack, [feed, updates])[0]!;
    expect(latestStatus(main.items[0]!)).toMatchObject({ note: 'Feed news.', origin: 'feed', originUrl: updates.url });
    // Unsubscribing keeps the last good version as the user's own pack.
    state = detachFeed(state, feed, '2026-03-02T00:00:00.000Z');
    expect(enabledPacks(state, defaultPack, []).map((pack) => pack.id)).toEqual([defaultPack.id, 'acme']);
  });
});

describe('stored records', () => {
  it('sets a corrupted thesis record aside (returned as it was, with the reason), keeping the others', () => {
    const good = fresh().theses[0]!;
    const broken = { id: 'broken-one', base: { kind: 'nope' } };
    const { value, problems, rejected } = parseStoredTheses({ theses: [good, broken] });
    expect(value.theses).toEqual([good]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^stored thesis #2 "broken-one" is corrupted and was set aside, not deleted \(/);
    expect(rejected).toEqual([{ raw: broken, reason: problems[0] }]);
  });

  it('reads nothing stored as empty, and garbage as empty with a report', () => {
    expect(parseStoredTheses(null)).toEqual({ value: { theses: [] }, problems: [], rejected: [] });
    expect(parseStoredTheses('garbage').problems).toHaveLength(1);
    expect(parseStoredFeeds({ feeds: [{ url: 'not a url' }] }).problems[0]).toMatch(/^stored feed #1 is corrupted/);
  });
});
