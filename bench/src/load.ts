import http from 'node:http';

/**
 * One request of a workload: `i` numbers the requests of a run (it picks the parameters, and whether the
 * answer is checked). Resolves when the whole answer has arrived; rejects on any failure, with a
 * `WrongAnswer` when a checked answer differs from the reference.
 */
export type Send = (i: number) => Promise<void>;

/** A checked answer that differs from the reference answer for its parameters. */
export class WrongAnswer extends Error {}

export interface LoadOptions {
  /** Requests in flight at any time (closed loop: each worker sends the next when its answer is in). */
  concurrency: number;
  /** Load before measuring (JIT, caches, query plans, connection pools), not recorded. */
  warmupMs: number;
  /** Measured window: the shortest; it grows by whole durations while it has counted fewer than `minRequests`. */
  durationMs: number;
  /**
   * Answers the window must count (default 0: a fixed window). A window that counts only a few answers of a
   * slow workload measures when they happened to finish, not the rate: 4 s at ~5 s a request counted 0 to 2.
   */
  minRequests?: number;
  /** The longest the window grows to (default `durationMs`). */
  maxDurationMs?: number;
}

export interface LoadResult {
  /** Requests that completed inside the measured window. */
  requests: number;
  /** Failed requests (HTTP, GraphQL or driver errors, timeouts), warm-up included. */
  errors: number;
  /** Checked answers that differed from the reference, warm-up included. */
  wrongAnswers: number;
  /** Requests per second over the measured window. */
  throughput: number;
  /** How long the measured window was (`durationMs`, or more when it grew to count `minRequests`). */
  windowMs: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  /** The first failure seen, for the report. */
  firstError?: string;
}

/**
 * A closed-loop load generator: `concurrency` workers each send a request, wait for the complete answer,
 * and send the next, for `warmupMs + durationMs`. Requests answered inside the measured window count for
 * throughput and latency (so a slow workload whose requests outlast a short window still counts, with the
 * warm-up having brought the loop to a steady state); failures and wrong answers count wherever they happen.
 * The same loop drives every client (HTTP for both GraphQL servers, the driver for raw Cypher).
 *
 * With `minRequests`, a window that reaches its end having counted fewer answers is made one duration
 * longer (up to `maxDurationMs`), as often as needed. The decision is taken at the end of a window on the
 * answers inside it (the first event past the end asks, before it is counted), never on the answer that
 * would close it: ending a window at an answer would favour the client measured.
 */
export async function runLoad(send: Send, options: LoadOptions): Promise<LoadResult> {
  const start = performance.now();
  const measureFrom = start + options.warmupMs;
  const lastEnd = measureFrom + Math.max(options.durationMs, options.maxDurationMs ?? 0);
  const minRequests = options.minRequests ?? 0;
  let measureTo = measureFrom + options.durationMs;
  const latencies: number[] = [];
  let errors = 0;
  let wrongAnswers = 0;
  let firstError: string | undefined;
  let next = 0;

  /** The end of the window as of `now`: past it with too few answers counted, the window grows. */
  const windowEnd = (now: number) => {
    while (now > measureTo && latencies.length < minRequests && measureTo + options.durationMs <= lastEnd) measureTo += options.durationMs;
    return measureTo;
  };

  const worker = async () => {
    for (let now = performance.now(); now < windowEnd(now); now = performance.now()) {
      const i = next++;
      const sent = performance.now();
      try {
        await send(i);
        const done = performance.now();
        if (done >= measureFrom && done <= windowEnd(done)) latencies.push(done - sent);
      } catch (error) {
        if (error instanceof WrongAnswer) wrongAnswers++;
        else errors++;
        firstError ??= (error as Error).message;
        // Do not spin on a dead server.
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return summarise(latencies, measureTo - measureFrom, errors, wrongAnswers, firstError);
}

export interface OpenLoopOptions {
  /** Requests per second, sent on schedule whatever the answers do. */
  rate: number;
  warmupMs: number;
  durationMs: number;
  /** A request not answered within this counts as an error. */
  timeoutMs: number;
}

export interface OpenLoopResult extends LoadResult {
  rate: number;
  /** Requests scheduled in the measured window. */
  scheduled: number;
  /** Most requests in flight at once. */
  maxInFlight: number;
}

/**
 * An open-loop load generator: requests are sent at a fixed rate (evenly spaced), each when its time comes,
 * however many are still in flight, and each latency runs from the request's scheduled time, so queueing
 * (in the server, or in a late timer here) is part of it. A request that takes longer than `timeoutMs`
 * is an error. The whole window counts: throughput = answers in the window / window.
 */
export async function runOpenLoop(send: Send, options: OpenLoopOptions): Promise<OpenLoopResult> {
  const interval = 1000 / options.rate;
  const start = performance.now();
  const measureFrom = start + options.warmupMs;
  const end = measureFrom + options.durationMs;
  const latencies: number[] = [];
  const pending = new Set<Promise<void>>();
  let errors = 0;
  let wrongAnswers = 0;
  let firstError: string | undefined;
  let scheduled = 0;
  let maxInFlight = 0;
  let k = 0;
  while (true) {
    const due = start + k * interval;
    if (due >= end) break;
    const now = performance.now();
    if (due > now) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - now - 1)));
      continue;
    }
    const i = k++;
    const measured = due >= measureFrom;
    if (measured) scheduled++;
    let timer: NodeJS.Timeout | undefined;
    const request = Promise.race([
      send(i),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
      }),
    ])
      .then(
        () => {
          if (measured) latencies.push(performance.now() - due);
        },
        (error: Error) => {
          if (!measured) return;
          if (error instanceof WrongAnswer) wrongAnswers++;
          else errors++;
          firstError ??= error.message;
        },
      )
      .finally(() => {
        clearTimeout(timer);
        pending.delete(request);
      });
    pending.add(request);
    maxInFlight = Math.max(maxInFlight, pending.size);
  }
  await Promise.all([...pending]);
  const result = summarise(latencies, options.durationMs, errors, wrongAnswers, firstError);
  return { ...result, rate: options.rate, scheduled, maxInFlight };
}

function summarise(latencies: number[], durationMs: number, errors: number, wrongAnswers: number, firstError: string | undefined): LoadResult {
  latencies.sort((a, b) => a - b);
  const at = (q: number) => (latencies.length === 0 ? 0 : latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!);
  const mean = latencies.length === 0 ? 0 : latencies.reduce((sum, x) => sum + x, 0) / latencies.length;
  return {
    requests: latencies.length,
    errors,
    wrongAnswers,
    throughput: latencies.length / (durationMs / 1000),
    windowMs: Math.round(durationMs),
    p50Ms: round(at(0.5)),
    p99Ms: round(at(0.99)),
    meanMs: round(mean),
    ...(firstError ? { firstError: firstError.slice(0, 500) } : {}),
  };
}

const round = (x: number) => Math.round(x * 100) / 100;

/** A keep-alive HTTP client for one GraphQL endpoint. */
export class GraphqlClient {
  private readonly agent: http.Agent;
  private readonly target: URL;

  constructor(
    url: string,
    maxSockets = 64,
    private readonly headers: Record<string, string> = {},
  ) {
    this.target = new URL(url);
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  /** POSTs the operation, returns the parsed body; rejects on a non-200 status or GraphQL errors. */
  async request(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ data: any }> {
    const text = await this.post(JSON.stringify({ query, variables }), headers);
    return parseAnswer(text);
  }

  /**
   * POSTs a prepared body; resolves with the answer's text (errors are the caller's to look for). A request
   * on a reused keep-alive socket that the server closed at that very moment (its idle timeout) is sent
   * again once, as Node's documentation advises, on a connection of its own: the pool's other idle sockets
   * went idle together at the end of the last timed phase and time out together, so a second pooled socket
   * can hit the same race (a 32-client sweep failed on it once). Every other failure is the caller's.
   */
  async post(body: string, headers: Record<string, string> = {}): Promise<string> {
    try {
      return await this.postOnce(body, headers, this.agent);
    } catch (error) {
      if ((error as { reusedSocket?: boolean }).reusedSocket && (error as NodeJS.ErrnoException).code === 'ECONNRESET') return this.postOnce(body, headers, false);
      throw error;
    }
  }

  private postOnce(body: string, headers: Record<string, string>, agent: http.Agent | false): Promise<string> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          agent,
          host: this.target.hostname,
          port: this.target.port,
          path: this.target.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', 'content-length': Buffer.byteLength(body), ...this.headers, ...headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode !== 200) reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 300)}`));
            else resolve(text);
          });
          res.on('error', reject);
        },
      );
      req.on('error', (error) => reject(Object.assign(error, { reusedSocket: req.reusedSocket })));
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** The body of a GraphQL answer; throws on GraphQL errors. */
export function parseAnswer(text: string): { data: any } {
  const body = JSON.parse(text) as { data?: unknown; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(`GraphQL errors: ${body.errors.map((e) => e.message).join('; ').slice(0, 300)}`);
  return body as { data: any };
}
