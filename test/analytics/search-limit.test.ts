import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_MAX_LENGTH, SEARCH_MAX_PHRASES } from '../../src/analytics/lucene.js';
import { FULLTEXT_INDEX } from '../../src/db/fulltext.js';
import { startTestApi, uniqueId, type TestApi } from '../support/api.js';

// Neo4j expands every word of a search over each indexed property; past Lucene's 1024 clauses it refused the
// whole query, which reached the caller as INTERNAL_SERVER_ERROR. This file's practice (unique id, removed
// after) holds every word, so a search at the limit must find it.
const id = uniqueId('practice');
let api: TestApi;

/** `count` different two-character words that are no stop words (`q0` … `qz`, `x0` …): short, so enough fit in SEARCH_MAX_LENGTH. */
function words(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${'qxzj'[Math.floor(i / 36)]}${(i % 36).toString(36)}`);
}

const SEARCH = 'query ($query: String!) { search(query: $query, first: 100) { score node { id } } }';

beforeAll(async () => {
  api = await startTestApi();
  await api.db.write("CREATE (:Practice {id: $id, name: 'Woordenlijst', kind: 'SKILL', description: $description})", {
    id,
    description: words(SEARCH_MAX_PHRASES + 1).join(' '),
  });
});
afterAll(async () => {
  await api?.db.write('MATCH (n {id: $id}) DETACH DELETE n', { id });
  await api?.close();
});

describe('search with many words', () => {
  it('refuses one word more than the limit with BAD_USER_INPUT naming it, and finds what holds exactly the limit', async () => {
    const tooMany = words(SEARCH_MAX_PHRASES + 1).join(' ');
    expect(tooMany.length).toBeLessThanOrEqual(SEARCH_MAX_LENGTH);
    const refused = await api.gql(SEARCH, { query: tooMany });
    expect(refused.body.data).toBeNull();
    expect(refused.body.errors).toHaveLength(1);
    expect(refused.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
    expect(refused.body.errors![0]!.message).toMatch(new RegExp(`at most ${SEARCH_MAX_PHRASES} different words`));
    // Quoted phrases count as one part each, like words.
    const phrases = await api.gql(SEARCH, { query: words(SEARCH_MAX_PHRASES + 1).map((word) => `"${word}"`).join(' ') });
    expect(phrases.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });

    // At the limit the search runs, also with words repeated (Lucene merges a repeat, so it is no extra part).
    for (const query of [words(SEARCH_MAX_PHRASES).join(' '), [...words(SEARCH_MAX_PHRASES), ...words(10)].join(' ')]) {
      const found = await api.gql<{ search: Array<{ node: { id: string } }> }>(SEARCH, { query });
      expect(found.body.errors).toBeUndefined();
      expect(found.body.data!.search.map((hit) => hit.node.id)).toEqual([id]);
    }
  });

  it('maps a full-text query past Lucene\'s clause limit, however built, to BAD_USER_INPUT', async () => {
    const query = words(SEARCH_MAX_PHRASES + 1).map((word) => `+"${word}"`).join(' ');
    const read = api.db.read('CALL db.index.fulltext.queryNodes($index, $query) YIELD node RETURN node.id AS id', { index: FULLTEXT_INDEX, query });
    await expect(read).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', reason: 'TOO_MANY_CLAUSES' } });
  });
});
