import { describe, expect, it } from 'vitest';
import { defaultPack } from '@/lib/pack/default-pack';
import { checkFigures, extractFigures, type ClaimForCheck } from '@/lib/pipeline/figures';

// Whose number it is, which period it is for, and what a check carries (issue 8, point 5).
const C = defaultPack.figureConventions!;
const checks = (claim: Omit<ClaimForCheck, 'figures'>, published: string, asOf = '2026-11-24') =>
  checkFigures({ ...claim, figures: extractFigures(claim.text, C) }, defaultPack.items, {
    published,
    asOf,
    entities: defaultPack.entities,
    conventions: C,
  });
const verdicts = (claim: Omit<ClaimForCheck, 'figures'>, published: string, asOf?: string) =>
  checks(claim, published, asOf).map((c) => [c.figure, c.measure, c.verdict]);

describe('whose figure it is', () => {
  it('checks a number only when the sentence, or the one it continues, names the company', () => {
    const text = 'Cloud revenue rose 34% from a year earlier.';
    // Nobody named: the number is nobody's, and goes unchecked.
    expect(verdicts({ text }, '2025-11-26')).toEqual([]);
    expect(verdicts({ text, previous: 'A rival cloud provider reported results on Tuesday.' }, '2025-11-26')).toEqual([]);
    // Continuing a sentence on the company: its number.
    expect(verdicts({ text, previous: 'Alibaba reported quarterly results on Tuesday.' }, '2025-11-26')).toEqual([['34%', 'cloud-revenue-yoy', 'matches']]);
    // Continuing a sentence whose last company is another one: not the company's.
    expect(verdicts({ text, previous: 'Alibaba lags Tencent, which reported results on Tuesday.' }, '2025-11-26')).toEqual([]);
  });

  it('takes the owner from the words that bound the sentence to the item, and refuses a group of other buyers', () => {
    const text = 'Orders for more than 200,000 H200 chips have been placed.';
    expect(verdicts({ text, boundBy: { 'h200-procurement': 'Alibaba' } }, '2026-01-12')).toEqual([['200,000 H200 chips', 'h200-units-sought', 'matches']]);
    expect(verdicts({ text, boundBy: { 'h200-procurement': 'Chinese companies' } }, '2026-01-12')).toEqual([]);
    expect(verdicts({ text, boundBy: { 'h200-procurement': 'Nvidia' } }, '2026-01-12')).toEqual([]);
  });

  it('does not take a company that is told or asked for the owner', () => {
    expect(verdicts({ text: 'Alibaba has asked Nvidia for more than 200,000 H200 chips, two people said.' }, '2026-01-12')).toEqual([
      ['200,000 H200 chips', 'h200-units-sought', 'matches'],
    ]);
    expect(verdicts({ text: '阿里巴巴已向英伟达订购超过20万颗芯片。' }, '2026-01-12')).toEqual([['20万颗', 'h200-units-sought', 'matches']]);
    // Another company owning the number is still another company's.
    expect(verdicts({ text: 'Nvidia said it had orders for more than 200,000 H200 chips.' }, '2026-01-12')).toEqual([]);
  });
});

describe('Chinese measure words and currency run into Latin text', () => {
  it('reads "20万颗H200" and "3800亿元AI" as figures', () => {
    expect(extractFigures('阿里巴巴计划采购20万颗H200芯片。', C).map((f) => [f.raw, f.normalized, f.unit])).toEqual([['20万颗', 200000, 'units']]);
    expect(extractFigures('三年3800亿元AI基础设施投入计划', C).map((f) => [f.raw, f.normalized, f.unit])).toEqual([['3800亿元', 380e9, 'CNY']]);
    // A Latin unit word still ends at a word end.
    expect(extractFigures('It sold 200 unitsX.', C)).toEqual([]);
  });
});

describe('market readings (multiples, drawdowns) are for the month they are quoted in', () => {
  it('compares within the same month, is newer in a later month', () => {
    // Before the pack recorded its January reading, but in the same month: the same period.
    expect(verdicts({ text: 'Alibaba now changes hands at 19 times forward earnings.' }, '2026-01-07', '2026-01-09')).toEqual([['19 times', 'forward-pe', 'differs']]);
    expect(verdicts({ text: 'Alibaba now changes hands near 24 times forward earnings.' }, '2026-01-12', '2026-01-09')).toEqual([['24 times', 'forward-pe', 'matches']]);
    expect(verdicts({ text: 'Alibaba now changes hands at 18 times forward earnings.' }, '2026-03-08', '2026-01-09')).toEqual([['18 times', 'forward-pe', 'newer']]);
    expect(verdicts({ text: 'Alibaba stock is down about 25% from its autumn peak.' }, '2026-01-07', '2026-01-09')).toEqual([['25%', 'valuation-drawdown', 'differs']]);
  });
});

describe('a month of last year is a date, not a trailing period', () => {
  it('does not read "February last year" as the past four quarters', () => {
    const measures = (text: string) => checks({ text }, '2026-05-12', '2026-01-09').map((c) => c.measure);
    expect(measures('Alibaba committed RMB 380 billion to AI infrastructure in February last year.')).not.toContain('ai-capex-trailing-four-quarters');
    expect(measures('Alibaba spent RMB 120 billion on AI infrastructure over the past year.')).toContain('ai-capex-trailing-four-quarters');
  });
});

describe('what a check carries', () => {
  it('gives the period the figure is for, its normalized value and unit', () => {
    const [plan] = checks({ text: 'Alibaba committed RMB 380 billion to AI infrastructure over three years.' }, '2025-11-26');
    expect(plan).toMatchObject({ measure: 'ai-capex-plan', verdict: 'matches', period: '2025-02-28', value: 380e9, unit: 'CNY' });
    const [growth] = checks({ text: 'Alibaba Cloud revenue grew 36% in the September 2025 quarter.' }, '2025-11-26');
    expect(growth).toMatchObject({ measure: 'cloud-revenue-yoy', verdict: 'differs', period: '2025-09-30', value: 36, unit: 'percent' });
    // Newer with a named quarter: that quarter's end; newer without one: no period.
    const [named] = checks({ text: 'Alibaba Cloud revenue grew 38% in the March 2026 quarter.' }, '2026-05-14', '2026-01-09');
    expect(named).toMatchObject({ verdict: 'newer', period: '2026-03-31', value: 38, unit: 'percent' });
    const [pe] = checks({ text: 'Alibaba now changes hands at 18 times forward earnings.' }, '2026-03-08', '2026-01-09');
    // A later market reading is for the day it is quoted; a later quarter's growth without its quarter named, unknown.
    expect(pe).toMatchObject({ verdict: 'newer', period: '2026-03-08', value: 18, unit: 'multiple' });
    const [unnamed] = checks({ text: 'Alibaba Cloud revenue rose 41% from a year earlier.' }, '2026-06-01', '2026-01-09');
    expect(unnamed).toMatchObject({ verdict: 'newer', value: 41, unit: 'percent' });
    expect(unnamed!.period).toBeUndefined();
  });
});
