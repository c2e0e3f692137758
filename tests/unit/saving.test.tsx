// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { SaveDialog } from '@/components/clippings/SaveDialog';
import { PageClippingsSection } from '@/components/clippings/PageClippingsSection';
import { SidebarStatusUpdate } from '@/components/checklist/SidebarStatusUpdate';
import { parseTags } from '@/components/clippings/model';
import { findSameTarget, isSameTarget } from '@/lib/clippings/same-target';
import { readFileSync } from 'node:fs';
import { htmlToDocument } from '@/lib/cli/scan';
import { ClipperCommandSchema } from '@/lib/messages/clippings';
import { clipperCommandOf } from '@/entrypoints/clipper.content/commands';
import { pageInfoOf } from '@/entrypoints/clipper.content/page-info';
import { useUiLocale } from '../support/i18n';
import { clipping } from './clippings-fixtures';

function mount(node: preact.ComponentChild): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  act(() => render(node, host));
  return host;
}

afterEach(() => useUiLocale('en'));

const OPTIONS = [
  { thesisId: 't', thesisTitle: 'Thesis', itemId: 'a', title: 'Approval', kind: 'catalyst' as const },
  { thesisId: 't', thesisTitle: 'Thesis', itemId: 'b', title: 'Supply', kind: 'catalyst' as const },
  { thesisId: 't', thesisTitle: 'Thesis', itemId: 'z', title: 'Export controls', kind: 'risk' as const },
];

describe('the same passage', () => {
  it('is the same quote at the same place, whitespace aside', () => {
    const saved = clipping(1);
    const again = { quote: `  ${saved.quote.replace(/ /g, '\n')} `, selectors: saved.selectors };
    expect(isSameTarget(saved, again)).toBe(true);
  });

  it('is the same quote with the same context when the position moved (page edited above it)', () => {
    const saved = clipping(1);
    const [quote, position] = saved.selectors;
    const moved = { quote: saved.quote, selectors: [quote, { ...position, start: position.start + 40, end: position.end + 40 }] as typeof saved.selectors };
    expect(isSameTarget(saved, moved)).toBe(true);
    const elsewhere = { quote: saved.quote, selectors: [{ ...quote, prefix: 'Another paragraph. ' }, moved.selectors[1]] as typeof saved.selectors };
    expect(isSameTarget(saved, elsewhere)).toBe(false);
  });

  it('is not another quote at the same place', () => {
    const saved = clipping(1);
    const other = clipping(2);
    expect(findSameTarget([saved], { quote: other.quote, selectors: [other.selectors[0], saved.selectors[1]] })).toBeUndefined();
    expect(findSameTarget([other, saved], saved)).toBe(saved);
  });
});

it('keeps tags as plain words: no quote marks, no #, no duplicates', () => {
  expect(parseTags('"capex", \'infra\' ,“cash”, 「芯片」、#H200, capex')).toEqual(['capex', 'infra', 'cash', '芯片', 'H200']);
  expect(parseTags('" ", ,')).toEqual([]);
});

describe('the save dialog', () => {
  it('puts the chosen items first and folds the others', () => {
    const host = mount(
      <SaveDialog quote="q" source="" itemOptions={OPTIONS} initial={{ note: '', tags: [], items: [{ thesisId: 't', itemId: 'z' }], stance: 'neutral' }} onSave={async () => {}} onCancel={() => {}} />,
    );
    const chosen = [...host.querySelectorAll('[data-testid="chosen-items"] [data-item-id]')].map((label) => label.getAttribute('data-item-id'));
    expect(chosen).toEqual(['z']);
    const folded = host.querySelector('details.tlc-more')!;
    expect(folded.hasAttribute('open')).toBe(false);
    expect(folded.querySelector('summary')!.textContent).toBe('Other items (2)');
    expect([...folded.querySelectorAll('[data-item-id]')].map((label) => label.getAttribute('data-item-id'))).toEqual(['a', 'b']);
    expect(host.querySelector('[data-item-id="z"]')!.textContent).toBe('Export controls (Risk)');
  });

  it('shows every item at once when none is chosen', () => {
    const host = mount(<SaveDialog quote="q" source="" itemOptions={OPTIONS} initial={{ note: '', tags: [], items: [], stance: 'neutral' }} onSave={async () => {}} onCancel={() => {}} />);
    expect(host.querySelector('details.tlc-more')!.hasAttribute('open')).toBe(true);
    expect(host.querySelector('[data-testid="chosen-items"]')!.textContent).toBe('None chosen yet.');
  });

  it('says when it edits a clipping saved before, and saves with Ctrl+Enter', async () => {
    const onSave = vi.fn(async () => {});
    const host = mount(
      <SaveDialog quote="q" source="" itemOptions={OPTIONS} editing initial={{ note: 'kept', tags: ['cloud'], items: [], stance: 'supports' }} onSave={onSave} onCancel={() => {}} />,
    );
    expect(host.querySelector('h2')!.textContent).toBe('Edit your clipping');
    expect(host.querySelector('button[type="submit"]')!.textContent).toBe('Save changes');
    await act(async () => {
      host.querySelector('textarea')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    });
    expect(onSave).toHaveBeenCalledWith({ note: 'kept', tags: ['cloud'], items: [], stance: 'supports' });
  });

  it('speaks Chinese when the browser does', () => {
    useUiLocale('zh_CN');
    const host = mount(
      <SaveDialog quote="q" source="" itemOptions={OPTIONS} initial={{ note: '', tags: [], items: [{ thesisId: 't', itemId: 'a' }], stance: 'neutral' }} onSave={async () => {}} onCancel={() => {}} />,
    );
    expect(host.querySelector('h2')!.textContent).toBe('保存到 Thesis Lens');
    expect(host.querySelector('button[type="submit"]')!.textContent).toBe('保存摘录');
    expect(host.querySelector('[data-item-id="a"]')!.textContent).toBe('Approval（催化剂）');
    expect(host.querySelector('summary')!.textContent).toBe('其他条目（2）');
    expect(host.textContent).toContain('质疑');
    const section = mount(<PageClippingsSection state={{ phase: 'ready', found: [], notFound: [clipping(3)] }} onShow={() => {}} onOpenLibrary={() => {}} />);
    expect(section.textContent).toContain('本页未找到（1）');
  });
});

describe('a status update started from an article', () => {
  const item = { thesisId: 't', id: 'a', title: 'Approval', status: 'pending' as const };
  it('is dated by the article, says so, and the date can be changed before saving', async () => {
    const save = vi.fn(async () => {});
    const host = mount(
      <SidebarStatusUpdate item={item} claimText="Approval granted." page={{ title: 'Story', url: 'https://example.com/a', published: '2026-01-09' }} today="2026-03-01" save={save} undo={async () => {}} onClose={() => {}} />,
    );
    const date = host.querySelector<HTMLInputElement>('input[type="date"]')!;
    expect(date.value).toBe('2026-01-09');
    expect(host.querySelector(`#${date.getAttribute('aria-describedby')}`)!.textContent).toContain('The article’s date');
    await act(() => {
      date.value = '2026-01-10';
      date.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      host.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ date: '2026-01-10', note: 'Approval granted.' }));
  });

  it('is dated today when the article states no date', () => {
    const host = mount(<SidebarStatusUpdate item={item} page={{ title: 'Story', url: 'https://example.com/a', published: null }} today="2026-03-01" save={async () => {}} undo={async () => {}} onClose={() => {}} />);
    expect(host.querySelector<HTMLInputElement>('input[type="date"]')!.value).toBe('2026-03-01');
    expect(host.querySelector('input[type="date"]')!.hasAttribute('aria-describedby')).toBe(false);
  });
});

describe('the clipper without zod', () => {
  it('takes the same background commands as the protocol’s schema, and nothing else', () => {
    const samples: unknown[] = [
      { type: 'clipper/save-selection' },
      { type: 'clipper/refresh' },
      { type: 'clipper/refresh', extra: 1 },
      { type: 'clipper/delete-all' },
      { type: 'lens/rescan' },
      'clipper/refresh',
      null,
      42,
      { type: ['clipper/refresh'] },
    ];
    for (const sample of samples) {
      const parsed = ClipperCommandSchema.safeParse(sample);
      expect(clipperCommandOf(sample), JSON.stringify(sample)).toEqual(parsed.success ? { type: parsed.data.type } : null);
    }
  });

  it('reads a page’s title, site, date and canonical address from its metadata', () => {
    const doc = htmlToDocument(readFileSync('tests/fixtures/pages/demo-alibaba-h200.html', 'utf8'));
    expect(pageInfoOf(doc, 'https://www.reuters.com/technology/demo?x=1#frag')).toEqual({
      url: 'https://www.reuters.com/technology/demo?x=1',
      canonicalUrl: 'https://demo.thesislens.dev/markets/alibaba-ai-cloud-h200',
      title: "Alibaba's AI cloud gathers speed as Beijing weighs H200 imports",
      site: 'Thesis Lens Demo',
      published: '2026-01-09',
    });
    const bare = htmlToDocument('<html><head><title>Notes</title></head><body><p>Text.</p></body></html>');
    expect(pageInfoOf(bare, 'https://www.example.com/a')).toEqual({ url: 'https://www.example.com/a', canonicalUrl: 'https://www.example.com/a', title: 'Notes', site: 'example.com', published: null });
  });
});
