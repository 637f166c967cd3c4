// A small circuit breaker: after `failureThreshold` consecutive failures it opens for `openMs`
// (callers go straight to their fallback), then lets exactly one probe through (half-open);
// the probe's success closes it, its failure opens it again.
export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  failureThreshold: number;
  openMs: number;
  now?: () => number;
}

export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private probing = false;
  private status: BreakerState = 'closed';
  private readonly now: () => number;

  constructor(private readonly options: BreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  get state(): BreakerState {
    return this.status;
  }

  /** True when a call may go to the protected service now; counts as the probe when half-open. */
  tryAcquire(): boolean {
    if (this.status === 'closed') return true;
    if (this.status === 'open') {
      if (this.now() - this.openedAt < this.options.openMs) return false;
      this.status = 'half-open';
      this.probing = false;
    }
    if (this.probing) return false;
    this.probing = true;
    return true;
  }

  recordSuccess(): void {
    this.failures = 0;
    this.probing = false;
    this.status = 'closed';
  }

  recordFailure(): void {
    this.probing = false;
    this.failures += 1;
    if (this.status === 'half-open' || this.failures >= this.options.failureThreshold) {
      this.status = 'open';
      this.openedAt = this.now();
    }
  }
}
