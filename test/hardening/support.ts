import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { inject } from 'vitest';
import { type AuthConfig, type CorsOrigins, type GraphqlConfig, loadConfig, type Neo4jConfig } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import type { Logger } from '../../src/logger.js';
import { createApi } from '../../src/server/app.js';
import { graphSchema } from '../support/api.js';
import { openTestDatabase, testLogger, uniqueId } from '../support/neo4j.js';

/** Bearer tokens of a hardening test file (different in every file). */
export const TOKENS = {
  reader: `reader-${uniqueId('h').replace(':', '-')}`,
  editor: `editor-${uniqueId('h').replace(':', '-')}`,
};

/** `AUTH_TOKENS` with one reader and one editor token, parsed by the real config parser. */
export function testAuth(): AuthConfig {
  return loadConfig({ AUTH_TOKENS: `reader:${TOKENS.reader},editor:${TOKENS.editor}` }).auth;
}

export interface HardenedApiOptions {
  uri?: string;
  schema?: GraphQLSchema;
  logger?: Logger;
  production?: boolean;
  auth?: AuthConfig;
  graphql?: Partial<GraphqlConfig>;
  corsOrigins?: CorsOrigins;
  neo4j?: Partial<Neo4jConfig>;
}

export interface Reply {
  status: number;
  headers: Headers;
  /** The parsed JSON body (undefined when the body is not JSON; `text` has it). */
  body: any;
  text: string;
}

export interface HardenedApi {
  /** Base URL without a trailing slash. */
  url: string;
  db: Database;
  /** POSTs `{ query, variables }` as JSON to /graphql; `role` adds that role's bearer token. */
  gql(query: string, variables?: Record<string, unknown>, options?: { role?: keyof typeof TOKENS; headers?: Record<string, string> }): Promise<Reply>;
  /** Any request to a path of the API, body sent as given. */
  request(path: string, init?: RequestInit): Promise<Reply>;
  close(): Promise<void>;
}

/** The real API (real schema unless given) on a free port, with the limits, CORS and auth the test asks for. */
export async function startHardenedApi(options: HardenedApiOptions = {}): Promise<HardenedApi> {
  const logger = options.logger ?? testLogger;
  const db = openTestDatabase(options.uri ?? inject('neo4jUri'), logger, options.neo4j);
  const api = createApi({
    schema: options.schema ?? (await graphSchema()),
    db,
    logger,
    production: options.production ?? false,
    auth: options.auth,
    graphql: { jitAfter: 0, ...options.graphql },
    corsOrigins: options.corsOrigins,
  });
  let port: number;
  try {
    port = await api.listen(0, '127.0.0.1');
  } catch (error) {
    await db.close();
    throw error;
  }
  const url = `http://127.0.0.1:${port}`;
  const request = async (path: string, init?: RequestInit): Promise<Reply> => {
    const response = await fetch(`${url}${path}`, init);
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: response.status, headers: response.headers, body, text };
  };
  return {
    url,
    db,
    request,
    gql(query, variables, { role, headers = {} } = {}) {
      return request('/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(role ? { authorization: `Bearer ${TOKENS[role]}` } : {}),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
    },
    async close() {
      await api.close();
      await db.close();
    },
  };
}

/**
 * `levels` nested relation fields below a Practice: `dilemmas { practices { dilemmas { … { inner } } } }`.
 * Each level is one level of depth and, without `first`, a list of the assumed size.
 */
export function nest(levels: number, inner = 'id'): string {
  const names = Array.from({ length: levels }, (_, i) => (i % 2 === 0 ? 'dilemmas' : 'practices'));
  return names.reduceRight((selection, name) => `${name} { ${selection} }`, inner);
}

/**
 * What the embedded Neo4j's debug.log under `dataDir` says about the `neo4j` database: how often it was
 * started, and whether any start had to recover its store (the sign of an unclean shutdown before it).
 */
export function storeHistory(dataDir: string): { starts: number; recoveries: number } {
  const log = readFileSync(join(dataDir, 'logs', 'debug.log'), 'utf8');
  const count = (pattern: RegExp) => log.split('\n').filter((line) => pattern.test(line)).length;
  return {
    starts: count(/\[neo4j\/\w+\] Starting transaction log \[.*neostore\.transaction/),
    recoveries: count(/\[neo4j\/\w+\] Recovery required from position/),
  };
}
