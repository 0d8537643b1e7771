import neo4j from 'neo4j-driver';
import { luceneQuery } from '../../src/analytics/lucene.js';
import type { BenchmarkFixtures } from '../../src/import/generate.js';
import { COOCCURRENCE, NEIGHBOURHOOD, SEARCH } from './cypher.js';

export { CYPHER } from './cypher.js';

/** A GraphQL request: the operation and its variables. */
export interface GraphqlRequest {
  query: string;
  variables: Record<string, unknown>;
}

/** The same question asked three ways, with how to bring each answer to one comparable shape. */
export interface Workload {
  key: string;
  title: string;
  ours: GraphqlRequest;
  theirs: GraphqlRequest;
  raw: { cypher: string; params: Record<string, unknown> };
  /** `data` of our API's response → the canonical answer. */
  fromOurs(data: any): unknown;
  /** `data` of @neo4j/graphql's response → the canonical answer. */
  fromTheirs(data: any): unknown;
  /** The raw query's records (`record.toObject()`) → the canonical answer. */
  fromRaw(rows: any[]): unknown;
}

/** Cursors of the first page of workload 3 on each API (each API has its own cursor format). */
export interface PageCursors {
  ours: string;
  theirs: string;
}

/** Page size of workload 3, and of the lists of workload 2. */
const PAGE = 20;

/** The first page of workload 3, whose end cursor the second page starts after. */
export function firstPageRequests(fixtures: BenchmarkFixtures): { ours: GraphqlRequest; theirs: GraphqlRequest } {
  return {
    ours: {
      query: `query FilteredPage1($dilemma: ID!) { practices(where: { dilemmaIds: [$dilemma] }, orderBy: [{ field: NAME }], first: ${PAGE}) { pageInfo { endCursor } } }`,
      variables: { dilemma: fixtures.dilemmaId },
    },
    theirs: {
      query: `query FilteredPage1($dilemma: ID!) { practicesConnection(where: { dilemmas: { some: { id: { eq: $dilemma } } } }, sort: [{ name: ASC }, { id: ASC }], first: ${PAGE}) { pageInfo { endCursor } } }`,
      variables: { dilemma: fixtures.dilemmaId },
    },
  };
}

/**
 * The six workloads of issue 8, as fixed operations. Orderings are spelled out on @neo4j/graphql and in
 * Cypher to match our API's documented ones (by display name, ties by id), so the answers are equal item
 * for item. Each API is asked in its own idiom: our connections (`edges { node }`), their lists
 * (`limit`/`sort`), their connection where a total count is wanted.
 */
export function buildWorkloads(fixtures: BenchmarkFixtures, cursors: PageCursors): Workload[] {
  const int = (n: number) => neo4j.int(n);
  const lucene = luceneQuery(fixtures.searchText);
  return [
    {
      key: 'pointLookup',
      title: '1. point lookup: a practice by id, its dilemmas and 10 cases',
      ours: {
        query: `query PointLookup($id: ID!) { practice(id: $id) { id name kind description dilemmas { id name } cases(first: 10) { edges { node { id title year } } } } }`,
        variables: { id: fixtures.practiceId },
      },
      theirs: {
        query: `query PointLookup($id: ID!) { practices(where: { id: { eq: $id } }) { id name kind description dilemmas(sort: [{ name: ASC }, { id: ASC }]) { id name } cases(limit: 10, sort: [{ title: ASC }, { id: ASC }]) { id title year } } }`,
        variables: { id: fixtures.practiceId },
      },
      raw: {
        cypher: `MATCH (p:Practice {id: $id})
          RETURN p { .id, .name, .kind, .description,
            dilemmas: COLLECT { MATCH (p)-[:ADDRESSES]->(d:Dilemma) WITH d ORDER BY d.name, d.id RETURN d { .id, .name } },
            cases: COLLECT { MATCH (p)<-[:APPLIES]-(c:Case) WITH c ORDER BY c.title, c.id LIMIT 10 RETURN c { .id, .title, .year } }
          } AS practice`,
        params: { id: fixtures.practiceId },
      },
      fromOurs: (data) => practiceAnswer(data.practice && { ...data.practice, cases: data.practice.cases.edges.map((e: any) => e.node) }),
      fromTheirs: (data) => practiceAnswer(data.practices[0]),
      fromRaw: (rows) => practiceAnswer(rows[0]?.practice),
    },
    {
      key: 'nestedList',
      title: '2. nested list: 50 municipalities → 20 employees each → their practices → their dilemmas',
      ours: {
        query: `query NestedList { municipalities(first: 50) { edges { node { id name employees(first: ${PAGE}) { edges { node { id pseudonym practices { id name dilemmas { id name } } } } } } } } }`,
        variables: {},
      },
      theirs: {
        query: `query NestedList { municipalities(limit: 50, sort: [{ name: ASC }, { id: ASC }]) { id name employees(limit: ${PAGE}, sort: [{ pseudonym: ASC }, { id: ASC }]) { id pseudonym practices(sort: [{ name: ASC }, { id: ASC }]) { id name dilemmas(sort: [{ name: ASC }, { id: ASC }]) { id name } } } } }`,
        variables: {},
      },
      raw: {
        cypher: `MATCH (m:Municipality) WITH m ORDER BY m.name, m.id LIMIT 50
          RETURN m { .id, .name,
            employees: COLLECT { MATCH (m)<-[:WORKS_AT]-(e:Employee) WITH e ORDER BY e.pseudonym, e.id LIMIT ${PAGE}
              RETURN e { .id, .pseudonym,
                practices: COLLECT { MATCH (e)-[:USES]->(p:Practice) WITH p ORDER BY p.name, p.id
                  RETURN p { .id, .name,
                    dilemmas: COLLECT { MATCH (p)-[:ADDRESSES]->(d:Dilemma) WITH d ORDER BY d.name, d.id RETURN d { .id, .name } } } } } }
          } AS municipality`,
        params: {},
      },
      fromOurs: (data) =>
        data.municipalities.edges.map((m: any) => ({ ...m.node, employees: m.node.employees.edges.map((e: any) => e.node) })),
      fromTheirs: (data) => data.municipalities,
      fromRaw: (rows) => rows.map((row) => row.municipality),
    },
    {
      key: 'filteredPage',
      title: '3. filtered page: practices addressing a dilemma, by name, page 2 of 20, with totalCount',
      ours: {
        query: `query FilteredPage($dilemma: ID!, $after: String) { practices(where: { dilemmaIds: [$dilemma] }, orderBy: [{ field: NAME }], first: ${PAGE}, after: $after) { totalCount edges { node { id name kind } } } }`,
        variables: { dilemma: fixtures.dilemmaId, after: cursors.ours },
      },
      theirs: {
        query: `query FilteredPage($dilemma: ID!, $after: String) { practicesConnection(where: { dilemmas: { some: { id: { eq: $dilemma } } } }, sort: [{ name: ASC }, { id: ASC }], first: ${PAGE}, after: $after) { totalCount edges { node { id name kind } } } }`,
        variables: { dilemma: fixtures.dilemmaId, after: cursors.theirs },
      },
      raw: {
        cypher: `MATCH (p:Practice) WHERE EXISTS { (p)-[:ADDRESSES]->(:Dilemma {id: $dilemma}) }
          WITH p ORDER BY p.name, p.id
          WITH collect(p { .id, .name, .kind }) AS matching
          RETURN size(matching) AS totalCount, matching[$offset..($offset + $first)] AS page`,
        params: { dilemma: fixtures.dilemmaId, offset: int(PAGE), first: int(PAGE) },
      },
      fromOurs: (data) => ({ totalCount: data.practices.totalCount, page: data.practices.edges.map((e: any) => e.node) }),
      fromTheirs: (data) => ({ totalCount: data.practicesConnection.totalCount, page: data.practicesConnection.edges.map((e: any) => e.node) }),
      fromRaw: (rows) => ({ totalCount: rows[0].totalCount, page: rows[0].page }),
    },
    {
      key: 'neighbourhood',
      title: '4. neighbourhood of a municipality, depth 2, limit 500',
      ours: {
        query: `query Neighbourhood($id: ID!) { neighbourhood(id: $id, depth: 2, limit: 500) { nodes { id type label } edges { type source target } } }`,
        variables: { id: fixtures.municipalityId },
      },
      theirs: {
        query: `query Neighbourhood($id: ID!) { neighbourhood(id: $id, limit: 500) { nodes { id type label } edges { type source target } } }`,
        variables: { id: fixtures.municipalityId },
      },
      raw: { cypher: NEIGHBOURHOOD, params: { id: fixtures.municipalityId, limit: int(500) } },
      fromOurs: (data) => data.neighbourhood,
      fromTheirs: (data) => data.neighbourhood,
      fromRaw: (rows) => rows[0].result,
    },
    {
      key: 'cooccurrence',
      title: '5. co-occurrence practices × dilemmas over the cases of 10 municipalities',
      ours: {
        query: `query Cooccurrence($ids: [ID!]) { cooccurrence(rows: PRACTICE, columns: DILEMMA, municipalityIds: $ids) { rows { id } columns { id } rowLabels columnLabels counts } }`,
        variables: { ids: fixtures.municipalityIds },
      },
      theirs: {
        query: `query Cooccurrence($ids: [ID!]!) { cooccurrence(municipalityIds: $ids) { rows { id label } columns { id label } counts } }`,
        variables: { ids: fixtures.municipalityIds },
      },
      raw: { cypher: COOCCURRENCE, params: { municipalityIds: fixtures.municipalityIds } },
      fromOurs: (data) => {
        const m = data.cooccurrence;
        return {
          rows: m.rows.map((row: any, i: number) => ({ id: row.id, label: m.rowLabels[i] })),
          columns: m.columns.map((column: any, j: number) => ({ id: column.id, label: m.columnLabels[j] })),
          counts: m.counts,
        };
      },
      fromTheirs: (data) => data.cooccurrence,
      fromRaw: (rows) => rows[0].result,
    },
    {
      key: 'search',
      title: `6. full-text search "${fixtures.searchText}", first 20`,
      ours: {
        query: `query Search($q: String!) { search(query: $q, first: 20) { score type label node { id } } }`,
        variables: { q: fixtures.searchText },
      },
      theirs: {
        // @neo4j/graphql cannot run our JavaScript: the client sends the escaped Lucene query.
        query: `query Search($q: String!) { search(query: $q, first: 20) { id type label score } }`,
        variables: { q: lucene },
      },
      raw: { cypher: SEARCH, params: { query: lucene, first: int(20) } },
      fromOurs: (data) => data.search.map((hit: any) => searchHit({ ...hit, id: hit.node.id })),
      fromTheirs: (data) => data.search.map(searchHit),
      fromRaw: (rows) => rows.map((row) => searchHit(row.result)),
    },
  ];
}

function practiceAnswer(p: any): unknown {
  if (!p) return null;
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    description: p.description ?? null,
    dilemmas: p.dilemmas,
    cases: p.cases.map((c: any) => ({ id: c.id, title: c.title, year: c.year ?? null })),
  };
}

function searchHit(hit: any): unknown {
  // Scores are floats computed by the same index; compare them to 5 significant digits.
  return { id: hit.id, type: hit.type, label: hit.label, score: Number(Number(hit.score).toPrecision(5)) };
}

/**
 * The canonical JSON of an answer: object keys sorted, so that property order does not matter (list
 * order does: every workload has a defined order).
 */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}

/** The first place two canonical answers differ, for the error message. */
export function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 80);
  return `at character ${i}:\n  ${a.slice(from, i + 80)}\n  ${b.slice(from, i + 80)}`;
}
