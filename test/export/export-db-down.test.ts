import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { anyFreePort } from '../support/ports.js';

// The real API pointed at a port where no Neo4j listens (as test/foundation/db-down.test.ts does): an export
// fails on its first database read. Its 503 must be a JSON error, not something a browser saves as the file.
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ uri: `bolt://127.0.0.1:${await anyFreePort()}`, neo4j: { connectTimeoutMs: 1_000 } });
});
afterAll(() => api?.close());

describe('an export while Neo4j is unreachable', () => {
  it('answers 503 SERVICE_UNAVAILABLE as JSON, without the file\'s type, attachment or X- headers', async () => {
    // edges.csv reads its first page while streaming; graph.graphml reads network metrics before it.
    for (const file of ['edges.csv', 'graph.graphml']) {
      const response = await fetch(`${api.url}/export/${file}`);
      expect(response.status, file).toBe(503);
      expect(response.headers.get('content-type'), file).toMatch(/^application\/json/);
      expect(response.headers.get('content-disposition'), file).toBeNull();
      expect([...response.headers.keys()].filter((name) => name.startsWith('x-') && name !== 'x-request-id'), file).toEqual([]);
      const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
      expect(body.errors[0]!.extensions.code, file).toBe('SERVICE_UNAVAILABLE');
    }
  });
});
