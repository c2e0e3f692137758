import { describe, expect, it } from 'vitest';
import { defaultPack } from '@/lib/pack/default-pack';
import { changedFields, editItem, editThesis, enabledPacks, withBundled, type Clock } from '@/lib/checklist/theses';
import { mergeThesisRecords } from '@/lib/checklist/sync';
import type { ChecklistState } from '@/lib/checklist/records';
import type { ItemPatch } from '@/lib/checklist/records';

/**
 * Two checklist tabs (or two browsers) editing one item (issue 9): an edit applies only the
 * fields its editor changed, a field changed meanwhile elsewhere is a conflict, and sync
 * merges field by field.
 */

const at = (minute: number): Clock => ({ now: `2026-03-01T00:${String(minute).padStart(2, '0')}:00.000Z`, newId: () => `id-${minute}` });
const fresh = (): ChecklistState => withBundled({ theses: [] }, defaultPack, '2026-01-01T00:00:00.000Z');
const TODAY = '2026-03-01';
const THESIS = defaultPack.id;
const ITEM = defaultPack.items[0]!;

const effective = (state: ChecklistState) => enabledPacks(state, defaultPack, []).find((pack) => pack.id === THESIS)!;
const itemIn = (state: ChecklistState) => effective(state).items.find((item) => item.id === ITEM.id)!;
/** What the item editor sends: every field it shows. */
const form = (item: typeof ITEM): ItemPatch => ({ title: item.title, description: item.description, kind: item.kind, matchers: item.matchers, figures: item.figures });

/** One tab's save, as the background does it. */
function save(state: ChecklistState, patch: ItemPatch, base: ItemPatch, clock: Clock): ChecklistState {
  const changed = changedFields(patch, base, itemIn(state));
  return editItem(state, THESIS, ITEM.id, changed, clock, effective(state), TODAY);
}

describe('edits from two tabs', () => {
  it('the later tab saves its own change and does not revert the other\'s', () => {
    let state = fresh();
    const shownInBoth = form(itemIn(state));
    // Tab A renames the item.
    state = save(state, { ...shownInBoth, title: 'Renamed in tab A' }, shownInBoth, at(1));
    // Tab B, opened before, edits the description; its form still holds the old title.
    state = save(state, { ...shownInBoth, description: 'Described in tab B' }, shownInBoth, at(2));
    expect(itemIn(state).title).toBe('Renamed in tab A');
    expect(itemIn(state).description).toBe('Described in tab B');
  });

  it('both tabs changing the same field: the later one is refused with the field named, nothing written', () => {
    let state = fresh();
    const shown = form(itemIn(state));
    state = save(state, { ...shown, title: 'A' }, shown, at(1));
    const before = JSON.stringify(state);
    expect(() => save(state, { ...shown, title: 'B' }, shown, at(2))).toThrow(/^This item was changed elsewhere \(in another tab or browser\) since you opened it: title\. Nothing was saved/);
    expect(JSON.stringify(state)).toBe(before);
  });

  it('without a base (an older page), the whole patch applies as before', () => {
    const patch = { title: 'Whole' };
    expect(changedFields(patch, undefined, ITEM)).toBe(patch);
  });
});

describe('sync merges per field', () => {
  it('a title changed in one browser and matchers in another both survive, whatever order they arrive in', () => {
    const start = fresh();
    const shown = form(itemIn(start));
    const here = save(start, { ...shown, title: 'Title from here' }, shown, at(1)).theses[0]!;
    const matchers = [{ all: [{ en: ['cloud growth from there'], zh: [] }] }];
    const there = save(start, { ...shown, matchers }, shown, at(2)).theses[0]!;
    for (const merged of [mergeThesisRecords(here, there), mergeThesisRecords(there, here)]) {
      const edit = merged.itemEdits[ITEM.id]!;
      expect(edit.title).toBe('Title from here');
      expect(edit.matchers).toEqual(matchers);
    }
    // The same field on both sides: the later wins.
    const later = save(start, { ...shown, title: 'Later title' }, shown, at(3)).theses[0]!;
    expect(mergeThesisRecords(here, later).itemEdits[ITEM.id]!.title).toBe('Later title');
    expect(mergeThesisRecords(later, here).itemEdits[ITEM.id]!.title).toBe('Later title');
  });

  it('thesis metadata: a rename here and "use while reading" off there both survive', () => {
    const start = fresh();
    const here = editThesis(start, THESIS, { title: 'Renamed here' }, at(1)).theses[0]!;
    const there = editThesis(start, THESIS, { enabled: false }, at(2)).theses[0]!;
    for (const merged of [mergeThesisRecords(here, there), mergeThesisRecords(there, here)]) {
      expect(merged.meta.title).toBe('Renamed here');
      expect(merged.meta.enabled).toBe(false);
    }
  });
});
