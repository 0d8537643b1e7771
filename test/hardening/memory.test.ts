import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedNeo4j } from '../../src/db/embedded.js';
import { AppError } from '../../src/errors.js';
import type { Context } from '../../src/graph/context.js';
import { openTestDatabase, startShortLivedNeo4j, tempDir, testLogger, uniqueId } from '../support/neo4j.js';
import { testPort } from '../support/ports.js';
import { startHardenedApi } from './support.js';

/**
 * A transaction past Neo4j's memory limit (a huge import, a page of everything) ends as SERVICE_UNAVAILABLE
 * with reason MEMORY and a message naming the limit, not as an internal error; a write is rolled back. On a
 * Neo4j of this file's own with a 256 MB heap, whose limit for all transactions is 70 % of it (179 MiB).
 */
const HEAP = '-Xmx256m';
/** Collects 20 million integers in one transaction: far past 179 MiB by Neo4j's own accounting, refused before the heap fills. */
const HUNGRY = 'UNWIND range(1, 20000000) AS x WITH collect(x) AS xs RETURN size(xs) AS n';
/** The limit named as Neo4j reports it (179.2 MiB with this heap on Neo4j 5.26). */
const LIMIT_MESSAGE = /^The database ran out of memory for this request \(dbms\.memory\.transaction\.total\.max: \d+(\.\d+)? MiB\); nothing was written\./;

const dir = tempDir('practice-graph-memory-test');
let neo4j: EmbeddedNeo4j;
beforeAll(async () => {
  neo4j = await startShortLivedNeo4j(await testPort(7754), dir.path, testLogger, [HEAP]);
});
afterAll(async () => {
  await neo4j?.stop();
  dir.remove();
});

describe("past Neo4j's transaction memory limit", () => {
  it('a read fails as SERVICE_UNAVAILABLE with reason MEMORY, naming the limit, without being tried again', async () => {
    const db = openTestDatabase(neo4j.uri, testLogger);
    let attempts = 0;
    db.observe(() => attempts++);
    try {
      const error = await db.read(HUNGRY).catch((caught: unknown) => caught);
      // Transient by Neo4j's code, but the same work would be refused again after being done again.
      expect(attempts).toBe(1);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'MEMORY' });
      expect((error as AppError).message).toMatch(LIMIT_MESSAGE);
      // The server is fine afterwards: the limit refused the transaction before the heap filled.
      expect(await db.read('RETURN 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
  });

  it('a write transaction is rolled back, once: nothing of it stays', async () => {
    const db = openTestDatabase(neo4j.uri, testLogger);
    const id = uniqueId('memory');
    let attempts = 0;
    try {
      const error = await db
        .writeTransaction(async (run) => {
          attempts++;
          await run('CREATE (:HardeningProbe {id: $id})', { id });
          await run(HUNGRY);
        })
        .catch((caught: unknown) => caught);
      expect((error as AppError).extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'MEMORY' });
      expect(attempts).toBe(1);
      expect(await db.read('MATCH (n:HardeningProbe {id: $id}) RETURN count(n) AS n', { id })).toEqual([{ n: 0 }]);
    } finally {
      await db.close();
    }
  });

  it('reaches a GraphQL client in production with our message, no Neo4j internals', async () => {
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType<unknown, Context>({
        name: 'Query',
        fields: { hungry: { type: GraphQLString, resolve: async (_root, _args, ctx) => String((await ctx.db.read(HUNGRY))[0]?.n) } },
      }),
    });
    const api = await startHardenedApi({ uri: neo4j.uri, schema, production: true });
    try {
      const { body, text } = await api.gql('{ hungry }');
      expect(body.data).toEqual({ hungry: null });
      expect(body.errors[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'MEMORY' });
      expect(body.errors[0].message).toMatch(LIMIT_MESSAGE);
      expect(text).not.toMatch(/UNWIND|Neo\.|MemoryPool|Currently using/);
    } finally {
      await api.close();
    }
  });
});
