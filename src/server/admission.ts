import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors.js';

/**
 * How much estimated cost (the cost model of `cost.ts`) may execute at once. Operations past the budget
 * wait their turn, first come first served, before anything of theirs is loaded.
 *
 * Why: what an operation holds while it runs (rows from Neo4j, the result tree, the JSON text) grows with
 * its cost, and on one process every operation in flight shares the same CPU anyway. Eight 50 × 20 nested
 * reads at once held ~150 MB live and took the process to 600–800 MB resident; two at a time they held a
 * fraction of it for ~10% less throughput (bench/README.md). Cheap operations pass whenever the budget has
 * room; operations that cost nothing (`__typename`, introspection) load nothing and never wait.
 */
export class CostBudget {
  private inFlight = 0;
  private readonly waiting: Array<{ cost: number; admit: () => void }> = [];

  /**
   * @param capacity the cost that may run at once (`GRAPHQL_COST_IN_FLIGHT`). An operation costing more
   * still runs, alone.
   * @param maxWaitMs how long an operation may wait for room before it is refused (SERVICE_UNAVAILABLE).
   */
  constructor(
    readonly capacity: number,
    private readonly maxWaitMs: number,
  ) {}

  /** Resolves once `cost` may run; the returned function gives it back (once, however often it is called). */
  async acquire(cost: number): Promise<() => void> {
    const weight = Math.min(Math.max(cost, 0), this.capacity);
    if (weight === 0) return NOTHING_HELD;
    if (this.waiting.length === 0 && this.fits(weight)) {
      this.inFlight += weight;
    } else {
      await this.wait(weight);
    }
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.inFlight -= weight;
      this.admitWaiting();
    };
  }

  /** Cost running now, and operations waiting (for the logs and tests). */
  get load(): { inFlight: number; waiting: number } {
    return { inFlight: this.inFlight, waiting: this.waiting.length };
  }

  private fits(weight: number): boolean {
    return this.inFlight === 0 || this.inFlight + weight <= this.capacity;
  }

  private wait(weight: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const entry = {
        cost: weight,
        admit: () => {
          clearTimeout(timer);
          this.inFlight += weight;
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(entry), 1);
        // The head may have been the one holding the others back.
        this.admitWaiting();
        reject(busy(this.maxWaitMs));
      }, this.maxWaitMs);
      this.waiting.push(entry);
    });
  }

  private admitWaiting(): void {
    while (this.waiting.length > 0 && this.fits(this.waiting[0]!.cost)) this.waiting.shift()!.admit();
  }
}

const NOTHING_HELD = (): void => undefined;

function busy(waitedMs: number): GraphQLError {
  return new GraphQLError(`The server is busy with other expensive queries; waited ${waitedMs} ms. Try again shortly, or ask for less.`, {
    extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, reason: 'BUSY', http: { status: 503 } },
  });
}
