import { describe, expect, it } from 'vitest';
import { ScanBudget } from '@/lib/lens/budget';
import { newFrameToken, tokenFromHash } from '@/lib/lens/frame-protocol';

describe('ScanBudget', () => {
  it('allows a burst, then one rescan per refill period', () => {
    const budget = new ScanBudget({ capacity: 3, refillMs: 10_000 }, 0);
    expect([budget.take(0), budget.take(1), budget.take(2), budget.take(3)]).toEqual([true, true, true, false]);
    expect(budget.waitMs(600)).toBe(9_400);
    expect(budget.take(9_999)).toBe(false);
    expect(budget.take(10_000)).toBe(true);
    expect(budget.take(10_001)).toBe(false);
  });

  it('bounds a page that navigates every 600 ms for ten minutes', () => {
    const budget = new ScanBudget({ capacity: 4, refillMs: 10_000 }, 0);
    let scans = 0;
    for (let now = 0; now < 600_000; now += 600) if (budget.take(now)) scans += 1;
    // 4 at once, then one per 10 s: 1000 navigations, 63 scans.
    expect(scans).toBe(4 + 59);
  });

  it('refills to capacity after a quiet time, not beyond', () => {
    const budget = new ScanBudget({ capacity: 2, refillMs: 1_000 }, 0);
    budget.take(0);
    budget.take(0);
    expect(budget.take(60_000)).toBe(true);
    expect(budget.take(60_000)).toBe(true);
    expect(budget.take(60_000)).toBe(false);
  });
});

describe('frame tokens', () => {
  it('are 32 hex digits, different each time, and read back from the frame address', () => {
    const a = newFrameToken();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(newFrameToken()).not.toBe(a);
    expect(tokenFromHash(`#${a}`)).toBe(a);
    expect(tokenFromHash('#abc')).toBeNull();
    expect(tokenFromHash('')).toBeNull();
  });
});
