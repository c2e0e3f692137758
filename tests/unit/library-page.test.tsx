// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { Library, type LibraryProps } from '@/components/library/Library';
import { buildSearchIndex, libraryRows, type LibraryRow } from '@/lib/clippings/search';
import type { Clipping } from '@/lib/clippings/schema';
import { useUiLocale } from '../support/i18n';
import { clipping } from './clippings-fixtures';
import { mount } from '../support/mount';

/** 12 clippings over 3 articles (story-0, -1, -2), items alternating. */
const library: Clipping[] = Array.from({ length: 12 }, (_, n) =>
  clipping(n, { page: { ...clipping(n).page, url: `https://news.example.com/story-${n % 3}`, canonicalUrl: `https://news.example.com/story-${n % 3}`, title: `Story ${n % 3}` } }),
);

describe('library rows, per view', () => {
  const index = buildSearchIndex(library);

  it('by article: a heading per article, newest first, with its count and items; clippings in reading order', () => {
    const { rows, matching } = libraryRows(index, {}, 'article');
    expect(matching).toBe(12);
    const headings = rows.filter((row) => row.kind === 'article');
    expect(headings.map((h) => [h.title, h.count, h.itemCount])).toEqual([
      ['Story 2', 4, 2],
      ['Story 1', 4, 2],
      ['Story 0', 4, 2],
    ]);
    const story2 = rows.slice(1, 5) as Array<Extract<LibraryRow, { kind: 'clipping' }>>;
    expect(story2.map((row) => row.clipping.selectors[1].start)).toEqual([...story2.map((row) => row.clipping.selectors[1].start)].sort((a, b) => a - b));
    expect(story2.every((row) => row.group === 'https://news.example.com/story-2')).toBe(true);
  });

  it('search and filters apply in every view', () => {
    for (const view of ['article', 'flat', 'item'] as const) {
      const { rows, matching } = libraryRows(index, { query: 'quarter 7,' }, view);
      expect(matching, view).toBe(1);
      expect(rows.filter((row) => row.kind === 'clipping').map((row) => (row as { clipping: Clipping }).clipping.id)).toEqual([clipping(7).id]);
    }
    expect(libraryRows(index, { stance: 'challenges' }, 'item').matching).toBe(4);
  });

  it('by item: a heading per item (largest first), a clipping under each of its items, unlinked last', () => {
    const twice = { ...library[0]!, items: [...library[0]!.items, { thesisId: 'other', itemId: 'x' }] };
    const unlinked = { ...library[1]!, items: [] };
    const { rows } = libraryRows(buildSearchIndex([twice, unlinked, ...library.slice(2)]), {}, 'item');
    const headings = rows.filter((row) => row.kind === 'item');
    expect(headings.map((h) => [h.key, h.count])).toEqual([
      ['alibaba-ai-cloud-h200/cloud-revenue-growth', 8],
      ['alibaba-ai-cloud-h200/h200-procurement', 3],
      ['other/x', 1],
      ['', 1],
    ]);
    expect(rows.filter((row) => row.kind === 'clipping' && row.clipping.id === twice.id)).toHaveLength(2);
  });

  it('flat: newest first, no headings', () => {
    const { rows } = libraryRows(index, {}, 'flat');
    expect(rows.every((row) => row.kind === 'clipping')).toBe(true);
    expect((rows[0] as { clipping: Clipping }).clipping.id).toBe(clipping(11).id);
  });
});

function props(overrides: Partial<LibraryProps> = {}): LibraryProps {
  const { rows, matching } = libraryRows(buildSearchIndex(library), {}, 'article');
  return {
    phase: 'ready',
    total: 12,
    matching,
    rowCount: rows.length,
    rowAt: (index) => rows[index],
    queryKey: 'k',
    onRange: () => {},
    view: 'article',
    filters: {},
    facets: { sites: ['Reuters'], topics: ['alibaba'], items: [] },
    itemOptions: [],
    itemTitle: (ref) => ref.itemId,
    problems: [],
    notice: null,
    undo: null,
    checklistHref: '/options.html',
    onView: () => {},
    onFilters: () => {},
    onUpdate: async () => {},
    onDelete: () => {},
    onUndo: () => {},
    onExport: () => {},
    onImport: () => {},
    onCopyArticle: () => {},
    onDownloadArticle: () => {},
    onCopyClipping: () => {},
    ...overrides,
  };
}

describe('the library page', () => {
  it('shows articles with their clippings, without repeating the title on each card, and a way back to the checklist', () => {
    const onCopyArticle = vi.fn();
    const onView = vi.fn();
    const host = mount(<Library {...props({ onCopyArticle, onView })} />);
    expect(host.querySelector('h1')!.textContent).toBe('Clippings library');
    expect(host.querySelector<HTMLAnchorElement>('.lib-back')!.getAttribute('href')).toBe('/options.html');
    const groups = [...host.querySelectorAll('.lib-group')];
    expect(groups.map((g) => g.querySelector('h2')!.textContent)).toEqual(['Story 2', 'Story 1', 'Story 0']);
    expect(groups[0]!.querySelector('.lib-group__meta')!.textContent).toBe('Nikkei Asia · published Jan 9, 2026 · 4 clippings · 2 checklist items');
    expect(host.querySelectorAll('.lib-card .lib-source')).toHaveLength(0);
    expect(host.querySelector('.lib-card .lib-stance')!.textContent).toMatch(/^[▲▼●] (Supports|Challenges)$/);
    act(() => groups[1]!.querySelector<HTMLButtonElement>('button')!.click());
    expect(onCopyArticle).toHaveBeenCalledWith('https://news.example.com/story-1');
    act(() => host.querySelector<HTMLInputElement>('input[name="view"][value="item"]')!.click());
    expect(onView).toHaveBeenCalledWith('item');
  });

  it('opens a source at the address read at, with the passage', () => {
    const host = mount(<Library {...props()} />);
    const link = host.querySelector<HTMLAnchorElement>('[data-testid="open-source"]')!;
    expect(link.getAttribute('href')).toMatch(/^https:\/\/news\.example\.com\/story-2#:~:text=/);
  });

  it('speaks Simplified Chinese', () => {
    useUiLocale('zh_CN');
    const host = mount(<Library {...props({ matching: 4 })} />);
    expect(host.querySelector('h1')!.textContent).toBe('摘录库');
    expect(host.querySelector('[data-testid="library-count"]')!.textContent).toBe('12 条摘录中的 4 条');
    expect(host.querySelector('.lib-back')!.textContent).toBe('← 检查清单');
    expect([...host.querySelectorAll('.lib-views__option')].map((o) => o.textContent)).toEqual(['按文章', '最新在前', '按清单条目']);
    expect(host.querySelector('.lib-card [data-testid="open-source"]')!.textContent).toBe('打开原文');
    expect(host.querySelector('.lib-group__meta')!.textContent).toContain('4 条摘录 · 涉及 2 个清单条目');
  });
});
