import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphSchema } from '../support/api.js';
import { invalidRequest, OperationGenerator, random, type GeneratedRequest, type InvalidRequest } from './fuzz.js';
import { startHardenedApi, type HardenedApi, type Reply } from './support.js';

/**
 * Issue 7, fuzzing: a few thousand random requests at the real API (in this process, so its heap can be
 * watched): valid operations generated from the schema with arbitrary argument values, and invalid ones
 * (broken documents and JSON, wrong shapes, bytes, over-limit queries). Every answer is JSON with data or
 * a client error: no 5xx except 503 SERVICE_UNAVAILABLE, no INTERNAL_SERVER_ERROR anywhere, the server
 * still serving at the end, and its heap not growing from round to round.
 *
 * FUZZ_SEED replays a run (the seed is in the test name); FUZZ_ROUNDS × 1,000 requests (default 3).
 */
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 3);
const PER_ROUND = 1_000;
const CONCURRENCY = 8;

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;

interface Finding {
  request: GeneratedRequest | InvalidRequest;
  status: number;
  text: string;
}

describe(`fuzzing (seed ${SEED})`, () => {
  let api: HardenedApi;
  const findings: Finding[] = [];
  const heapAfterRound: number[] = [];
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    api = await startHardenedApi();
  });
  afterAll(() => api?.close());

  async function send(request: GeneratedRequest | InvalidRequest): Promise<Reply> {
    if ('method' in request) {
      return api.request(request.path, { method: request.method, headers: request.headers, body: request.method === 'POST' ? request.body : undefined });
    }
    return api.gql(request.query, request.variables);
  }

  function check(request: GeneratedRequest | InvalidRequest, reply: Reply): void {
    statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
    const errors: Array<{ extensions?: { code?: string } }> = Array.isArray(reply.body) ? reply.body.flatMap((r: { errors?: [] }) => r.errors ?? []) : (reply.body?.errors ?? []);
    const codes: Array<string | undefined> = errors.map((error) => error.extensions?.code);
    const serverFault = reply.status >= 500 && !(reply.status === 503 && codes.every((code) => code === 'SERVICE_UNAVAILABLE'));
    const internal = codes.some((code) => code === 'INTERNAL_SERVER_ERROR');
    const notJson = reply.body === undefined;
    if (serverFault || notJson || internal) findings.push({ request, status: reply.status, text: reply.text.slice(0, 600) });
  }

  it(`${ROUNDS} × ${PER_ROUND} requests (three valid for one invalid): no 5xx, no INTERNAL_SERVER_ERROR, heap stable`, async () => {
    const schema = await graphSchema();
    const rng = random(SEED);
    const generator = new OperationGenerator(schema, rng);
    for (let round = 0; round < ROUNDS; round++) {
      const requests = Array.from({ length: PER_ROUND }, () => {
        const valid = generator.operation();
        return rng.chance(0.25) ? invalidRequest(rng, valid) : valid;
      });
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < requests.length) {
            const request = requests[next++]!;
            check(request, await send(request));
          }
        }),
      );
      gc();
      heapAfterRound.push(process.memoryUsage().heapUsed);
    }

    console.info(
      `fuzz seed ${SEED}: ${ROUNDS * PER_ROUND} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}, ` +
        `heap after each round ${heapAfterRound.map((heap) => `${(heap / 1024 / 1024).toFixed(1)} MB`).join(', ')}`,
    );
    expect(findings.slice(0, 5)).toEqual([]);
    // Every status is a deliberate one (the map is in the failure message if not).
    expect([...statuses.keys()].filter((status) => ![200, 400, 401, 403, 404, 405, 413, 415, 503].includes(status))).toEqual([]);
    expect((await api.gql('{ __typename }')).body.data).toEqual({ __typename: 'Query' });

    // The heap (after a full GC) levels off once the parsed-document cache is full (1,000 entries,
    // src/server/document-cache.ts; about 750 valid documents a round) and the JIT has compiled what it
    // needs: from the third round on, no round leaves more than 5 MB behind. (With Apollo's default
    // cache every round left ~18 MB, up to ~150 MB.)
    expect(ROUNDS).toBeGreaterThanOrEqual(3);
    for (let round = 2; round < ROUNDS; round++) {
      expect(heapAfterRound[round]! - heapAfterRound[round - 1]!).toBeLessThan(5 * 1024 * 1024);
    }
  }, 600_000);
});
