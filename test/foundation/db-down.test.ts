import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedNeo4j } from '../../src/db/embedded.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { createTestLogger, startShortLivedNeo4j, tempDir } from '../support/neo4j.js';
import { portIsFree, testPort } from '../support/ports.js';

/**
 * Issue 2, point 3: with Neo4j unreachable the API still runs: /health 200, /ready 503, and a GraphQL
 * operation that needs the database fails within 5 s with SERVICE_UNAVAILABLE; when Neo4j comes
 * back (here: an embedded one started on the port the API points at) the same API recovers by itself.
 */
const QUERY = '{ practices { totalCount } }';
const logger = createTestLogger();

describe('database down, then back', () => {
  let port: number;
  let api: TestApi;
  let neo4j: EmbeddedNeo4j | undefined;
  const dir = tempDir('practice-graph-db-down');

  beforeAll(async () => {
    port = await testPort(Number(process.env.NEO4J_TEST_DOWN_PORT ?? 7699));
    // Default timeouts (connect 5 s per config default): the contract is about what users get.
    api = await startTestApi({ uri: `bolt://127.0.0.1:${port}`, logger, neo4j: { connectTimeoutMs: 5_000 } });
  });
  afterAll(async () => {
    await api?.close();
    await neo4j?.stop();
    dir.remove();
  });

  it('nothing listens on the port the API points at', async () => {
    expect(await portIsFree(port)).toBe(true);
  });

  it('/health answers 200', async () => {
    const response = await fetch(`${api.url}/health`);
    expect(response.status).toBe(200);
  });

  it('/ready answers 503, promptly (load balancers time their probes out)', async () => {
    const started = performance.now();
    const response = await fetch(`${api.url}/ready`);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ neo4j: false });
  });

  it('a query that needs the database fails in under 5 s with SERVICE_UNAVAILABLE', async () => {
    // Several at once: the driver's retry back-off is randomised, so one sample could be lucky.
    const attempts = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const started = performance.now();
        const { body } = await api.gql(QUERY);
        return { body, elapsed: performance.now() - started };
      }),
    );
    for (const { body, elapsed } of attempts) {
      expect(body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(body.errors?.[0]?.message).toMatch(/not reachable/);
      expect(elapsed).toBeLessThan(5_000);
    }
  });

  it('the API process is still serving after the failures', async () => {
    const { body } = await api.gql('{ __typename }');
    expect(body.data).toEqual({ __typename: 'Query' });
  });

  it('recovers without a restart once Neo4j answers on that port', async () => {
    neo4j = await startShortLivedNeo4j(port, dir.path, logger);

    // The driver may still hold the failed state for a moment; /ready must turn 200 soon.
    const deadline = Date.now() + 15_000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await fetch(`${api.url}/ready`)).status;
      if (status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(200);

    const { status: httpStatus, body } = await api.gql<{ practices: { totalCount: number } }>(QUERY);
    expect(body.errors).toBeUndefined();
    expect(httpStatus).toBe(200);
    expect(body.data?.practices.totalCount).toBe(0); // a fresh, empty store
  }, 180_000); // it starts a JVM: a minute or more on a busy machine
});

describe('Java or Maven missing', () => {
  it('checkJavaAndMaven names the three ways out in one message', () => {
    const emptyDir = tempDir('practice-graph-empty-path');
    try {
      // A child process with an empty PATH, so `java` and `mvn` cannot be found.
      const script = `
        import { checkJavaAndMaven } from './src/db/embedded.ts';
        try { checkJavaAndMaven(); console.log('NO ERROR'); }
        catch (error) { console.log(JSON.stringify({ name: error.name, message: error.message })); }
      `;
      const tsx = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));
      const child = spawnSync(process.execPath, [tsx, '--eval', script], {
        cwd: fileURLToPath(new URL('../..', import.meta.url)),
        env: { ...process.env, PATH: emptyDir.path },
        encoding: 'utf8',
      });
      expect(child.stderr).toBe('');
      const { name, message } = JSON.parse(child.stdout.trim());
      expect(name).toBe('EmbeddedNeo4jUnavailableError');
      expect(message).toMatch(/needs Java 17\+/);
      expect(message).not.toContain('\n');
      // The three ways out.
      expect(message).toMatch(/install Java 17\+ and Maven/);
      expect(message).toMatch(/NEO4J_URI/);
      expect(message).toMatch(/docker compose up/);
    } finally {
      emptyDir.remove();
    }
  });
});
