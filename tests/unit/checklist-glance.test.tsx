// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { HistoryEntry, Item } from '@/lib/pack/schema';
import { stripLayout, thesisGlance, shortDate } from '@/components/checklist/strip-layout';
import { TimelineStrip } from '@/components/checklist/HistoryTimeline';
import { ThesisGlance } from '@/components/checklist/ThesisGlance';
import { SyncPanel, syncStatement } from '@/components/checklist/Panels';
import { useUiLocale } from '../support/i18n';
import { mount } from '../support/mount';

const entry = (date: string, status: HistoryEntry['status'], origin: HistoryEntry['origin'] = 'bundled'): HistoryEntry => ({ date, status, note: `Note of ${date}`, origin }) as HistoryEntry;

function item(id: string, kind: Item['kind'], history: HistoryEntry[]): Item {
  return { id, kind, title: `Item ${id}`, description: '', matchers: { en: [], zh: [] }, keyFigures: [], history } as unknown as Item;
}

describe('the history strip layout', () => {
  it('gives entries a day apart in a long history, and one made today, a readable width', () => {
    const history = [entry('2025-01-01', 'pending'), entry('2025-12-07', 'on-track'), entry('2025-12-08', 'at-risk'), entry('2026-02-01', 'confirmed')];
    const segments = stripLayout(history, '2026-02-01');
    expect(segments.map((s) => s.status)).toEqual(['pending', 'on-track', 'at-risk', 'confirmed']);
    // Every segment at least the minimum, all of them filling the strip, none overlapping.
    for (const segment of segments) expect(segment.width).toBeGreaterThanOrEqual(11 - 1e-9);
    expect(segments.reduce((sum, s) => sum + s.width, 0)).toBeCloseTo(100, 6);
    for (let i = 1; i < segments.length; i++) expect(segments[i]!.left).toBeCloseTo(segments[i - 1]!.left + segments[i - 1]!.width, 6);
    // Time still decides the rest: the year-long pending segment is the widest.
    expect(segments[0]!.width).toBeGreaterThan(50);
    expect(segments.every((s) => s.labelled)).toBe(true);
  });

  it('shares equally when there are more entries than fit at the minimum', () => {
    const history = Array.from({ length: 12 }, (_, n) => entry(`2026-01-${String(n + 1).padStart(2, '0')}`, 'pending'));
    const segments = stripLayout(history, '2026-01-12');
    for (const segment of segments) expect(segment.width).toBeCloseTo(100 / 12, 6);
    expect(segments.every((s) => s.labelled)).toBe(true);
  });

  it('one entry fills the strip', () => {
    expect(stripLayout([entry('2026-01-01', 'pending')], '2026-01-01')).toEqual([{ date: '2026-01-01', status: 'pending', left: 0, width: 100, labelled: true }]);
  });

  it('writes short dates, with the year only outside the current one', () => {
    expect(shortDate('2026-12-08', '2026', 'en-US')).toBe('Dec 8');
    expect(shortDate('2025-12-08', '2026', 'en-US')).toBe('Dec 8, 25');
  });

  it('renders each date inside its own segment, and a legend of the statuses shown', () => {
    const history = [entry('2025-12-08', 'pending'), entry('2025-12-09', 'at-risk'), entry('2026-02-01', 'at-risk', 'user')];
    const host = mount(<TimelineStrip history={history} today="2026-02-01" label="Status of X over time" />);
    const segments = [...host.querySelectorAll<HTMLElement>('.tl-strip__seg')];
    expect(segments.map((s) => s.dataset.date)).toEqual(['2025-12-08', '2025-12-09', '2026-02-01']);
    expect(segments.map((s) => s.querySelector('.tl-strip__label')?.textContent)).toEqual(['Dec 8, 25', 'Dec 9, 25', 'Feb 1']);
    expect([...host.querySelectorAll('.tl-strip__key')].map((k) => k.textContent)).toEqual(['Pending', 'At risk']);
    expect(host.querySelector('[role="img"]')!.getAttribute('aria-label')).toMatch(/^Status of X over time: /);
  });
});

describe('the thesis at a glance', () => {
  const items = [
    item('a', 'catalyst', [entry('2025-06-01', 'pending'), entry('2026-01-20', 'on-track', 'user')]),
    item('b', 'catalyst', [entry('2025-06-01', 'confirmed')]),
    item('c', 'risk', [entry('2025-06-01', 'pending'), entry('2026-01-10', 'at-risk', 'feed'), entry('2026-03-01', 'broken')]),
  ];

  it('counts items by status as of today and lists the changes of the last 30 days, newest first', () => {
    const glance = thesisGlance(items, '2026-02-01');
    expect(glance.byStatus.catalyst).toMatchObject({ confirmed: 1, 'on-track': 1, pending: 0 });
    expect(glance.byStatus.risk).toMatchObject({ 'at-risk': 1, broken: 0 });
    expect(glance.changes.map((c) => [c.itemId, c.date, c.previous, c.status])).toEqual([
      ['a', '2026-01-20', 'pending', 'on-track'],
      ['c', '2026-01-10', 'pending', 'at-risk'],
    ]);
  });

  it('renders the counts, the changes and the recent clippings, in English and Chinese', () => {
    const recent = { count: 4, latest: [{ id: '1', quote: 'Cloud revenue grew', title: 'Story' }] };
    let host = mount(<ThesisGlance thesisId="t" items={items} today="2026-02-01" recent={recent} libraryHref="/library.html" />);
    expect(host.querySelector('h3')!.textContent).toBe('At a glance');
    expect([...host.querySelectorAll('.tl-glance__summary')].map((p) => p.textContent)).toEqual(['2 of 2 catalysts confirmed or on track', '1 of 1 risks at risk or broken']);
    expect(host.querySelectorAll('.tl-glance__changes li')).toHaveLength(2);
    expect(host.querySelector('.tl-glance__changes li')!.textContent).toContain('from Pending · your update');
    expect(host.textContent).toContain('4 saved');
    useUiLocale('zh_CN');
    document.body.innerHTML = '';
    host = mount(<ThesisGlance thesisId="t" items={items} today="2026-02-01" recent={{ count: 0, latest: [] }} libraryHref="/library.html" />);
    expect(host.querySelector('h3')!.textContent).toBe('概览');
    expect(host.textContent).toContain('2 个催化剂中有 2 个已确认或进展顺利');
    expect(host.textContent).toContain('最近 30 天没有保存摘录。');
  });
});

describe('the sync state says what is true', () => {
  it('off, written at a time, full, failing, not yet', () => {
    expect(syncStatement({ state: 'unavailable', message: null, at: null, bytes: null }).word).toBe('Off');
    const ok = syncStatement({ state: 'ok', message: null, at: '2026-02-01T10:30:00Z', bytes: 3000 });
    expect(ok.text).toMatch(/^Written to your browser’s sync storage .*10:30 UTC \(3 KB of 100 KB\)\./);
    expect(ok.text).not.toMatch(/^Synced/);
    expect(syncStatement({ state: 'full', message: 'Sync is full: 130 KB of theses over the 100 KB quota. Your checklist is kept on this device.', at: null, bytes: 1 }).text).toBe(
      'Sync is full: 130 KB of theses over the 100 KB quota. Your checklist is kept on this device.',
    );
    const failing = syncStatement({ state: 'error', message: 'QUOTA_BYTES_PER_ITEM quota exceeded', at: '2026-02-01T10:30:00Z', bytes: null });
    expect([failing.word, failing.alert]).toEqual(['Failing', true]);
    expect(failing.text).toContain('QUOTA_BYTES_PER_ITEM quota exceeded');
    expect(syncStatement({ state: 'idle', message: null, at: null, bytes: null }).text).toMatch(/^Nothing has been written/);
  });

  it('in Chinese', () => {
    useUiLocale('zh_CN');
    const host = mount(<SyncPanel sync={{ state: 'unavailable', message: null, at: null, bytes: null }} />);
    expect(host.querySelector('h2')!.textContent).toBe('同步 已关闭');
    expect(host.querySelector('[data-testid="sync-text"]')!.textContent).toMatch(/^同步已关闭/);
  });
});
