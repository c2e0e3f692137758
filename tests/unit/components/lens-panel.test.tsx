// @vitest-environment happy-dom
/** @jsxImportSource preact */
import { describe, expect, it, vi, beforeEach } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { parsePack } from '@/lib/pack/schema';
import type { ScanResult } from '@/lib/pipeline/types';
import type { FrameRequest, FrameState } from '@/lib/lens/frame-protocol';
import { isLongClaim } from '@/components/sidebar/ClaimCard';
import { setMessageFallback } from '@/lib/i18n';
import { catalog } from '@/lib/i18n/catalog';

// The frame's writes go to the background; none happens in these tests.
vi.mock('webextension-polyfill', () => ({ default: { runtime: { id: 'own-id', sendMessage: vi.fn() } } }));
const { FrameApp } = await import('@/components/sidebar/FrameApp');

setMessageFallback((key) => (catalog as Record<string, { en: string }>)[key]?.en);

const LONG = `Alibaba said its cloud unit grew 34% in the quarter, ${'while the company kept buying servers and chips for its data centres, '.repeat(3)}and it expects the growth to continue next year.`;

const thesis = parsePack({
  id: 'acme',
  title: 'Acme',
  version: '1',
  topics: [{ id: 'topic', title: 'Topic', mentions: { en: ['acme'], zh: [] } }],
  items: [
    {
      id: 'growth',
      kind: 'catalyst',
      title: 'Growth',
      matchers: [{ all: [{ en: ['growth'], zh: [] }] }],
      history: [{ date: '2025-11-25', status: 'on-track', note: 'Cloud +34%', source: { title: 'Q3 results', url: 'https://example.com/q3' } }],
    },
    { id: 'chips', kind: 'risk', title: 'Chip ban', matchers: [{ all: [{ en: ['chips'], zh: [] }] }], history: [{ date: '2025-12-01', status: 'at-risk', note: 'Rules tightening' }] },
  ],
} as never);

const scan = {
  title: 'Page',
  url: null,
  published: null,
  isArticle: true,
  relevant: true,
  topics: ['topic'],
  thesisId: 'acme',
  timingsMs: { total: 1 },
  items: [],
  claims: [
    { text: LONG, start: 10, end: 10 + LONG.length, items: [{ id: 'growth', stance: 'supports' }], figures: [], checks: [] },
    { text: 'Chips were banned.', start: 400, end: 418, items: [{ id: 'chips', stance: 'challenges' }], figures: [], checks: [] },
  ],
} as ScanResult;

function state(overrides: Partial<FrameState> = {}): FrameState {
  return {
    results: [scan],
    packs: [thesis],
    scan: { phase: 'ready' },
    prefs: { side: 'right', width: 380, minimized: false },
    open: true,
    overlay: false,
    markers: [],
    focusRequest: null,
    focusPanel: 0,
    refocus: 0,
    page: { title: 'Page', url: 'https://example.com/a', published: null },
    viewportWidth: 1600,
    clippings: null,
    ...overrides,
  };
}

describe('isLongClaim', () => {
  it('counts a Chinese character as two units of width', () => {
    expect(isLongClaim('a'.repeat(180))).toBe(false);
    expect(isLongClaim('a'.repeat(181))).toBe(true);
    expect(isLongClaim('云'.repeat(90))).toBe(false);
    expect(isLongClaim('云'.repeat(91))).toBe(true);
  });
});

describe('the panel in its frame', () => {
  let root: HTMLElement;
  const sent: FrameRequest[] = [];
  const send = (request: FrameRequest) => sent.push(request);
  beforeEach(() => {
    document.body.innerHTML = '<div id="root"></div>';
    root = document.getElementById('root')!;
    sent.length = 0;
  });
  const draw = (overrides: Partial<FrameState> = {}) => act(() => render(<FrameApp state={state(overrides)} send={send} />, root));
  const item = (id: string) => root.querySelector<HTMLElement>(`[data-item-id="${id}"]`)!;

  it('opens a long claim in place with a "More" button (aria-expanded), and a short one has none', () => {
    draw();
    const toggles = [...root.querySelectorAll<HTMLButtonElement>('.tl-more')];
    expect(toggles).toHaveLength(1);
    const more = toggles[0]!;
    const text = root.querySelector<HTMLElement>(`#${CSS.escape(more.getAttribute('aria-controls')!)}`)!;
    expect(text.textContent).toBe(LONG);
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(text.classList.contains('tl-claim__text--open')).toBe(false);
    expect(more.textContent).toContain('More');
    act(() => more.click());
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(text.classList.contains('tl-claim__text--open')).toBe(true);
    expect(more.textContent).toContain('Less');
    // Opening it does not show it in the article (that is the claim's own button).
    expect(sent).toEqual([]);
  });

  it('folds an item to its header (status, date, source stay) and keeps it folded across closing and opening the panel', () => {
    draw();
    const toggle = item('growth').querySelector<HTMLButtonElement>('.tl-item__toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    act(() => toggle.click());
    const growth = item('growth');
    expect(growth.querySelector('.tl-item__toggle')!.getAttribute('aria-expanded')).toBe('false');
    expect(growth.querySelector<HTMLElement>('.tl-item__body')!.hidden).toBe(true);
    const header = growth.querySelector('.tl-item__status')!.textContent!;
    expect(header).toContain('Status as of');
    expect(header).toContain('Source: Q3 results');
    expect(growth.querySelector('.tl-status')!.textContent).toContain('On track');
    expect(growth.querySelector<HTMLAnchorElement>('.tl-item__source a')!.href).toBe('https://example.com/q3');
    // The other item is untouched.
    expect(item('chips').querySelector<HTMLElement>('.tl-item__body')!.hidden).toBe(false);

    draw({ open: false });
    expect(root.querySelector('.tl-rail')).not.toBeNull();
    draw({ open: true });
    expect(item('growth').querySelector<HTMLElement>('.tl-item__body')!.hidden).toBe(true);
    act(() => item('growth').querySelector<HTMLButtonElement>('.tl-item__toggle')!.click());
    expect(item('growth').querySelector<HTMLElement>('.tl-item__body')!.hidden).toBe(false);
  });

  it("says the article's count once: the note's header, not again under the one thesis", () => {
    draw();
    // One claim supports and one challenges: each count takes its own form for one.
    expect(root.querySelector('.tl-note__summary')!.textContent).toBe('2 claims on 2 checklist items: 1 supports the thesis, 1 challenges it.');
    expect(root.querySelector('.tl-thesis__summary')).toBeNull();
  });

  it('opens the folded item of a claim the reader asked to see in the panel', () => {
    draw();
    act(() => item('chips').querySelector<HTMLButtonElement>('.tl-item__toggle')!.click());
    expect(item('chips').querySelector<HTMLElement>('.tl-item__body')!.hidden).toBe(true);
    draw({ focusRequest: { key: 'acme#1', nonce: 1 } });
    expect(item('chips').querySelector<HTMLElement>('.tl-item__body')!.hidden).toBe(false);
  });
});
