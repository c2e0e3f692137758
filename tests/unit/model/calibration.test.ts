import { describe, expect, it } from 'vitest';
import { calibrate } from '@/lib/model/train';

describe('out-of-fold calibration of link scores', () => {
  it('reads precision, recall and the share of gold links below each threshold', () => {
    const scored = [
      { p: 0.95, gold: true },
      { p: 0.8, gold: true },
      { p: 0.6, gold: false },
      { p: 0.3, gold: true },
      { p: 0.05, gold: false },
    ];
    const [low, mid, high] = calibrate(scored, [0.1, 0.5, 0.9]).thresholds;
    expect(low).toMatchObject({ threshold: 0.1, precision: 0.75, recall: 1, goldBelow: 0 });
    expect(mid!.precision).toBeCloseTo(2 / 3);
    expect(mid!.recall).toBeCloseTo(2 / 3);
    expect(mid!.goldBelow).toBeCloseTo(1 / 3);
    expect(high).toMatchObject({ threshold: 0.9, precision: 1, goldBelow: 2 / 3 });
  });
});
