import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StatementWarning } from '../../src/db/database.js';
import { startTestApi, type TestApi } from '../support/api.js';

let api: TestApi;
const warnings: StatementWarning[] = [];
let statements = 0;
let stopListening: () => void;
let stopCounting: () => void;

beforeAll(async () => {
  api = await startTestApi();
  stopListening = api.db.onWarning((warning) => warnings.push(warning));
  stopCounting = api.db.observe(() => statements++);
});
beforeEach(() => {
  warnings.length = 0;
});
afterAll(async () => {
  stopListening();
  stopCounting();
  await api.close();
});

const NODE_FIELDS = 'id ... on Practice { name description dilemmas { id name } sources { id } provenance { locator source { title } } }';

/** One query (or export) per kind of statement the API builds. */
const READS: Array<[string, string]> = [
  ['lists, unfiltered and filtered', '{ practices(first: 3) { totalCount edges { node { id } } } cases(first: 2, where: { nameContains: "a" }) { totalCount edges { node { id title } } } }'],
  [
    'nested relations, paged and counted',
    '{ municipalities(first: 2) { edges { node { id employees(first: 2) { totalCount edges { node { id practiceUses { evidence practice { id name } } } } } } } } }',
  ],
  ['nested relations, paged without a count', '{ practices(first: 2) { edges { node { id cases(first: 2) { edges { node { id summary } } } municipalities { id } } } } }'],
  [
    'a node with its relations in one statement',
    '{ practice(id: "practice:vertrouwen") { id dilemmas { id } cases(first: 2) { totalCount edges { node { id } } } usedBy { employee { id } } } }',
  ],
  ['node(id) of any type', `{ a: node(id: "practice:vertrouwen") { ${NODE_FIELDS} } b: node(id: "municipality:breda") { id } }`],
  ['neighbourhood', '{ neighbourhood(id: "municipality:breda", depth: 2, limit: 50) { nodes { id properties synthetic } edges { source target type properties } truncated } }'],
  ['paths', '{ shortestPath(from: "municipality:breda", to: "municipality:tilburg") { nodes { id } } allShortestPaths(from: "municipality:breda", to: "municipality:tilburg", limit: 2) { edges { type } } }'],
  ['co-occurrence, all cases and some municipalities', '{ a: cooccurrence(rows: PRACTICE, columns: DILEMMA) { rows { id } } b: cooccurrence(rows: PRACTICE, columns: MUNICIPALITY, municipalityIds: ["municipality:breda"]) { counts } }'],
  ['municipality analytics', '{ sharedPractices(municipalityIds: ["municipality:breda", "municipality:tilburg"]) { practice { id } } similarMunicipalities(id: "municipality:breda") { score } }'],
  ['search and stats', '{ search(query: "burgerinitiatief") { score node { id } } stats { nodeCount } }'],
  [
    'scoped lists and relations',
    '{ practices(first: 3, scope: REAL) { totalCount edges { node { id synthetic dilemmas(scope: REAL) { id } cases(first: 2, scope: SYNTHETIC) { totalCount edges { node { id } } } } } } municipality(id: "municipality:breda") { employees(first: 2, scope: SYNTHETIC) { totalCount } practices(scope: REAL) { id } provenance(scope: REAL) { synthetic } } }',
  ],
  [
    'scoped analytics',
    '{ neighbourhood(id: "municipality:breda", depth: 2, scope: REAL) { syntheticShare edges { synthetic } } shortestPath(from: "municipality:breda", to: "municipality:tilburg", scope: REAL) { syntheticShare } ' +
      'cooccurrence(rows: PRACTICE, columns: DILEMMA, scope: REAL) { counts syntheticCounts } b: cooccurrence(rows: PRACTICE, columns: MUNICIPALITY, municipalityIds: ["municipality:breda"], scope: SYNTHETIC) { counts } ' +
      'sharedPractices(municipalityIds: ["municipality:breda"], scope: REAL) { syntheticShare } similarMunicipalities(id: "municipality:breda", scope: SYNTHETIC) { score syntheticShare } ' +
      'search(query: "breda", scope: REAL) { synthetic } real: stats(scope: REAL) { nodeCount syntheticNodeCount topPractices { degree syntheticShare } } all: stats { syntheticShare } }',
  ],
];

describe('Neo4j has nothing to warn about in our statements', () => {
  it.each(READS)('%s', async (_name, query) => {
    const before = statements;
    const response = await api.gql(query);
    expect(response.body.errors).toBeUndefined();
    // The query reached Neo4j, so a warning would have been heard.
    expect(statements).toBeGreaterThan(before);
    expect(warnings).toEqual([]);
  });

  it('nor in the exports (whole graph paged, and a neighbourhood)', async () => {
    const before = statements;
    for (const path of ['/export/graph.graphml', '/export/edges.csv?focus=municipality:breda&depth=2', '/export/nodes.csv?scope=real', '/export/edges.csv?scope=synthetic']) {
      const response = await fetch(`${api.url}${path}`);
      expect(response.status).toBe(200);
      await response.text();
    }
    expect(statements).toBeGreaterThan(before);
    expect(warnings).toEqual([]);
  });
});
