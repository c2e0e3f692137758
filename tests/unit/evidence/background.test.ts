import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readingOf } from '@/lib/pipeline/scan';
import { detectArticle } from '@/lib/pipeline/article';
import { defaultPack } from '@/lib/pack/default-pack';
import { READING_LOG_LIMIT, type ReadingLogEntry } from '@/lib/evidence/schema';
import { ReadingLogStore } from '@/entrypoints/background/reading-log-db';
import { article, claim } from './timeline';

/**
 * The reading log and the evidence handlers behind the real router, driven by the senders the
 * browser reports: the lens (a content script on a news page), the panel (lens-frame.html, an
 * extension page framed inside that web tab), the checklist page (an extension page in its own tab).
 */

const OWN = { id: 'own-extension-id', origin: 'chrome-extension://own-extension-id/' };
const TAB = (id: number, url: string, incognito = false) => ({ id, url, index: 0, highlighted: false, active: true, pinned: false, incognito });
const lens = (url: string, tabId = 3, incognito = false): Runtime.MessageSender => ({ id: OWN.id, url, frameId: 0, tab: TAB(tabId, url, incognito) });
const panel = (pageUrl: string, tabId = 3): Runtime.MessageSender => ({ id: OWN.id, url: `${OWN.origin}lens-frame.html`, frameId: 4, tab: TAB(tabId, pageUrl) });
const checklistPage: Runtime.MessageSender = { id: OWN.id, url: `${OWN.origin}checklist.html`, frameId: 0, tab: TAB(9, `${OWN.origin}checklist.html`) };

type Reply = { ok: boolean; data?: any; error?: string };
let route: (raw: unknown, sender: Runtime.MessageSender) => Promise<Reply>;
let log: () => Promise<ReadingLogStore>;
const send = (sender: Runtime.MessageSender, type: string, payload: unknown = {}) => route({ type, payload }, sender);

const WIRE = 'https://www.reuters.com/technology/beijing-approves-h200-2026-01-28/';
function reading(url: string, overrides: Record<string, unknown> = {}) {
  const { document } = parseHTML(readFileSync('tests/fixtures/pages/wire-beijing-approves-h200.html', 'utf8'));
  return { ...readingOf(detectArticle(document as unknown as Document, { url })), ...overrides };
}

beforeAll(async () => {
  (globalThis as { chrome?: unknown }).chrome = fakeBrowser;
  const { createRouter } = await import('@/entrypoints/background/router');
  const { analysisHandlers } = await import('@/entrypoints/background/analysis');
  const { readingLogHandlers, readingLog } = await import('@/entrypoints/background/reading-log');
  const { evidenceHandlers } = await import('@/entrypoints/background/evidence');
  const { checklistHandlers } = await import('@/entrypoints/background/checklist');
  const { correctionHandlers } = await import('@/entrypoints/background/corrections');
  log = readingLog;
  route = createRouter({ ...analysisHandlers, ...readingLogHandlers, ...evidenceHandlers, ...checklistHandlers, ...correctionHandlers }, () => OWN) as typeof route;
});

beforeEach(async () => {
  await send(checklistPage, 'reading-log/clear');
  await send(checklistPage, 'reading-log/settings', { enabled: true });
});

describe('recording what the reader read', () => {
  it('records the analysed page under the sender tab address, not the payload, once however often it is seen', async () => {
    const analysed = await send(lens(`${WIRE}#para-3`), 'lens/analyze', { reading: reading('https://evil.example/forged') });
    expect(analysed.ok).toBe(true);
    await send(lens(WIRE), 'lens/analyze', { reading: reading(WIRE) });
    const listed = await send(checklistPage, 'reading-log/list', {});
    expect(listed.data.total).toBe(1);
    expect(listed.data.rows[0]).toMatchObject({ pageKey: WIRE, url: WIRE, site: 'reuters.com', thesisId: defaultPack.id });
    expect(listed.data.rows[0].claimCount).toBeGreaterThan(0);
    expect((await send(checklistPage, 'reading-log/list', { query: 'no such words anywhere' })).data.total).toBe(0);
    expect((await send(checklistPage, 'reading-log/list', { query: 'REUTERS' })).data.total).toBe(1);
  });

  it('records nothing when switched off, nor from a private tab; clearing empties it', async () => {
    expect((await send(checklistPage, 'reading-log/settings', { enabled: false })).data).toEqual({ enabled: false });
    await send(lens(WIRE), 'lens/analyze', { reading: reading(WIRE) });
    expect((await send(checklistPage, 'reading-log/list', {})).data).toMatchObject({ total: 0, settings: { enabled: false } });
    await send(checklistPage, 'reading-log/settings', { enabled: true });
    await send(lens(WIRE, 3, true), 'lens/analyze', { reading: reading(WIRE) });
    expect((await send(checklistPage, 'reading-log/list', {})).data.total).toBe(0);
    await send(lens(WIRE), 'lens/analyze', { reading: reading(WIRE) });
    await send(lens('https://www.ft.com/content/h200'), 'lens/analyze', { reading: reading('https://www.ft.com/content/h200') });
    expect((await send(checklistPage, 'reading-log/export')).data.entries).toHaveLength(2);
    expect((await send(checklistPage, 'reading-log/remove', { pageKey: WIRE })).data).toEqual({ removed: true });
    expect((await send(checklistPage, 'reading-log/clear')).data).toEqual({ cleared: 1 });
    expect((await send(checklistPage, 'reading-log/list', {})).data.total).toBe(0);
  });

  it('a page judged again because the checklist changed refreshes its entry, and does not come back once cleared or removed', async () => {
    await send(lens(WIRE), 'lens/analyze', { reading: reading(WIRE) });
    const first = (await send(checklistPage, 'reading-log/export')).data.entries;
    expect(first).toHaveLength(1);
    await send(lens(WIRE), 'lens/analyze', { reading: reading(WIRE), rescan: true });
    const refreshed = (await send(checklistPage, 'reading-log/export')).data.entries;
    expect(refreshed).toHaveLength(1);
    expect(refreshed[0].readAt >= first[0].readAt).toBe(true);
    expect((await send(checklistPage, 'reading-log/clear')).data).toEqual({ cleared: 1 });
    await send(lens(WIRE), 'lens/analyze', { reading: reading(WIRE), rescan: true });
    expect((await send(checklistPage, 'reading-log/list', {})).data.total).toBe(0);
    // Read anew (a load, not a rescan), the page is logged again.
    await send(lens(WIRE), 'lens/analyze', { reading: reading(WIRE) });
    expect((await send(checklistPage, 'reading-log/list', {})).data.total).toBe(1);
  });

  it('applies a correction the reader makes after the page was recorded', async () => {
    await send(lens(WIRE), 'lens/analyze', { reading: reading(WIRE) });
    const [before] = (await send(checklistPage, 'reading-log/export')).data.entries;
    const first = before.claims[0];
    const corrected = await send(lens(WIRE), 'corrections/add', { thesisId: before.thesisId, text: first.text, kind: 'not-claim' });
    expect(corrected.ok).toBe(true);
    const [after] = (await send(checklistPage, 'reading-log/export')).data.entries;
    expect(after.claims.map((c: { text: string }) => c.text)).not.toContain(first.text);
    expect(after.claims).toHaveLength(before.claims.length - 1);
    // Seen again, the page is recorded with the correction already applied.
    await send(lens(WIRE), 'lens/analyze', { reading: reading(WIRE) });
    expect((await (await log()).read()).entries[0]!.claims).toHaveLength(before.claims.length - 1);
    await send(checklistPage, 'corrections/remove', { id: corrected.data.correction.id });
  });

  it('keeps two tabs recording at once', async () => {
    const urls = ['https://www.reuters.com/a', 'https://www.ft.com/b', 'https://www.scmp.com/c'];
    await Promise.all(urls.map((url, i) => send(lens(url, 10 + i), 'lens/analyze', { reading: reading(url) })));
    expect((await send(checklistPage, 'reading-log/list', {})).data.total).toBe(3);
  });

  it('lets no web page read, clear or steer the log or the evidence', async () => {
    await send(lens(WIRE), 'lens/analyze', { reading: reading(WIRE) });
    for (const [type, payload] of [
      ['reading-log/list', {}],
      ['reading-log/export', {}],
      ['reading-log/clear', {}],
      ['reading-log/remove', { pageKey: WIRE }],
      ['reading-log/settings', { enabled: false }],
      ['evidence/thesis', { thesisId: defaultPack.id }],
      ['evidence/page', {}],
      ['evidence/apply-suggestion', { thesisId: defaultPack.id, itemId: 'h200-import-approval', fingerprint: 'x' }],
      ['evidence/add-figure', { thesisId: defaultPack.id, candidateId: 'x' }],
    ] as const) {
      expect(await send(lens(WIRE), type, payload)).toMatchObject({ ok: false, error: expect.stringContaining('not accepted from a web page') });
    }
    expect((await send(checklistPage, 'reading-log/list', {})).data).toMatchObject({ total: 1, settings: { enabled: true } });
  });
});

describe('the panel asks for its own tab', () => {
  it('is an extension page inside the web tab: it gets that tab article evidence, and the checklist page gets none', async () => {
    await send(lens(WIRE), 'lens/analyze', { reading: reading(WIRE) });
    const reply = await send(panel(`${WIRE}#comments`), 'evidence/page');
    expect(reply.ok).toBe(true);
    expect(reply.data.novelty).not.toBeNull();
    expect(reply.data.novelty.newSourceFor.length).toBeGreaterThan(0);
    expect(reply.data.items.length).toBe(reply.data.novelty.newSourceFor.length);
    expect((await send(panel('https://www.ft.com/unread'), 'evidence/page')).data).toEqual({ novelty: null, items: [] });
    expect((await send(checklistPage, 'evidence/page')).data).toEqual({ novelty: null, items: [] });
  });
});

const THESIS = defaultPack.id;
const APPROVAL = 'h200-import-approval';

async function recordDirect(...entries: ReadingLogEntry[]) {
  await (await log()).record(entries.map((entry) => ({ ...entry, thesisId: THESIS })));
}

describe('suggestions and candidate figures', () => {
  it('applies a suggestion as the reader own dated entry citing the sources, refusing a stale one', async () => {
    await recordDirect(
      article('reuters.com', '2026-06-01', [claim(APPROVAL, 'challenges', 'Customs stopped H200 shipments at the border.')]),
      article('ft.com', '2026-06-02', [claim(APPROVAL, 'challenges', 'H200 imports are blocked by customs, agents said.')]),
    );
    const evidence = (await send(checklistPage, 'evidence/thesis', { thesisId: THESIS })).data;
    const suggestion = evidence.suggestions.find((s: { itemId: string }) => s.itemId === APPROVAL);
    expect(suggestion).toMatchObject({ from: 'on-track', to: 'at-risk', sites: 2 });

    const stale = await send(checklistPage, 'evidence/apply-suggestion', { thesisId: THESIS, itemId: APPROVAL, fingerprint: `${suggestion.fingerprint}0` });
    expect(stale).toMatchObject({ ok: false, error: expect.stringContaining('out of date') });

    expect((await send(checklistPage, 'evidence/apply-suggestion', { thesisId: THESIS, itemId: APPROVAL, fingerprint: suggestion.fingerprint })).data).toEqual({ applied: true });
    const overview = (await send(checklistPage, 'checklist/overview')).data;
    const item = overview.theses.find((t: { id: string }) => t.id === THESIS).pack.items.find((i: { id: string }) => i.id === APPROVAL);
    const last = item.history.at(-1);
    expect(last).toMatchObject({ date: '2026-06-02', status: 'at-risk', origin: 'user', source: { url: expect.stringContaining('ft.com') } });
    expect(last.note).toContain('reuters.com');
    expect(last.note).toContain('ft.com');
    // The evidence now predates the latest status: no suggestion, and applying again is refused.
    expect((await send(checklistPage, 'evidence/thesis', { thesisId: THESIS })).data.suggestions.some((s: { itemId: string }) => s.itemId === APPROVAL)).toBe(false);
    expect((await send(checklistPage, 'evidence/apply-suggestion', { thesisId: THESIS, itemId: APPROVAL, fingerprint: suggestion.fingerprint })).ok).toBe(false);
    await send(checklistPage, 'checklist/undo-status', { thesisId: THESIS, itemId: APPROVAL });
  });

  it('remembers a dismissal until new evidence arrives', async () => {
    const two = [
      article('reuters.com', '2026-06-01', [claim(APPROVAL, 'challenges', 'Customs stopped H200 shipments.')]),
      article('ft.com', '2026-06-02', [claim(APPROVAL, 'challenges', 'H200 imports are blocked.')]),
    ];
    await recordDirect(...two);
    const first = (await send(checklistPage, 'evidence/thesis', { thesisId: THESIS })).data.suggestions.find((s: { itemId: string }) => s.itemId === APPROVAL);
    expect((await send(checklistPage, 'evidence/dismiss-suggestion', { thesisId: THESIS, itemId: APPROVAL, fingerprint: first.fingerprint })).data).toEqual({ dismissed: true });
    const suggested = async () => (await send(checklistPage, 'evidence/thesis', { thesisId: THESIS })).data.suggestions.filter((s: { itemId: string }) => s.itemId === APPROVAL);
    expect(await suggested()).toEqual([]);
    await recordDirect(article('scmp.com', '2026-06-03', [claim(APPROVAL, 'challenges', 'No H200 has cleared customs yet.')]));
    expect(await suggested()).toHaveLength(1);
  });

  it('adds a candidate key figure to the item with its source', async () => {
    const newer = { itemId: 'cloud-revenue-growth', verdict: 'newer' as const, known: '34%', measure: 'cloud-revenue-yoy', figure: '41%', period: '2026-06-30', value: 41, unit: 'percent' };
    await recordDirect(article('caixin.com', '2026-08-20', [claim('cloud-revenue-growth', 'supports', 'Cloud revenue rose 41% in the June quarter.', { checks: [newer] })]));
    const candidates = (await send(checklistPage, 'evidence/thesis', { thesisId: THESIS })).data.candidates;
    const candidate = candidates.find((c: { period: string }) => c.period === '2026-06-30');
    expect(candidate).toMatchObject({ itemId: 'cloud-revenue-growth', measure: 'cloud-revenue-yoy', value: 41 });
    expect((await send(checklistPage, 'evidence/add-figure', { thesisId: THESIS, candidateId: candidate.id })).data).toEqual({ added: true });
    const pack = (await send(checklistPage, 'checklist/effective-packs')).data.packs.find((p: { id: string }) => p.id === THESIS);
    const figure = pack.items.find((i: { id: string }) => i.id === 'cloud-revenue-growth').figures.find((f: { periodEnd: string }) => f.periodEnd === '2026-06-30');
    expect(figure).toMatchObject({ measure: 'cloud-revenue-yoy', value: 41, unit: 'percent', asOf: '2026-08-20', source: expect.stringContaining('caixin.com') });
    expect(figure.period).toMatch(/ended 2026-06-30$/);
    expect((await send(checklistPage, 'evidence/thesis', { thesisId: THESIS })).data.candidates.some((c: { id: string }) => c.id === candidate.id)).toBe(false);
    expect((await send(checklistPage, 'evidence/add-figure', { thesisId: THESIS, candidateId: candidate.id })).ok).toBe(false);
  });
});

describe('a candidate as a key figure', () => {
  it('is modelled on the item figure of the same measure, and refused without a period, a model or a known unit', async () => {
    const { keyFigureOf } = await import('@/entrypoints/background/evidence');
    const model = defaultPack.items.find((i) => i.id === 'cloud-revenue-growth')!.figures.find((f) => f.measure === 'cloud-revenue-yoy')!;
    const report = { value: 41, figure: '41%', text: 'Cloud rose 41%.', source: { pageKey: 'https://www.ft.com/x', url: 'https://www.ft.com/x', title: 'Cloud story', site: 'ft.com', date: '2026-08-20' } };
    const candidate = { id: 'c', itemId: 'cloud-revenue-growth', measure: 'cloud-revenue-yoy', period: '2026-06-30', unit: 'percent', value: 41, reports: [report] };
    expect(keyFigureOf(candidate, model)).toMatchObject({ measure: 'cloud-revenue-yoy', label: model.label, context: model.context, value: 41, periodEnd: '2026-06-30', asOf: '2026-08-20', source: 'Cloud story <https://www.ft.com/x>' });
    expect(() => keyFigureOf({ ...candidate, period: null }, model)).toThrow(/names no period/);
    expect(() => keyFigureOf(candidate, undefined)).toThrow(/no key figure/);
    expect(() => keyFigureOf({ ...candidate, unit: 'furlongs' }, model)).toThrow(/cannot be a key figure/);
  });
});

describe('the store', () => {
  it('keeps the newest reads within its bound and sets corrupted records aside, reported', async () => {
    expect(READING_LOG_LIMIT).toBe(5000);
    const store = await ReadingLogStore.open({ name: 'bounded-log', limit: 3 });
    for (let day = 1; day <= 5; day++) await store.record([article(`site${day}.com`, `2026-03-0${day}`, [], { readAt: `2026-03-0${day}T10:00:00.000Z` })]);
    expect((await store.read()).entries.map((e) => e.site).sort()).toEqual(['site3.com', 'site4.com', 'site5.com']);
    // Written behind the store's back (another version, a disk error): the next reader finds it.
    await store.db.put('entries', { thesisId: 'ali', pageKey: 'https://broken.example/x', readAt: 42 });
    store.close();
    const reopened = await ReadingLogStore.open({ name: 'bounded-log', limit: 3 });
    const read = await reopened.read();
    expect(read.entries).toHaveLength(3);
    expect(read.problems).toEqual([expect.stringContaining('https://broken.example/x')]);
    expect(await reopened.db.count('quarantine')).toBe(1);
    // Reported until cleared, and never silently lost.
    expect((await reopened.read()).problems).toHaveLength(1);
    expect(await reopened.clear()).toBe(3);
    expect((await reopened.read()).problems).toEqual([]);
    reopened.close();
  });
});
