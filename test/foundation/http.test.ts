import express from 'express';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { healthRoutes, type HealthOptions } from '../../src/server/health.js';
import { startTestApi, testLogger, type TestApi } from '../support/api.js';
import { openTestDatabase } from '../support/neo4j.js';

describe('HTTP surface on a reachable Neo4j', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  it('/health answers 200 without touching the database', async () => {
    const response = await fetch(`${api.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('/ready answers 200 when Neo4j answers', async () => {
    const response = await fetch(`${api.url}/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ready', neo4j: true });
  });

  it('answers a trivial GraphQL query over POST /graphql', async () => {
    const { status, body } = await api.gql('{ __typename }');
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ __typename: 'Query' });
  });

  it('answers a query that reads the seed graph', async () => {
    const { status, body } = await api.gql<{ practices: { totalCount: number } }>('{ practices { totalCount } }');
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    expect(body.data!.practices.totalCount).toBeGreaterThan(0);
  });

  it('reports a malformed query as GRAPHQL_PARSE_FAILED', async () => {
    const { status, body } = await api.gql('{ practices {');
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});

/** Runs `check` against `/ready` of a bare health router with these options, on the test database. */
async function withReadyUrl(options: HealthOptions, check: (url: string) => Promise<void>): Promise<void> {
  const db = openTestDatabase(inject('neo4jUri'), testLogger);
  const server = express().use(healthRoutes(db, options)).listen(0, '127.0.0.1');
  try {
    await new Promise((resolve) => server.once('listening', resolve));
    await check(`http://127.0.0.1:${(server.address() as AddressInfo).port}/ready`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await db.close();
  }
}

describe('/ready during start-up preparation and shutdown', () => {
  it('answers 503 "starting" although Neo4j answers, then 200 once prepared', async () => {
    let prepared = false;
    await withReadyUrl({ prepared: () => prepared }, async (url) => {
      const before = await fetch(url);
      expect(before.status).toBe(503);
      expect(await before.json()).toEqual({ status: 'starting', neo4j: true });
      prepared = true;
      expect((await fetch(url)).status).toBe(200);
    });
  });

  it('answers 503 "stopping" once a shutdown has begun, whatever Neo4j says', async () => {
    let stopping = false;
    await withReadyUrl({ stopping: () => stopping }, async (url) => {
      expect((await fetch(url)).status).toBe(200);
      stopping = true;
      const during = await fetch(url);
      expect(during.status).toBe(503);
      expect(await during.json()).toEqual({ status: 'stopping' });
    });
  });
});
