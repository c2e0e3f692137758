import { describe, expect, it } from 'vitest';
import { LINK_THRESHOLD, classifySentence, defaultModel, loadModel, predictLinks, predictStance, topStance, withExamples, type Lang, type Stance } from '@/lib/model';
import { ITEM_IDS, committedCorpus } from './corpus-fixture';

/**
 * Held-out sentences, written for this test and not in lib/model/training-data: the committed model
 * must get most of them right. The bar is stated below; it is under the cross-validated
 * figures printed by `npm run train`, so it fails on a real regression, not on noise.
 */
type Case = { text: string; lang: Lang; item: string | null; stance?: Stance };
const HELD_OUT: Case[] = [
  { text: 'Beijing has given commercial buyers permission to import Nvidia H200 accelerators, officials confirmed.', lang: 'en', item: 'h200-import-approval', stance: 'supports' },
  { text: 'Chinese customs turned away two H200 consignments this week after being told the chips are not allowed in.', lang: 'en', item: 'h200-import-approval', stance: 'challenges' },
  { text: 'Alibaba has taken delivery of its first 20,000 H200 chips from Nvidia, according to a supplier.', lang: 'en', item: 'h200-procurement', stance: 'supports' },
  { text: 'Alibaba halted its pending H200 purchase after Nvidia refused to drop its prepayment demand.', lang: 'en', item: 'h200-procurement', stance: 'challenges' },
  { text: 'Alibaba Cloud switched on a new H200 cluster in Hangzhou and opened it to enterprise clients.', lang: 'en', item: 'h200-deployment', stance: 'supports' },
  { text: 'Alibaba Cloud admitted its H200 clusters will not be running until late 2027.', lang: 'en', item: 'h200-deployment', stance: 'challenges' },
  { text: "Alibaba's AI-related product revenue posted triple-digit growth for an eleventh consecutive quarter.", lang: 'en', item: 'ai-revenue-growth', stance: 'supports' },
  { text: 'Alibaba Cloud revenue jumped 39% from a year earlier, beating the consensus estimate.', lang: 'en', item: 'cloud-revenue-growth', stance: 'supports' },
  { text: 'Alibaba Cloud revenue growth slowed to 17%, well short of forecasts.', lang: 'en', item: 'cloud-revenue-growth', stance: 'challenges' },
  { text: 'Alibaba lifted its three-year AI infrastructure spending plan above RMB 500 billion.', lang: 'en', item: 'capex-commitment', stance: 'supports' },
  { text: 'Alibaba slashed quarterly capital expenditure and delayed three data-centre projects.', lang: 'en', item: 'capex-commitment', stance: 'challenges' },
  { text: 'Gartner again named Alibaba Cloud a Leader in its Magic Quadrant for cloud platforms.', lang: 'en', item: 'infrastructure-recognition', stance: 'supports' },
  { text: 'Citi raised its price target on Alibaba to $230 and reiterated a buy rating.', lang: 'en', item: 'valuation-rerating', stance: 'supports' },
  { text: "Alibaba's shares sank 10% in Hong Kong after a second broker downgrade.", lang: 'en', item: 'valuation-rerating', stance: 'challenges' },
  { text: 'The Commerce Department imposed new licence limits on H200 sales to Chinese companies.', lang: 'en', item: 'export-control-tightening', stance: 'challenges' },
  { text: 'Losses at Taobao Instant Commerce widened again as Alibaba raised delivery subsidies.', lang: 'en', item: 'quick-commerce-cash-burn', stance: 'challenges' },
  { text: "Alibaba's customer management revenue grew only 1%, missing expectations.", lang: 'en', item: 'core-commerce-slowdown', stance: 'challenges' },
  { text: '知情人士称，中国已批准国内企业进口H200用于商业数据中心。', lang: 'zh', item: 'h200-import-approval', stance: 'supports' },
  { text: '阿里巴巴已收到英伟达交付的首批H200芯片。', lang: 'zh', item: 'h200-procurement', stance: 'supports' },
  { text: '阿里云本季度收入同比增长37%，超出市场预期。', lang: 'zh', item: 'cloud-revenue-growth', stance: 'supports' },
  { text: '阿里巴巴将三年AI基础设施投资提高至5000亿元。', lang: 'zh', item: 'capex-commitment', stance: 'supports' },
  { text: '阿里巴巴股价今日大跌8%，多家券商下调目标价。', lang: 'zh', item: 'valuation-rerating', stance: 'challenges' },
  { text: '美国商务部收紧对华H200出口许可。', lang: 'zh', item: 'export-control-tightening', stance: 'challenges' },
  { text: '淘宝闪购本季度亏损进一步扩大，补贴持续加码。', lang: 'zh', item: 'quick-commerce-cash-burn', stance: 'challenges' },
  // Not claims about any item.
  { text: "Tencent's cloud revenue grew 25% year over year in the quarter.", lang: 'en', item: null },
  { text: 'Microsoft said Azure revenue rose 40% on strong AI demand.', lang: 'en', item: null },
  { text: 'Ali Baba hid in the tree and watched the thieves open the cave.', lang: 'en', item: null },
  { text: 'The Hyundai H200 van seats up to twelve people.', lang: 'en', item: null },
  { text: 'The H200 carries 141 GB of HBM3e memory.', lang: 'en', item: null },
  { text: 'This is where the story gets interesting.', lang: 'en', item: null },
  { text: '美团本季度外卖业务亏损扩大。', lang: 'zh', item: null },
  { text: '阿里巴巴与四十大盗的童话家喻户晓。', lang: 'zh', item: null },
];

describe('predictions of the committed model', () => {
  it('is measured on sentences that are not in the training corpus', () => {
    const norm = (t: string) => t.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
    const trained = new Set(committedCorpus().map((e) => norm(e.text)));
    for (const c of HELD_OUT) expect(trained.has(norm(c.text)), c.text).toBe(false);
  });

  it('links most held-out sentences to the right item and keeps most negatives unlinked (bar: 85%)', () => {
    let right = 0;
    const misses: string[] = [];
    for (const c of HELD_OUT) {
      const linked = predictLinks(c.text, c.lang).filter((l) => l.p >= LINK_THRESHOLD).map((l) => l.itemId);
      const ok = c.item === null ? linked.length === 0 : linked.includes(c.item);
      if (ok) right++;
      else misses.push(`${c.text} → [${linked.join(', ')}]`);
    }
    expect(right / HELD_OUT.length, misses.join('\n')).toBeGreaterThanOrEqual(0.85);
  });

  it('gives most held-out claims the right stance toward their item (bar: 80%)', () => {
    const claims = HELD_OUT.filter((c) => c.item !== null);
    const misses: string[] = [];
    let right = 0;
    for (const c of claims) {
      const got = topStance(predictStance(c.text, c.lang, c.item!));
      if (got === c.stance) right++;
      else misses.push(`${c.text}: ${got}, want ${c.stance}`);
    }
    expect(right / claims.length, misses.join('\n')).toBeGreaterThanOrEqual(0.8);
  });

  it('returns every item once, highest first, with probabilities; stance shares sum to 1', () => {
    const links = predictLinks('Alibaba Cloud revenue rose 34%.', 'en');
    expect(links.map((l) => l.itemId).sort()).toEqual([...ITEM_IDS].sort());
    for (let i = 1; i < links.length; i++) expect(links[i - 1]!.p).toBeGreaterThanOrEqual(links[i]!.p);
    for (const l of links) expect(l.p).toBeGreaterThan(0), expect(l.p).toBeLessThan(1);
    const s = predictStance('Alibaba Cloud revenue rose 34%.', 'en', 'cloud-revenue-growth');
    expect(s.supports + s.challenges + s.neutral).toBeCloseTo(1, 9);
  });

  it('is pure: the same input gives the same output, and empty text is handled', () => {
    const text = 'Beijing told companies to pause H200 orders.';
    expect(predictLinks(text, 'en')).toEqual(predictLinks(text, 'en'));
    expect(predictStance(text, 'en', 'h200-import-approval')).toEqual(predictStance(text, 'en', 'h200-import-approval'));
    expect(predictLinks('', 'en').every((l) => l.p < LINK_THRESHOLD)).toBe(true);
    // A thousand predictions run without error (speed is measured in `npm run bench`, not here).
    const corpus = committedCorpus().slice(0, 1000);
    expect(corpus.map((e) => predictLinks(e.text, e.lang)[0]!.itemId).length).toBe(corpus.length);
  });

  it('classifySentence gives the links above the threshold with their stance, as the pipeline links claims', () => {
    const text = 'Chinese officials have instructed Alibaba and several rivals to halt purchases of H200 processors, two sources said.';
    const links = classifySentence(text, 'en');
    expect(links.map((l) => l.id)).toEqual(predictLinks(text, 'en').filter((l) => l.p >= LINK_THRESHOLD).map((l) => l.itemId));
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(l.stance).toBe(topStance(predictStance(text, 'en', l.id)));
    // An order halted by Beijing: an H200 item, read against the thesis.
    expect(['h200-import-approval', 'h200-procurement', 'export-control-tightening']).toContain(links[0]!.id);
    expect(links[0]!.stance).toBe('challenges');
    expect(classifySentence(text, 'en', { threshold: 1.01 })).toEqual([]);
    expect(classifySentence('The Hyundai H200 van has sliding doors on both sides.', 'en')).toEqual([]);
  });

  it('rejects malformed weights with a clear error', () => {
    expect(() => loadModel({ format: 'thesis-lens-linear/1' })).toThrow(/featureBits|items|link/);
    expect(() => loadModel(null)).toThrow();
  });
});

describe('withExamples: a reader’s corrections', () => {
  const claim = 'Shipments of Nvidia parts to Hangzhou resumed on Monday, a logistics firm said.';
  const noise = 'Our quarterly newsletter looks at semiconductor supply chains in Asia.';

  it('makes a corrected sentence link to the item with the stance the reader gave, leaving the original model untouched', () => {
    const base = defaultModel();
    const before = predictLinks(claim, 'en', base).find((l) => l.itemId === 'h200-procurement')!.p;
    const corrected = withExamples(base, [{ text: claim, lang: 'en', itemId: 'h200-procurement', stance: 'supports' }]);
    expect(predictLinks(claim, 'en', corrected).find((l) => l.itemId === 'h200-procurement')!.p).toBeGreaterThanOrEqual(LINK_THRESHOLD);
    expect(topStance(predictStance(claim, 'en', 'h200-procurement', corrected))).toBe('supports');
    expect(predictLinks(claim, 'en', base).find((l) => l.itemId === 'h200-procurement')!.p).toBe(before);
  });

  it('flips a stance and silences a sentence marked as not a claim', () => {
    const base = defaultModel();
    const text = 'Alibaba Cloud revenue rose 34% in the September quarter.';
    const flipped = withExamples(base, [{ text, lang: 'en', itemId: 'cloud-revenue-growth', stance: 'challenges' }]);
    expect(topStance(predictStance(text, 'en', 'cloud-revenue-growth', flipped))).toBe('challenges');
    const silenced = withExamples(base, [{ text, lang: 'en', notAClaim: true }]);
    expect(predictLinks(text, 'en', silenced).every((l) => l.p < LINK_THRESHOLD)).toBe(true);
  });

  it('leaves unrelated sentences much as they were', () => {
    const base = defaultModel();
    const corrected = withExamples(base, [{ text: claim, lang: 'en', itemId: 'h200-procurement', stance: 'supports' }]);
    const far = "Alibaba's customer management revenue grew only 1%, missing expectations.";
    const a = predictLinks(far, 'en', base).find((l) => l.itemId === 'core-commerce-slowdown')!.p;
    const b = predictLinks(far, 'en', corrected).find((l) => l.itemId === 'core-commerce-slowdown')!.p;
    expect(Math.abs(a - b)).toBeLessThan(0.05);
    expect(predictLinks(noise, 'en', corrected).filter((l) => l.p >= LINK_THRESHOLD)).toEqual([]);
  });

  it("learns an item of the reader's own thesis from their examples, and refuses 'not a claim' for an unknown item", () => {
    const base = defaultModel();
    const text = 'Ocean freight rates from Shanghai to Rotterdam doubled in a month.';
    const mine = withExamples(base, [{ text, lang: 'en', itemId: 'freight-costs', stance: 'challenges', kind: 'risk' }]);
    expect(mine.items).toContain('freight-costs');
    expect(base.items).not.toContain('freight-costs');
    expect(predictLinks(text, 'en', mine)[0]!.itemId).toBe('freight-costs');
    expect(topStance(predictStance(text, 'en', 'freight-costs', mine))).toBe('challenges');
    // Sentences about other things stay off the new item.
    const other = predictLinks("Alibaba's customer management revenue grew only 1%, missing expectations.", 'en', mine);
    expect(other.find((l) => l.itemId === 'freight-costs')!.p).toBeLessThan(LINK_THRESHOLD);
    expect(() => withExamples(base, [{ text, lang: 'en', itemId: 'no-such-item', notAClaim: true }])).toThrow(/no-such-item/);
  });
});
