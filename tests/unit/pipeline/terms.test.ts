import { describe, expect, it } from 'vitest';
import { compileTermsRegExp, ruleMatcher, termMatcher } from '@/lib/text/terms';

describe('terms language', () => {
  it('matches Latin terms at word boundaries, case-insensitively', () => {
    const m = termMatcher(['Alibaba', 'H20']);
    expect(m.test("ALIBABA's cloud")).toBe(true);
    expect(m.test('Alibabas')).toBe(false);
    expect(m.test('the H200 chip')).toBe(false); // H20 must not match inside H200
    expect(m.test('the H20 chip')).toBe(true);
    expect(m.test('Ali Baba and the thieves')).toBe(false);
  });

  it('treats a trailing * as a prefix', () => {
    const m = termMatcher(['approv*']);
    expect(m.find('approved, approval and approves; disapproved').map((h) => h.text)).toEqual(['approved', 'approval', 'approves']);
  });

  it('matches CJK terms as substrings, and Latin terms next to CJK text', () => {
    const m = termMatcher({ en: ['Nvidia', 'H200*'], zh: ['阿里云'] });
    expect(m.test('阿里云收入增长')).toBe(true);
    expect(m.test('英伟达Nvidia的H200芯片')).toBe(true);
    expect(m.count('英伟达Nvidia的H200芯片，阿里云')).toBe(3);
  });

  it('lets spaces in a term match hyphens and runs of spaces, and handles punctuation in terms', () => {
    const m = termMatcher(['export control*', '9988.HK', 'P/E']);
    expect(m.test('export-controlled chips')).toBe(true);
    expect(m.test('export  controls')).toBe(true);
    expect(m.test('shares (9988.HK) rose')).toBe(true);
    expect(m.test('a P/E of 25')).toBe(true);
    expect(m.test('9988xHK')).toBe(false);
  });

  it('prefers the longest term at a position', () => {
    expect(termMatcher(['Alibaba', 'Alibaba Cloud']).find('Alibaba Cloud grew').map((h) => h.text)).toEqual(['Alibaba Cloud']);
  });

  it('compiles each list once (same matcher for the same list object) and never matches an empty list', () => {
    const list = { en: ['cloud'], zh: [] };
    expect(termMatcher(list)).toBe(termMatcher(list));
    expect(termMatcher({ en: [], zh: [] }).test('anything')).toBe(false);
    expect(compileTermsRegExp([])).toBeNull();
  });

  it('rules need a term from every group and none of the vetoes', () => {
    const rule = ruleMatcher({ all: [{ en: ['H200*'], zh: [] }, { en: ['China', 'export*'], zh: ['中国'] }], none: { en: ['Hyundai'], zh: [] } });
    expect(rule.test('H200 exports to China')).toBe(true);
    expect(rule.test('The H200 is fast')).toBe(false);
    expect(rule.test('Hyundai H200 exports')).toBe(false);
    expect(rule.test('H200芯片对中国出口')).toBe(true);
  });
});

describe('long texts (word index) find what the regex finds', () => {
  it('agrees with the single-regex reading on every list of the default pack', async () => {
    const { defaultPack } = await import('@/lib/pack/default-pack');
    const sentences = [
      'Alibaba Cloud (9988.HK) said the U.S. approved H200s; approvals, re-rating and e-commerce follow.',
      'The AI-related revenue grew; export-controlled chips, Nvidia’s H200芯片 and 阿里云 appear, as does $53B and P/E.',
      'Quick-commerce subsidies, cash-burning units, T-Head, Qwen3-Max, H20 and H2000 are named; BABA shares rose.',
      '英伟达H200芯片对华出口管制收紧，阿里巴巴的淘宝闪购补贴继续。Alibabas is not a word; approve_d is odd.',
    ];
    const text = Array.from({ length: 12 }, (_, i) => sentences[i % sentences.length]).join('\n');
    expect(text.length).toBeGreaterThan(1000);
    const lists = [
      ...defaultPack.topics.flatMap((t) => [t.mentions, t.negatives, ...t.requires.flatMap((r) => r.all)]),
      ...defaultPack.items.flatMap((item) => [item.cues.supports, item.cues.challenges, ...item.matchers.flatMap((r) => [...r.all, ...(r.none ? [r.none] : [])])]),
    ];
    for (const list of lists) {
      const re = compileTermsRegExp([...list.en, ...list.zh]);
      const expected: Array<[number, string]> = [];
      if (re) for (const m of text.matchAll(re)) expected.push([m.index, m[0]]);
      expect(termMatcher(list).find(text).map((h) => [h.start, h.text])).toEqual(expected);
    }
  });
});
