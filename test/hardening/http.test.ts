import { GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../src/graph/context.js';
import { createTestLogger } from '../support/neo4j.js';
import { startHardenedApi, type HardenedApi } from './support.js';

/**
 * Issue 7, the HTTP side: body size (413) and malformed JSON (400), both with a GraphQL error body;
 * batching off by default; Apollo's CSRF prevention; CORS_ORIGINS; error masking in production with a
 * request id the client gets and the log keeps; INTROSPECTION and GRAPHIQL switches.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const post = (body: string, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
  body,
});

describe('request bodies', () => {
  let api: HardenedApi;
  beforeAll(async () => {
    api = await startHardenedApi();
  });
  afterAll(() => api?.close());

  it('a body over 1 MB gets 413 with a GraphQL error body', async () => {
    const padding = 'x'.repeat(1_048_576);
    const reply = await api.request('/graphql', post(JSON.stringify({ query: '{ __typename }', variables: { padding } })));
    expect(reply.status).toBe(413);
    expect(reply.body.errors).toHaveLength(1);
    expect(reply.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(reply.body.errors[0].message).toMatch(/larger than the limit of 1048576 bytes/);
    expect(reply.body.errors[0].extensions.requestId).toBe(reply.headers.get('x-request-id'));
  });

  it('answers are never stored by caches (they depend on who asks)', async () => {
    const reply = await api.request('/graphql', post(JSON.stringify({ query: '{ __typename }' })));
    expect(reply.status).toBe(200);
    expect(reply.headers.get('cache-control')).toBe('no-store');
  });

  it('a body just under 1 MB is served', async () => {
    const padding = 'x'.repeat(1_048_576 - 200);
    const reply = await api.request('/graphql', post(JSON.stringify({ query: '{ __typename }', variables: { padding } })));
    expect(reply.status).toBe(200);
    expect(reply.body.data).toEqual({ __typename: 'Query' });
  });

  it('malformed JSON gets 400 with a GraphQL error body, not an HTML page', async () => {
    const reply = await api.request('/graphql', post('{"query": "{ __typename }"'));
    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    expect(reply.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' } });
    expect(reply.body.errors[0].message).toMatch(/^The request body is not valid JSON/);
    expect(reply.text).not.toMatch(/<html|at JSON\.parse|node_modules/i);
  });

  it('JSON that is not an object (a bare string) gets 400 with a GraphQL error body', async () => {
    const reply = await api.request('/graphql', post('"{ __typename }"'));
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('batched requests (a JSON array) are refused by default', async () => {
    const reply = await api.request('/graphql', post(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }])));
    expect(reply.status).toBe(400);
    expect(reply.text).toMatch(/batching/i);
  });
});

describe('batching switched on (GRAPHQL_BATCHING=true, GRAPHQL_BATCH_MAX=3)', () => {
  let api: HardenedApi;
  beforeAll(async () => {
    api = await startHardenedApi({ graphql: { batching: true, batchMax: 3 } });
  });
  afterAll(() => api?.close());

  it('answers a batch of 3 with 3 results, each with its cost', async () => {
    const reply = await api.request('/graphql', post(JSON.stringify(Array.from({ length: 3 }, () => ({ query: '{ __typename }' })))));
    expect(reply.status).toBe(200);
    expect(reply.body).toHaveLength(3);
    expect(reply.body[0]).toMatchObject({ data: { __typename: 'Query' }, extensions: { cost: { requested: 0 } } });
  });

  it('refuses a batch of 4 with 400 naming GRAPHQL_BATCH_MAX', async () => {
    const reply = await api.request('/graphql', post(JSON.stringify(Array.from({ length: 4 }, () => ({ query: '{ __typename }' })))));
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].message).toMatch(/at most 3 operations \(GRAPHQL_BATCH_MAX\)/);
  });
});

describe("CSRF prevention (Apollo's)", () => {
  let api: HardenedApi;
  beforeAll(async () => {
    api = await startHardenedApi();
  });
  afterAll(() => api?.close());

  it('refuses a GET without a preflight-forcing header (a cross-site <img> or link could send it)', async () => {
    const reply = await api.request(`/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json' } });
    expect(reply.status).toBe(400);
    expect(reply.text).toMatch(/CSRF/);
  });

  it('serves the GET with Apollo-Require-Preflight', async () => {
    const reply = await api.request(`/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.data).toEqual({ __typename: 'Query' });
  });

  it('refuses a "simple" cross-site form POST (text/plain)', async () => {
    const reply = await api.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(reply.status).toBe(400);
  });
});

describe('CORS', () => {
  it('by default sends no CORS headers: only same-origin pages may read answers', async () => {
    const api = await startHardenedApi();
    try {
      const reply = await api.gql('{ __typename }', undefined, { headers: { origin: 'https://evil.example' } });
      expect(reply.status).toBe(200);
      expect(reply.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await api.request('/graphql', {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await api.close();
    }
  });

  it('CORS_ORIGINS lets the listed origins in, and nobody else', async () => {
    const api = await startHardenedApi({ corsOrigins: ['https://notebook.example.org', 'http://localhost:5173'] });
    try {
      const preflight = await api.request('/graphql', {
        method: 'OPTIONS',
        headers: {
          origin: 'http://localhost:5173',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, authorization',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(preflight.headers.get('access-control-allow-methods')).toMatch(/POST/);
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/i);
      expect(preflight.headers.get('vary')).toMatch(/Origin/);

      const allowed = await api.gql('{ __typename }', undefined, { headers: { origin: 'https://notebook.example.org' } });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://notebook.example.org');
      expect(allowed.headers.get('access-control-expose-headers')).toMatch(/X-Request-Id/i);

      const other = await api.gql('{ __typename }', undefined, { headers: { origin: 'https://notebook.example.org.evil.example' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();

      // The exports are readable cross-origin too (analysts' D3 pages).
      const health = await api.request('/health', { headers: { origin: 'http://localhost:5173' } });
      expect(health.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    } finally {
      await api.close();
    }
  });

  it('CORS_ORIGINS=* lets any origin in', async () => {
    const api = await startHardenedApi({ corsOrigins: '*' });
    try {
      const reply = await api.gql('{ __typename }', undefined, { headers: { origin: 'https://anyone.example' } });
      expect(reply.headers.get('access-control-allow-origin')).toBe('*');
    } finally {
      await api.close();
    }
  });
});

/** A schema with one field whose resolver sends broken Cypher through the real Database: an unexpected error. */
const brokenSchema = new GraphQLSchema({
  query: new GraphQLObjectType<unknown, Context>({
    name: 'Query',
    fields: {
      ok: { type: new GraphQLNonNull(GraphQLString), resolve: () => 'fine' },
      broken: {
        type: GraphQLString,
        resolve: async (_root, _args, ctx) => {
          await ctx.db.read('MATCH (secret:Practice) RETURN secret.name + AS leaked');
          return 'unreachable';
        },
      },
    },
  }),
});

describe('error masking and request ids', () => {
  it('production: an unexpected error reaches the client as INTERNAL_SERVER_ERROR with a request id, and nothing else', async () => {
    const logger = createTestLogger();
    const api = await startHardenedApi({ schema: brokenSchema, production: true, logger });
    try {
      const reply = await api.gql('{ ok broken }');
      expect(reply.status).toBe(200);
      expect(reply.body.data).toEqual({ ok: 'fine', broken: null });
      const requestId = reply.headers.get('x-request-id');
      expect(requestId).toMatch(UUID);
      expect(reply.body.errors).toEqual([
        { message: 'Internal server error.', locations: [{ line: 1, column: 6 }], path: ['broken'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } },
      ]);
      expect(reply.text).not.toMatch(/MATCH|secret|Neo4j|Neo\.|stack|\.ts:|node_modules/i);

      // The log has the whole error under the same request id.
      const logged = logger.lines.find((line) => line.message === 'unexpected error');
      expect(logged?.level).toBe('error');
      expect(logged?.fields?.requestId).toBe(requestId);
      expect(String((logged?.fields?.error as Error).message)).toMatch(/MATCH \(secret:Practice\)|Invalid input/);
    } finally {
      await api.close();
    }
  });

  it('development: the same error shows its message and stack (for the developer at hand)', async () => {
    const api = await startHardenedApi({ schema: brokenSchema, production: false });
    try {
      const reply = await api.gql('{ broken }');
      expect(reply.body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(reply.body.errors[0].extensions.requestId).toBe(reply.headers.get('x-request-id'));
      expect(reply.body.errors[0].extensions.stacktrace).toBeDefined();
    } finally {
      await api.close();
    }
  });

  it('production: validation errors keep their message but lose field and enum suggestions', async () => {
    const production = await startHardenedApi({ production: true });
    const development = await startHardenedApi({ production: false });
    try {
      const typo = '{ practices(frist: 2) { edges { node { nme kind } } } }';
      const masked = await production.gql(typo);
      expect(masked.status).toBe(400);
      const messages = masked.body.errors.map((error: { message: string }) => error.message);
      expect(messages).toContain('Unknown argument "frist" on field "Query.practices".');
      expect(messages).toContain('Cannot query field "nme" on type "Practice".');
      expect(masked.text).not.toMatch(/Did you mean|stacktrace/);
      for (const error of masked.body.errors) expect(error.extensions.requestId).toBe(masked.headers.get('x-request-id'));

      const enumTypo = await production.gql('{ practices(where: { kinds: [SKIL] }) { totalCount } }');
      expect(enumTypo.status).toBe(400);
      expect(enumTypo.text).not.toMatch(/Did you mean|SKILL/);

      const helpful = (await development.gql(typo)).body.errors.map((error: { message: string }) => error.message);
      expect(helpful).toContain('Unknown argument "frist" on field "Query.practices". Did you mean "first"?');
      expect(helpful).toContain('Cannot query field "nme" on type "Practice". Did you mean "name"?');
    } finally {
      await production.close();
      await development.close();
    }
  });

  it('every response of /graphql carries an X-Request-Id, different per request', async () => {
    const api = await startHardenedApi();
    try {
      const [a, b] = await Promise.all([api.gql('{ __typename }'), api.gql('{ __typename }')]);
      expect(a.headers.get('x-request-id')).toMatch(UUID);
      expect(b.headers.get('x-request-id')).toMatch(UUID);
      expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'));
    } finally {
      await api.close();
    }
  });
});

describe('INTROSPECTION and GRAPHIQL switches', () => {
  it('on by default: introspection answers, a browser GET of /graphql is not refused by us', async () => {
    const api = await startHardenedApi();
    try {
      const reply = await api.gql('{ __schema { queryType { name } } }');
      expect(reply.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      const page = await api.request('/graphql', { headers: { accept: 'text/html' } });
      expect(page.text).not.toMatch(/GRAPHIQL=false/);
    } finally {
      await api.close();
    }
  });

  it('INTROSPECTION=false, GRAPHIQL=false: introspection is a validation error, the browser page a 404 naming the switch', async () => {
    const api = await startHardenedApi({ graphql: { introspection: false, graphiql: false } });
    try {
      const reply = await api.gql('{ __schema { queryType { name } } }');
      expect(reply.status).toBe(400);
      expect(reply.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(reply.body.errors[0].message).toMatch(/introspection is not allowed/i);
      // __typename is not introspection of the schema: it still works.
      expect((await api.gql('{ __typename }')).body.data).toEqual({ __typename: 'Query' });
      const page = await api.request('/graphql', { headers: { accept: 'text/html' } });
      expect(page.status).toBe(404);
      expect(page.text).toMatch(/GRAPHIQL=false/);
    } finally {
      await api.close();
    }
  });
});
