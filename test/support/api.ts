import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { inject } from 'vitest';
import type { GraphqlConfig, Neo4jConfig } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import type { Logger } from '../../src/logger.js';
import { createApi, type ApiOptions } from '../../src/server/app.js';
import { openTestDatabase, testLogger } from './neo4j.js';

export { createTestLogger, testLogger, uniqueId } from './neo4j.js';

export interface TestApiOptions {
  /** Neo4j to use; default the test run's (`inject('neo4jUri')`). */
  uri?: string;
  /** Default the real schema (`buildGraphSchema()`, built once per test file). */
  schema?: GraphQLSchema;
  /** Default the silent `testLogger`. */
  logger?: Logger;
  production?: boolean;
  /** Bearer tokens etc., as `createApi` takes them. */
  auth?: ApiOptions['auth'];
  /** Driver/Database settings to override (e.g. `connectTimeoutMs`). */
  neo4j?: Partial<Neo4jConfig>;
  /**
   * graphql-js runs of an operation before graphql-jit compiles it; default 0, so every test's operations
   * run compiled (the server's default, 1, compiles from the second run; graphql-js answers the first).
   */
  jitAfter?: number;
  /** Other settings of `/graphql` (`GraphqlConfig`), e.g. `responseCacheMb`. */
  graphql?: Partial<GraphqlConfig>;
}

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  body: {
    data?: T | null;
    errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> & { code?: string } }>;
  };
}

export interface TestApi {
  /** Base URL, e.g. http://127.0.0.1:40123 (no trailing slash). */
  url: string;
  db: Database;
  /** POSTs a GraphQL operation as JSON to /graphql. */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GqlResponse<T>>;
  /** Stops the HTTP server and closes the driver. */
  close(): Promise<void>;
}

let realSchema: Promise<GraphQLSchema> | undefined;

/** The real schema, built once per test file (module instance). */
export function graphSchema(): Promise<GraphQLSchema> {
  realSchema ??= import('../../src/graph/schema.js').then((m) => m.buildGraphSchema());
  return realSchema;
}

/** The real API (schema, Database, Express + Apollo) on a free port, against the test Neo4j. */
export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const logger = options.logger ?? testLogger;
  const schema = options.schema ?? (await graphSchema());
  const db = openTestDatabase(options.uri ?? inject('neo4jUri'), logger, options.neo4j);
  const api = createApi({ schema, db, logger, production: options.production ?? false, auth: options.auth, graphql: { jitAfter: options.jitAfter ?? 0, ...options.graphql } });
  let port: number;
  try {
    port = await api.listen(0, '127.0.0.1');
  } catch (error) {
    await db.close();
    throw error;
  }
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    db,
    async gql(query, variables, headers = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      let body: GqlResponse['body'];
      try {
        body = JSON.parse(text);
      } catch {
        throw new Error(`/graphql answered ${response.status} with non-JSON: ${text.slice(0, 500)}`);
      }
      return { status: response.status, body } as GqlResponse<never>;
    },
    async close() {
      await api.close();
      await db.close();
    },
  };
}
