import type { Page } from '@playwright/test';
import { toAnnotationJson } from '../../lib/clippings/export';
import type { Clipping } from '../../lib/clippings/schema';

/**
 * A library of `count` invented clippings (the project's own words), over `count / 5`
 * articles on a few sites, and the way to put it into the extension: one `clippings/import`
 * of its Web Annotation export, from an extension page, as the library's Import does.
 */
export function inventedLibrary(count: number): Clipping[] {
  const sites = ['Reuters', 'Caixin', 'Nikkei Asia', 'Bloomberg', 'SCMP'];
  return Array.from({ length: count }, (_, n) => {
    const story = Math.floor(n / 5);
    const quote = `Cloud revenue grew ${20 + (n % 30)}% in quarter ${n}, management said, as data-centre orders ${n % 7 === 0 ? 'slowed' : 'rose'} (${n})`;
    const created = new Date(Date.UTC(2025, 0, 1) + n * 3_600_000).toISOString();
    const url = `https://www.example-news-${story % 5}.com/markets/story-${story}`;
    return {
      schemaVersion: 2,
      id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      quote,
      selectors: [
        { type: 'TextQuoteSelector', exact: quote, prefix: `Paragraph ${n % 5} begins. `, suffix: ' and more follows.' },
        { type: 'TextPositionSelector', start: 100 + (n % 5) * 300, end: 100 + (n % 5) * 300 + quote.length },
      ],
      page: { url, canonicalUrl: url, title: `Story ${story}: cloud and chips`, site: sites[story % 5]!, published: created.slice(0, 10) },
      topics: n % 2 ? ['alibaba'] : ['h200-exports'],
      items: [{ thesisId: 'alibaba-ai-cloud-h200', itemId: n % 4 === 0 ? 'h200-procurement' : 'cloud-revenue-growth' }],
      note: n % 5 === 0 ? `Note ${n}: watch the margin` : '',
      tags: n % 2 ? ['cloud', `batch-${n % 10}`] : ['chips'],
      stance: n % 3 === 0 ? 'challenges' : 'supports',
      createdAt: created,
      updatedAt: created,
    } as Clipping;
  });
}

/** Imports the library through an extension page (`page` must be one). */
export async function importLibrary(page: Page, clippings: readonly Clipping[]): Promise<void> {
  const text = toAnnotationJson(clippings);
  const reply = (await page.evaluate((body) => chrome.runtime.sendMessage({ type: 'clippings/import', payload: { text: body } }), text)) as { ok: boolean; error?: string; data?: { added: number } };
  if (!reply.ok || reply.data?.added !== clippings.length) throw new Error(`import failed: ${reply.error ?? JSON.stringify(reply.data)}`);
}
