import { describe, expect, it } from 'vitest';
import { correctEntry, logEntryOf, siteOf } from '@/lib/evidence/log';
import { ReadingLogEntrySchema } from '@/lib/evidence/schema';
import type { ScanResult } from '@/lib/pipeline/types';
import type { Correction } from '@/lib/corrections';

const URL_SEEN = 'https://www.example-wire.com/tech/chips-approved?utm_source=mail#top';

function result(extra: Partial<ScanResult> = {}): ScanResult {
  return {
    title: 'Chips approved',
    url: null,
    published: '2026-01-28T09:30:00Z',
    isArticle: true,
    relevant: true,
    topics: ['ali'],
    thesisId: 'ali',
    lang: 'en',
    items: [],
    timingsMs: { total: 1 },
    claims: [
      { text: 'Beijing approved the purchases.', items: [{ id: 'approval', stance: 'supports' }], figures: [], checks: [] },
      { text: 'Shipments may start soon.', items: [{ id: 'approval', stance: 'supports' }], figures: [], checks: [], hedged: true },
      { text: 'The shares rose.', items: [{ id: 'approval', stance: 'neutral' }], figures: [], checks: [] },
    ],
    ...extra,
  };
}

const correction = (extra: Partial<Correction>): Correction => ({
  id: 'c1',
  pageUrl: 'https://www.example-wire.com/tech/chips-approved?utm_source=mail',
  thesisId: 'ali',
  text: 'Beijing approved the purchases.',
  kind: 'not-claim',
  createdAt: '2026-01-28T10:00:00Z',
  ...extra,
});

describe('a reading-log entry', () => {
  it('keeps the page, its site, its day and its claims with items, stances and hedges', () => {
    const entry = logEntryOf(result(), { url: URL_SEEN, readAt: '2026-01-29T08:00:00.000Z' });
    expect(ReadingLogEntrySchema.parse(entry)).toEqual(entry);
    expect(entry).toMatchObject({
      pageKey: 'https://www.example-wire.com/tech/chips-approved',
      url: 'https://www.example-wire.com/tech/chips-approved?utm_source=mail',
      site: 'example-wire.com',
      published: '2026-01-28',
      thesisId: 'ali',
    });
    expect(entry!.claims.map((c) => [c.links[0]!.stance, c.hedged])).toEqual([
      ['supports', false],
      ['supports', true],
      ['neutral', false],
    ]);
  });

  it('is not made for a page that is not relevant, and an unreadable date is left out', () => {
    expect(logEntryOf(result({ relevant: false }), { url: URL_SEEN, readAt: '2026-01-29T08:00:00.000Z' })).toBeNull();
    expect(logEntryOf(result({ published: 'last Tuesday' }), { url: URL_SEEN, readAt: '2026-01-29T08:00:00.000Z' })!.published).toBeNull();
  });

  it('applies the reader corrections for that page and thesis, when recorded and afterwards', () => {
    const page = { url: URL_SEEN, readAt: '2026-01-29T08:00:00.000Z' };
    const notClaim = correction({});
    const otherPage = correction({ pageUrl: 'https://elsewhere.com/a' });
    expect(logEntryOf(result(), page, [notClaim])!.claims.map((c) => c.text)).toEqual(['Shipments may start soon.', 'The shares rose.']);
    expect(logEntryOf(result(), page, [otherPage])!.claims).toHaveLength(3);
    const recorded = logEntryOf(result(), page)!;
    const turned = correctEntry(recorded, [correction({ kind: 'stance', itemId: 'approval', stance: 'challenges', text: 'Shipments may start soon.' })]);
    expect(turned.claims[1]!.links).toEqual([{ itemId: 'approval', stance: 'challenges' }]);
    expect(turned.claims[1]!.hedged).toBe(true);
    expect(correctEntry(recorded, [correction({ thesisId: 'another' })])).toBe(recorded);
  });

  it('counts sites by registrable domain', () => {
    expect(siteOf('https://news.bbc.co.uk/x')).toBe('bbc.co.uk');
    expect(siteOf('https://markets.reuters.com/y')).toBe('reuters.com');
    expect(siteOf('https://someone.github.io/z')).toBe('someone.github.io');
  });
});
