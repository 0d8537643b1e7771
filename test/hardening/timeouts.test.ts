import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import type { Session, Transaction } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Context } from '../../src/graph/context.js';
import { AppError } from '../../src/errors.js';
import { loadConfig } from '../../src/config.js';
import { holdLocks, openTestDatabase, testLogger, uniqueId } from '../support/neo4j.js';
import { startHardenedApi } from './support.js';

/**
 * Issue 7: every Cypher transaction has a timeout (NEO4J_QUERY_TIMEOUT_MS, default 10 s) that ends as
 * SERVICE_UNAVAILABLE with reason TIMEOUT; the driver's connection-acquisition timeout is short (5 s by
 * default) and its retry window (2 s) stays below the request timeout, so nothing queues silently. These
 * tests verify what src/db/database.ts already does, with small timeouts and genuinely slow Cypher.
 */

/** Pure computation over a billion rows: seconds of work on any machine, touching no data. */
const SLOW_READ = 'UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS n';

describe('transaction timeout', () => {
  const db = openTestDatabase(inject('neo4jUri'), testLogger, { queryTimeoutMs: 500 });
  afterAll(() => db.close());

  it('a read running past the timeout fails as SERVICE_UNAVAILABLE with reason TIMEOUT', async () => {
    const error = await db.read(SLOW_READ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'TIMEOUT' });
    expect((error as AppError).message).toBe('The database did not answer within 500 ms.');
  });

  it('a write transaction that times out is rolled back: nothing of it stays', async () => {
    const id = uniqueId('timeout');
    const error = await db
      .writeTransaction(async (run) => {
        await run('CREATE (:HardeningProbe {id: $id})', { id });
        await run(SLOW_READ);
      })
      .catch((caught: unknown) => caught);
    expect((error as AppError).extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'TIMEOUT' });
    const check = openTestDatabase(inject('neo4jUri'), testLogger);
    try {
      expect(await check.read('MATCH (n:HardeningProbe {id: $id}) RETURN count(n) AS n', { id })).toEqual([{ n: 0 }]);
    } finally {
      await check.close();
    }
  });

  it('a write waiting past the timeout for a lock another transaction holds fails the same way, naming its own timeout', async () => {
    const id = uniqueId('timeout-lock');
    await db.write('CREATE (:HardeningProbe {id: $id})', { id });
    const lock = await holdLocks(inject('neo4jUri'), 'MATCH (n:HardeningProbe {id: $id}) SET n.heldBy = "holder"', { id });
    try {
      // Neo4j 5 stops the waiting transaction's lock client: LockClientStopped, a ClientError (4.x: a TransientError).
      const error = await db
        .writeTransaction(async (run) => run('MATCH (n:HardeningProbe {id: $id}) SET n.heldBy = "waiter"', { id }), { timeoutMs: 700 })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'TIMEOUT' });
      expect((error as AppError).message).toBe('The database did not answer within 700 ms.');
    } finally {
      await lock.release();
      await db.write('MATCH (n:HardeningProbe {id: $id}) DELETE n', { id });
    }
  });

  it('reaches a GraphQL client as SERVICE_UNAVAILABLE / TIMEOUT with our message only, also in production', async () => {
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType<unknown, Context>({
        name: 'Query',
        fields: { slow: { type: GraphQLString, resolve: async (_root, _args, ctx) => String((await ctx.db.read(SLOW_READ))[0]?.n) } },
      }),
    });
    const api = await startHardenedApi({ schema, production: true, neo4j: { queryTimeoutMs: 500 } });
    try {
      const { body, text } = await api.gql('{ slow }');
      expect(body.data).toEqual({ slow: null });
      expect(body.errors[0]).toMatchObject({
        message: 'The database did not answer within 500 ms.',
        extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'TIMEOUT' },
      });
      expect(text).not.toMatch(/UNWIND|Neo\.|TransactionTimedOut/);
    } finally {
      await api.close();
    }
  });
});

describe('connection acquisition', () => {
  // A short acquisition timeout for the test; the pool holds 100 connections (createDriver).
  const db = openTestDatabase(inject('neo4jUri'), testLogger, { connectTimeoutMs: 1_000 });
  const held: Array<{ session: Session; tx: Transaction }> = [];

  beforeAll(async () => {
    // Hold every connection of the pool in an open transaction.
    for (let i = 0; i < 100; i++) {
      const session = db.driver.session({ database: 'neo4j' });
      const tx = session.beginTransaction();
      held.push({ session, tx });
    }
    await Promise.all(held.map(({ tx }) => tx.run('RETURN 1')));
  });
  afterAll(async () => {
    await Promise.all(held.map(async ({ session, tx }) => {
      await tx.rollback().catch(() => undefined);
      await session.close();
    }));
    await db.close();
  });

  it('with the pool exhausted, a request fails with SERVICE_UNAVAILABLE instead of queueing', async () => {
    const error = await db.read('RETURN 1 AS one').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).extensions.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('answers again as soon as a connection is free', async () => {
    const { session, tx } = held.pop()!;
    await tx.rollback();
    await session.close();
    expect(await db.read('RETURN 1 AS one')).toEqual([{ one: 1 }]);
  });
});

describe('defaults', () => {
  it('query timeout 10 s, acquisition timeout 5 s', () => {
    const { neo4j } = loadConfig({});
    expect(neo4j.queryTimeoutMs).toBe(10_000);
    expect(neo4j.connectTimeoutMs).toBe(5_000);
  });
});
