import http from 'node:http';

/** One request of a workload; resolves when the whole answer has arrived, rejects on any failure. */
export type Send = () => Promise<void>;

export interface LoadOptions {
  /** Requests in flight at any time (closed loop: each worker sends the next when its answer is in). */
  concurrency: number;
  /** Load before measuring (JIT, caches, query plans, connection pools), not recorded. */
  warmupMs: number;
  /** Measured window. */
  durationMs: number;
}

export interface LoadResult {
  /** Requests that completed inside the measured window. */
  requests: number;
  errors: number;
  /** Requests per second over the measured window. */
  throughput: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  /** The first error seen, for the report. */
  firstError?: string;
}

/**
 * A closed-loop load generator in Node: `concurrency` workers each send a request, wait for the complete
 * answer, and send the next, for `warmupMs + durationMs`. Only requests both started and finished inside
 * the measured window count, so warm-up and the tail of the window do not leak in. The same loop drives
 * every client (HTTP for both GraphQL servers, the driver for raw Cypher), so the three are measured alike.
 */
export async function runLoad(send: Send, options: LoadOptions): Promise<LoadResult> {
  const start = performance.now();
  const measureFrom = start + options.warmupMs;
  const measureTo = measureFrom + options.durationMs;
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;

  const worker = async () => {
    while (performance.now() < measureTo) {
      const sent = performance.now();
      try {
        await send();
        const done = performance.now();
        if (sent >= measureFrom && done <= measureTo) latencies.push(done - sent);
      } catch (error) {
        if (sent >= measureFrom) errors++;
        firstError ??= (error as Error).message;
        // Do not spin on a dead server.
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));

  latencies.sort((a, b) => a - b);
  const at = (q: number) => (latencies.length === 0 ? 0 : latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!);
  const mean = latencies.length === 0 ? 0 : latencies.reduce((sum, x) => sum + x, 0) / latencies.length;
  return {
    requests: latencies.length,
    errors,
    throughput: latencies.length / (options.durationMs / 1000),
    p50Ms: round(at(0.5)),
    p99Ms: round(at(0.99)),
    meanMs: round(mean),
    ...(firstError ? { firstError } : {}),
  };
}

const round = (x: number) => Math.round(x * 100) / 100;

/** A keep-alive HTTP client for one GraphQL endpoint. */
export class GraphqlClient {
  private readonly agent: http.Agent;
  private readonly target: URL;

  constructor(url: string, maxSockets = 64) {
    this.target = new URL(url);
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  /** POSTs the operation, returns the parsed body; rejects on a non-200 status or GraphQL errors. */
  async request(query: string, variables: Record<string, unknown>): Promise<{ data: any }> {
    const text = await this.post(JSON.stringify({ query, variables }));
    const body = JSON.parse(text) as { data?: unknown; errors?: Array<{ message: string }> };
    if (body.errors?.length) throw new Error(`GraphQL errors: ${body.errors.map((e) => e.message).join('; ')}`);
    return body as { data: any };
  }

  /**
   * The load-test form: the body is prepared once; the answer is read in full and checked for errors
   * with a string search (no JSON parse in the loop, which would charge the client's CPU to the server).
   */
  sender(query: string, variables: Record<string, unknown>): Send {
    const body = JSON.stringify({ query, variables });
    return async () => {
      const text = await this.post(body);
      if (text.includes('"errors"')) throw new Error(`GraphQL errors: ${text.slice(0, 300)}`);
    };
  }

  close(): void {
    this.agent.destroy();
  }

  private post(body: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          agent: this.agent,
          host: this.target.hostname,
          port: this.target.port,
          path: this.target.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', 'content-length': Buffer.byteLength(body) },
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
      req.on('error', reject);
      req.end(body);
    });
  }
}
