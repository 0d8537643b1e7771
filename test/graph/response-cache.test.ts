import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { startTestApi, testLogger, uniqueId, type TestApi } from '../support/api.js';
import { openTestDatabase } from '../support/neo4j.js';
import { testPort } from '../support/ports.js';

/**
 * `RESPONSE_CACHE_MB`: a repeated query is answered from memory while the data has not changed; any
 * committed write (through the API or around it) is seen by the next request; the caller's role decides
 * which stored answer it may get.
 */
const TOKENS = { reader: `reader-${uniqueId('t').replace(':', '-')}`, editor: `editor-${uniqueId('t').replace(':', '-')}` };
const auth = loadConfig({ AUTH_TOKENS: `reader:${TOKENS.reader},editor:${TOKENS.editor}` }).auth;
const as = (role: keyof typeof TOKENS) => ({ authorization: `Bearer ${TOKENS[role]}` });
const VERSION_PROBE = 'RETURN 1 AS version';

const caseId = uniqueId('case');
const HIDDEN = 'Wat de geïnterviewde vertrouwelijk vertelde';
let cached: TestApi;
let uncached: TestApi;
/** Another process's connection: its own driver and bookmarks, as the CLI import or a Cypher shell has. */
let outside: Database;

beforeAll(async () => {
  [cached, uncached] = await Promise.all([startTestApi({ auth, graphql: { responseCacheMb: 8 } }), startTestApi({ auth })]);
  outside = openTestDatabase(inject('neo4jUri'), testLogger);
  await outside.write(
    `CREATE (:Case {id: $id, title: 'Buurtkamer', searchKey: 'buurtkamer', year: 2021, restricted: true, summary: $summary, synthetic: true})`,
    { id: caseId, summary: HIDDEN },
  );
});

afterAll(async () => {
  await outside.write('MATCH (c:Case {id: $id}) DETACH DELETE c', { id: caseId }).catch(() => undefined);
  await Promise.all([cached.close(), uncached.close(), outside.close()]);
});

/** The statements `api` sent while `work` ran, and what `work` returned. */
async function sent<T>(api: TestApi, work: () => Promise<T>): Promise<{ statements: string[]; result: T }> {
  const statements: string[] = [];
  const stop = api.db.observe(({ cypher }) => statements.push(cypher));
  try {
    return { result: await work(), statements };
  } finally {
    stop();
  }
}

const CASE = `query Case($id: ID!) { case(id: $id) { id title year summary } }`;

describe('the response cache', () => {
  it('answers a repeated query without running it: only the dataset version is read', async () => {
    const first = await sent(cached, () => cached.gql(CASE, { id: caseId }));
    expect(first.result.body.errors).toBeUndefined();
    expect(first.statements).toContain(VERSION_PROBE);
    expect(first.statements.length).toBeGreaterThan(1);
    const again = await sent(cached, () => cached.gql(CASE, { id: caseId }));
    expect(again.statements).toEqual([VERSION_PROBE]);
    expect(again.result.body).toEqual(first.result.body);
    expect(again.result.body.data).toEqual({ case: { id: caseId, title: 'Buurtkamer', year: 2021, summary: null } });
  });

  it('is off by default: every query runs, and no version is read', async () => {
    await uncached.gql(CASE, { id: caseId });
    const again = await sent(uncached, () => uncached.gql(CASE, { id: caseId }));
    expect(again.statements).not.toContain(VERSION_PROBE);
    expect(again.statements.length).toBeGreaterThan(0);
  });

  it('sees a write made through the API at once', async () => {
    await cached.gql(CASE, { id: caseId });
    const update = await cached.gql(`mutation { updateCase(id: "${caseId}", input: { year: 2022 }) { id year } }`, {}, as('editor'));
    expect(update.body.errors).toBeUndefined();
    const after = await cached.gql<{ case: { year: number } }>(CASE, { id: caseId });
    expect(after.body.data?.case.year).toBe(2022);
  });

  it('sees a write made around the API (another process, plain Cypher) at once', async () => {
    await cached.gql(CASE, { id: caseId });
    await outside.write('MATCH (c:Case {id: $id}) SET c.title = $title', { id: caseId, title: 'Buurtkamer Oost' });
    const after = await cached.gql<{ case: { title: string } }>(CASE, { id: caseId });
    expect(after.body.data?.case.title).toBe('Buurtkamer Oost');
    // The database's version moved with that write, and a read does not move it.
    const version = await cached.db.datasetVersion();
    await cached.db.read('MATCH (c:Case {id: $id}) RETURN c.title', { id: caseId });
    expect(await cached.db.datasetVersion()).toBe(version);
    await outside.write('MATCH (c:Case {id: $id}) SET c.title = $title', { id: caseId, title: 'Buurtkamer' });
    expect(await cached.db.datasetVersion()).not.toBe(version);
  });

  it("never gives one role's answer to another: a restricted summary stays with editors", async () => {
    const editor = await cached.gql<{ case: { summary: string | null } }>(CASE, { id: caseId }, as('editor'));
    expect(editor.body.data?.case.summary).toBe(HIDDEN);
    for (const headers of [{}, as('reader')]) {
      // Asked twice: the second answer comes from the cache, and is this role's own.
      for (let i = 0; i < 2; i++) {
        const answer = await sent(cached, () => cached.gql<{ case: { summary: string | null } }>(CASE, { id: caseId }, headers));
        expect(answer.result.body.data?.case.summary).toBeNull();
        if (i === 1) expect(answer.statements).toEqual([VERSION_PROBE]);
      }
    }
    const editorAgain = await sent(cached, () => cached.gql<{ case: { summary: string | null } }>(CASE, { id: caseId }, as('editor')));
    expect(editorAgain.statements).toEqual([VERSION_PROBE]);
    expect(editorAgain.result.body.data?.case.summary).toBe(HIDDEN);
  });

  it('tells HTTP caches not to keep an answer it gave from memory (they know neither the version nor the role)', async () => {
    await cached.gql(CASE, { id: caseId });
    const response = await fetch(`${cached.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: CASE, variables: { id: caseId } }),
    });
    expect(response.headers.get('age')).not.toBeNull(); // the response cache's mark of a hit
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('with Neo4j unreachable, a query fails with SERVICE_UNAVAILABLE as it does without the cache', async () => {
    const nowhere = await startTestApi({ uri: `bolt://127.0.0.1:${await testPort(7798)}`, graphql: { responseCacheMb: 8 }, neo4j: { connectTimeoutMs: 1_000 } });
    try {
      const { body } = await nowhere.gql(CASE, { id: caseId });
      expect(body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await nowhere.close();
    }
  });

  it('does not keep an answer with errors: the query runs again', async () => {
    const query = `{ shortestPath(from: "${caseId}", to: "${uniqueId('case')}-missing") { nodes { id } } }`;
    const first = await cached.gql(query);
    expect(first.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const again = await sent(cached, () => cached.gql(query));
    expect(again.result.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(again.statements.filter((s) => s !== VERSION_PROBE).length).toBeGreaterThan(0);
  });
});
