import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  countByItem,
  csvField,
  parseClippingsImport,
  searchClippings,
  sourceLinkFor,
  toAnnotationJson,
  toCsv,
  toMarkdown,
  pageKey,
  migrateRecord,
  ANNOTATION_CONTEXT,
} from '@/lib/clippings';
import { clipping } from './clippings-fixtures';

const library = Array.from({ length: 40 }, (_, n) => clipping(n));

describe('search and filters', () => {
  const index = buildSearchIndex(library);

  it('lists newest first and finds every word in quote, note, tags or title', () => {
    expect(searchClippings(index).map((c) => c.id)).toEqual([...library].reverse().map((c) => c.id));
    const hits = searchClippings(index, { query: 'WATCH margin' });
    expect(hits.length).toBe(8);
    expect(hits.every((c) => c.note.includes('watch the margin'))).toBe(true);
    expect(searchClippings(index, { query: 'batch-3 cloud' }).every((c) => c.tags.includes('batch-3'))).toBe(true);
    expect(searchClippings(index, { query: '"quarter 17,"' }).map((c) => c.id)).toEqual([clipping(17).id]);
    expect(searchClippings(index, { query: 'story 12 about' }).length).toBe(1);
    expect(searchClippings(index, { query: 'nothing-like-this' })).toEqual([]);
  });

  it('filters by item, topic, site, stance and date range', () => {
    const byItem = searchClippings(index, { itemId: 'h200-procurement' });
    expect(byItem.length).toBe(10);
    expect(searchClippings(index, { itemId: 'h200-procurement', thesisId: 'other' })).toEqual([]);
    expect(searchClippings(index, { topic: 'alibaba' }).length).toBe(20);
    expect(searchClippings(index, { site: 'Reuters', stance: 'challenges' }).length).toBe(14);
    expect(searchClippings(index, { stance: 'neutral' })).toEqual([]);
    const later = library.map((c, i) => ({ ...c, createdAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString() }));
    const dated = buildSearchIndex(later);
    expect(searchClippings(dated, { from: '2026-01-05', to: '2026-01-07' }).length).toBe(3);
  });

  it('counts clippings by item for the checklist page', () => {
    expect(countByItem(library)).toEqual({ 'h200-procurement': 10, 'cloud-revenue-growth': 30 });
    expect(countByItem(library, 'someone-else')).toEqual({});
  });
});

describe('exports', () => {
  const titles = new Map([['alibaba-ai-cloud-h200/h200-procurement', 'Alibaba secures H200 supply']]);

  it('Markdown groups by checklist item with quote, source link with a text fragment, and date', () => {
    const md = toMarkdown([clipping(0), clipping(1), { ...clipping(2), items: [] }], { itemTitles: titles, exportedAt: new Date('2026-02-01T00:00:00Z') });
    expect(md).toContain('## Alibaba secures H200 supply');
    expect(md).toContain('## cloud-revenue-growth');
    expect(md).toContain('## Not linked to a checklist item');
    expect(md).toContain(`> ${clipping(0).quote}`);
    // The address read at (with its query), not the canonical one.
    expect(md).toContain('](<https://www.reuters.com/technology/story-0/?utm_source=newsletter#:~:text=');
    expect(md).toContain('saved 2026-01-01');
    expect(md).toContain('#chips');
    expect(md.indexOf('Alibaba secures')).toBeLessThan(md.indexOf('## cloud-revenue-growth'));
  });

  it('CSV quotes per RFC 4180 and neutralises formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, "b"\nc')).toBe('"a, ""b""\nc"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    for (const lead of ['+', '-', '@', '\t', '\r']) expect(csvField(`${lead}1`).replace(/^"/, '')).toMatch(/^'/);
    const csv = toCsv([{ ...clipping(1), note: '=1+2', tags: ['a', 'b'] }], { itemTitles: titles });
    const [header, row] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe('id,saved,quote,note,tags,items,stance,title,site,published,url,topics');
    expect(row).toContain(",'=1+2,a; b,alibaba-ai-cloud-h200/cloud-revenue-growth,supports,");
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('JSON is W3C Web Annotation JSON-LD and imports back to the same clippings', () => {
    const json = toAnnotationJson([clipping(5)]);
    const data = JSON.parse(json);
    expect(data['@context']).toBe(ANNOTATION_CONTEXT);
    const annotation = data.first.items[0];
    expect(annotation.type).toBe('Annotation');
    expect(annotation.target.source).toBe(clipping(5).page.canonicalUrl);
    expect(annotation.target.selector.map((s: { type: string }) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    expect(annotation.body).toContainEqual({ type: 'TextualBody', purpose: 'tagging', value: 'cloud' });
    expect(annotation.body).toContainEqual({ type: 'TextualBody', purpose: 'commenting', value: 'Note 5: watch the margin', format: 'text/plain' });
    expect(parseClippingsImport(json).clippings).toEqual([clipping(5)]);
  });

  it('imports another tool\'s bare annotation (quote selector only), and counts duplicates within a file', () => {
    const bare = {
      '@context': ANNOTATION_CONTEXT,
      type: 'Annotation',
      body: { type: 'TextualBody', purpose: 'tagging', value: 'chips' },
      target: { source: 'https://www.scmp.com/tech/article/1', selector: { type: 'TextQuoteSelector', exact: 'H200 orders resumed' } },
    };
    const { clippings, duplicatesInFile } = parseClippingsImport(JSON.stringify([bare, bare]), { newId: () => 'fixed-id' });
    expect(duplicatesInFile).toBe(1);
    expect(clippings[0]).toMatchObject({ quote: 'H200 orders resumed', tags: ['chips'], page: { site: 'scmp.com' }, stance: 'neutral' });
  });

  it('links to the source with a text fragment that Chromium scrolls to', () => {
    expect(sourceLinkFor('https://x.com/a#old', 'Exports fell - again, 5%')).toBe('https://x.com/a#:~:text=Exports%20fell%20%2D%20again%2C%205%25');
    const long = sourceLinkFor('https://x.com/a', 'one two three four five six\nseven eight nine ten eleven twelve');
    expect(long).toBe('https://x.com/a#:~:text=one%20two%20three%20four%20five,eight%20nine%20ten%20eleven%20twelve');
  });
});

describe('page keys and record migration', () => {
  it('drops fragments and tracking parameters', () => {
    expect(pageKey('https://www.ft.com/content/1?utm_source=x&id=3#top')).toBe('https://www.ft.com/content/1?id=3');
  });
  it('reports an unreadable record instead of throwing', () => {
    expect(migrateRecord(null)).toMatchObject({ ok: false });
    expect(migrateRecord({ ...clipping(1), tags: 'x' })).toMatchObject({ ok: false, reason: expect.stringContaining('tags') });
  });
});
