import { describe, expect, it } from 'vitest';
import { ItemSchema } from '@/lib/pack/schema';
import { describeKnownFigure, figuresKnownAt, formatFigureValue, historyAsOf, latestFiguresAt, latestStatus, statusAt } from '@/lib/pack/status';

const item = ItemSchema.parse({
  id: 'cloud',
  kind: 'catalyst',
  title: 'Cloud grows',
  matchers: [{ all: [{ en: ['cloud'], zh: ['云'] }] }],
  figures: [
    { measure: 'cloud-yoy', label: 'Cloud growth', value: 38, unit: 'percent', period: 'quarter ended 2026-03-31', periodEnd: '2026-03-31', asOf: '2026-05-13', context: [{ en: ['cloud'], zh: [] }] },
    { measure: 'cloud-yoy', label: 'Cloud growth', value: 34, unit: 'percent', period: 'quarter ended 2025-09-30', periodEnd: '2025-09-30', asOf: '2025-11-25', context: [{ en: ['cloud'], zh: [] }] },
  ],
  // Deliberately out of order: readers must not depend on the stored order.
  history: [
    { date: '2026-05-13', status: 'confirmed', note: 'later' },
    { date: '2025-11-25', status: 'on-track', note: 'earlier' },
  ],
});

describe('status helpers', () => {
  it('latestStatus takes the newest entry on or before the date', () => {
    expect(latestStatus(item)?.note).toBe('later');
    expect(latestStatus(item, '2026-05-12')?.note).toBe('earlier');
    expect(latestStatus(item, '2026-05-13')?.note).toBe('later');
    expect(latestStatus(item, '2025-01-01')).toBeNull();
    expect(statusAt(item, '2025-01-01')).toBe('pending');
    expect(historyAsOf(item).map((e) => e.date)).toEqual(['2025-11-25', '2026-05-13']);
  });

  it('figuresKnownAt ignores figures published after the date', () => {
    expect(figuresKnownAt(item, '2026-01-01').map((f) => f.value)).toEqual([34]);
    expect(figuresKnownAt(item, '2026-06-01').map((f) => f.value)).toEqual([34, 38]);
    expect(latestFiguresAt(item, '2026-06-01').map((f) => f.value)).toEqual([38]);
  });

  it('formats known figures as a reader writes them', () => {
    expect(describeKnownFigure(item.figures[1]!)).toBe('34% (quarter ended 2025-09-30)');
    expect(formatFigureValue({ value: 380e9, unit: 'CNY', atLeast: false })).toBe('RMB 380 billion');
    expect(formatFigureValue({ value: 53e9, unit: 'USD', atLeast: false })).toBe('$53 billion');
    expect(formatFigureValue({ value: 100, unit: 'percent', atLeast: true })).toBe('≥100%');
    expect(formatFigureValue({ value: 200_000, unit: 'units', atLeast: true })).toBe('>200,000 units');
    expect(formatFigureValue({ value: 39.8e9, unit: 'CNY', atLeast: false })).toBe('RMB 39.8 billion');
  });
});
