import type { Clipping, ClippingDraftInput } from '@/lib/clippings/schema';

/** Invented clippings for tests and the bench (never text from the seed article). */
export function draft(n: number, overrides: Partial<ClippingDraftInput> = {}): ClippingDraftInput {
  const quote = `Cloud revenue grew ${20 + (n % 30)}% in quarter ${n}, management said`;
  const start = 100 + n * 7;
  return {
    quote,
    selectors: [
      { type: 'TextQuoteSelector', exact: quote, prefix: `Paragraph ${n} begins. `, suffix: ` and more follows ${n}.` },
      { type: 'TextPositionSelector', start, end: start + quote.length },
    ],
    page: {
      url: `https://www.reuters.com/technology/story-${n % 50}/?utm_source=newsletter`,
      canonicalUrl: `https://www.reuters.com/technology/story-${n % 50}/`,
      title: `Story ${n % 50} about cloud and chips`,
      site: n % 3 === 0 ? 'Reuters' : n % 3 === 1 ? 'Caixin' : 'Nikkei Asia',
      published: '2026-01-09',
    },
    topics: n % 2 ? ['alibaba'] : ['h200-exports'],
    items: [{ thesisId: 'alibaba-ai-cloud-h200', itemId: n % 4 === 0 ? 'h200-procurement' : 'cloud-revenue-growth' }],
    note: n % 5 === 0 ? `Note ${n}: watch the margin` : '',
    tags: n % 2 ? ['cloud', `batch-${n % 10}`] : ['chips'],
    stance: n % 3 === 0 ? 'challenges' : 'supports',
    ...overrides,
  };
}

export function clipping(n: number, overrides: Partial<Clipping> = {}): Clipping {
  const d = draft(n);
  const created = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
  return {
    ...(d as Omit<Clipping, 'schemaVersion' | 'id' | 'createdAt' | 'updatedAt'>),
    note: d.note ?? '',
    tags: d.tags ?? [],
    items: d.items ?? [],
    topics: d.topics ?? [],
    stance: d.stance ?? 'neutral',
    page: { ...d.page, title: d.page.title ?? '', site: d.page.site ?? '', published: d.page.published ?? null },
    schemaVersion: 2,
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    createdAt: created,
    updatedAt: created,
    ...overrides,
  } as Clipping;
}
