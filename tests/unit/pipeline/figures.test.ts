import { describe, expect, it } from 'vitest';
import { defaultPack } from '@/lib/pack/default-pack';
import { checkFigures, claimPeriod, extractFigures, periodMentions } from '@/lib/pipeline/figures';

const raw = (text: string) => extractFigures(text).map((f) => [f.raw, f.normalized ?? f.value, f.unit]);
const check = (text: string, published: string | null, asOf = '2026-11-24', antecedent?: string) =>
  checkFigures({ text, figures: extractFigures(text), ...(antecedent ? { antecedent } : {}) }, defaultPack.items, {
    published,
    asOf,
    entities: defaultPack.entities,
  }).map((c) => [c.figure, c.itemId, c.verdict, c.known]);

describe('extractFigures', () => {
  it('reads percentages, signed and in Chinese text', () => {
    expect(raw('Revenue rose 3.5% and margins fell −7%; 增长34%')).toEqual([
      ['3.5%', 3.5, 'percent'],
      ['−7%', -7, 'percent'],
      ['34%', 34, 'percent'],
    ]);
    expect(raw('up 2 percentage points')).toEqual([['2 percentage points', 2, 'percentage-points']]);
  });

  it('reads money in many notations and normalises the scale', () => {
    expect(raw('RMB 380 billion, RMB380B, $53 bn, US$53B, HK$12.5 billion, 380 billion yuan, 3800亿元, 530亿美元')).toEqual([
      ['RMB 380 billion', 380e9, 'CNY'],
      ['RMB380B', 380e9, 'CNY'],
      ['$53 bn', 53e9, 'USD'],
      ['US$53B', 53e9, 'USD'],
      ['HK$12.5 billion', 12.5e9, 'HKD'],
      ['380 billion yuan', 380e9, 'CNY'],
      ['3800亿元', 380e9, 'CNY'],
      ['530亿美元', 53e9, 'USD'],
    ]);
    expect(extractFigures('RMB 1.2 trillion')[0]).toMatchObject({ value: 1.2, scale: 'trillion', normalized: 1.2e12 });
  });

  it('reads units, multiples, counts and digit classes, but not model names or years', () => {
    expect(raw('more than 200,000 units, 20万颗, 200,000 of the chips')).toEqual([
      ['200,000 units', 200_000, 'units'],
      ['20万颗', 200_000, 'units'],
      ['200,000 of the chips', 200_000, 'units'],
    ]);
    expect(extractFigures('more than 200,000 units')[0]!.atLeast).toBe(true);
    expect(raw('the H200 chips launched in 2025')).toEqual([]);
    expect(raw('a forward P/E in the mid-20s; a P/E of 18; 25 times earnings; 市盈率25倍')).toEqual([
      ['mid-20s', 25, 'multiple'],
      ['18', 18, 'multiple'],
      ['25 times', 25, 'multiple'],
      ['25倍', 25, 'multiple'],
    ]);
    expect(raw('the highest score in seven out of thirteen criteria for the 11th straight quarter')).toEqual([
      ['seven out of thirteen', 7, 'count'],
      ['11th straight quarter', 11, 'count'],
    ]);
    expect(extractFigures('grew at triple-digit rates')[0]).toMatchObject({ value: 100, atLeast: true, unit: 'percent' });
    expect(extractFigures('保持三位数增长')[0]).toMatchObject({ value: 100, atLeast: true });
  });
});

describe('periods', () => {
  it('names the quarter from explicit text, resolving a bare month to the latest one before publication', () => {
    expect(claimPeriod('in the September 2025 quarter', '2026-01-09')).toBe('2025-09-30');
    expect(claimPeriod('in the March quarter', '2026-05-14')).toBe('2026-03-31');
    expect(claimPeriod('in the December quarter', '2026-01-09')).toBe('2025-12-31');
    expect(claimPeriod('for the quarter ended Sept. 30, 2025', '2026-01-09')).toBe('2025-09-30');
    expect(claimPeriod('in Q3 2025', '2026-01-09')).toBe('2025-09-30');
    expect(claimPeriod('in the fiscal second quarter of 2026', '2026-01-09')).toBe('2025-09-30');
    expect(claimPeriod('2025年第三季度', '2026-01-09')).toBe('2025-09-30');
    expect(claimPeriod('九月季度', '2026-01-09')).toBe('2025-09-30');
    expect(claimPeriod('last quarter', '2026-01-09')).toBeNull();
    expect(claimPeriod('较上一季度', '2026-01-09')).toBeNull();
    expect(periodMentions('34% in the September quarter, up from 26% in the June quarter', '2026-01-09').map((p) => p.periodEnd)).toEqual([
      '2025-09-30',
      '2025-06-30',
    ]);
  });
});

describe('checkFigures', () => {
  it('checks the seed figures as matching, even judged long after the article', () => {
    expect(check('Yet the cloud segment is accelerating, with revenue growing 34% year over year in the last quarter.', '2026-01-09')).toEqual([
      ['34%', 'cloud-revenue-growth', 'matches', '34% (quarter ended 2025-09-30)'],
    ]);
    expect(check('Alibaba committed RMB 380B ($53B) of investment over three years.', '2026-01-09')).toEqual([
      ['RMB 380B', 'capex-commitment', 'matches', 'RMB 380 billion (three-year plan announced February 2025)'],
      ['$53B', 'capex-commitment', 'matches', '$53 billion (three-year plan announced February 2025)'],
    ]);
  });

  it('says differs for another value of the same period, and newer for a later period', () => {
    expect(check('Alibaba Cloud revenue grew 36% in the September 2025 quarter.', '2025-11-26')).toEqual([
      ['36%', 'cloud-revenue-growth', 'differs', '34% (quarter ended 2025-09-30)'],
    ]);
    // Judged as of the seed date the pack does not know the March quarter yet.
    expect(check('Alibaba Cloud revenue grew 38% in the March quarter.', '2026-05-14', '2026-01-09')).toEqual([
      ['38%', 'cloud-revenue-growth', 'newer', '34% (quarter ended 2025-09-30)'],
    ]);
    expect(check('Alibaba Cloud revenue grew 38% in the March quarter.', '2026-05-14')).toEqual([
      ['38%', 'cloud-revenue-growth', 'matches', '38% (quarter ended 2026-03-31)'],
    ]);
    // No period in the text, months after the pack's figure: most likely a later quarter.
    expect(check('Cloud revenue rose 38% last quarter.', '2026-06-01', '2026-01-09')).toEqual([
      ['38%', 'cloud-revenue-growth', 'newer', '34% (quarter ended 2025-09-30)'],
    ]);
  });

  it('does not check other companies’ figures in the same sentence against Alibaba’s', () => {
    expect(check('Tencent cloud revenue grew 15% while Alibaba Cloud revenue grew 34%.', '2025-11-26')).toEqual([
      ['34%', 'cloud-revenue-growth', 'matches', '34% (quarter ended 2025-09-30)'],
    ]);
    expect(check('Alibaba Cloud grew 34%, faster than Tencent Cloud at 15%.', '2025-11-26').map((c) => c[0])).toEqual(['34%']);
    expect(check('ByteDance plans to buy 100,000 H200 chips and Alibaba wants more than 200,000 units.', '2026-01-28')).toEqual([
      ['200,000 units', 'h200-procurement', 'matches', '>200,000 units (January 2026)'],
    ]);
  });

  it('tells measures apart: AI-related revenue is not cloud revenue, a streak is not a growth rate', () => {
    expect(check('AI-related product revenue grew at a triple-digit pace for the 11th straight quarter.', '2026-05-14')).toEqual([
      ['triple-digit', 'ai-revenue-growth', 'matches', '≥100% (quarter ended 2026-03-31)'],
      ['11th straight quarter', 'ai-revenue-growth', 'matches', '11 (quarter ended 2026-03-31)'],
    ]);
    expect(check('AI-related cloud revenue grew at double-digit rates.', '2026-01-09')).toEqual([
      ['double-digit', 'ai-revenue-growth', 'differs', '≥100% (quarter ended 2025-09-30)'],
    ]);
  });

  it('reads Chinese figures and an antecedent sentence for "It grew…"', () => {
    expect(check('阿里云收入达到398亿元，同比增长34%。', '2025-11-25').map((c) => [c[0], c[2]])).toEqual([
      ['398亿元', 'matches'],
      ['34%', 'matches'],
    ]);
    expect(check('It grew 34% last quarter.', '2026-01-20', '2026-01-20')).toEqual([]);
    expect(check('It grew 34% last quarter.', '2026-01-20', '2026-01-20', 'Meanwhile the cloud unit keeps accelerating.')).toEqual([
      ['34%', 'cloud-revenue-growth', 'matches', '34% (quarter ended 2025-09-30)'],
    ]);
  });

  it('ignores figures published after the as-of date', () => {
    expect(check('Alibaba Cloud revenue grew 34% in the September 2025 quarter.', '2025-11-26', '2025-10-01')).toEqual([]);
  });
});

describe('figures whose period cannot be told', () => {
  it('never matches an older period’s value without that period named', () => {
    // 26% was the June 2025 quarter's growth; by December 2025 the reference is 34%.
    expect(check('Alibaba Cloud revenue grew 26% from a year earlier.', '2025-12-20', '2026-01-09')).toEqual([]);
    expect(check('Alibaba Cloud revenue grew 26% in the June 2025 quarter.', '2025-12-20', '2026-01-09')).toEqual([
      ['26%', 'cloud-revenue-growth', 'matches', '26% (quarter ended 2025-06-30)'],
    ]);
  });
});
