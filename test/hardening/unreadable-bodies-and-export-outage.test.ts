import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyFreePort } from '../support/ports.js';
import { startHardenedApi, type HardenedApi } from './support.js';

/**
 * Errors outside GraphQL keep the GraphQL error shape: a `/graphql` body that does not decompress as its
 * Content-Encoding says is 400 with a JSON error body (not Express's HTML page), and the REFI-QDA exports
 * answer a Neo4j outage with 503 JSON that is not offered as a file to save.
 */
describe('/graphql: a body that cannot be decompressed', () => {
  let api: HardenedApi;
  beforeAll(async () => {
    api = await startHardenedApi();
  });
  afterAll(() => api?.close());

  it('Content-Encoding gzip on plain JSON: 400 with a GraphQL error body', async () => {
    const reply = await api.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'content-encoding': 'gzip' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    expect(reply.body.errors).toHaveLength(1);
    expect(reply.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' } });
    expect(reply.body.errors[0].message).toMatch(/^The request body could not be read as Content-Encoding gzip: /);
    expect(reply.text).not.toMatch(/<html|<pre>|node_modules/i);
  });
});

describe('REFI-QDA exports with Neo4j unavailable', () => {
  let api: HardenedApi;
  beforeAll(async () => {
    // Nothing listens on a free port: every statement fails with SERVICE_UNAVAILABLE.
    api = await startHardenedApi({ uri: `bolt://127.0.0.1:${await anyFreePort()}`, neo4j: { connectTimeoutMs: 1_000 } });
  });
  afterAll(() => api?.close());

  it.each(['project.qdpx', 'codebook.qdc'])('GET /export/%s: 503 with a JSON error and no attachment header', async (file) => {
    const reply = await api.request(`/export/${file}`);
    expect(reply.status).toBe(503);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    expect(reply.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(reply.headers.get('content-disposition')).toBeNull();
  });
});
