import { describe, expect, it } from 'vitest';
import { compileGateTerms, mentionPattern, relevantTopics } from '@/lib/gate';
import { compileTermsRegExp, termMatcher } from '@/lib/text/terms';
import { countHan, foldSeparators, foldText, hasHan, isUnspacedTerm } from '@/lib/text/cjk';

/**
 * One conformance table for every implementation of the term language: the regex matcher on a
 * sentence, the same matcher on a long text (word index path), and the gate's scanner.
 */
const TABLE: Array<{ term: string; text: string; match: boolean }> = [
  { term: 'Alibaba', text: "ALIBABA's cloud", match: true },
  { term: 'Alibaba', text: 'Alibabas', match: false },
  { term: 'H20', text: 'the H200 chip', match: false },
  { term: 'H20', text: 'the H20 chip', match: true },
  { term: 'H200*', text: 'H200s shipped', match: true },
  { term: 'approv*', text: 'it was approved', match: true },
  { term: 'approv*', text: 'disapproved', match: false },
  { term: 'export control*', text: 'export-controlled chips', match: true },
  { term: 'export control*', text: 'export \u2013 controls', match: true },
  { term: 'export control*', text: 'export\u00a0 controls', match: true },
  { term: 'export control*', text: 'exportcontrols', match: false },
  { term: 'T-Head', text: 'T Head chips', match: true },
  { term: 'T\u2013Head', text: 'T-Head chips', match: true },
  { term: '阿里云', text: '阿里云收入增长', match: true },
  { term: '阿里云', text: '阿里巴巴', match: false },
  { term: 'Nvidia', text: '英伟达Nvidia的芯片', match: true },
  { term: 'Cloud Intelligence', text: 'cloud   intelligence group', match: true },
  { term: 'Cloud Intelligence', text: 'cloud intelligent', match: false },
];

const PAD = ' filler words here.'.repeat(60); // long enough for the word-index path

function gateMatches(term: string, text: string): boolean {
  const compiled = compileGateTerms({ topics: [{ id: 't', mentions: [term], negatives: [] }] });
  return relevantTopics({ head: text, body: '' }, compiled).length > 0;
}

describe('term language conformance', () => {
  for (const row of TABLE) {
    it(`${JSON.stringify(row.term)} ${row.match ? 'matches' : 'does not match'} ${JSON.stringify(row.text)}`, () => {
      const matcher = termMatcher([row.term]);
      expect(matcher.test(row.text)).toBe(row.match);
      expect(matcher.test(PAD + ' ' + row.text + ' ' + PAD)).toBe(row.match);
      expect(gateMatches(row.term, row.text)).toBe(row.match);
      // The gate's pre-filter is a superset of what it accepts.
      if (row.match) expect(mentionPattern({ topics: [{ id: 't', mentions: [row.term], negatives: [] }] }).test(row.text)).toBe(true);
    });
  }
});

describe('term compilation cannot backtrack catastrophically', () => {
  // Terms built to make a naive compilation nest or chain ambiguous quantifiers.
  const terms = [
    'a \u2013 \u2013 \u2013 \u2013 \u2013 \u2013 \u2013 \u2013 \u2013 \u2013 \u2013 \u2013 b',
    'x - - - - - - - - - - - - - - - - y*',
    '\u2013\u2013\u2013\u2013\u2013\u2013',
    '- \u00a0 - \u00a0 - \u00a0 -',
    '(a+)+$',
    '(.*a){20}',
    'a\u2014\u2014\u2014\u2014\u2014\u2014\u2014\u2014\u2014\u2014\u2014\u2014\u2014\u2014z',
    '芯片 \u2013 \u2013 \u2013 \u2013 \u2013 \u2013 出口',
    "it's ' ' ' ' ' ' ' ' s",
    '*',
    'aaaaaaaaaaaaaaaaaaaaaaaa*',
  ];
  const texts = [
    'a' + ' \u2013'.repeat(4000) + ' c',
    'x' + ' -'.repeat(4000) + ' !',
    '\u2013'.repeat(8000),
    '- \u00a0 '.repeat(3000) + '!',
    'a'.repeat(8000) + '!',
    'a' + '\u2014'.repeat(8000),
    '芯片' + ' \u2013'.repeat(4000) + '进口',
    "it's" + " '".repeat(4000),
  ];

  it('sweeps adversarial terms against adversarial text within a generous hang bound', () => {
    const started = Date.now();
    let hits = 0;
    for (const term of terms) {
      const matcher = termMatcher([term]);
      const re = compileTermsRegExp([term]);
      for (const text of texts) {
        hits += matcher.find(text).length + matcher.find(text.slice(0, 700)).length;
        if (re) {
          re.lastIndex = 0;
          re.test(text);
        }
        gateMatches(term, text);
        mentionPattern({ topics: [{ id: 't', mentions: [term], negatives: [] }] }).test(text);
      }
    }
    // A hang detector, not a speed figure: a catastrophic pattern takes minutes here.
    expect(Date.now() - started).toBeLessThan(2000);
    expect(hits).toBeGreaterThan(0);
  });

  it('folds any run of separators in a term to one, and a term of separators only matches nothing', () => {
    expect(foldSeparators(' a \u2013 \u2014 -  b ')).toBe('a b');
    expect(termMatcher(['\u2013\u2013']).test('a \u2013\u2013 b')).toBe(false);
    expect(termMatcher(['*']).test('anything')).toBe(false);
  });
});

describe('script helpers', () => {
  it('counts Han characters and tells substring terms', () => {
    expect(countHan('阿里云 Cloud 增长')).toBe(5);
    expect(hasHan('Alibaba')).toBe(false);
    expect(isUnspacedTerm('H200芯片')).toBe(true);
    expect(isUnspacedTerm('H200')).toBe(false);
  });

  it('folds text for comparison', () => {
    expect(foldText('  Alibaba’s\n  “Cloud”  ')).toBe('alibaba\'s "cloud"');
    expect(foldText('ＡＢＣ１２３')).toBe('abc123');
  });
});
