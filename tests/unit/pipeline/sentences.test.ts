import { describe, expect, it } from 'vitest';
import { normalizeWhitespace, splitSentences } from '@/lib/pipeline/sentences';

const texts = (input: string, lang: 'en' | 'zh' = 'en') => splitSentences(input, lang).map((s) => s.text);

describe('splitSentences', () => {
  it('keeps offsets exact and trims whitespace', () => {
    const input = '  Alibaba rose.   Tencent fell.  \n\n  Baidu was flat. ';
    const sentences = splitSentences(input);
    expect(sentences.map((s) => s.text)).toEqual(['Alibaba rose.', 'Tencent fell.', 'Baidu was flat.']);
    for (const s of sentences) expect(input.slice(s.start, s.end)).toBe(s.text);
  });

  it('does not break after abbreviations common in financial prose', () => {
    expect(texts('The U.S. Commerce Department said Nvidia Corp. and Alibaba Group Holding Ltd. must wait. Shares fell.')).toEqual([
      'The U.S. Commerce Department said Nvidia Corp. and Alibaba Group Holding Ltd. must wait.',
      'Shares fell.',
    ]);
    expect(texts('Results are due Jan. 15 vs. Feb. 20 last year, e.g. Tencent and i.e. Baidu. Mr. Wu spoke.')).toEqual([
      'Results are due Jan. 15 vs. Feb. 20 last year, e.g. Tencent and i.e. Baidu.',
      'Mr. Wu spoke.',
    ]);
    expect(texts('It ranks No. 1 in China. The rest follow.')).toEqual(['It ranks No. 1 in China.', 'The rest follow.']);
  });

  it('ends a sentence at "U.S." or "Inc." when a new sentence clearly starts', () => {
    expect(texts('Nvidia sells most chips in the U.S. The company said so.')).toEqual(['Nvidia sells most chips in the U.S.', 'The company said so.']);
  });

  it('keeps tickers, decimals, amounts and initials inside the sentence', () => {
    expect(texts('Shares of Alibaba (9988.HK) rose 3.5% after J. P. Morgan raised its target. It plans RMB380B of spending.')).toEqual([
      'Shares of Alibaba (9988.HK) rose 3.5% after J. P. Morgan raised its target.',
      'It plans RMB380B of spending.',
    ]);
    expect(texts('The plan is worth $53 bn. Investors cheered.')).toEqual(['The plan is worth $53 bn.', 'Investors cheered.']);
  });

  it('splits Chinese at 。！？', () => {
    expect(texts('阿里云收入同比增长34%。英伟达H200未获批准！会获批吗？', 'zh')).toEqual(['阿里云收入同比增长34%。', '英伟达H200未获批准！', '会获批吗？']);
  });

  it('never crosses a block boundary and splits paragraphs glued by lost markup', () => {
    expect(texts('A heading without a stop\nThe body starts here.')).toEqual(['A heading without a stop', 'The body starts here.']);
    expect(texts('a targeted opening.Alibaba’s ambition is clear.')).toEqual(['a targeted opening.', 'Alibaba’s ambition is clear.']);
    expect(texts('demands of AI.More importantly, it works.')).toEqual(['demands of AI.', 'More importantly, it works.']);
  });

  it('drops fragments with no letters or digits (a stop left by a removed link)', () => {
    expect(texts('sparked a\n. Yet this approval is narrow.')).toEqual(['sparked a', 'Yet this approval is narrow.']);
  });

  it('keeps a quote and its attribution together', () => {
    expect(texts('“We will not approve these chips,” a spokesman said. Shares fell.')).toEqual([
      '“We will not approve these chips,” a spokesman said.',
      'Shares fell.',
    ]);
  });

  it('normalizes whitespace for display', () => {
    expect(normalizeWhitespace('  a \n b\t c ')).toBe('a b c');
  });
});

describe('a wire dateline opening a paragraph', () => {
  it('is no sentence: the story starts after it', () => {
    expect(texts('HONG KONG, Feb 9 (Harbour Wire) - Alibaba raised its budget. It said so.')).toEqual(['Alibaba raised its budget.', 'It said so.']);
    expect(texts('Washington/Beijing, Jan 15 (Desk News) – The rule was published.')).toEqual(['The rule was published.']);
    expect(texts('WASHINGTON (Desk News) — The Senate voted.')).toEqual(['The Senate voted.']);
    expect(texts('本报杭州3月2日电 阿里巴巴今日公布业绩。', 'zh')).toEqual(['阿里巴巴今日公布业绩。']);
    expect(texts('【某某财经讯】阿里巴巴周四公布业绩。', 'zh')).toEqual(['阿里巴巴周四公布业绩。']);
  });

  it('leaves a ticker or an aside in parentheses alone', () => {
    expect(texts('Alibaba (BABA) - shares rose 3%.')).toEqual(['Alibaba (BABA) - shares rose 3%.']);
    expect(texts('The rule (final since Monday) - which caps sales - took effect.')).toEqual(['The rule (final since Monday) - which caps sales - took effect.']);
  });
});
