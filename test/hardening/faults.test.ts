import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import type { EmbeddedNeo4j } from '../../src/db/embedded.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { createTestLogger, startShortLivedNeo4j, tempDir, uniqueId } from '../support/neo4j.js';
import { testPort } from '../support/ports.js';
import { startHardenedApi, storeHistory, testAuth, type HardenedApi } from './support.js';

/**
 * Issue 7, faults: this file's own embedded Neo4j (port 7752, or a free one) is stopped in the middle of
 * the run and started again on the same store. During the outage requests fail fast with
 * SERVICE_UNAVAILABLE and /ready says 503; afterwards the same API (no restart) serves again, with
 * everything written before the outage and nothing of the write the outage interrupted.
 */
const logger = createTestLogger();
const slug = uniqueId('fault').replace(':', '-');
const CREATE = 'mutation ($input: CreatePracticeInput!) { createPractice(input: $input) { id } }';
const BY_IDS = 'query ($ids: [ID!]) { practices(where: { ids: $ids }) { totalCount edges { node { id name } } } }';

describe('Neo4j goes away mid-run and comes back', () => {
  const dir = tempDir('practice-graph-faults');
  let port: number;
  let neo4j: EmbeddedNeo4j | undefined;
  let api: HardenedApi;
  const start = () => startShortLivedNeo4j(port, dir.path, logger);

  beforeAll(async () => {
    port = await testPort(7752);
    neo4j = await start();
    // The default timeouts (connect 5 s): the contract is about what users get.
    api = await startHardenedApi({ uri: neo4j.uri, logger, auth: testAuth(), neo4j: { connectTimeoutMs: 5_000 } });
    await applyMigrations(api.db);
  });
  afterAll(async () => {
    await api?.close();
    await neo4j?.stop();
    dir.remove();
  });

  it('serves reads and writes before the outage', async () => {
    const { body } = await api.gql(CREATE, { input: { id: `practice:${slug}-before`, name: 'Voor de storing', kind: 'ROUTINE' } }, { role: 'editor' });
    expect(body.errors).toBeUndefined();
    expect((await api.request('/ready')).status).toBe(200);
  });

  it('a multi-statement write interrupted by the outage fails with SERVICE_UNAVAILABLE', async () => {
    let stopped = false;
    const error = await api.db
      .writeTransaction(async (run) => {
        await run("CREATE (:Practice {id: $id, name: 'Half', kind: 'ROUTINE'})", { id: `practice:${slug}-half` });
        if (!stopped) {
          // Neo4j shuts down (cleanly) between the two statements of the open transaction.
          stopped = true;
          const result = await neo4j!.stop();
          expect(result.clean).toBe(true);
        }
        await run("CREATE (:Practice {id: $id, name: 'Other half', kind: 'ROUTINE'})", { id: `practice:${slug}-other-half` });
      })
      .catch((caught: unknown) => caught);
    expect(stopped).toBe(true);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).extensions.code).toBe('SERVICE_UNAVAILABLE');
  }, 90_000);

  it('during the outage: reads and writes fail fast with SERVICE_UNAVAILABLE, /ready 503, /health 200', async () => {
    const attempts = await Promise.all([
      timed(() => api.gql(BY_IDS, { ids: [`practice:${slug}-before`] })),
      timed(() => api.gql('{ stats { nodeCount } }')),
      timed(() => api.gql(CREATE, { input: { id: `practice:${slug}-during`, name: 'Tijdens', kind: 'ROUTINE' } }, { role: 'editor' })),
    ]);
    for (const { reply, ms } of attempts) {
      expect(reply.status).toBeLessThan(500);
      expect(reply.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(reply.body.errors[0].message).toMatch(/not reachable/);
      // Fail fast: the 5 s acquisition timeout and the 2 s retry window bound it.
      expect(ms).toBeLessThan(8_000);
    }
    const ready = await api.request('/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ neo4j: false });
    expect((await api.request('/health')).status).toBe(200);
  });

  it('recovers without a restart of the API once Neo4j is back on the same store', async () => {
    neo4j = await start();
    let status = 0;
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; ) {
      status = (await api.request('/ready')).status;
      if (status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(200);
    const { body } = await api.gql(BY_IDS, { ids: [`practice:${slug}-before`, `practice:${slug}-half`, `practice:${slug}-other-half`, `practice:${slug}-during`] });
    expect(body.errors).toBeUndefined();
    // Only the write made before the outage: nothing half-applied, nothing of the refused write.
    expect(body.data.practices.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([`practice:${slug}-before`]);
    const after = await api.gql(CREATE, { input: { id: `practice:${slug}-after`, name: 'Na de storing', kind: 'ROUTINE' } }, { role: 'editor' });
    expect(after.body.errors).toBeUndefined();
  }, 200_000);

  it('the embedded Neo4j shut down cleanly mid-transaction: its restart needed no store recovery', () => {
    expect(storeHistory(dir.path)).toEqual({ starts: 2, recoveries: 0 });
  });
});

async function timed<T>(work: () => Promise<T>): Promise<{ reply: T; ms: number }> {
  const started = performance.now();
  const reply = await work();
  return { reply, ms: performance.now() - started };
}
