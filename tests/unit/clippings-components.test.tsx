// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { SaveDialog } from '@/components/clippings/SaveDialog';
import { PageClippingsSection } from '@/components/clippings/PageClippingsSection';
import { parseTags } from '@/components/clippings/model';
import { clipping } from './clippings-fixtures';

function mount(node: preact.ComponentChild): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  act(() => render(node, host));
  return host;
}

describe('the save dialog', () => {
  it('prefills items and stance from a claim, and saves what the reader chose', async () => {
    const onSave = vi.fn(async () => {});
    const host = mount(
      <SaveDialog
        quote="Cloud revenue grew 34%"
        source="Reuters · Alibaba cloud"
        itemOptions={[
          { thesisId: 't', thesisTitle: 'Thesis', itemId: 'cloud-revenue-growth', title: 'Cloud growth', kind: 'catalyst' },
          { thesisId: 't', thesisTitle: 'Thesis', itemId: 'export-control-tightening', title: 'Export controls', kind: 'risk' },
        ]}
        initial={{ note: '', tags: [], items: [{ thesisId: 't', itemId: 'cloud-revenue-growth' }], stance: 'supports' }}
        onSave={onSave}
        onCancel={() => {}}
      />,
    );
    const dialog = host.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const boxes = [...host.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(boxes.map((b) => b.checked)).toEqual([true, false]);
    expect(host.querySelector<HTMLInputElement>('input[value="supports"]')!.checked).toBe(true);

    const tags = host.querySelector<HTMLInputElement>('input[name="tags"]')!;
    await act(() => {
      tags.value = 'capex, #H200 ,, capex';
      tags.dispatchEvent(new Event('input', { bubbles: true }));
      boxes[1]!.click();
      host.querySelector<HTMLInputElement>('input[value="challenges"]')!.click();
    });
    await act(() => {
      host.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(onSave).toHaveBeenCalledWith({
      note: '',
      tags: ['capex', 'H200'],
      items: [
        { thesisId: 't', itemId: 'cloud-revenue-growth' },
        { thesisId: 't', itemId: 'export-control-tightening' },
      ],
      stance: 'challenges',
    });
  });

  it('keeps the dialog open with the reason when saving fails', async () => {
    const host = mount(
      <SaveDialog quote="q" source="" itemOptions={[]} initial={{ note: '', tags: [], items: [], stance: 'neutral' }} onSave={async () => Promise.reject(new Error('storage is full'))} onCancel={() => {}} />,
    );
    await act(async () => {
      host.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await act(async () => {});
    expect(host.querySelector('[role="alert"]')!.textContent).toBe('Not saved: storage is full');
    expect(host.querySelector('[role="dialog"]')).not.toBeNull();
  });
});

describe('"Saved from this page"', () => {
  it('lists clippings found and, separately, those not found', () => {
    const onShow = vi.fn();
    const found = clipping(1, { note: 'keep an eye' });
    const lost = clipping(2);
    const host = mount(<PageClippingsSection state={{ phase: 'ready', found: [{ clipping: found, method: 'quote' }], notFound: [lost] }} onShow={onShow} onOpenLibrary={() => {}} />);
    expect(host.querySelectorAll('[aria-label="Clippings found on this page"] li')).toHaveLength(1);
    expect(host.textContent).toContain('Not found on this page (1)');
    expect(host.querySelector('[data-not-found]')!.textContent).toContain(lost.quote);
    host.querySelector<HTMLButtonElement>(`[data-clipping-id="${found.id}"]`)!.click();
    expect(onShow).toHaveBeenCalledWith(found.id);
  });
});

it('parses tags from commas, full-width commas and hashes', () => {
  expect(parseTags('a, #b，c;; a')).toEqual(['a', 'b', 'c']);
});
