import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database, TransactionMetadata } from '../../src/db/database.js';
import { REQUEST_ID_HEADER } from '../../src/server/request-id.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { openTestDatabase, testLogger, uniqueId } from '../support/neo4j.js';

/**
 * Transactions say who they are (metadata Neo4j shows in `SHOW TRANSACTIONS` and its query log), and
 * every session shares one bookmark manager, so a read after a write of this process sees the write
 * even when a cluster routes the read to a follower.
 */
let db: Database;
let api: TestApi;

beforeAll(async () => {
  db = openTestDatabase(inject('neo4jUri'), testLogger);
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
  await db?.close();
});

describe('transaction metadata', () => {
  it('reaches Neo4j: a transaction sees its own request id and operation in SHOW TRANSACTIONS', async () => {
    const requestId = randomUUID();
    const view = db.forRequest({ requestId, operation: 'MetadataProbe' });
    // The transaction looks itself up by the request id its metadata should carry: no metadata, no row.
    const rows = await view.read(`SHOW TRANSACTIONS YIELD metaData WHERE metaData.requestId = $requestId RETURN metaData`, { requestId });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.metaData).toEqual({ app: 'practice-graph', requestId, operation: 'MetadataProbe' });
  });

  it('names the request and its GraphQL operation on every statement of a request, even without operationName', async () => {
    const seen: Array<Readonly<TransactionMetadata>> = [];
    const stop = api.db.observe(({ metadata }) => seen.push(metadata));
    try {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query PracticesForMetadata { practices(first: 2) { edges { node { id dilemmas { id } } } } }' }),
      });
      expect(response.status).toBe(200);
      const requestId = response.headers.get(REQUEST_ID_HEADER);
      expect(requestId).toBeTruthy();
      expect(seen.length).toBeGreaterThanOrEqual(2);
      for (const metadata of seen) expect(metadata).toEqual({ app: 'practice-graph', requestId, operation: 'PracticesForMetadata' });
    } finally {
      stop();
    }
  });

  it('keeps the shared database anonymous: naming an operation on it changes nothing', () => {
    db.nameOperation('NotARequest');
    expect(db.transactionMetadata()).toEqual({ app: 'practice-graph', requestId: null, operation: null });
  });
});

describe('bookmarks', () => {
  it('advance with every write, and a read in a new session after the write sees it', async () => {
    const id = uniqueId('bookmark');
    const before = await db.lastBookmarks();
    await db.write(`CREATE (:BookmarkProbe {id: $id})`, { id });
    const after = await db.lastBookmarks();
    expect(after.length).toBeGreaterThan(0);
    expect(after).not.toEqual(before);
    const rows = await db.read(`MATCH (p:BookmarkProbe {id: $id}) RETURN count(p) AS n`, { id });
    expect(rows[0]!.n).toBe(1);
    // A request view shares the process's bookmarks: its reads wait for the same writes.
    expect(await db.forRequest({ requestId: 'x', operation: null }).lastBookmarks()).toEqual(after);
    await db.write(`MATCH (p:BookmarkProbe {id: $id}) DELETE p`, { id });
  });
});
