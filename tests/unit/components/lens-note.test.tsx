// @vitest-environment happy-dom
/** @jsxImportSource preact */
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { parsePack } from '@/lib/pack/schema';
import type { ScanResult } from '@/lib/pipeline/types';
import { buildLensView } from '@/components/sidebar/model';
import { filterView, readingOrder, summarize } from '@/components/sidebar/note';
import { WhyLinked } from '@/components/sidebar/ClaimCard';
import { setMessageFallback } from '@/lib/i18n';
import { catalog } from '@/lib/i18n/catalog';

setMessageFallback((key) => (catalog as Record<string, { en: string }>)[key]?.en);

const thesis = parsePack({
  id: 'acme',
  title: 'Acme',
  version: '1',
  topics: [{ id: 'topic', title: 'Topic', mentions: { en: ['acme'], zh: [] } }],
  items: [
    { id: 'growth', kind: 'catalyst', title: 'Growth', matchers: [{ all: [{ en: ['growth'], zh: [] }] }], history: [{ date: '2025-01-01', status: 'pending', note: 'n' }] },
    { id: 'chips', kind: 'risk', title: 'Chip ban', matchers: [{ all: [{ en: ['chips'], zh: [] }] }], history: [{ date: '2025-01-01', status: 'at-risk', note: 'n' }] },
  ],
} as never);

const scan: ScanResult = {
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
    { text: 'Second sentence: chips banned.', start: 100, end: 130, items: [{ id: 'chips', stance: 'challenges' }], figures: [], checks: [] },
    {
      text: 'First sentence: growth 40%.',
      start: 10,
      end: 37,
      items: [{ id: 'growth', stance: 'supports' }, { id: 'chips', stance: 'neutral' }],
      figures: [],
      checks: [{ itemId: 'growth', verdict: 'differs', known: '34%', figure: '40%' }],
    },
  ],
} as ScanResult;

describe("the analyst's note", () => {
  const view = buildLensView([scan], [thesis], '2026-01-01');

  it('summarises what the article does to the thesis', () => {
    expect(summarize(view)).toEqual({ items: 2, claims: 2, supports: 1, challenges: 1, differs: 1, newer: 0 });
  });

  it('lists one card per sentence in reading order, with every item it touches', () => {
    const rows = readingOrder(view, 'all');
    expect(rows.map((row) => row.claim.claim.text)).toEqual(['First sentence: growth 40%.', 'Second sentence: chips banned.']);
    expect(rows[0]!.items.map((item) => item.id)).toEqual(['growth', 'chips']);
  });

  it('filters challenges only, and figure conflicts only', () => {
    expect(readingOrder(view, 'challenges').map((row) => row.claim.claim.text)).toEqual(['Second sentence: chips banned.']);
    expect(readingOrder(view, 'figures').map((row) => row.claim.claim.text)).toEqual(['First sentence: growth 40%.']);
    const challenges = filterView(view, 'challenges');
    expect(challenges.theses[0]!.touched.map((item) => item.id)).toEqual(['chips']);
    expect(challenges.theses[0]!.touched[0]!.claims.map((c) => c.stance)).toEqual(['challenges']);
  });

  it('says why a link was made, in words, when the linker gives reasons', () => {
    const root = document.createElement('div');
    act(() => render(<WhyLinked reasons={{ subject: 'Alibaba', event: 'H200 import', direction: 'up', words: ['approve', 'H200'] }} />, root));
    expect(root.textContent).toContain('subject: Alibaba');
    expect(root.textContent).toContain('event: H200 import');
    expect(root.textContent).toContain('direction: rising');
    expect(root.textContent).toContain('words: approve, H200');
    expect(root.textContent).not.toContain('confidence');
    act(() => render(<WhyLinked reasons={{ subject: 'Alibaba', words: [], linkScore: 0.874 }} />, root));
    expect(root.textContent).toContain('confidence: 87%');
    act(() => render(<WhyLinked reasons={undefined} />, root));
    expect(root.textContent).toBe('');
  });
});
