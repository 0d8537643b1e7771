import 'reflect-metadata';
import { afterAll, beforeAll, inject } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { createApi } from '../../src/server/app.js';
import { graphSchema } from '../support/api.js';
import { openTestDatabase, testLogger, uniqueId } from '../support/neo4j.js';
import { operationDocument, type GraphQLResponse } from '../support/operations.js';

/** The roles a test can send a request as; `anonymous` sends no Authorization header. */
export type TestRole = 'anonymous' | 'reader' | 'editor' | 'admin';

/** Test tokens, different for every test file (module instance). */
export const TOKENS = {
  reader: `reader-${uniqueId('t').replace(':', '-')}`,
  editor: `editor-${uniqueId('t').replace(':', '-')}`,
  admin: `admin-${uniqueId('t').replace(':', '-')}`,
};

export interface AuthApi {
  url: string;
  db: Database;
  /** Runs a named operation of test/operations as `role` (default editor). */
  op<TData>(name: string, variables?: Record<string, unknown>, role?: TestRole): Promise<GraphQLResponse<TData>>;
  /** Like `op`, but fails on any GraphQL error and returns `data`. */
  data<TData>(name: string, variables?: Record<string, unknown>, role?: TestRole): Promise<TData>;
  /** POSTs raw GraphQL with the given Authorization header (or none); returns status and body. */
  raw(query: string, authorization?: string): Promise<{ status: number; headers: Headers; body: GraphQLResponse<Record<string, unknown>> }>;
  close(): Promise<void>;
}

/**
 * The real API against the test Neo4j with bearer tokens configured through the real config parser
 * (`AUTH_TOKENS`, `AUTH_REQUIRED`). Default: one reader, one editor and one admin token (`TOKENS`).
 */
export async function startAuthApi(env: { AUTH_TOKENS?: string; AUTH_REQUIRED?: string } = defaultEnv()): Promise<AuthApi> {
  const { auth } = loadConfig(env);
  const db = openTestDatabase(inject('neo4jUri'), testLogger);
  const api = createApi({ schema: await graphSchema(), db, logger: testLogger, auth, graphql: { jitAfter: 0 } });
  const port = await api.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/graphql`;
  const post = async (body: unknown, authorization?: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse<Record<string, unknown>> };
  };
  const bearer = (role: TestRole) => (role === 'anonymous' ? undefined : `Bearer ${TOKENS[role]}`);
  const op = async <TData>(name: string, variables: Record<string, unknown> = {}, role: TestRole = 'editor') =>
    (await post({ query: operationDocument(name), operationName: name, variables }, bearer(role))).body as GraphQLResponse<TData>;
  return {
    url,
    db,
    op,
    async data<TData>(name: string, variables: Record<string, unknown> = {}, role: TestRole = 'editor') {
      const result = await op<TData>(name, variables, role);
      if (result.errors?.length) throw new Error(`${name} failed: ${JSON.stringify(result.errors)}`);
      return result.data as TData;
    },
    raw: (query, authorization) => post({ query }, authorization),
    async close() {
      await api.close();
      await db.close();
    },
  };
}

function defaultEnv() {
  return { AUTH_TOKENS: `reader:${TOKENS.reader},editor:${TOKENS.editor},admin:${TOKENS.admin}` };
}

/** A unique slug for test data: `<prefix>-<time>-<random>` (lower case, id-safe). */
export function uniqueSlug(prefix = 't'): string {
  return uniqueId(prefix).replace(':', '-');
}

/** The first error's code, or undefined. */
export function errorCode(result: GraphQLResponse<unknown>): unknown {
  return result.errors?.[0]?.extensions?.code;
}

/** Removes test nodes (and their relationships) by id; tolerant, so cleanup never fails a run. */
export async function removeNodes(db: Database, ids: Iterable<string>): Promise<void> {
  await db.write('MATCH (n) WHERE n.id IN $ids DETACH DELETE n', { ids: [...ids] }).catch(() => undefined);
}

/**
 * The life of a test file's API: started before the file's tests (`onStart` receives it); after them the nodes
 * recorded in `created` removed, then the manual-input source if nothing uses it any more, and the API closed.
 * Hooks the file registers after this call run after the start and (vitest runs after-hooks as a stack)
 * before the clean-up.
 */
export function useAuthApi(created: ReadonlySet<string>, onStart: (api: AuthApi) => void): void {
  let api: AuthApi | undefined;
  beforeAll(async () => {
    api = await startAuthApi();
    onStart(api);
  });
  afterAll(async () => {
    if (!api) return;
    await removeNodes(api.db, created);
    await removeManualSourceIfUnused(api.db);
    await api.close();
  });
}

/**
 * Removes the manual-input source if nothing refers to it any more (other test files may still be using it:
 * then it stays, and is created again on first use anyway).
 */
export async function removeManualSourceIfUnused(db: Database): Promise<void> {
  await db
    .write(
      `MATCH (s:Source {id: 'source:handmatige-invoer'})
       WHERE NOT EXISTS { (s)--() } AND NOT EXISTS { MATCH ()-[r]->() WHERE r.sourceId = s.id }
       DELETE s`,
    )
    .catch(() => undefined);
}

/** Rows of a read, for checks the GraphQL API does not expose (`by`, `at` of provenance). */
export function read(db: Database, cypher: string, params: Record<string, unknown> = {}) {
  return db.read(cypher, params);
}
