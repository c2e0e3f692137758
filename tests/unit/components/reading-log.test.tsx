// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { ReadingLogEntry } from '@/lib/evidence/schema';
import type { ReadingLogRow } from '@/lib/messages/evidence';
import { ReadingLog, type ReadingLogProps } from '@/components/reading-log/ReadingLog';
import { claimBreakdown, exportFile } from '@/components/reading-log/model';
import { useUiLocale } from '../../support/i18n';
import { mount } from '../../support/mount';

const entry: ReadingLogEntry = {
  pageKey: 'https://www.reuters.com/tech/h200-approval',
  url: 'https://www.reuters.com/tech/h200-approval?ref=home',
  title: 'Beijing clears first H200 shipments',
  site: 'reuters.com',
  published: '2026-03-02',
  readAt: '2026-03-03T08:00:00.000Z',
  thesisId: 'alibaba-ai-cloud',
  claims: [
    { text: 'Customs cleared the first batch.', links: [{ itemId: 'h200-import-approval', stance: 'supports' }], hedged: false, checks: [] },
    { text: 'Officials approved the licences.', links: [{ itemId: 'h200-import-approval', stance: 'supports' }, { itemId: 'cloud-growth', stance: 'neutral' }], hedged: false, checks: [] },
    { text: 'Some shipments may be held.', links: [{ itemId: 'h200-import-approval', stance: 'challenges' }], hedged: true, checks: [] },
  ],
};
const { claims: _claims, ...rest } = entry;
const row: ReadingLogRow = { ...rest, claimCount: 3 };

function props(change: Partial<ReadingLogProps> = {}): ReadingLogProps {
  return {
    phase: 'ready',
    rows: [row],
    total: 1,
    logSize: 1,
    query: '',
    settings: { enabled: true },
    breakdown: new Map([[entry.pageKey, claimBreakdown(entry)]]),
    itemTitle: (id) => ({ 'h200-import-approval': 'H200 import approval', 'cloud-growth': 'Cloud growth' })[id] ?? id,
    notice: null,
    checklistHref: '/options.html',
    libraryHref: '/library.html',
    onQuery: vi.fn(),
    onMore: vi.fn(),
    onExport: vi.fn(),
    onClear: vi.fn(),
    onRemove: vi.fn(),
    onEnabled: vi.fn(),
    ...change,
  };
}

describe('the reading log model', () => {
  it('counts claims by item and stance, a claim linked twice counting for each item', () => {
    expect(claimBreakdown(entry)).toEqual([
      { itemId: 'h200-import-approval', supports: 2, challenges: 1, neutral: 0 },
      { itemId: 'cloud-growth', supports: 0, challenges: 0, neutral: 1 },
    ]);
    expect(claimBreakdown({ claims: [] })).toEqual([]);
  });

  it('exports the entries as stored, with a dated file name', () => {
    const file = exportFile([entry], '2026-03-04');
    expect(file.name).toBe('thesis-lens-reading-log-2026-03-04.json');
    expect(JSON.parse(file.json).entries).toEqual([entry]);
  });
});

describe('the reading log page', () => {
  it('lists each article with a link to it, its site, dates and claims by item and stance', () => {
    const host = mount(<ReadingLog {...props()} />);
    const link = host.querySelector<HTMLAnchorElement>('.rl-row__title a')!;
    expect(link.textContent).toBe('Beijing clears first H200 shipments');
    expect(link.getAttribute('href')).toBe(entry.url);
    const meta = host.querySelector('.rl-row__meta')!.textContent!;
    expect(meta).toContain('reuters.com');
    expect(meta).toContain('3 claims');
    expect(meta).toMatch(/published .*2026/);
    const items = [...host.querySelectorAll('.rl-row__items li')].map((li) => li.textContent);
    expect(items[0]).toBe('H200 import approval 2 support, 1 challenge, 0 neutral');
    expect(items[1]).toBe('Cloud growth 0 support, 0 challenge, 1 neutral');
    expect(host.querySelector('[data-testid="reading-log-count"]')!.textContent).toBe('1 article');
  });

  it('says what the log is when it is empty: on this device only, never sent, the last 5,000 articles', () => {
    const host = mount(<ReadingLog {...props({ rows: [], total: 0, logSize: 0 })} />);
    expect(host.querySelector('[data-testid="reading-log-empty"]')).not.toBeNull();
    expect(host.textContent).toContain('Kept on this device only, never sent; the last 5,000 articles');
    expect(host.querySelector('.rl-list')).toBeNull();
    // Nothing to export or clear.
    const buttons = [...host.querySelectorAll<HTMLButtonElement>('.rl__actions button')];
    expect(buttons.every((b) => b.disabled)).toBe(true);
  });

  it('clears only after the reader confirms, and cancel keeps everything', () => {
    const onClear = vi.fn();
    const host = mount(<ReadingLog {...props({ onClear, logSize: 12 })} />);
    const clear = [...host.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'Clear the log…')!;
    act(() => clear.click());
    expect(onClear).not.toHaveBeenCalled();
    const dialog = host.querySelector('[role="alertdialog"]')!;
    expect(dialog.textContent).toContain('Delete all 12 articles from the reading log?');
    act(() => [...dialog.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'Cancel')!.click());
    expect(host.querySelector('[role="alertdialog"]')).toBeNull();
    expect(onClear).not.toHaveBeenCalled();
    act(() => clear.click());
    act(() => [...host.querySelectorAll<HTMLButtonElement>('[role="alertdialog"] button')].find((b) => b.textContent === 'Delete all')!.click());
    expect(onClear).toHaveBeenCalledTimes(1);
  });

  it('searches, exports, removes one article and switches logging off through its callbacks', () => {
    const p = props();
    const host = mount(<ReadingLog {...p} />);
    const search = host.querySelector<HTMLInputElement>('input[type="search"]')!;
    search.value = 'customs';
    act(() => {
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(p.onQuery).toHaveBeenCalledWith('customs');
    act(() => [...host.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'Export as JSON')!.click());
    expect(p.onExport).toHaveBeenCalledTimes(1);
    const remove = host.querySelector<HTMLButtonElement>('.rl-row button')!;
    expect(remove.getAttribute('aria-label')).toBe('Remove “Beijing clears first H200 shipments” from the log');
    act(() => remove.click());
    expect(p.onRemove).toHaveBeenCalledWith(entry.pageKey);
    const toggle = host.querySelector<HTMLInputElement>('input[name="enabled"]')!;
    expect(toggle.checked).toBe(true);
    toggle.checked = false;
    act(() => {
      toggle.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(p.onEnabled).toHaveBeenCalledWith(false);
  });

  it('says when logging is off and when a search finds nothing, and counts a filtered list against the whole log', () => {
    const off = mount(<ReadingLog {...props({ settings: { enabled: false } })} />);
    expect(off.textContent).toContain('The log is off');
    const none = mount(<ReadingLog {...props({ rows: [], total: 0, logSize: 7, query: 'tariff' })} />);
    expect(none.textContent).toContain('No article in the log matches “tariff”.');
    expect(none.querySelector('[data-testid="reading-log-empty"]')).toBeNull();
    const some = mount(<ReadingLog {...props({ total: 1, logSize: 7, query: 'customs' })} />);
    expect(some.querySelector('[data-testid="reading-log-count"]')!.textContent).toBe('1 of 7 articles');
  });

  it('speaks Chinese when the browser does', () => {
    useUiLocale('zh_CN');
    const host = mount(<ReadingLog {...props()} />);
    expect(host.querySelector('h1')!.textContent).toBe('阅读记录');
    expect(host.textContent).toContain('只保存在本设备上，从不发送');
  });
});
