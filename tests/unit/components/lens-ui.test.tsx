// @vitest-environment happy-dom
/** @jsxImportSource preact */
import { describe, expect, it, vi, beforeEach } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { parsePack, type ThesisPackInput } from '@/lib/pack/schema';
import type { ScanResult } from '@/lib/pipeline/types';
import { buildLensView, claimKey, highlightStatusOf } from '@/components/sidebar/model';
import { Sidebar, type SidebarProps } from '@/components/sidebar/Sidebar';
import { StatusBadge } from '@/components/status/StatusBadge';
import { HighlightPainter } from '@/lib/ext/highlights';
import { buildTextIndex, rangeFor } from '@/lib/dom/text-index';

const rule = (en: string[]) => ({ all: [{ en, zh: [] }] });

function pack(id: string, title: string, items: Array<{ id: string; kind?: 'catalyst' | 'risk'; title: string; history: Array<{ date: string; status: string; note: string }> }>) {
  const input: ThesisPackInput = {
    id,
    title,
    version: '1',
    topics: [{ id: 'topic', title: 'Topic', mentions: { en: ['acme'], zh: [] } }],
    items: items.map((item) => ({ id: item.id, kind: item.kind ?? 'catalyst', title: item.title, matchers: [rule([item.id])], history: item.history as never })),
  };
  return parsePack(input);
}

const cloudPack = pack('cloud', 'Acme: cloud thesis', [
  { id: 'cloud-growth', title: 'Cloud revenue keeps growing', history: [{ date: '2025-01-01', status: 'pending', note: 'old' }, { date: '2025-11-25', status: 'on-track', note: 'Cloud +34%' }] },
  { id: 'chip-access', kind: 'risk', title: 'Chip access is cut', history: [{ date: '2025-12-01', status: 'at-risk', note: 'Rules tightening' }] },
  { id: 'valuation', title: 'The market re-rates', history: [{ date: '2025-06-01', status: 'pending', note: 'Waiting' }, { date: '2099-01-01', status: 'confirmed', note: 'future entry' }] },
]);
const chipsPack = pack('chips', 'Chips thesis', [{ id: 'exports', title: 'Exports approved', history: [{ date: '2026-01-28', status: 'confirmed', note: 'Approved' }] }]);

const HOSTILE = 'Cloud grew 34% <img src=x onerror="window.__pwned=1"> <a href="javascript:alert(1)">link</a>';

function result(overrides: Partial<ScanResult>): ScanResult {
  return { title: 'Page', url: null, published: null, isArticle: true, relevant: true, topics: ['topic'], claims: [], items: [], timingsMs: { total: 1 }, ...overrides };
}

const cloudResult = result({
  thesisId: 'cloud',
  claims: [
    {
      text: 'Cloud revenue rose 34% in the quarter.',
      items: [{ id: 'cloud-growth', stance: 'supports' }],
      figures: [{ raw: '34%', value: 34, unit: 'percent' }],
      checks: [{ itemId: 'cloud-growth', verdict: 'matches', known: '34% (quarter ended 2025-09-30)', figure: '34%' }],
    },
    { text: HOSTILE, items: [{ id: 'cloud-growth', stance: 'neutral' }, { id: 'chip-access', stance: 'challenges' }], figures: [], checks: [], hedged: true },
  ],
  items: [{ id: 'cloud-growth', status: 'on-track', claims: 2, statusDate: '2025-11-25', statusNote: 'Cloud +34% year over year' }],
});
const chipsResult = result({ thesisId: 'chips', claims: [{ text: 'Exports were approved.', items: [{ id: 'exports', stance: 'supports' }], figures: [], checks: [] }] });

describe('buildLensView', () => {
  it('groups claims by item, touched first, with each item latest status as of today', () => {
    const view = buildLensView([cloudResult], [cloudPack], '2026-02-01');
    expect(view.theses).toHaveLength(1);
    const thesis = view.theses[0]!;
    expect(thesis.title).toBe('Acme: cloud thesis');
    expect(thesis.touched.map((item) => [item.id, item.claims.length])).toEqual([['cloud-growth', 2], ['chip-access', 1]]);
    expect(thesis.untouched.map((item) => item.id)).toEqual(['valuation']);
    // From the pipeline's summary when it has one, else the pack's history (ignoring future entries).
    expect(thesis.touched[0]).toMatchObject({ status: 'on-track', statusDate: '2025-11-25', statusNote: 'Cloud +34% year over year' });
    expect(thesis.touched[1]).toMatchObject({ status: 'at-risk', statusDate: '2025-12-01', kind: 'risk' });
    expect(thesis.untouched[0]).toMatchObject({ status: 'pending', statusDate: '2025-06-01' });
    // Stance and checks are per (claim, item).
    expect(thesis.touched[1]!.claims[0]).toMatchObject({ stance: 'challenges', checks: [] });
    expect(thesis.touched[0]!.claims[0]!.checks).toHaveLength(1);
    expect(highlightStatusOf(view, claimKey('cloud', 1))).toBe('on-track');
  });

  it('keeps several theses apart and leaves out results that are not relevant', () => {
    const view = buildLensView([cloudResult, chipsResult, result({ thesisId: 'x', relevant: false })], [cloudPack, chipsPack], '2026-02-01');
    expect(view.theses.map((thesis) => [thesis.id, thesis.claimCount])).toEqual([['cloud', 2], ['chips', 1]]);
    expect(view.itemsOfClaim.get(claimKey('chips', 0))!.map((item) => item.id)).toEqual(['exports']);
  });
});

describe('Sidebar', () => {
  let root: HTMLElement;
  beforeEach(() => {
    document.body.innerHTML = '<div id="root"></div>';
    root = document.getElementById('root')!;
    (window as unknown as { __pwned?: number }).__pwned = undefined;
  });

  function show(overrides: Partial<SidebarProps> = {}) {
    const props: SidebarProps = {
      view: buildLensView([cloudResult, chipsResult], [cloudPack, chipsPack], '2026-02-01'),
      prefs: { side: 'right', width: 380, minimized: false },
      scan: { phase: 'ready' },
      onPrefsChange: vi.fn(),
      onActivateClaim: vi.fn(),
      onClose: vi.fn(),
      ...overrides,
    };
    act(() => render(<Sidebar {...props} />, root));
    return props;
  }

  it('is a complementary landmark listing items by thesis with status words, dates and notes', () => {
    show();
    const aside = root.querySelector('[role="complementary"]')!;
    expect(aside.getAttribute('aria-label')).toBe('Thesis Lens');
    const headings = [...root.querySelectorAll('h3')].map((h) => h.textContent);
    expect(headings).toEqual(['Acme: cloud thesis', 'Chips thesis']);
    const firstItem = root.querySelector('.tl-item')!;
    expect(firstItem.querySelector('h4')!.textContent).toBe('Cloud revenue keeps growing');
    expect(firstItem.querySelector('.tl-status')!.textContent).toContain('On track');
    expect(firstItem.textContent).toContain('Cloud +34% year over year');
    expect(firstItem.textContent).toMatch(/Status as of .*2025/);
    expect(firstItem.querySelectorAll('.tl-claim')).toHaveLength(2);
    expect(firstItem.textContent).toContain('Supports');
    expect(firstItem.textContent).toContain('34%: Matches');
    expect(firstItem.textContent).toContain('34% (quarter ended 2025-09-30)');
    expect(firstItem.textContent).toContain('Hedged');
  });

  it('shows page text as text: markup in a claim is never parsed or run', () => {
    show();
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('a')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror="window.__pwned=1">');
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('folds untouched items behind a disclosure button', () => {
    show();
    const toggle = [...root.querySelectorAll('button')].find((b) => b.textContent!.includes('Other checklist items'))!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    const list = root.querySelector(`#${toggle.getAttribute('aria-controls')}`) as HTMLElement;
    expect(list.hidden).toBe(true);
    act(() => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(list.hidden).toBe(false);
    expect(list.textContent).toContain('The market re-rates');
    expect(list.textContent).toContain('Pending');
  });

  it('activates a claim, moves, minimises and resizes through its callbacks', () => {
    const props = show();
    const claimButton = root.querySelector<HTMLButtonElement>('[data-claim-key="cloud#0"]')!;
    act(() => claimButton.click());
    expect(props.onActivateClaim).toHaveBeenCalledWith('cloud#0');
    act(() => root.querySelector<HTMLButtonElement>('[aria-label="Move the panel to the left side"]')!.click());
    expect(props.onPrefsChange).toHaveBeenCalledWith({ side: 'left' });
    act(() => root.querySelector<HTMLButtonElement>('[aria-label="Minimise Thesis Lens"]')!.click());
    expect(props.onPrefsChange).toHaveBeenCalledWith({ minimized: true });
    const separator = root.querySelector<HTMLElement>('[role="separator"]')!;
    expect(separator.getAttribute('aria-valuenow')).toBe('380');
    act(() => {
      separator.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    });
    expect(props.onPrefsChange).toHaveBeenLastCalledWith({ width: 404 });
    act(() => {
      separator.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
    });
    expect(props.onPrefsChange).toHaveBeenLastCalledWith({ width: 260 });
  });

  it('minimised, it is one small tab that reopens the panel', () => {
    const props = show({ prefs: { side: 'right', width: 380, minimized: true } });
    expect(root.querySelector('[role="complementary"]')).toBeNull();
    const tab = root.querySelector<HTMLButtonElement>('.tl-tab')!;
    expect(tab.getAttribute('aria-expanded')).toBe('false');
    expect(tab.textContent).toContain('3 claims');
    act(() => tab.click());
    expect(props.onPrefsChange).toHaveBeenCalledWith({ minimized: false });
  });

  it('renders Save and Update status only when a feature provides them, and passes claim and item', () => {
    show();
    expect([...root.querySelectorAll('button')].some((b) => /Save|Update status/.test(b.textContent!))).toBe(false);
    const onSaveClaim = vi.fn();
    const onUpdateStatus = vi.fn();
    show({ actions: { onSaveClaim, onUpdateStatus }, extraSections: [{ id: 'saved', title: 'Saved from this page', render: () => <p>2 clippings</p> }] });
    const save = root.querySelector('[data-item-id="chip-access"] .tl-claim__actions button') as HTMLButtonElement;
    act(() => save.click());
    expect(onSaveClaim).toHaveBeenCalledTimes(1);
    expect(onSaveClaim.mock.calls[0]![0].key).toBe('cloud#1');
    expect(onSaveClaim.mock.calls[0]![1].id).toBe('chip-access');
    const update = root.querySelector('[data-item-id="cloud-growth"] .tl-item__actions button') as HTMLButtonElement;
    act(() => update.click());
    expect(onUpdateStatus.mock.calls[0]![0].id).toBe('cloud-growth');
    expect(root.textContent).toContain('Saved from this page');
    expect(root.textContent).toContain('2 clippings');
  });

  it('says so when the page touches no thesis', () => {
    show({ view: buildLensView([], []) });
    expect(root.querySelector('[role="status"]')!.textContent).toContain('No claims about your theses');
  });
});

describe('StatusBadge', () => {
  it('a status badge always carries its word', () => {
    document.body.innerHTML = '<div id="root"></div>';
    const root = document.getElementById('root')!;
    act(() => render(<StatusBadge status="broken" />, root));
    expect(root.textContent).toContain('Broken');
    expect(root.querySelector('.tl-status--broken')).not.toBeNull();
  });
});

describe('HighlightPainter <mark> fallback', () => {
  it('wraps claims across text nodes and restores the page exactly, text nodes included', () => {
    document.body.innerHTML = '<article><p id="p">First sentence here. Second <b>bold</b> sentence here. Third one.</p></article>';
    const p = document.getElementById('p')!;
    const before = p.innerHTML;
    const originalNodes = [...p.childNodes, ...p.querySelector('b')!.childNodes];
    const index = buildTextIndex([document.body]);
    const first = index.text.indexOf('First sentence here.');
    const second = index.text.indexOf('Second bold sentence here.');
    const painter = new HighlightPainter(document, { forceMarks: true });
    painter.paint([
      { key: 'a', range: rangeFor(index, first, first + 'First sentence here.'.length)!, tone: 'supports' },
      { key: 'b', range: rangeFor(index, second, second + 'Second bold sentence here.'.length)!, tone: 'challenges-hedged' },
    ]);
    expect(painter.mode).toBe('marks');
    const marks = [...p.querySelectorAll('mark[data-thesis-lens]')];
    expect(marks.map((m) => m.getAttribute('data-thesis-lens'))).toEqual(['supports', 'challenges-hedged', 'challenges-hedged', 'challenges-hedged']);
    expect(marks.map((m) => m.textContent).join('|')).toBe('First sentence here.|Second |bold| sentence here.');
    expect(painter.rangeOf('b')!.toString()).toBe('Second bold sentence here.');
    painter.flash('b');
    expect(p.querySelectorAll('mark[data-thesis-lens-flash]')).toHaveLength(3);
    painter.destroy();
    expect(p.innerHTML).toBe(before);
    expect([...p.childNodes, ...p.querySelector('b')!.childNodes]).toEqual(originalNodes);
    expect(document.querySelector('style[data-thesis-lens-highlights]')).toBeNull();
  });
});
