// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { ItemEvidence } from '@/lib/evidence/schema';
import { ArticleNoveltyNote, EvidenceProvider, ItemEvidenceLine, evidenceLine, type PageEvidence } from '@/components/sidebar/EvidenceNote';
import { formatDate } from '@/components/status/labels';
import { useUiLocale } from '../../support/i18n';

afterEach(() => {
  document.body.innerHTML = '';
  useUiLocale('en');
});

const source = (site: string) => ({ pageKey: `https://${site}/a`, url: `https://${site}/a`, title: 'A', site, date: '2026-03-02' });
const evidence: ItemEvidence = {
  itemId: 'h200-import-approval',
  since: '2026-01-12',
  supports: [
    { text: 'a', stance: 'supports', hedged: false, source: source('reuters.com') },
    { text: 'b', stance: 'supports', hedged: false, source: source('cnbc.com') },
    { text: 'c', stance: 'supports', hedged: false, source: source('reuters.com') },
  ],
  challenges: [{ text: 'd', stance: 'challenges', hedged: true, source: source('scmp.com') }],
  supportSites: 2,
  challengeSites: 1,
};
const page: PageEvidence = {
  items: [evidence, { ...evidence, itemId: 'quiet', supports: [], challenges: [], supportSites: 0, challengeSites: 0 }],
  novelty: { newSourceFor: ['h200-import-approval'], newFigures: [{ itemId: 'cloud-growth', measure: 'cloud revenue growth', figure: '35%', period: '2026-03-31' }] },
};

async function mountPanel(load: () => Promise<PageEvidence>, version: unknown = 1) {
  const host = document.createElement('div');
  document.body.append(host);
  const draw = (v: unknown) =>
    render(
      <EvidenceProvider version={v} load={load}>
        <ArticleNoveltyNote titleOf={(id) => (id === 'h200-import-approval' ? 'H200 import approval' : id)} measureLabel={(itemId, measure) => `${measure} of ${itemId}`} />
        <ul>
          <ItemEvidenceLine itemId="h200-import-approval" />
          <ItemEvidenceLine itemId="quiet" />
        </ul>
      </EvidenceProvider>,
      host,
    );
  await act(async () => {
    draw(version);
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return { host, redraw: (v: unknown) => act(async () => {
    draw(v);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }) };
}

describe('the reading log in the panel', () => {
  it('writes an item’s evidence since its last status in one line, and nothing when none was read', () => {
    expect(evidenceLine(evidence)).toBe(`Since ${formatDate('2026-01-12')}: 3 support (2 sites), 1 challenge (1 site)`);
    expect(evidenceLine({ ...evidence, since: null })).toBe('Read so far: 3 support (2 sites), 1 challenge (1 site)');
    // A side nothing was read on is left out.
    expect(evidenceLine({ ...evidence, supports: [], supportSites: 0 })).toBe(`Since ${formatDate('2026-01-12')}: 1 challenge (1 site)`);
    expect(evidenceLine(page.items[1])).toBeNull();
    expect(evidenceLine(undefined)).toBeNull();
  });

  it('shows each item’s line and what the article adds, as the background answers', async () => {
    const load = vi.fn(async () => page);
    const { host } = await mountPanel(load);
    expect(load).toHaveBeenCalledTimes(1);
    const lines = [...host.querySelectorAll('[data-testid="panel-evidence"]')].map((p) => p.textContent);
    expect(lines).toEqual([evidenceLine(evidence)]);
    const novelty = [...host.querySelectorAll('[data-testid="panel-novelty"] li')].map((li) => li.textContent);
    expect(novelty).toEqual([
      'First source since the last status on: H200 import approval.',
      `A figure no one reported before: 35% (cloud revenue growth of cloud-growth, ${formatDate('2026-03-31')}).`,
    ]);
  });

  it('asks again when the article’s results change, and shows nothing when the log cannot answer', async () => {
    let fail = false;
    const load = vi.fn(async () => {
      if (fail) throw new Error('The reading log is off');
      return page;
    });
    const { host, redraw } = await mountPanel(load, 'first');
    expect(host.querySelectorAll('[data-testid="panel-evidence"]')).toHaveLength(1);
    fail = true;
    await redraw('second');
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(load).toHaveBeenCalledTimes(2);
    expect(host.querySelector('[data-testid="panel-evidence"]')).toBeNull();
    expect(host.querySelector('[data-testid="panel-novelty"]')).toBeNull();
  });

  it('renders nothing outside a provider (the item card is also drawn without the log)', () => {
    const host = document.createElement('div');
    act(() => render(<ItemEvidenceLine itemId="h200-import-approval" />, host));
    expect(host.innerHTML).toBe('');
  });

  it('speaks Chinese when the browser does', () => {
    useUiLocale('zh_CN');
    expect(evidenceLine(evidence)).toBe(`自 ${formatDate('2026-01-12')} 以来：支持 3（2 个网站），质疑 1（1 个网站）`);
  });
});
