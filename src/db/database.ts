import neo4j, { type AuthToken, type BookmarkManager, type Driver, type ManagedTransaction, Neo4jError, type QueryResult, type RecordShape, type Session } from 'neo4j-driver';
import type { Neo4jConfig } from '../config.js';
import { AppError, ErrorCode } from '../errors.js';
import type { Logger } from '../logger.js';
import { OutageLog } from './outage-log.js';
import { toPlain } from './values.js';

/** Query parameters: values only ever reach Cypher this way. */
export type Params = Record<string, unknown>;
/** A result row with Neo4j values already converted to plain JavaScript (numbers, ISO dates, objects). */
export type Row = Record<string, unknown>;

/** Observes every statement sent to Neo4j (tests count round trips with it). */
export type QueryObserver = (event: { mode: 'read' | 'write'; cypher: string; params: Readonly<Params>; metadata: Readonly<TransactionMetadata> }) => void;

/** A warning Neo4j sent about a statement (a deprecated feature, an unbounded pattern, …). */
export interface StatementWarning {
  cypher: string;
  code: string;
  description: string;
}

/**
 * What each transaction tells Neo4j about itself: shown by `SHOW TRANSACTIONS` (`metaData`) and written to
 * Neo4j's query log, so a slow statement there names the request and GraphQL operation that sent it.
 */
export interface TransactionMetadata {
  app: string;
  /** The request id (`X-Request-Id`); null outside a request (start-up, CLI). */
  requestId: string | null;
  /** The GraphQL operation name, once known; or what ran it outside GraphQL (`export`, `import`, `migrations`). */
  operation: string | null;
}

/**
 * The one place that runs Cypher.
 *
 * A read, and a write that is one statement (`writeStatement`), is one auto-commit statement retried by
 * `retryTransient`; other writes are a managed transaction (`executeWrite`, retried by the driver); all retry
 * transient errors within the same window, in the configured database, with the configured timeout, in a
 * session closed in `finally`. Neo4j and driver errors are mapped to our error codes here and nowhere else:
 * unreachable database or timeout → SERVICE_UNAVAILABLE, constraint violation → BAD_USER_INPUT.
 *
 * Every transaction carries `metadata` (see `TransactionMetadata`; `forRequest` gives a view with a
 * request's own), and every session shares one bookmark manager: a read that follows a write of this
 * process waits until the server it reads from has that write (read-your-writes under `neo4j://` routing,
 * where reads go to followers). On a single server the bookmarks are already satisfied and cost nothing.
 */
export class Database {
  private readonly observers = new Set<QueryObserver>();
  private readonly warningListeners = new Set<(warning: StatementWarning) => void>();
  /** Statements already logged for a warning: each is logged once, not on every request. */
  private readonly warned = new Set<string>();
  /** Outages are logged as a few lines (gone, once a minute while away, back), not one per failed statement. */
  private readonly outage: OutageLog;
  /** Shared by every session of this process (and of its request views). */
  private readonly bookmarks: BookmarkManager = neo4j.bookmarkManager();
  /** What the transactions of this view say about themselves; request views replace it. */
  private metadata: TransactionMetadata = { app: 'practice-graph', requestId: null, operation: null };
  private isRequestView = false;

  constructor(
    readonly driver: Driver,
    private readonly config: Pick<Neo4jConfig, 'database' | 'queryTimeoutMs' | 'connectTimeoutMs'>,
    private readonly logger: Logger,
  ) {
    this.outage = new OutageLog(logger);
  }

  /**
   * A view of this database for one request or task: the same driver, observers and bookmarks, with
   * transactions that carry `metadata` (mutable: the operation name becomes known after parsing).
   */
  forRequest(metadata: Omit<TransactionMetadata, 'app'>): Database {
    const view = Object.create(this) as Database;
    view.metadata = { app: this.metadata.app, ...metadata };
    view.isRequestView = true;
    return view;
  }

  /** Names the operation this view's transactions run for, once it is known (see `forRequest`). */
  nameOperation(operation: string): void {
    // Only a request view names operations: the shared database's metadata stays as it is.
    if (this.isRequestView) this.metadata = { ...this.metadata, operation };
  }

  /** What this view's transactions say about themselves. */
  transactionMetadata(): Readonly<TransactionMetadata> {
    return this.metadata;
  }

  /** The bookmarks of the writes this process has seen (for tests and diagnostics). */
  async lastBookmarks(): Promise<string[]> {
    return [...(await this.bookmarks.getBookmarks())];
  }

  /**
   * Runs one read statement; rows come back as plain objects.
   *
   * A read is one auto-commit statement (RUN and PULL in one message), not a managed transaction (BEGIN,
   * RUN + PULL, COMMIT: three flushed writes and a commit round trip for the same answer). Measured on the
   * benchmark's filtered page: 3.95 → 1.97 ms API CPU and 3.12 → 1.64 ms Neo4j CPU per request. A read
   * changes nothing, so retrying it is always safe: `retryTransient` retries what the driver's managed
   * transactions would (retryable errors) on the same schedule, within the same window.
   */
  read(cypher: string, params: Params = {}): Promise<Row[]> {
    return this.autoCommitRead(cypher, params).catch((error: unknown) => {
      throw this.mapError(error);
    });
  }

  /**
   * Runs one write statement as an auto-commit transaction, as a read runs: RUN and PULL in one message,
   * Neo4j commits when the statement has run; no BEGIN and COMMIT messages, and no round trip for the COMMIT
   * (the statement's locks are let go at its end). On a loopback connection that changed no measurable
   * throughput (bench/README.md, "Twelfth session"); to a Neo4j across a network it is one round trip less per
   * write. For a mutation that is one statement which writes nothing unless all its checks pass, so that a
   * refusal needs no rollback.
   *
   * Retried as the driver retries a managed transaction (`retryTransient`, the same errors and window). The
   * statement must be one that may run again after a commit whose answer the connection lost, as a managed
   * transaction's work must be (the driver runs it again then too): a create then finds its node and is
   * refused, a MERGE finds its relationship.
   */
  writeStatement(cypher: string, params: Params = {}): Promise<Row[]> {
    return retryTransient(this.retryWindowMs(), () =>
      this.autoCommitOnce('write', cypher, params, (result) => result.records.map((record) => toPlain(record.toObject()) as Row)),
    ).catch((error: unknown) => {
      throw this.mapError(error);
    });
  }

  /** Runs one write statement in its own transaction. */
  write(cypher: string, params: Params = {}): Promise<Row[]> {
    return this.execute('write', (tx) => this.runIn('write', tx, cypher, params));
  }

  /**
   * Runs several statements in one write transaction: all of them or none (bulk import, seeding).
   * `work` receives a `run` function; whatever it throws rolls the transaction back. `timeoutMs` overrides the
   * query timeout for this transaction (a large import legitimately runs longer than one API request).
   */
  writeTransaction<T>(
    work: (run: (cypher: string, params?: Params) => Promise<Row[]>) => Promise<T>,
    options: { timeoutMs?: number } = {},
  ): Promise<T> {
    return this.execute('write', (tx) => work((cypher, params = {}) => this.runIn('write', tx, cypher, params)), options.timeoutMs);
  }

  /** True when Neo4j answers a trivial query now (for `/ready`); never throws. */
  async ping(): Promise<boolean> {
    try {
      await this.read('RETURN 1 AS ok');
      return true;
    } catch {
      return false;
    }
  }

  /**
   * The version of the data as the database stands now: the bookmark Neo4j returns for a trivial read,
   * which names the last transaction committed to the database. Every write that commits changes it, made
   * by this process or any other (the CLI import, another API process, a Cypher shell); a read never does.
   * Opaque: compare for equality only. Null when the server returned no bookmark. One round trip; in the
   * shared bookmark manager, so a later read of this process waits (in a cluster) until its server is at
   * least at this version. Not retried: a caller that cannot read it does without it (the response cache
   * then runs the request, whose own statements retry), so an outage costs no extra retry window.
   */
  datasetVersion(): Promise<string | null> {
    return this.autoCommitOnce('read', 'RETURN 1 AS version', {}, (_result, session) => {
      const bookmarks = session.lastBookmarks();
      return bookmarks.length > 0 ? [...bookmarks].sort().join(',') : null;
    }).catch((error: unknown) => {
      throw this.mapError(error);
    });
  }

  /** Registers an observer of every statement; returns the function that removes it. */
  observe(observer: QueryObserver): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  /**
   * Registers a listener of the warnings Neo4j attaches to statements; returns the function that removes it.
   * Warnings are also logged, once per statement and code. They are bugs of ours: a deprecated
   * `CALL { WITH … }` had cost every relation load ~600 bytes of notification per subquery.
   */
  onWarning(listener: (warning: StatementWarning) => void): () => void {
    this.warningListeners.add(listener);
    return () => this.warningListeners.delete(listener);
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  /** Each call is one round trip, reported to the observers. */
  private async runIn(mode: 'read' | 'write', tx: ManagedTransaction, cypher: string, params: Params): Promise<Row[]> {
    for (const observer of this.observers) observer({ mode, cypher, params, metadata: this.metadata });
    const result = await tx.run<RecordShape>(cypher, params);
    const { notifications } = result.summary;
    if (notifications.length > 0) this.reportWarnings(cypher, notifications);
    return result.records.map((record) => toPlain(record.toObject()) as Row);
  }

  private reportWarnings(cypher: string, notifications: ReadonlyArray<{ code: string; description: string; severityLevel: string }>): void {
    for (const { code, description, severityLevel } of notifications) {
      if (severityLevel !== 'WARNING') continue;
      const warning = { cypher, code, description };
      for (const listener of this.warningListeners) listener(warning);
      const key = `${code}|${cypher}`;
      if (this.warned.has(key)) continue;
      if (this.warned.size >= 1_000) this.warned.clear();
      this.warned.add(key);
      this.logger.warn('Neo4j warned about a statement', warning);
    }
  }

  private autoCommitRead(cypher: string, params: Params): Promise<Row[]> {
    return retryTransient(this.retryWindowMs(), () =>
      this.autoCommitOnce('read', cypher, params, (result) => result.records.map((record) => toPlain(record.toObject()) as Row)),
    );
  }

  /** One auto-commit statement in a session of its own; `answer` reads the result (and the session, for its bookmark) before it closes. */
  private async autoCommitOnce<T>(
    mode: 'read' | 'write',
    cypher: string,
    params: Params,
    answer: (result: QueryResult<RecordShape>, session: Session) => T,
  ): Promise<T> {
    const accessMode = mode === 'read' ? neo4j.session.READ : neo4j.session.WRITE;
    const session = this.driver.session({ database: this.config.database, defaultAccessMode: accessMode, bookmarkManager: this.bookmarks });
    const work = async (): Promise<T> => {
      for (const observer of this.observers) observer({ mode, cypher, params, metadata: this.metadata });
      const result = await session.run<RecordShape>(cypher, params, { timeout: this.config.queryTimeoutMs, metadata: presentEntries(this.metadata) });
      const { notifications } = result.summary;
      if (notifications.length > 0) this.reportWarnings(cypher, notifications);
      this.outage.reachable();
      return answer(result, session);
    };
    return this.answeredInTime(mode, this.config.queryTimeoutMs, session, work);
  }

  /**
   * Runs `work` in `session` and closes it, unless Neo4j has sent no answer by the deadline (`answerDeadlineMs`):
   * then the caller gets SERVICE_UNAVAILABLE (reason NO_ANSWER) at once, and the session is closed whenever
   * Neo4j answers. Neo4j's own timeout only ends a transaction Neo4j is running: a server that is frozen
   * (stopped, swapping, in a long GC pause) or cut off without a reset (a dropped network path, a NAT that
   * forgot the connection) sends nothing at all, and the driver, whose connection timeout covers only
   * opening a connection, would wait for ever, holding the request and a pooled connection.
   */
  private async answeredInTime<T>(mode: 'read' | 'write', timeoutMs: number, session: Session, work: () => Promise<T>): Promise<T> {
    const deadlineMs = this.answerDeadlineMs(timeoutMs);
    let timer: NodeJS.Timeout | undefined;
    let late = false;
    const running = work();
    const noAnswer = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        late = true;
        // What the statement does when Neo4j answers at last is no one's any more; its failure is not unhandled.
        running.catch(() => undefined);
        reject(this.noAnswerError(mode, deadlineMs));
      }, deadlineMs);
    });
    try {
      return await Promise.race([running, noAnswer]);
    } finally {
      clearTimeout(timer);
      // Closing waits for the statement's answer: after the deadline that would hold the caller again.
      const closed = session.close().catch(() => undefined);
      if (!late) await closed;
    }
  }

  /**
   * The longest a Neo4j that is running takes to answer or to refuse a transaction of `timeoutMs`: a
   * connection from the pool (at most the connect timeout, then the driver refuses), the transaction's own
   * timeout, the driver's retry window, and ANSWER_SLACK_MS for Neo4j's timeout check and the answer's way
   * back. Defaults: 5 + 10 + 2 + 3 = 20 s.
   */
  private answerDeadlineMs(timeoutMs: number): number {
    return this.config.connectTimeoutMs + timeoutMs + this.retryWindowMs() + ANSWER_SLACK_MS;
  }

  private noAnswerError(mode: 'read' | 'write', deadlineMs: number): AppError {
    this.outage.unreachable('NO_ANSWER', `no answer within ${deadlineMs} ms`);
    // A write that was sent may still be applied when Neo4j answers: whole, since a transaction is, but
    // possibly after this error. The caller must not take the error for "nothing was written".
    const message =
      mode === 'read'
        ? `The database sent no answer within ${deadlineMs} ms (frozen, overloaded or cut off); try again shortly.`
        : `The database sent no answer within ${deadlineMs} ms (frozen, overloaded or cut off), so whether this write was applied is unknown: it is applied whole or not at all. Read before you try again.`;
    return new AppError(ErrorCode.SERVICE_UNAVAILABLE, message, { reason: 'NO_ANSWER' });
  }

  /** The driver's retry window for managed transactions (see `createDriver`), which reads keep too. */
  private retryWindowMs(): number {
    return retryWindowFor(this.config.queryTimeoutMs);
  }

  private async execute<T>(mode: 'read' | 'write', work: (tx: ManagedTransaction) => Promise<T>, timeoutMs = this.config.queryTimeoutMs): Promise<T> {
    const session = this.driver.session({
      database: this.config.database,
      defaultAccessMode: mode === 'read' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
    });
    const txConfig = { timeout: timeoutMs, metadata: presentEntries(this.metadata) };
    // The driver retries every transient error; a refusal for memory, thrown as ours, ends the transaction
    // at once instead of doing the same work again for the retry window.
    const once = async (tx: ManagedTransaction): Promise<T> => {
      try {
        return await work(tx);
      } catch (error) {
        throw isOverMemory(error) ? this.mapError(error, timeoutMs) : error;
      }
    };
    const transaction = async (): Promise<T> => {
      try {
        const result = mode === 'read' ? await session.executeRead(once, txConfig) : await session.executeWrite(once, txConfig);
        this.outage.reachable();
        return result;
      } catch (error) {
        throw this.mapError(error, timeoutMs);
      }
    };
    return this.answeredInTime(mode, timeoutMs, session, transaction);
  }

  /** Our error for a driver's; `timeoutMs`: the timeout the failed transaction had. */
  private mapError(error: unknown, timeoutMs = this.config.queryTimeoutMs): unknown {
    if (error instanceof AppError) return error;
    if (!(error instanceof Neo4jError)) return error;
    const code = error.code ?? '';
    if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return new AppError(ErrorCode.BAD_USER_INPUT, conflictMessage(error.message), { reason: 'CONFLICT' }, { cause: error });
    }
    // A node or relationship the statement had matched was deleted by a concurrent transaction before this
    // one could write it ("Unable to load NODE …"): for the caller it is simply not there any more.
    if (code === 'Neo.ClientError.Statement.EntityNotFound') {
      return new AppError(ErrorCode.NOT_FOUND, 'What this write needed was deleted by a concurrent request; nothing was written.', { reason: 'CONCURRENT_DELETE' }, { cause: error });
    }
    // Still deadlocked after the driver's retries: concurrent writes on the same nodes; nothing was written.
    if (code === 'Neo.TransientError.Transaction.DeadlockDetected') {
      return new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'The write collided with concurrent writes to the same nodes; nothing was written, try again.', { reason: 'CONFLICT' }, { cause: error });
    }
    // Timed out while running, or while waiting for a lock another transaction holds: Neo4j 5 stops the
    // waiting transaction's lock client and answers LockClientStopped, a ClientError (a TransientError in 4.x).
    if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || code.endsWith('.Transaction.LockClientStopped')) {
      return new AppError(ErrorCode.SERVICE_UNAVAILABLE, `The database did not answer within ${timeoutMs} ms.`, { reason: 'TIMEOUT' }, { cause: error });
    }
    // A full-text query past Lucene's 1024 clauses: the search text's fault, not the server's (`luceneQuery`
    // refuses such text first; this covers a query built some other way).
    if (isTooManyClauses(error)) {
      return new AppError(ErrorCode.BAD_USER_INPUT, 'The search has too many words or phrases for the full-text index (Lucene allows 1024 clauses); search for fewer.', { reason: 'TOO_MANY_CLAUSES' }, { cause: error });
    }
    // Past Neo4j's memory limit for transactions (a huge import, a page of everything).
    if (isOverMemory(error)) {
      return new AppError(ErrorCode.SERVICE_UNAVAILABLE, memoryMessage(error.message), { reason: 'MEMORY' }, { cause: error });
    }
    if (isUnavailable(error)) {
      this.outage.unreachable(code, error.message);
      return new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'The database is not reachable right now; try again shortly.', {}, { cause: error });
    }
    return error;
  }
}

/**
 * Beyond a transaction's timeout, how long a Neo4j that runs is given to say so: its check of running
 * transactions against their timeout (`db.transaction.monitor.check.interval`, 2 s by default) and the answer's
 * way back.
 */
const ANSWER_SLACK_MS = 3_000;

/** How long transient failures are retried, from the first failure (writes: by the driver; reads: `retryTransient`). */
function retryWindowFor(queryTimeoutMs: number): number {
  return Math.min(2_000, queryTimeoutMs);
}

/**
 * Runs `work`, again after a retryable failure (`Neo4jError.retryable`: a transient error, an unreachable
 * or restarting server, an expired session) as the driver retries managed transactions: after 1 s, 2 s,
 * 4 s … (±20 %), while less than `windowMs` has passed since the first failure. Only for work that is safe
 * to repeat: a read, or a write statement that may run again after it committed (see `writeStatement`),
 * since an auto-commit write could have committed before its connection broke.
 */
export async function retryTransient<T>(windowMs: number, work: () => Promise<T>, sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))): Promise<T> {
  let firstFailure: number | null = null;
  let delayMs = 1_000;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof Neo4jError) || !error.retryable || isOverMemory(error)) throw error;
      firstFailure ??= Date.now();
      if (Date.now() - firstFailure >= windowMs) throw error;
      await sleep(delayMs * (0.8 + Math.random() * 0.4));
      delayMs *= 2;
    }
  }
}

/** The entries of `metadata` that have a value (Neo4j's log and `SHOW TRANSACTIONS` need no nulls). */
function presentEntries(metadata: TransactionMetadata): Record<string, string> {
  const present: Record<string, string> = {};
  for (const [key, value] of Object.entries(metadata)) if (value !== null) present[key] = value;
  return present;
}

/** Neo4j's refusals for memory: transient by their code, but the same work would be refused again after being done again. */
const MEMORY_CODES = new Set(['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'Neo.TransientError.General.TransactionMemoryLimit', 'Neo.TransientError.General.OutOfMemoryError']);

function isOverMemory(error: unknown): boolean {
  return error instanceof Neo4jError && MEMORY_CODES.has(error.code);
}

/** Lucene's refusal of a query with more than `maxClauseCount` clauses, as `db.index.fulltext.queryNodes` passes it on. */
function isTooManyClauses(error: Neo4jError): boolean {
  return error.code === 'Neo.ClientError.Procedure.ProcedureCallFailed' && /TooMany(Nested)?Clauses/.test(error.message);
}

function isUnavailable(error: Neo4jError): boolean {
  const code = error.code ?? '';
  return (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    code.startsWith('Neo.TransientError.General.DatabaseUnavailable') ||
    code === 'Neo.ClientError.Database.DatabaseNotFound' ||
    /acquisition timed out|Connection acquisition|Failed to connect|ECONNREFUSED|Server responded HTTP/i.test(error.message)
  );
}

/**
 * Names the limit Neo4j reports ("… would use more than the limit 179.2 MiB. … dbms.memory.transaction.total.max
 * threshold reached") without passing its internals on.
 */
function memoryMessage(neo4jMessage: string): string {
  const limit = /more than the limit ([\d.]+ ?[KMGT]?i?B)/.exec(neo4jMessage)?.[1];
  const setting = /([a-z.]+memory[a-z.]*) threshold reached/.exec(neo4jMessage)?.[1];
  const which = limit ? ` (${setting ?? 'its limit'}: ${limit})` : '';
  return `The database ran out of memory for this request${which}; nothing was written. Ask for less at once (a smaller page or a smaller import), or give Neo4j more memory (its heap; for the embedded one NEO4J_EMBEDDED_JAVA_OPTS, e.g. -Xmx2g).`;
}

function conflictMessage(neo4jMessage: string): string {
  const id = /property `id` = '([^']*)'/.exec(neo4jMessage)?.[1];
  return id ? `A node with id "${id}" already exists.` : 'The write conflicts with an existing node (unique id).';
}

/** Auth for servers without authentication (the embedded Neo4j); `neo4j.auth.none()` exists but is untyped. */
export const NO_AUTH = { scheme: 'none' } as AuthToken;

/** Driver settings that keep a request from ever waiting long on an unreachable database. */
export function createDriver(config: Neo4jConfig & { uri: string }): Driver {
  const auth = config.password === '' ? NO_AUTH : neo4j.auth.basic(config.user, config.password);
  return neo4j.driver(config.uri, auth, {
    disableLosslessIntegers: true,
    connectionAcquisitionTimeout: config.connectTimeoutMs,
    connectionTimeout: Math.min(config.connectTimeoutMs, 3_000),
    // Retries of transient errors stop well before a client would give up on us. The driver keeps
    // retrying while less than this has passed since the first failure, after delays of 1 s, 2 s, 4 s
    // (±20 %): at 3 s a refused connection sometimes got a 4th attempt at ~7 s; at 2 s the 3rd attempt
    // (≥ 2.4 s) is the last, so an unreachable database fails an operation in about 3 s (< 5 s).
    maxTransactionRetryTime: retryWindowFor(config.queryTimeoutMs),
    maxConnectionPoolSize: 100,
    logging: { level: 'error', logger: () => undefined },
  });
}
