/**
 * How often the lens may rescan one tab: a token bucket. A page that never stops changing
 * (a pushState every 600 ms, a ticker) gets `capacity` quick rescans, then one every
 * `refillMs`: the lens's share of the main thread stays bounded however long the page runs.
 * Pure: the clock is passed in.
 */
export interface ScanBudgetOptions {
  capacity: number;
  refillMs: number;
}

export class ScanBudget {
  private tokens: number;
  private last: number;

  constructor(private readonly options: ScanBudgetOptions, now: number) {
    this.tokens = options.capacity;
    this.last = now;
  }

  private refill(now: number): void {
    const earned = Math.floor((now - this.last) / this.options.refillMs);
    if (earned <= 0) return;
    this.tokens = Math.min(this.options.capacity, this.tokens + earned);
    this.last = this.tokens === this.options.capacity ? now : this.last + earned * this.options.refillMs;
  }

  /** Takes one rescan if the budget allows it now. */
  take(now: number): boolean {
    this.refill(now);
    if (this.tokens <= 0) return false;
    this.tokens -= 1;
    return true;
  }

  /** Milliseconds until `take` can succeed (0: now). */
  waitMs(now: number): number {
    this.refill(now);
    if (this.tokens > 0) return 0;
    return Math.max(0, this.last + this.options.refillMs - now);
  }
}
