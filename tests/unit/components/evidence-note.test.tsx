// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { ItemEvidence } from '@/lib/evidence/schema';
import { ArticleNoveltyNote, EvidenceProvider, ItemEvidenceLine, evidenceLine, type NoveltyProps, type PageEvidence } from '@/components/sidebar/EvidenceNote';
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

const checklistItems = [
  { id: 'h200-import-approval', title: 'H200 import approval', figures: [] },
  {
    id: 'cloud-growth',
    title: 'Cloud growth',
    figures: [{ measure: 'cloud revenue growth', label: 'Cloud revenue growth, year over year', periodEnd: '2025-09-30' }],
  },
] as unknown as NoveltyProps['items'];

async function mountPanel(load: () => Promise<PageEvidence>, version: unknown = 1, pageUrl = 'https://www.scmp.com/tech/article/1') {
  const host = document.createElement('div');
  document.body.append(host);
  const draw = (v: unknown) =>
    render(
      <EvidenceProvider version={v} load={load}>
        <ArticleNoveltyNote pageUrl={pageUrl} items={checklistItems} />
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
      'This site is a new source on: H200 import approval.',
      `A figure no one reported before: 35% (Cloud revenue growth, year over year, ${formatDate('2026-03-31')}).`,
    ]);
  });

  it('says nothing is new when nothing else was read, keeps quiet about figures the checklist holds, and cuts a long list', async () => {
    // Every claim the log holds is from this very site: the first article on the story is not news about sources.
    const own = { ...evidence, supports: evidence.supports.filter((claim) => claim.source.site === 'reuters.com'), challenges: [], supportSites: 1, challengeSites: 0 };
    const alone = await mountPanel(async () => ({ ...page, items: [own] }), 1, 'https://www.reuters.com/a');
    expect(alone.host.querySelector('[data-testid="panel-novelty"]')).toBeNull();
    document.body.innerHTML = '';
    const known = { itemId: 'cloud-growth', measure: 'cloud revenue growth', figure: '34%', period: '2025-09-30' };
    const fresh = (n: number) => ({ itemId: 'cloud-growth', measure: 'cloud revenue growth', figure: `${30 + n}%`, period: `2027-0${n}-30` });
    const many: PageEvidence = { ...page, novelty: { newSourceFor: [], newFigures: [known, fresh(1), fresh(2), fresh(3), fresh(4), fresh(5)] } };
    const { host } = await mountPanel(async () => many);
    const lines = [...host.querySelectorAll('[data-testid="panel-novelty"] li')].map((li) => li.textContent);
    expect(lines).toHaveLength(4);
    expect(lines.join(' ')).not.toContain('34%');
    expect(lines[0]).toContain('31%');
    expect(lines[3]).toBe('And 2 more new figures.');
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
