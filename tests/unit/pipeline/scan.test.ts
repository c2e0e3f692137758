import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { defaultPack } from '@/lib/pack/default-pack';
import { parsePack } from '@/lib/pack/schema';
import { analyzePage, analyzePageSteps, scan } from '@/lib/pipeline/scan';
import { ScanResultSchema } from '@/lib/pipeline/types';

const page = (title: string, paragraphs: string[], date = '2026-01-09') =>
  parseHTML(
    `<!doctype html><html lang="en"><head><title>${title}</title><meta property="article:published_time" content="${date}T08:00:00Z"></head>` +
      `<body><nav><a href="/">Home</a> <a href="/alibaba">Alibaba news</a></nav><article><h1>${title}</h1>` +
      paragraphs.map((p) => `<p>${p}</p>`).join('') +
      `</article></body></html>`,
  ).document as unknown as Document;

const ARTICLE = [
  'Alibaba Group is weighing an order for more than 200,000 Nvidia H200 chips, according to people familiar with the matter, as Beijing considers letting a few companies import them.',
  'China may approve limited H200 imports as soon as this quarter for select commercial uses, with state-owned enterprises excluded from the first round of purchases.',
  'Alibaba Cloud revenue grew 34% in the September 2025 quarter, and revenue from AI-related products grew at triple-digit rates for a ninth straight quarter.',
  'Beijing told customs the chips are not permitted for now, two people said, and firms were told not to buy unless necessary.',
  'Will the chips arrive in time? Analysts are divided on that question and on the timing of any deployment in Alibaba data centres.',
];

describe('scan', () => {
  it('returns the spec shape: relevant, topics, claims with items, and every item with its status', () => {
    const result = ScanResultSchema.parse(scan(page('Alibaba weighs H200 order as Beijing mulls imports', ARTICLE), defaultPack, { asOf: '2026-01-09' }));
    expect(result).toMatchObject({ isArticle: true, relevant: true, published: '2026-01-09', thesisId: defaultPack.id });
    expect(result.topics).toEqual(['alibaba', 'h200-exports']);
    expect(result.items.map((i) => i.id)).toEqual(defaultPack.items.map((i) => i.id));
    const approval = result.items.find((i) => i.id === 'h200-import-approval')!;
    expect(approval).toMatchObject({ status: 'on-track', statusDate: '2026-01-09', kind: 'catalyst' });
    expect(approval.claims).toBe(result.claims.filter((c) => c.items.some((l) => l.id === 'h200-import-approval')).length);
    expect(result.claims.every((c) => c.items.length > 0)).toBe(true);
    expect(result.claims.some((c) => c.text.startsWith('Will'))).toBe(false);
    const cloud = result.claims.find((c) => c.text.includes('34%'))!;
    expect(cloud.checks).toContainEqual(expect.objectContaining({ itemId: 'cloud-revenue-growth', verdict: 'matches', known: '34% (quarter ended 2025-09-30)' }));
    const customs = result.claims.find((c) => c.text.startsWith('Beijing told customs'))!;
    expect(customs.items).toContainEqual(expect.objectContaining({ id: 'h200-import-approval', stance: 'challenges' }));
    expect(result.claims.find((c) => c.text.startsWith('China may approve'))!.hedged).toBe(true);
    expect(result.timingsMs.total).toBeGreaterThan(0);
    expect(Object.keys(result.timingsMs)).toEqual(expect.arrayContaining(['total', 'article', 'topics', 'sentences', 'claims', 'figures']));
  });

  it('gives claim offsets into the analysed text (for highlights), and whitespace-normalised text', () => {
    const { article, results } = analyzePage(page('Alibaba weighs H200 order as Beijing mulls imports', ARTICLE), [defaultPack], { asOf: '2026-01-09' });
    for (const claim of results[0]!.claims) {
      expect(article.text.text.slice(claim.start, claim.end).replace(/\s+/g, ' ')).toBe(claim.text);
    }
  });

  it('replays the checklist as of a date: statuses follow --as-of', () => {
    const doc = page('Alibaba weighs H200 order as Beijing mulls imports', ARTICLE);
    const status = (asOf: string) => scan(doc, defaultPack, { asOf }).items.find((i) => i.id === 'h200-import-approval')!.status;
    expect(status('2026-01-09')).toBe('on-track');
    expect(status('2026-01-14')).toBe('at-risk');
    expect(status('2026-01-28')).toBe('on-track');
  });

  it('returns early with no claims and no items for pages that are not relevant', () => {
    const result = scan(
      page('The best boutique hotels in Lisbon', [
        'Lisbon’s hotel scene has changed fast, with old palaces turned into boutique stays that fill up months ahead of the summer season.',
        'Rooms start at 180 euros and breakfast is served on a terrace above the river, with pastries from a bakery next door.',
        'The city’s tech conference brings founders from Alibaba and many other firms every November, when prices climb sharply.',
        'Book early, ask for a room facing the courtyard, and take the tram up the hill before the crowds arrive in the afternoon.',
      ]),
      defaultPack,
    );
    expect(result).toMatchObject({ isArticle: true, relevant: false, topics: [], claims: [], items: [] });
  });

  it('detects the article once and judges it with each pack', () => {
    const other = parsePack({
      id: 'tencent-cloud',
      title: 'Tencent cloud',
      version: '1',
      topics: [{ id: 'tencent', title: 'Tencent', mentions: { en: ['Tencent'], zh: ['腾讯'] } }],
      items: [{ id: 'cloud', kind: 'catalyst', title: 'Cloud grows', matchers: [{ all: [{ en: ['cloud'], zh: [] }] }], history: [{ date: '2026-01-01', status: 'pending', note: 'start' }] }],
    });
    const { results } = analyzePage(page('Alibaba weighs H200 order as Beijing mulls imports', ARTICLE), [defaultPack, other], { asOf: '2026-01-09' });
    expect(results.map((r) => [r.thesisId, r.relevant])).toEqual([
      [defaultPack.id, true],
      ['tencent-cloud', false],
    ]);
  });
});

describe('analyzePageSteps', () => {
  it('pauses once before each pack and ends with what analyzePage returns', () => {
    const second = parsePack({ ...defaultPack, id: 'second-thesis', title: 'A second thesis' });
    const doc = page('Alibaba weighs H200 order as Beijing mulls imports', ARTICLE);
    const steps = analyzePageSteps(doc, [defaultPack, second], { asOf: '2026-01-09' });
    let pauses = 0;
    let step = steps.next();
    while (!step.done) {
      pauses++;
      step = steps.next();
    }
    expect(pauses).toBe(2);
    const whole = analyzePage(doc, [defaultPack, second], { asOf: '2026-01-09' });
    const strip = (results: typeof whole.results) => results.map(({ timingsMs: _timings, ...rest }) => rest);
    expect(strip(step.value.results)).toEqual(strip(whole.results));
    expect(step.value.results.map((r) => r.thesisId)).toEqual(['alibaba-ai-cloud-h200', 'second-thesis']);
  });
});
