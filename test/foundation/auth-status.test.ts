import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { read, removeNodes, startAuthApi, TOKENS, uniqueSlug, type AuthApi } from '../mutations/support.js';

/**
 * Issue 15, point 7: the same `extensions.code` gets the same HTTP status whether it comes from the
 * `Authorization` header (checked before anything runs) or from a resolver (a mutation without a token):
 * UNAUTHENTICATED → 401 with a Bearer challenge, FORBIDDEN → 403. Before, a mutation without a token
 * answered 200 UNAUTHENTICATED while a bad token answered 401. `extensions.http` never reaches the body.
 */
let api: AuthApi;
let closed: AuthApi;
const created = new Set<string>();

beforeAll(async () => {
  api = await startAuthApi();
  closed = await startAuthApi({});
});

afterAll(async () => {
  await removeNodes(api.db, created);
  await api.close();
  await closed.close();
});

const create = (id: string) => `mutation { createDilemma(input: { id: "${id}", name: "Status ${id}" }) { id } }`;
const exists = async (id: string) => (await read(api.db, 'MATCH (n {id: $id}) RETURN n.id AS id', { id })).length > 0;

describe('HTTP status of refused callers', () => {
  it.each([
    { what: 'no token (anonymous)', authorization: undefined, status: 401, code: 'UNAUTHENTICATED' },
    { what: 'an unknown token', authorization: 'Bearer not-a-configured-token', status: 401, code: 'UNAUTHENTICATED' },
    { what: 'a malformed header', authorization: 'Basic abc', status: 401, code: 'UNAUTHENTICATED' },
    { what: 'a reader token', authorization: `Bearer ${TOKENS.reader}`, status: 403, code: 'FORBIDDEN' },
  ])('a mutation with $what answers $status $code, writing nothing', async ({ authorization, status, code }) => {
    const id = `dilemma:status-${uniqueSlug()}`;
    created.add(id);
    const response = await api.raw(create(id), authorization);
    expect(response.status).toBe(status);
    expect(response.body.errors?.[0]?.extensions?.code).toBe(code);
    expect(response.body.errors?.[0]?.extensions).not.toHaveProperty('http');
    if (status === 401) expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm=/);
    else expect(response.headers.get('www-authenticate')).toBeNull();
    expect(await exists(id)).toBe(false);
  });

  it('an editor token writes: 200, no errors', async () => {
    const id = `dilemma:status-${uniqueSlug()}`;
    created.add(id);
    const response = await api.raw(create(id), `Bearer ${TOKENS.editor}`);
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(await exists(id)).toBe(true);
  });

  it('writes disabled (no AUTH_TOKENS): 403 FORBIDDEN with or without a header', async () => {
    for (const authorization of [undefined, 'Bearer whatever']) {
      const id = `dilemma:status-${uniqueSlug()}`;
      const response = await closed.raw(create(id), authorization);
      expect(response.status).toBe(403);
      expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'WRITES_DISABLED' });
    }
  });

  it('reads are unaffected: anonymous 200, bad token 401 as before', async () => {
    expect((await api.raw('{ practices { totalCount } }')).status).toBe(200);
    expect((await api.raw('{ practices { totalCount } }', 'Bearer nope')).status).toBe(401);
  });
});
