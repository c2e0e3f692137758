import { describe, expect, it } from 'vitest';
import { applyCorrections, asExamples, type Correction } from '@/lib/corrections';
import { withoutFragment } from '@/lib/clippings/page-key';
import type { ScanResult } from '@/lib/pipeline/types';

const base: ScanResult = {
  title: 'Page',
  url: null,
  published: null,
  isArticle: true,
  relevant: true,
  topics: ['t'],
  thesisId: 'acme',
  timingsMs: { total: 1 },
  items: [],
  claims: [
    { text: 'Customs  said the H200 may not enter.', items: [{ id: 'h200-import', stance: 'supports' }], figures: [], checks: [] },
    {
      text: 'Cloud revenue grew 34%.',
      items: [{ id: 'cloud', stance: 'supports' }, { id: 'capex', stance: 'neutral' }],
      figures: [],
      checks: [{ itemId: 'capex', verdict: 'differs', known: 'x', figure: '34%' }],
    },
    { text: 'Subscribe to our newsletter for 50% off.', items: [{ id: 'cloud', stance: 'neutral' }], figures: [], checks: [] },
  ],
} as ScanResult;

function correction(overrides: Partial<Correction>): Correction {
  return { id: 'c', pageUrl: 'https://news.example/a', thesisId: 'acme', text: '', kind: 'not-claim', createdAt: '2026-01-01T00:00:00Z', ...overrides };
}

describe('applyCorrections', () => {
  it('drops a sentence marked "not a claim", matched by its text (whitespace aside)', () => {
    const [out] = applyCorrections([base], [correction({ text: 'Subscribe to our newsletter for 50% off.' })]);
    expect(out!.claims.map((c) => c.text)).toEqual([base.claims[0]!.text, base.claims[1]!.text]);
  });

  it('changes the stance of one link', () => {
    const [out] = applyCorrections([base], [correction({ kind: 'stance', text: 'Customs said the H200 may not enter.', itemId: 'h200-import', stance: 'challenges' })]);
    expect(out!.claims[0]!.items).toEqual([{ id: 'h200-import', stance: 'challenges' }]);
  });

  it('moves a link to the right item, first, and drops the wrong item’s figure checks', () => {
    const [out] = applyCorrections([base], [correction({ kind: 'item', text: 'Cloud revenue grew 34%.', itemId: 'capex', toItemId: 'cloud-growth' })]);
    expect(out!.claims[1]!.items).toEqual([{ id: 'cloud-growth', stance: 'neutral' }, { id: 'cloud', stance: 'supports' }]);
    expect(out!.claims[1]!.checks).toEqual([]);
  });

  it('leaves other theses and other sentences alone, and does not change its input', () => {
    const other = { ...base, thesisId: 'other' } as ScanResult;
    const before = JSON.stringify([base, other]);
    const out = applyCorrections([base, other], [correction({ text: 'Subscribe to our newsletter for 50% off.' })]);
    expect(out[1]!.claims).toHaveLength(3);
    expect(JSON.stringify([base, other])).toBe(before);
  });

  it("makes linker examples of one thesis's corrections: not a claim, a stance, and both sides of a wrong item", () => {
    const list = [
      correction({ text: 'x', lang: 'en' }),
      correction({ kind: 'stance', text: 'z', lang: 'zh', itemId: 'a', stance: 'challenges' }),
      correction({ kind: 'item', text: 'y', lang: 'en', itemId: 'a', toItemId: 'b', stance: 'supports' }),
      correction({ kind: 'stance', text: 'no language', itemId: 'a', stance: 'supports' }),
      correction({ thesisId: 'other', text: 'another thesis', lang: 'en' }),
    ];
    expect(asExamples(list, 'acme')).toEqual([
      { text: 'x', lang: 'en', notAClaim: true },
      { text: 'z', lang: 'zh', itemId: 'a', stance: 'challenges' },
      { text: 'y', lang: 'en', itemId: 'a', notAClaim: true },
      { text: 'y', lang: 'en', itemId: 'b', stance: 'supports' },
    ]);
  });

  it('keeps the page without its fragment', () => {
    expect(withoutFragment('https://a.example/x?y=1#frag')).toBe('https://a.example/x?y=1');
  });
});
