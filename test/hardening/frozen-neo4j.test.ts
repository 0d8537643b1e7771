import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { removeManualSourceIfUnused, removeNodes, uniqueSlug } from '../mutations/support.js';
import { openTestDatabase, testLogger } from '../support/neo4j.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { type HardenedApi, startHardenedApi, testAuth } from './support.js';

/**
 * A Neo4j that stops answering without going away: the process frozen (SIGSTOP, a long GC pause, a suspended
 * VM) or the network path dropping packets without a reset. Nothing fails on the connection, so neither
 * Neo4j's transaction timeout nor the driver's connection timeout ends the wait; the API gives up at its
 * answer deadline (connect timeout + transaction timeout + retry window + 3 s) with SERVICE_UNAVAILABLE.
 * A proxy in front of the shared test Neo4j holds every byte while frozen and delivers it on thaw.
 */
const NEO4J = { queryTimeoutMs: 500, connectTimeoutMs: 500 };
/** 500 + 500 + 500 (the retry window: the smaller of 2 s and the transaction timeout) + 3000. */
const DEADLINE_MS = 4_500;

describe('Neo4j stops answering, then answers again', () => {
  const db = openTestDatabase(inject('neo4jUri'), testLogger);
  const caseId = `case:${uniqueSlug('frozen')}`;
  let proxy: TcpProxy;
  let api: HardenedApi;
  let municipality: string;

  beforeAll(async () => {
    [{ id: municipality }] = (await db.read('MATCH (m:Municipality) RETURN m.id AS id ORDER BY m.id LIMIT 1')) as Array<{ id: string }>;
    proxy = await startTcpProxy(new URL(inject('neo4jUri')));
    api = await startHardenedApi({ uri: proxy.uri, auth: testAuth(), neo4j: NEO4J });
  });
  afterAll(async () => {
    proxy?.thaw();
    await api?.close();
    proxy?.kill();
    await removeNodes(db, [caseId]);
    await removeManualSourceIfUnused(db);
    await db.close();
  });

  /** Three idle connections in the API's pool: each frozen request below takes one and sends on it. */
  async function fillPool(): Promise<void> {
    const sessions = [1, 2, 3].map(() => api.db.driver.session());
    // Each session holds its connection until closed: three at once are three connections.
    await Promise.all(sessions.map((session) => session.run('RETURN 1')));
    await Promise.all(sessions.map((session) => session.close()));
  }

  it('a read, a write and /ready end within the deadline; the write says its outcome is unknown, and is whole or absent', async () => {
    await fillPool();
    proxy.freeze();
    const started = Date.now();
    const [read, write, ready] = await Promise.all([
      api.gql('query ($id: ID!) { municipality(id: $id) { id name } }', { id: municipality }),
      api.gql(
        `mutation ($id: ID!, $m: ID!) { createCase(input: { id: $id, title: "Bevroren", links: [{ type: "IN", to: $m }] }) { id } }`,
        { id: caseId, m: municipality },
        { role: 'editor' },
      ),
      api.request('/ready'),
    ]);
    const elapsed = Date.now() - started;
    proxy.thaw();

    expect(read.body.errors[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'NO_ANSWER' });
    expect(read.body.errors[0].message).toBe(`The database sent no answer within ${DEADLINE_MS} ms (frozen, overloaded or cut off); try again shortly.`);
    expect(write.body.errors[0].extensions, write.body.errors[0].message).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'NO_ANSWER' });
    expect(write.body.errors[0].message).toMatch(/whether this write was applied is unknown: it is applied whole or not at all\. Read before you try again\.$/);
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'unavailable', neo4j: false });
    // All three in about the deadline, not the 10 s test timeout (which the old code ran into, waiting for ever).
    expect(elapsed).toBeGreaterThanOrEqual(DEADLINE_MS - 100);
    expect(elapsed).toBeLessThan(DEADLINE_MS + 2_000);

    // What the frozen Neo4j does with the write once it reads it again is its own affair (it may run it, or
    // drop it at the driver's reset), but never half of it: the case with its provenance and its link, or nothing.
    const [stored] = await db.read(
      `OPTIONAL MATCH (c:Case {id: $id})
       RETURN count(c) AS cases, count { (c)-[:SOURCED_FROM]->(:Source) } AS sources, count { (c)-[:IN]->(:Municipality {id: $m}) } AS links`,
      { id: caseId, m: municipality },
    );
    expect([{ cases: 0, sources: 0, links: 0 }, { cases: 1, sources: 1, links: 1 }]).toContainEqual(stored);
  }, 15_000);

  it('answers again without a restart once Neo4j does', async () => {
    const reply = await api.gql(`query ($id: ID!) { municipality(id: $id) { id } }`, { id: municipality });
    expect(reply.body.data).toEqual({ municipality: { id: municipality } });
    expect((await api.request('/ready')).status).toBe(200);
  });
});
