import type { Logger } from '../logger.js';

/** While Neo4j stays unreachable, at most one "still unreachable" line per this many ms. */
export const OUTAGE_REPEAT_MS = 60_000;

/**
 * Logs an outage of Neo4j as a few lines instead of one per failed statement: one line when it goes
 * away, one per `repeatMs` while it stays away (with how long and how many statements failed), one when
 * it answers again. A load balancer probing `/ready` every second and clients retrying had written ~100
 * "Failed to connect" lines a minute, burying the lines that said why.
 */
export class OutageLog {
  private downSince: number | undefined;
  private lastLine = 0;
  private failures = 0;

  constructor(
    private readonly logger: Logger,
    private readonly repeatMs = OUTAGE_REPEAT_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether the last statement found Neo4j unreachable. */
  get down(): boolean {
    return this.downSince !== undefined;
  }

  /** A statement failed because Neo4j could not be reached. */
  unreachable(code: string, message: string): void {
    const now = this.now();
    this.failures++;
    if (this.downSince === undefined) {
      this.downSince = this.lastLine = now;
      this.failures = 1;
      this.logger.warn('Neo4j unreachable: statements fail with SERVICE_UNAVAILABLE until it answers again', { code, error: message });
      return;
    }
    if (now - this.lastLine < this.repeatMs) return;
    this.lastLine = now;
    this.logger.warn('Neo4j still unreachable', { downForMs: now - this.downSince, failedStatements: this.failures, code, error: message });
  }

  /** A statement succeeded: ends an outage, if there was one. */
  reachable(): void {
    if (this.downSince === undefined) return;
    this.logger.info('Neo4j reachable again', { downForMs: this.now() - this.downSince, failedStatements: this.failures });
    this.downSince = undefined;
    this.failures = 0;
  }
}
