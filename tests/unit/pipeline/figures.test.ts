import { describe, expect, it } from 'vitest';
import { defaultPack } from '@/lib/pack/default-pack';
import { DEFAULT_FIGURE_CONVENTIONS, type FigureConventions } from '@/lib/pack/schema';
import { checkFigures, claimPeriod, extractFigures, periodMentions } from '@/lib/pipeline/figures';

/** The bundled pack's conventions: a March fiscal year, ¥ as yuan, chips counted. */
const C = defaultPack.figureConventions!;
const raw = (text: string) => extractFigures(text, C).map((f) => [f.raw, f.normalized ?? f.value, f.unit]);
// The sentence before, naming the company: a sentence that names no one owns its numbers through it.
const AFTER_ALIBABA = 'Alibaba reported its quarterly results on Tuesday.';
const check = (text: string, published: string | null, asOf = '2026-11-24', antecedent?: string, previous?: string) =>
  checkFigures({ text, figures: extractFigures(text, C), ...(antecedent ? { antecedent } : {}), ...(previous ? { previous } : {}) }, defaultPack.items, {
    published,
    asOf,
    entities: defaultPack.entities,
    conventions: C,
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
    expect(extractFigures('RMB 1.2 trillion', C)[0]).toMatchObject({ value: 1.2, scale: 'trillion', normalized: 1.2e12 });
  });

  it('reads units, multiples, counts and digit classes, but not model names or years', () => {
    expect(raw('more than 200,000 units, 20万颗, 200,000 of the chips')).toEqual([
      ['200,000 units', 200_000, 'units'],
      ['20万颗', 200_000, 'units'],
      ['200,000 of the chips', 200_000, 'units'],
    ]);
    expect(extractFigures('more than 200,000 units', C)[0]!.atLeast).toBe(true);
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
    expect(extractFigures('grew at triple-digit rates', C)[0]).toMatchObject({ value: 100, atLeast: true, unit: 'percent' });
    expect(extractFigures('保持三位数增长', C)[0]).toMatchObject({ value: 100, atLeast: true });
  });
});

describe('periods', () => {
  it('names the quarter from explicit text, resolving a bare month to the latest one before publication', () => {
    expect(claimPeriod('in the September 2025 quarter', '2026-01-09', C)).toBe('2025-09-30');
    expect(claimPeriod('in the March quarter', '2026-05-14', C)).toBe('2026-03-31');
    expect(claimPeriod('in the December quarter', '2026-01-09', C)).toBe('2025-12-31');
    expect(claimPeriod('for the quarter ended Sept. 30, 2025', '2026-01-09', C)).toBe('2025-09-30');
    expect(claimPeriod('in Q3 2025', '2026-01-09', C)).toBe('2025-09-30');
    expect(claimPeriod('in the fiscal second quarter of 2026', '2026-01-09', C)).toBe('2025-09-30');
    expect(claimPeriod('2025年第三季度', '2026-01-09', C)).toBe('2025-09-30');
    expect(claimPeriod('九月季度', '2026-01-09', C)).toBe('2025-09-30');
    expect(claimPeriod('last quarter', '2026-01-09', C)).toBeNull();
    expect(claimPeriod('较上一季度', '2026-01-09', C)).toBeNull();
    expect(periodMentions('34% in the September quarter, up from 26% in the June quarter', '2026-01-09', C).map((p) => p.periodEnd)).toEqual([
      '2025-09-30',
      '2025-06-30',
    ]);
  });
});

describe('checkFigures', () => {
  it('checks the seed figures as matching, even judged long after the article', () => {
    expect(check('Yet the cloud segment is accelerating, with revenue growing 34% year over year in the last quarter.', '2026-01-09', undefined, undefined, AFTER_ALIBABA)).toEqual([
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
    expect(check('Cloud revenue rose 38% last quarter.', '2026-06-01', '2026-01-09', undefined, AFTER_ALIBABA)).toEqual([
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
    expect(check('AI-related product revenue grew at a triple-digit pace for the 11th straight quarter.', '2026-05-14', undefined, undefined, AFTER_ALIBABA)).toEqual([
      ['triple-digit', 'ai-revenue-growth', 'matches', '≥100% (quarter ended 2026-03-31)'],
      ['11th straight quarter', 'ai-revenue-growth', 'matches', '11 (quarter ended 2026-03-31)'],
    ]);
    expect(check('AI-related cloud revenue grew at double-digit rates.', '2026-01-09', undefined, undefined, AFTER_ALIBABA)).toEqual([
      ['double-digit', 'ai-revenue-growth', 'differs', '≥100% (quarter ended 2025-09-30)'],
    ]);
  });

  it('reads Chinese figures and an antecedent sentence for "It grew…"', () => {
    expect(check('阿里云收入达到398亿元，同比增长34%。', '2025-11-25').map((c) => [c[0], c[2]])).toEqual([
      ['398亿元', 'matches'],
      ['34%', 'matches'],
    ]);
    expect(check('It grew 34% last quarter.', '2026-01-20', '2026-01-20')).toEqual([]);
    expect(check('It grew 34% last quarter.', '2026-01-20', '2026-01-20', 'Meanwhile Alibaba’s cloud unit keeps accelerating.')).toEqual([
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

describe('figure conventions come from the pack', () => {
  const calendar = DEFAULT_FIGURE_CONVENTIONS;
  const marchYear = { ...DEFAULT_FIGURE_CONVENTIONS, fiscalYearEndMonth: 3 };
  const januaryYear = { ...DEFAULT_FIGURE_CONVENTIONS, fiscalYearEndMonth: 1 };
  const septemberYear = { ...DEFAULT_FIGURE_CONVENTIONS, fiscalYearEndMonth: 9 };

  it('reads fiscal quarters on the pack’s own calendar', () => {
    const text = 'in the fiscal second quarter of 2026';
    expect(claimPeriod(text, '2026-12-01', calendar)).toBe('2026-06-30');
    expect(claimPeriod(text, '2026-12-01', marchYear)).toBe('2025-09-30');
    expect(claimPeriod(text, '2026-12-01', septemberYear)).toBe('2026-03-31');
    expect(claimPeriod('in the fourth quarter of fiscal 2025', '2026-12-01', januaryYear)).toBe('2025-01-31');
    expect(claimPeriod('2026财年第一季度', '2026-12-01', marchYear)).toBe('2025-06-30');
    // Calendar quarters stay calendar quarters whatever the fiscal year.
    expect(claimPeriod('in Q2 2026', '2026-12-01', marchYear)).toBe('2026-06-30');
  });

  it('names a quarter by its closing month only when that month closes one of the company’s quarters', () => {
    expect(claimPeriod('sales in the April quarter', '2026-12-01', januaryYear)).toBe('2026-04-30');
    expect(claimPeriod('sales in the April quarter', '2026-12-01', calendar)).toBeNull();
    expect(claimPeriod('sales in the June quarter', '2026-12-01', calendar)).toBe('2026-06-30');
  });

  it('reads a bare ¥ as the pack says; 円 is always yen, 元 always yuan', () => {
    const units = (text: string, conventions: FigureConventions) => extractFigures(text, conventions).map((f) => f.unit);
    const yen = { ...DEFAULT_FIGURE_CONVENTIONS, yenSign: 'JPY' as const };
    expect(units('operating profit of ¥1.2 trillion', calendar)).toEqual(['CNY']);
    expect(units('operating profit of ¥1.2 trillion', yen)).toEqual(['JPY']);
    expect(units('营业利润5000亿日元', calendar)).toEqual(['JPY']);
    expect(units('5000億円', calendar)).toEqual(['JPY']);
    expect(units('净利润50亿元', yen)).toEqual(['CNY']);
    expect(units('a loss of 300 billion yen', calendar)).toEqual(['JPY']);
    expect(units('sales of HK$8 billion and US$2 billion', yen)).toEqual(['HKD', 'USD']);
    expect(extractFigures('¥1.2 trillion', yen)[0]).toMatchObject({ normalized: 1.2e12 });
  });

  it('counts only the nouns the pack lists', () => {
    const vehicles = { ...DEFAULT_FIGURE_CONVENTIONS, unitNouns: ['vehicles', 'cars', '辆'] };
    expect(extractFigures('it delivered 40,000 vehicles', vehicles)[0]).toMatchObject({ unit: 'units', normalized: 40000 });
    expect(extractFigures('shipped 1.2 million of its Model Q cars', vehicles)[0]).toMatchObject({ unit: 'units', normalized: 1.2e6 });
    expect(extractFigures('交付3万辆', vehicles)[0]).toMatchObject({ unit: 'units', normalized: 3e4 });
    expect(extractFigures('it delivered 40,000 vehicles', calendar)).toEqual([]);
    expect(extractFigures('ordered 5,000 chips', vehicles)).toEqual([]);
  });
});

describe('the issue’s figure examples', () => {
  it('does not match a June 2026 article’s growth rate against a year-old quarter', () => {
    // 26% is the pack's June 2025 value; an article a year later reporting 26% is about another quarter.
    const checks = check('Alibaba Cloud revenue grew 26%.', '2026-06-20', '2026-11-24');
    expect(checks.filter(([, , verdict]) => verdict === 'matches')).toEqual([]);
    // The same number with its quarter named is that quarter's, and matches.
    expect(check('Alibaba Cloud revenue grew 26% in the June 2025 quarter.', '2026-06-20', '2026-11-24').map(([, item, verdict]) => [item, verdict])).toEqual([
      ['cloud-revenue-growth', 'matches'],
    ]);
  });

  it('does not check a quarterly revenue amount against the capex plan', () => {
    // The company named (in the sentence before): unchecked for the measure, not for the owner.
    expect(check('Cloud revenue came to $5.6 billion in the quarter.', '2026-01-09', '2026-01-09', undefined, AFTER_ALIBABA)).toEqual([]);
    expect(check('Alibaba Cloud revenue came to $5.6 billion in the quarter.', '2026-01-09', '2026-01-09')).toEqual([]);
    // The plan's own amount, said as a plan to invest, is checked against it.
    expect(check('Alibaba plans to invest $53 billion in AI infrastructure over three years.', '2026-01-09', '2026-01-09').map(([, item, verdict]) => [item, verdict])).toContainEqual([
      'capex-commitment',
      'matches',
    ]);
  });

  it('does not read a share-price rally as revenue growth', () => {
    // A rally is the share price's measure, never the AI revenue growth rate.
    expect(check('Alibaba stock has rallied 113% this year.', '2026-01-09', '2026-01-09').map(([, item]) => item)).toEqual(['valuation-rerating']);
    expect(check('Alibaba’s AI-related product revenue grew 113% from a year earlier.', '2026-01-09', '2026-01-09').map(([, item, verdict]) => [item, verdict])).toContainEqual([
      'ai-revenue-growth',
      'matches',
    ]);
  });
});

describe('figures without a named period, by publication date', () => {
  it('calls a repeated quarterly number newer once a later quarter has been reported', () => {
    // The pack knows the September 2025 quarter (triple-digit AI growth); by August 2026 an
    // unnamed "triple-digit" is that month's latest quarter, not September's.
    expect(check('Alibaba’s AI-related product revenue kept growing at triple-digit rates.', '2026-08-20', '2026-01-09').map(([, item, verdict]) => [item, verdict])).toEqual([
      ['ai-revenue-growth', 'newer'],
    ]);
    // Shortly after that quarter's results it is still the September quarter's number.
    expect(check('Alibaba’s AI-related product revenue kept growing at triple-digit rates.', '2025-12-10', '2026-01-09').map(([, item, verdict]) => [item, verdict])).toEqual([
      ['ai-revenue-growth', 'matches'],
    ]);
  });

  it('keeps a plan’s amount matching however late it is quoted (a plan is no quarterly figure)', () => {
    expect(check('Alibaba plans to invest RMB 380 billion in AI infrastructure.', '2026-10-01', '2026-01-09').map(([, item, verdict]) => [item, verdict])).toContainEqual([
      'capex-commitment',
      'matches',
    ]);
  });

  it('matches a number reported before the pack recorded it only when it is the recorded value', () => {
    // The pack records the order size in January 2026; a December 2025 report of the same size matches it.
    expect(check('Alibaba wants to buy more than 200,000 H200 chips.', '2025-12-05', '2026-01-09').map(([, item, verdict]) => [item, verdict])).toEqual([
      ['h200-procurement', 'matches'],
    ]);
    expect(check('Alibaba wants to buy more than 50,000 H200 chips.', '2025-12-05', '2026-01-09')).toEqual([]);
  });
});

describe('a quarter named in a comparison is the compared number’s', () => {
  it('does not give the main figure the period of the figure it is compared with', () => {
    // Published in March 2026: the 35% is the December quarter's, newer than the pack's 34%.
    expect(check('Alibaba Cloud revenue rose 35%, slightly faster than the 34% of the September quarter.', '2026-03-02', '2026-01-09')).toEqual([
      ['35%', 'cloud-revenue-growth', 'newer', '34% (quarter ended 2025-09-30)'],
    ]);
    expect(check('Alibaba Cloud revenue grew 34% in the quarter, up from 26% in the June quarter.', '2025-11-26', '2026-01-09')).toEqual([
      ['34%', 'cloud-revenue-growth', 'matches', '34% (quarter ended 2025-09-30)'],
    ]);
    expect(check('阿里云收入同比增长34%，较6月季度的26%明显提速。', '2025-11-26', '2026-01-09', undefined, AFTER_ALIBABA)).toEqual([
      ['34%', 'cloud-revenue-growth', 'matches', '34% (quarter ended 2025-09-30)'],
    ]);
  });
});

describe('valuation figures in other words', () => {
  it('reads a multiple of expected earnings as the forward P/E, and a fall from the high as the drawdown', () => {
    expect(check('Alibaba’s stock trades at about 20 times expected earnings for the next twelve months.', '2026-01-07', '2026-01-09')).toEqual([
      ['20 times', 'valuation-rerating', 'differs', '25x (January 2026)'],
    ]);
    expect(check('阿里巴巴股价从高位回落了约20%。', '2026-01-07', '2026-01-09')).toEqual([['20%', 'valuation-rerating', 'matches', '20% (January 2026)']]);
  });
});
