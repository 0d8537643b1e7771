import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchQuery, SearchQueryVariables, StatsQuery, StatsQueryVariables } from '../generated/operations.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { query, runOperation } from '../support/operations.js';

// Expected values are read off the seed files by hand (seed/README.md lists the counts).
let api: TestApi;
let endpoint: string;
beforeAll(async () => {
  api = await startTestApi();
  endpoint = `${api.url}/graphql`;
});
afterAll(() => api.close());

const search = (variables: SearchQueryVariables) => query<SearchQuery, SearchQueryVariables>(endpoint, 'Search', variables).then((data) => data.search);

describe('search', () => {
  it('finds a Dutch phrase as a phrase', async () => {
    const hits = await search({ query: '"geest van de wet"' });
    expect(hits.map((hit) => hit.node.id)).toEqual(['practice:handelen-in-de-geest-van-de-wet']);
    expect(hits[0]).toMatchObject({ type: 'PRACTICE', label: 'Handelen in de geest van de wet', node: { __typename: 'Practice' } });
    expect(hits[0]!.score).toBeGreaterThan(0);
    // The same words in another order are no match for the phrase.
    expect(await search({ query: '"wet de van geest"' })).toEqual([]);
  });

  it('folds diacritics both ways', async () => {
    // "Zorgcoöperatie in een kerkdorp" (a case title); "Pop-upcafé …" has "café" in its summary.
    for (const text of ['zorgcooperatie', 'Zorgcoöperatie', 'ZORGCOÖPERATIE']) {
      expect((await search({ query: text })).map((hit) => hit.node.id)).toEqual(['case:zorgcooperatie-kerkdorp-apeldoorn']);
    }
    expect((await search({ query: 'cafe' })).map((hit) => hit.node.id)).toContain('case:pop-upcafe-leegstaand-pand-amersfoort');
    expect((await search({ query: 'café' })).map((hit) => hit.node.id)).toContain('case:pop-upcafe-leegstaand-pand-amersfoort');
  });

  it('ranks by score, requires every word, filters by type and honours first', async () => {
    // "gemeente" occurs in practices, cases and the meeting's (verbatim) title; the dilemmas' report wording has only "gemeentelijke".
    const hits = await search({ query: 'gemeente', first: 100 });
    expect(new Set(hits.map((hit) => hit.type))).toEqual(new Set(['PRACTICE', 'MEETING', 'CASE']));
    const scores = hits.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // "stad" occurs in two dilemmas' descriptions ("partijen in de stad", "initiatieven van de stad").
    const dilemmas = await search({ query: 'stad', types: ['DILEMMA'] });
    expect(dilemmas.length).toBeGreaterThan(0);
    expect(dilemmas.every((hit) => hit.type === 'DILEMMA' && hit.node.__typename === 'Dilemma')).toBe(true);
    expect((await search({ query: 'vertrouwen', types: ['PRACTICE', 'CASE'] })).map((hit) => hit.node.id)).toContain('practice:vertrouwen');
    expect(await search({ query: 'vertrouwen', types: ['MEETING'] })).toEqual([]);
    expect(await search({ query: 'de', first: 3 })).toHaveLength(3);
    // Both words must occur: the phrase practice has "geest" and "wet", no node has "geest" and "zorgcoöperatie".
    expect((await search({ query: 'wet geest' })).map((hit) => hit.node.id)).toContain('practice:handelen-in-de-geest-van-de-wet');
    expect(await search({ query: 'geest zorgcoöperatie' })).toEqual([]);
  });

  it('treats hostile input as words: never an error, never a 500', async () => {
    const hostile = [
      '") OR 1=1 //',
      "' OR '1'='1",
      '*',
      '?',
      'title:*',
      'name:vertrouwen',
      '\\',
      'a"b',
      'AND',
      'OR NOT',
      '((((',
      '[a TO z]',
      '{!lucene q=x}',
      'vertrouwen~2',
      'vertrouwen^100',
      '/.*/',
      '+-&&||!(){}[]^"~*?:\\/',
      'x'.repeat(500),
      'a '.repeat(249) + 'a',
      '🙂 emoji',
      '\u0000\u0001 null',
      '$query',
      'MATCH (n) DETACH DELETE n',
    ];
    for (const text of hostile) {
      const result = await runOperation<SearchQuery, SearchQueryVariables>(endpoint, 'Search', { query: text });
      expect(result.errors, `${JSON.stringify(text)} → ${JSON.stringify(result.errors)}`).toBeUndefined();
      expect(Array.isArray(result.data?.search)).toBe(true);
    }
    // Operators and fields are plain words: "name:vertrouwen" looks for the words "name" and "vertrouwen" in sequence.
    expect(await search({ query: 'name:vertrouwen' })).toEqual([]);
  });

  it('refuses blank and over-long queries and first outside 1..100 with BAD_USER_INPUT', async () => {
    // Quotes alone leave nothing to search for.
    for (const variables of [{ query: '' }, { query: '   ' }, { query: '""' }, { query: '"' }, { query: '"""' }, { query: 'x'.repeat(501) }, { query: 'wet', first: 0 }, { query: 'wet', first: 101 }]) {
      const result = await runOperation<SearchQuery, SearchQueryVariables>(endpoint, 'Search', variables);
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe('BAD_USER_INPUT');
    }
  });
});

describe('stats', () => {
  const stats = (top?: number) => query<StatsQuery, StatsQueryVariables>(endpoint, 'Stats', { top }).then((data) => data.stats);

  it('counts nodes and relationships per label and per type, in model order', async () => {
    const result = await stats();
    // Other test files may add nodes while this runs, so the seed's counts are lower bounds here
    // (the export tests compare exact counts with the exports).
    expect(result.byLabel.map((entry) => entry.label)).toEqual([
      'Research', 'Organisation', 'Person', 'Municipality', 'Employee', 'Practice', 'Dilemma', 'Conclusion', 'Meeting', 'Case', 'Source', 'Quotation', 'Talk',
    ]);
    const seedLabels: Record<string, number> = {
      Research: 1, Organisation: 4, Person: 4, Municipality: 6, Employee: 30, Practice: 15, Dilemma: 3, Conclusion: 3, Meeting: 1, Case: 36, Source: 2, Quotation: 0, Talk: 1,
    };
    for (const entry of result.byLabel) expect(entry.count, entry.label).toBeGreaterThanOrEqual(seedLabels[entry.label]!);
    const seedTypes: Record<string, number> = {
      LED_BY: 1, FUNDED_BY: 9, HAS_CONTACT: 1, PARTNERS_WITH: 6, RESEARCHES: 3, AFFILIATED_WITH: 5, WORKS_AT: 30, INTERVIEWED_FOR: 30, USES: 80, DESCRIBED: 45,
      IN: 36, APPLIES: 79, RAISES: 46, ADDRESSES: 12, PART_OF: 1, DISCUSSED: 3, CONCLUDED: 3, SPOKE_AT: 2, GAVE: 1, GIVEN_AT: 1, NAMES: 4, CONCERNS: 2, CALLS_FOR: 3,
      QUOTED_FROM: 0, SAID: 0, CODED_AS: 0, INTERVIEWED_IN: 0, SOURCED_FROM: 104,
    };
    expect(result.byType.map((entry) => entry.type)).toEqual(Object.keys(seedTypes));
    for (const entry of result.byType) expect(entry.count, entry.type).toBeGreaterThanOrEqual(seedTypes[entry.type]!);
    expect(result.nodeCount).toBeGreaterThanOrEqual(106);
    expect(result.relationshipCount).toBeGreaterThanOrEqual(507);
    expect(result.nodeCount).toBe(result.byLabel.reduce((sum, entry) => sum + entry.count, 0));
    expect(result.relationshipCount).toBe(result.byType.reduce((sum, entry) => sum + entry.count, 0));
  });

  it('names the most connected practices: vertrouwen (14 USES + 13 APPLIES + named in the talk), then mogelijk maken (12 + 10 + 1)', async () => {
    const top = (await stats(3)).topPractices;
    expect(top.map((entry) => [entry.practice.id, entry.degree])).toEqual([
      ['practice:vertrouwen', 28],
      ['practice:mogelijk-maken-in-plaats-van-oordelen', 23],
      ['practice:verbinden-van-partijen', 16],
    ]);
    expect((await stats()).topPractices).toHaveLength(10);
    const result = await runOperation<StatsQuery, StatsQueryVariables>(endpoint, 'Stats', { top: 0 });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
